-- Survivor case records. Personal fields are one encrypted document per version (the
-- organisation's data key; associated data binds table, column and row), never plaintext;
-- names and dates of birth are found through truncated blind indexes in case_search_keys.
-- nrm_stage and risk_level are copies kept by the features that own them, for list filters.

CREATE TABLE cases (
  id TEXT PRIMARY KEY,
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  reference TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  closure_reason TEXT,
  closed_on TEXT,
  gender TEXT NOT NULL DEFAULT '',
  age_band TEXT NOT NULL DEFAULT '',
  nationalities TEXT NOT NULL DEFAULT '',
  languages TEXT NOT NULL DEFAULT '',
  dialect TEXT NOT NULL DEFAULT '',
  interpreter_needed INTEGER NOT NULL DEFAULT 0 CHECK (interpreter_needed IN (0, 1)),
  interpreter_gender TEXT NOT NULL DEFAULT '',
  nrm_stage TEXT NOT NULL DEFAULT 'not_referred',
  risk_level TEXT NOT NULL DEFAULT '',
  personal BLOB NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
) STRICT;
CREATE INDEX cases_organisation ON cases (organisation_id, status, updated_at);

-- Every version of a case as it was saved, for field-level history. `clear` is the
-- non-identifying fields as JSON; `personal` is encrypted for this table and row.
CREATE TABLE case_versions (
  case_id TEXT NOT NULL REFERENCES cases (id),
  version INTEGER NOT NULL,
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  clear TEXT NOT NULL,
  personal BLOB NOT NULL,
  changed_at TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  PRIMARY KEY (case_id, version)
) STRICT;

-- Blind-index keys (kind: family_name, full_name, date_of_birth), one row per name and alias.
CREATE TABLE case_search_keys (
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  kind TEXT NOT NULL CHECK (kind IN ('family_name', 'full_name', 'date_of_birth')),
  search_key INTEGER NOT NULL,
  case_id TEXT NOT NULL REFERENCES cases (id)
) STRICT;
CREATE INDEX case_search_keys_lookup ON case_search_keys (organisation_id, kind, search_key);
CREATE INDEX case_search_keys_case ON case_search_keys (case_id);

CREATE TABLE case_workers (
  case_id TEXT NOT NULL REFERENCES cases (id),
  user_id TEXT NOT NULL REFERENCES users (id),
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  assigned_at TEXT NOT NULL,
  assigned_by TEXT NOT NULL,
  PRIMARY KEY (case_id, user_id)
) STRICT;
CREATE INDEX case_workers_user ON case_workers (user_id, case_id);

-- Break-glass: one worker, one case, until expires_at; the reason is encrypted (it may name
-- the person); a manager reviews every grant.
CREATE TABLE case_break_glass (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases (id),
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  user_id TEXT NOT NULL REFERENCES users (id),
  reason BLOB NOT NULL,
  opened_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  reviewed_by TEXT REFERENCES users (id),
  reviewed_at TEXT,
  review_note BLOB,
  version INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX case_break_glass_case ON case_break_glass (case_id, user_id, expires_at);
CREATE INDEX case_break_glass_review ON case_break_glass (organisation_id, reviewed_at);
