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
  recipient BYTEA,
  contact_method TEXT NOT NULL DEFAULT '',
  decision TEXT NOT NULL CHECK (decision IN ('given', 'refused')),
  language TEXT NOT NULL,
  interpreter_used BIGINT NOT NULL CHECK (interpreter_used IN (0, 1)),
  format TEXT NOT NULL,
  decided_on TEXT NOT NULL,
  expires_on TEXT,
  notes BYTEA,
  withdrawn_on TEXT,
  withdrawal_note BYTEA,
  withdrawn_at TEXT,
  withdrawn_by TEXT REFERENCES users (id),
  version BIGINT NOT NULL DEFAULT 1,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES users (id)
);
CREATE INDEX consents_case ON consents (case_id, decided_on);
CREATE INDEX consents_expiry ON consents (case_id, expires_on);

CREATE FUNCTION consents_withdraw_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'TRUNCATE') THEN
    RAISE EXCEPTION 'consent records are never deleted';
  END IF;
  IF OLD.withdrawn_on IS NOT NULL OR NEW.withdrawn_on IS NULL
     OR NEW.id IS DISTINCT FROM OLD.id OR NEW.case_id IS DISTINCT FROM OLD.case_id
     OR NEW.organisation_id IS DISTINCT FROM OLD.organisation_id
     OR NEW.purpose IS DISTINCT FROM OLD.purpose OR NEW.recipient IS DISTINCT FROM OLD.recipient
     OR NEW.contact_method IS DISTINCT FROM OLD.contact_method
     OR NEW.decision IS DISTINCT FROM OLD.decision OR NEW.language IS DISTINCT FROM OLD.language
     OR NEW.interpreter_used IS DISTINCT FROM OLD.interpreter_used
     OR NEW.format IS DISTINCT FROM OLD.format OR NEW.decided_on IS DISTINCT FROM OLD.decided_on
     OR NEW.expires_on IS DISTINCT FROM OLD.expires_on OR NEW.notes IS DISTINCT FROM OLD.notes
     OR NEW.recorded_at IS DISTINCT FROM OLD.recorded_at
     OR NEW.recorded_by IS DISTINCT FROM OLD.recorded_by THEN
    RAISE EXCEPTION 'a consent record changes only by recording its withdrawal, once';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER consents_keep BEFORE UPDATE OR DELETE ON consents
  FOR EACH ROW EXECUTE FUNCTION consents_withdraw_only();

CREATE TABLE disclosures (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases (id),
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  recipient BYTEA NOT NULL,
  shared BYTEA NOT NULL,
  disclosed_on TEXT NOT NULL,
  basis TEXT NOT NULL CHECK (basis IN ('consent', 'safeguarding', 'crime_prevention',
                                       'court_order')),
  consent_id TEXT REFERENCES consents (id),
  reason BYTEA,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES users (id),
  CHECK ((basis = 'consent') = (consent_id IS NOT NULL)),
  CHECK ((basis = 'consent') = (reason IS NULL))
);
CREATE INDEX disclosures_case ON disclosures (case_id, disclosed_on);

CREATE FUNCTION disclosures_never_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'disclosure records never change and are never deleted';
END
$$;
CREATE TRIGGER disclosures_keep BEFORE UPDATE OR DELETE ON disclosures
  FOR EACH ROW EXECUTE FUNCTION disclosures_never_change();
CREATE TRIGGER disclosures_no_truncate BEFORE TRUNCATE ON disclosures
  FOR EACH STATEMENT EXECUTE FUNCTION disclosures_never_change();
CREATE TRIGGER consents_no_truncate BEFORE TRUNCATE ON consents
  FOR EACH STATEMENT EXECUTE FUNCTION consents_withdraw_only();
