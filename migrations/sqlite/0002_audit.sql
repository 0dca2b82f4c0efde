-- The audit log: append-only, hash-chained and MAC'd. The triggers refuse any change or removal;
-- `waymark audit verify` finds tampering done around them.
CREATE TABLE audit_events (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  request_id TEXT,
  actor_id TEXT,
  organisation_id TEXT,
  action TEXT NOT NULL,
  outcome TEXT NOT NULL,
  subject_type TEXT,
  subject_id TEXT,
  details TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  mac TEXT NOT NULL
) STRICT;
CREATE INDEX audit_events_subject ON audit_events (subject_type, subject_id);

-- The newest link, updated in the same transaction as each append; it serialises appenders.
CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq INTEGER NOT NULL,
  hash TEXT NOT NULL
) STRICT;
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '');

CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
  SELECT RAISE(ABORT, 'audit events are append-only');
END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
  SELECT RAISE(ABORT, 'audit events are append-only');
END;
