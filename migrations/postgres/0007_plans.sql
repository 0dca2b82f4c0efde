-- Support and safety plans (SFJBMS05): every version of a case's plan is a row. A draft is
-- changed in place (revision checked); once agreed, a row's content never changes again (the
-- trigger below keeps that true whatever the code does), approval only adds who approved it
-- and when, and a change starts the next version as a new draft. The free text (goals,
-- actions, evidence for the twenty points, how the person agreed) is one document per row,
-- encrypted with the organisation's data key bound to this table, column and row
-- ("<case_id>:<version>"); status, dates and user ids are in the clear for lists and tasks.
-- `revision` counts every change to the case's plan across its versions, so a form that
-- carries it notices any change since it was shown, including a new version.

CREATE TABLE plan_versions (
  case_id TEXT NOT NULL REFERENCES cases (id),
  version BIGINT NOT NULL CHECK (version >= 1),
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  status TEXT NOT NULL CHECK (status IN ('draft', 'agreed', 'approved')),
  revision BIGINT NOT NULL CHECK (revision >= 1),
  review_on TEXT,
  agreed_on TEXT,
  agreed_by TEXT REFERENCES users (id),
  approved_on TEXT,
  approved_by TEXT REFERENCES users (id),
  document BYTEA NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (case_id, version),
  CHECK ((status = 'draft') = (agreed_on IS NULL)),
  CHECK ((status = 'approved') = (approved_on IS NOT NULL))
);
CREATE INDEX plan_versions_review ON plan_versions (organisation_id, status, review_on);

CREATE FUNCTION plan_versions_agreed_unchanged() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'draft' THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.status = 'agreed' AND NEW.status = 'approved'
     AND NEW.case_id = OLD.case_id AND NEW.version = OLD.version
     AND NEW.document = OLD.document AND NEW.review_on IS NOT DISTINCT FROM OLD.review_on
     AND NEW.agreed_on IS NOT DISTINCT FROM OLD.agreed_on
     AND NEW.agreed_by IS NOT DISTINCT FROM OLD.agreed_by THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'an agreed plan version is never changed: revise it instead';
END
$$;
CREATE TRIGGER plan_versions_agreed_unchanged BEFORE UPDATE OR DELETE ON plan_versions
  FOR EACH ROW EXECUTE FUNCTION plan_versions_agreed_unchanged();
