-- Dependants of a survivor (children, partners, others) recorded in their own right. A
-- dependant's every saved version is a row of dependant_versions; `dependants` holds the current
-- version number, so a stale change is refused and nothing is overwritten. Removing a dependant
-- saves a version with status 'removed', its date and its encrypted reason.
-- Codes (relationship, whereabouts, whether children's services know) are in the clear for
-- statistics; the name, date of birth or estimated age, needs, risks, school and local
-- authority are one document encrypted with the organisation's data key, bound to
-- dependant_versions|personal|<dependant id>:<version>.

CREATE TABLE dependants (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases (id),
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX dependants_case ON dependants (case_id, created_at);

CREATE TABLE dependant_versions (
  dependant_id TEXT NOT NULL REFERENCES dependants (id),
  version BIGINT NOT NULL,
  case_id TEXT NOT NULL REFERENCES cases (id),
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  status TEXT NOT NULL CHECK (status IN ('current', 'removed')),
  relationship TEXT NOT NULL CHECK (relationship IN ('child', 'partner', 'other')),
  whereabouts TEXT NOT NULL
    CHECK (whereabouts IN ('with_survivor', 'elsewhere_uk', 'overseas', 'not_known')),
  children_services_know TEXT NOT NULL CHECK (children_services_know IN ('', 'yes', 'no', 'not_known')),
  personal BYTEA NOT NULL,
  removed_on TEXT,
  removal_reason BYTEA,
  changed_at TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  PRIMARY KEY (dependant_id, version)
);
CREATE INDEX dependant_versions_case ON dependant_versions (case_id);
