-- Work: the dates that make tasks, and the tasks people add by hand.
--
-- case_deadlines holds each case's due dates as the features that own them computed them (the
-- NRM deadlines, the risk review, the plan review, consent expiry). A feature replaces its own
-- rows for a case in the same transaction as the change that moved them, so "my tasks" is one
-- indexed query rather than a replay of every case. Codes and dates only: nothing personal.
CREATE TABLE case_deadlines (
  case_id TEXT NOT NULL REFERENCES cases (id),
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  source TEXT NOT NULL,
  kind TEXT NOT NULL,
  subject_id TEXT NOT NULL DEFAULT '',
  due_on TEXT NOT NULL,
  PRIMARY KEY (case_id, source, kind, subject_id)
);
CREATE INDEX case_deadlines_due ON case_deadlines (organisation_id, due_on);

-- Tasks added by hand. The title may name people, so it is encrypted for this table and row.
CREATE TABLE case_tasks (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases (id),
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  assigned_to TEXT NOT NULL REFERENCES users (id),
  title BYTEA NOT NULL,
  due_on TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'done')),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  completed_at TEXT,
  completed_by TEXT,
  version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX case_tasks_open ON case_tasks (organisation_id, status, due_on);
CREATE INDEX case_tasks_case ON case_tasks (case_id, status);
