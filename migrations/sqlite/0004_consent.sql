-- Consent records and disclosures inside a case. Codes (purpose, decision, method, format,
-- basis) and dates are in the clear for rules and reports; what people type (the organisation's
-- name, notes, what was shared, reasons) is encrypted with the organisation's data key, bound to
-- table, column and row. Neither kind of record is ever deleted; a consent changes only once,
-- when its withdrawal is recorded, and a disclosure never changes (the triggers enforce both).

CREATE TABLE consents (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases (id),
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  purpose TEXT NOT NULL CHECK (purpose IN ('support', 'nrm_referral', 'sharing', 'contact')),
  recipient BLOB,
  contact_method TEXT NOT NULL DEFAULT '',
  decision TEXT NOT NULL CHECK (decision IN ('given', 'refused')),
  language TEXT NOT NULL,
  interpreter_used INTEGER NOT NULL CHECK (interpreter_used IN (0, 1)),
  format TEXT NOT NULL,
  decided_on TEXT NOT NULL,
  expires_on TEXT,
  notes BLOB,
  withdrawn_on TEXT,
  withdrawal_note BLOB,
  withdrawn_at TEXT,
  withdrawn_by TEXT REFERENCES users (id),
  version INTEGER NOT NULL DEFAULT 1,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES users (id)
) STRICT;
CREATE INDEX consents_case ON consents (case_id, decided_on);
CREATE INDEX consents_expiry ON consents (case_id, expires_on);

CREATE TRIGGER consents_no_delete BEFORE DELETE ON consents
BEGIN
  SELECT RAISE(ABORT, 'consent records are never deleted');
END;
CREATE TRIGGER consents_withdraw_only BEFORE UPDATE ON consents
WHEN OLD.withdrawn_on IS NOT NULL OR NEW.withdrawn_on IS NULL
  OR NEW.id IS NOT OLD.id OR NEW.case_id IS NOT OLD.case_id
  OR NEW.organisation_id IS NOT OLD.organisation_id OR NEW.purpose IS NOT OLD.purpose
  OR NEW.recipient IS NOT OLD.recipient OR NEW.contact_method IS NOT OLD.contact_method
  OR NEW.decision IS NOT OLD.decision OR NEW.language IS NOT OLD.language
  OR NEW.interpreter_used IS NOT OLD.interpreter_used OR NEW.format IS NOT OLD.format
  OR NEW.decided_on IS NOT OLD.decided_on OR NEW.expires_on IS NOT OLD.expires_on
  OR NEW.notes IS NOT OLD.notes OR NEW.recorded_at IS NOT OLD.recorded_at
  OR NEW.recorded_by IS NOT OLD.recorded_by
BEGIN
  SELECT RAISE(ABORT, 'a consent record changes only by recording its withdrawal, once');
END;

CREATE TABLE disclosures (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases (id),
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  recipient BLOB NOT NULL,
  shared BLOB NOT NULL,
  disclosed_on TEXT NOT NULL,
  basis TEXT NOT NULL CHECK (basis IN ('consent', 'safeguarding', 'crime_prevention',
                                       'court_order')),
  consent_id TEXT REFERENCES consents (id),
  reason BLOB,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES users (id),
  CHECK ((basis = 'consent') = (consent_id IS NOT NULL)),
  CHECK ((basis = 'consent') = (reason IS NULL))
) STRICT;
CREATE INDEX disclosures_case ON disclosures (case_id, disclosed_on);

CREATE TRIGGER disclosures_no_update BEFORE UPDATE ON disclosures
BEGIN
  SELECT RAISE(ABORT, 'disclosure records never change');
END;
CREATE TRIGGER disclosures_no_delete BEFORE DELETE ON disclosures
BEGIN
  SELECT RAISE(ABORT, 'disclosure records are never deleted');
END;
