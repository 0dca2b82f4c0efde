-- Organisations, their wrapped data keys, users, sessions, one-time links and sign-in throttling.
-- The same shape as the SQLite schema: times as UTC text, booleans as 0/1, ids as text.

CREATE TABLE organisations (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('prime_contractor', 'provider', 'referral_partner',
                                     'regulator', 'commissioner')),
  is_operator BIGINT NOT NULL DEFAULT 0 CHECK (is_operator IN (0, 1)),
  active BIGINT NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX organisations_name ON organisations (lower(name));

CREATE TABLE organisation_keys (
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  key_id TEXT NOT NULL,
  kek_id TEXT NOT NULL,
  wrapped BYTEA NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (organisation_id, key_id)
);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  email TEXT NOT NULL,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('support_worker', 'service_manager', 'contract_manager',
                                     'referral_partner', 'inspector', 'analyst', 'administrator')),
  password_hash TEXT,
  totp_secret BYTEA,
  totp_last_step BIGINT,
  active BIGINT NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX users_email ON users (email);
CREATE INDEX users_organisation ON users (organisation_id);

CREATE TABLE recovery_codes (
  user_id TEXT NOT NULL REFERENCES users (id),
  code_hash TEXT NOT NULL,
  used_at TEXT,
  PRIMARY KEY (user_id, code_hash)
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  stage TEXT NOT NULL CHECK (stage IN ('password', 'enrol', 'active')),
  csrf_token TEXT NOT NULL,
  pending_totp_secret BYTEA,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE one_time_links (
  token_hash TEXT PRIMARY KEY,
  purpose TEXT NOT NULL CHECK (purpose IN ('setup', 'set_password')),
  user_id TEXT REFERENCES users (id),
  expires_at TEXT NOT NULL,
  used_at TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE sign_in_throttles (
  throttle_key TEXT PRIMARY KEY,
  failures BIGINT NOT NULL,
  blocked_until TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
