-- Contacts and notes inside a case, and the survivor's own account. The free text (notes, the
-- reason a contact was entered in error, the own account) is encrypted with the organisation's
-- data key, bound to table, column and row; date, type, with whom, interpreter language,
-- duration and the restricted flag are non-identifying codes, in the clear for lists and
-- statistics. Contacts are corrected, never deleted: every saved version is a row of
-- case_contact_versions, and a contact written by mistake is marked entered in error.

CREATE TABLE case_contacts (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases (id),
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  contact_date TEXT NOT NULL,
  contact_time TEXT NOT NULL DEFAULT '',
  contact_type TEXT NOT NULL
    CHECK (contact_type IN ('visit', 'phone', 'video', 'message', 'attempted', 'other')),
  contact_with TEXT NOT NULL CHECK (contact_with IN ('survivor', 'agency')),
  interpreter_used BIGINT NOT NULL CHECK (interpreter_used IN (0, 1)),
  interpreter_language TEXT NOT NULL DEFAULT '',
  duration_minutes BIGINT CHECK (duration_minutes BETWEEN 1 AND 1440),
  restricted BIGINT NOT NULL CHECK (restricted IN (0, 1)),
  notes BYTEA NOT NULL,
  entered_in_error BIGINT NOT NULL DEFAULT 0 CHECK (entered_in_error IN (0, 1)),
  error_reason BYTEA,
  version BIGINT NOT NULL DEFAULT 1,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
);
-- A case's list, newest first, one page at a time; also its count and latest date.
CREATE INDEX case_contacts_by_date
  ON case_contacts (case_id, contact_date DESC, contact_time DESC, recorded_at DESC);

CREATE TABLE case_contact_versions (
  contact_id TEXT NOT NULL REFERENCES case_contacts (id),
  version BIGINT NOT NULL,
  case_id TEXT NOT NULL REFERENCES cases (id),
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  contact_date TEXT NOT NULL,
  contact_time TEXT NOT NULL,
  contact_type TEXT NOT NULL,
  contact_with TEXT NOT NULL,
  interpreter_used BIGINT NOT NULL,
  interpreter_language TEXT NOT NULL,
  duration_minutes BIGINT,
  restricted BIGINT NOT NULL,
  notes BYTEA NOT NULL,
  entered_in_error BIGINT NOT NULL,
  changed_at TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  PRIMARY KEY (contact_id, version)
);

-- The survivor's own account, always restricted; every save is a new version.
CREATE TABLE case_own_accounts (
  case_id TEXT NOT NULL REFERENCES cases (id),
  version BIGINT NOT NULL,
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  account BYTEA NOT NULL,
  saved_at TEXT NOT NULL,
  saved_by TEXT NOT NULL,
  PRIMARY KEY (case_id, version)
);
