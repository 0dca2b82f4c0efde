-- Needs and risk assessments. Every assessment is a new row that is never updated (the
-- triggers refuse it): a review records a new version, numbered per case, and names the version
-- it was based on. Codes, dates and who recorded it are in the clear for lists, filters and
-- reminders; the free text (descriptions of needs, strengths, notes on risks) is one JSON
-- document per row encrypted with the organisation's data key, bound to table, column and row.

CREATE TABLE needs_assessments (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases (id),
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  version INTEGER NOT NULL CHECK (version >= 1),
  based_on INTEGER CHECK (based_on >= 1 AND based_on < version),
  kind TEXT NOT NULL CHECK (kind IN ('initial', 'full')),
  mode TEXT NOT NULL CHECK (mode IN ('in_person', 'phone', 'video')),
  assessed_on TEXT NOT NULL,
  document BLOB NOT NULL,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES users (id),
  UNIQUE (case_id, version)
) STRICT;

-- One row per need, in the order recorded; its description is in the assessment's document.
CREATE TABLE needs_assessment_needs (
  assessment_id TEXT NOT NULL REFERENCES needs_assessments (id),
  ordinal INTEGER NOT NULL,
  area TEXT NOT NULL,
  time_frame TEXT NOT NULL CHECK (time_frame IN ('immediate', 'short_term', 'long_term')),
  met INTEGER NOT NULL CHECK (met IN (0, 1)),
  PRIMARY KEY (assessment_id, ordinal)
) STRICT;

CREATE TABLE risk_assessments (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases (id),
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  version INTEGER NOT NULL CHECK (version >= 1),
  based_on INTEGER CHECK (based_on >= 1 AND based_on < version),
  assessed_on TEXT NOT NULL,
  overall TEXT NOT NULL CHECK (overall IN ('low', 'medium', 'high')),
  review_on TEXT NOT NULL,
  document BLOB NOT NULL,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES users (id),
  UNIQUE (case_id, version)
) STRICT;
-- Reviews falling due across a provider (reminders and task lists).
CREATE INDEX risk_assessments_review ON risk_assessments (organisation_id, review_on);

-- One row per kind of risk; its notes are in the assessment's document.
CREATE TABLE risk_assessment_ratings (
  assessment_id TEXT NOT NULL REFERENCES risk_assessments (id),
  kind TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('none', 'low', 'medium', 'high')),
  PRIMARY KEY (assessment_id, kind)
) STRICT;

CREATE TRIGGER needs_assessments_no_update BEFORE UPDATE ON needs_assessments
BEGIN
  SELECT RAISE(ABORT, 'assessments are never changed: record a new version');
END;
CREATE TRIGGER needs_assessment_needs_no_update BEFORE UPDATE ON needs_assessment_needs
BEGIN
  SELECT RAISE(ABORT, 'assessments are never changed: record a new version');
END;
CREATE TRIGGER risk_assessments_no_update BEFORE UPDATE ON risk_assessments
BEGIN
  SELECT RAISE(ABORT, 'assessments are never changed: record a new version');
END;
CREATE TRIGGER risk_assessment_ratings_no_update BEFORE UPDATE ON risk_assessment_ratings
BEGIN
  SELECT RAISE(ABORT, 'assessments are never changed: record a new version');
END;
