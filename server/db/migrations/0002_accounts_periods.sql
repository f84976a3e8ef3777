-- 0002 accounts and reporting discipline: sessions, login throttling, API tokens, reporting
-- deadlines with per-OPD reopening, verification notes, and a rollup of who reported when.

ALTER TABLE app_user ADD COLUMN password_changed_at TEXT;

-- The cookie carries a random token; only its SHA-256 is stored, so a leaked database holds no
-- usable session.
CREATE TABLE session (
  id_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES app_user(id),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  ip TEXT
) WITHOUT ROWID;
CREATE INDEX session_user ON session(user_id);

-- Failed logins, keyed 'user:<name>' and 'ip:<address>', for throttling.
CREATE TABLE login_attempt (
  key TEXT NOT NULL,
  at_ms INTEGER NOT NULL
);
CREATE INDEX login_attempt_key ON login_attempt(key, at_ms);

-- Machine-to-machine feeds (and, later, wall displays). Only the token's SHA-256 is stored.
CREATE TABLE api_token (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('feed','display')),
  token_hash TEXT NOT NULL UNIQUE,
  feed_source TEXT,
  opd_id INTEGER REFERENCES opd(id),
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES app_user(id),
  revoked_at TEXT,
  last_used_at TEXT,
  CHECK (kind <> 'feed' OR feed_source IS NOT NULL)
);

-- A deadline set for one family and period; without a row the setting reporting.deadline_day
-- (day of the following month, 23.59 WIB) applies.
CREATE TABLE reporting_deadline (
  family TEXT NOT NULL CHECK (family IN ('masterplan','budget')),
  period TEXT NOT NULL,
  deadline_at TEXT NOT NULL,
  set_by INTEGER REFERENCES app_user(id),
  set_at TEXT NOT NULL,
  PRIMARY KEY (family, period)
) WITHOUT ROWID;

-- A locked period reopened for one OPD until a time, with the reason.
CREATE TABLE period_reopen (
  family TEXT NOT NULL CHECK (family IN ('masterplan','budget')),
  period TEXT NOT NULL,
  opd_id INTEGER NOT NULL REFERENCES opd(id),
  until_at TEXT NOT NULL,
  reason TEXT NOT NULL,
  by_user INTEGER REFERENCES app_user(id),
  at TEXT NOT NULL,
  PRIMARY KEY (family, period, opd_id)
) WITHOUT ROWID;

ALTER TABLE budget_realisation ADD COLUMN verification_note TEXT;
ALTER TABLE budget_realisation ADD COLUMN verified_by INTEGER REFERENCES app_user(id);
ALTER TABLE budget_realisation ADD COLUMN verified_at TEXT;
ALTER TABLE programme_progress ADD COLUMN verification_note TEXT;
ALTER TABLE programme_progress ADD COLUMN verified_by INTEGER REFERENCES app_user(id);
ALTER TABLE programme_progress ADD COLUMN verified_at TEXT;
CREATE INDEX budget_realisation_verification ON budget_realisation(verification) WHERE verification <> 'verified';
CREATE INDEX programme_progress_verification ON programme_progress(verification) WHERE verification <> 'verified';

-- Who reported a family's period, and when first and last (rollup kept by every write).
CREATE TABLE opd_report_rollup (
  family TEXT NOT NULL,
  period TEXT NOT NULL,
  opd_id INTEGER NOT NULL,
  first_at TEXT NOT NULL,
  last_at TEXT NOT NULL,
  rows INTEGER NOT NULL,
  PRIMARY KEY (family, period, opd_id)
) WITHOUT ROWID;
