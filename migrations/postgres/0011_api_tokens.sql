-- Bearer tokens for the JSON API. A person issues one on their account page; only a hash of it is
-- kept (like sessions). The name is the person's own label ("Case export script"), not personal
-- data about survivors. A revoked token keeps its row, so the account page and the audit log can
-- still name it; last_used_at is written at most once a minute.

CREATE TABLE api_tokens (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  user_id TEXT NOT NULL REFERENCES users (id),
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at TEXT
);
CREATE INDEX api_tokens_user ON api_tokens (user_id, created_at);
