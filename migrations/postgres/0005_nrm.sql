-- The NRM pathway of a case as dated events, append-only: an entry is never changed or deleted;
-- a correction is a new row naming the entry it corrects (`corrects`). `seq` numbers a case's
-- entries from 1 in the order they were recorded; a change carries the count it started from.
-- Kinds, codes and dates are in the clear (the case list filters on the stage they give). The
-- First Responder Organisation's name and the note are free text a person types, so they are
-- encrypted with the organisation's data key, bound to this table, column and row.

CREATE TABLE nrm_events (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases (id),
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  seq BIGINT NOT NULL CHECK (seq >= 1),
  kind TEXT NOT NULL,
  event_date TEXT NOT NULL,
  corrects TEXT REFERENCES nrm_events (id),
  authority TEXT,
  outcome TEXT,
  grounds TEXT,
  identifying_details BIGINT CHECK (identifying_details IN (0, 1)),
  extended_to TEXT,
  first_responder BYTEA,
  note BYTEA,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES users (id),
  UNIQUE (case_id, seq)
);
CREATE UNIQUE INDEX nrm_events_corrects ON nrm_events (corrects);
