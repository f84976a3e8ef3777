-- 0005 high-level meetings (HLM, Rakor POK, Dewan Smart City): an agenda of pillars and OPDs
-- driven from the chair, the walls of the room that follow it, the figures frozen when it starts,
-- the directions and decisions recorded during it, and the follow-ups (tindak lanjut) that OPDs
-- report on until they are done and that the next meeting reviews.

CREATE TABLE meeting (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('hlm','rakor_pok','dewan','lainnya')),
  title TEXT NOT NULL,
  meeting_date TEXT NOT NULL,            -- 'YYYY-MM-DD' WIB
  chair TEXT NOT NULL,                   -- a role, e.g. 'Bupati', never a person's name in demo data
  year INTEGER NOT NULL,                 -- tahun anggaran the figures are for
  as_of TEXT NOT NULL,                   -- the figures are frozen as they stood on this date
  state TEXT NOT NULL DEFAULT 'planned' CHECK (state IN ('planned','running','closed')),
  -- Where the chair stands: the agenda item on the walls, and the programme or OPD opened in it.
  cursor_item_id INTEGER,
  cursor_focus TEXT,
  started_at TEXT,
  closed_at TEXT,
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES app_user(id),
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX meeting_date ON meeting(meeting_date);

-- What the meeting reviews, in order: a pillar, an OPD, or the follow-ups carried over (the
-- latter opened by the system when earlier follow-ups are overdue: auto = 1).
CREATE TABLE meeting_item (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meeting(id),
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('pillar','opd','followups')),
  pillar_code TEXT,
  opd_id INTEGER REFERENCES opd(id),
  auto INTEGER NOT NULL DEFAULT 0,
  UNIQUE (meeting_id, position),
  CHECK ((kind = 'pillar') = (pillar_code IS NOT NULL)),
  CHECK ((kind = 'opd') = (opd_id IS NOT NULL))
);

-- The wall displays in the room: while the meeting runs they follow the chair, their playlist paused.
CREATE TABLE meeting_display (
  meeting_id INTEGER NOT NULL REFERENCES meeting(id),
  display_id INTEGER NOT NULL REFERENCES display(id),
  PRIMARY KEY (meeting_id, display_id)
) WITHOUT ROWID;

-- The read models the meeting shows, taken once when it starts (JSON of the same procedures the
-- walls read), so a past meeting shows exactly what the room saw whatever changed afterwards.
CREATE TABLE meeting_snapshot (
  meeting_id INTEGER NOT NULL REFERENCES meeting(id),
  key TEXT NOT NULL,
  json TEXT NOT NULL,
  taken_at TEXT NOT NULL,
  PRIMARY KEY (meeting_id, key)
) WITHOUT ROWID;

-- Arahan (directions) and keputusan (decisions) the secretary records during the meeting.
CREATE TABLE meeting_note (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meeting(id),
  item_id INTEGER REFERENCES meeting_item(id),
  kind TEXT NOT NULL CHECK (kind IN ('arahan','keputusan')),
  text TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES app_user(id)
);
CREATE INDEX meeting_note_meeting ON meeting_note(meeting_id);

-- Tindak lanjut: what an OPD must do by a date. 'terlambat' is not stored: it is derived from
-- the due date and the state (an open follow-up past its due date is late).
CREATE TABLE follow_up (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meeting(id),
  item_id INTEGER REFERENCES meeting_item(id),
  pillar_code TEXT,
  programme_id INTEGER REFERENCES programme(id),
  owner_opd_id INTEGER NOT NULL REFERENCES opd(id),
  text TEXT NOT NULL,
  due_date TEXT NOT NULL,                -- 'YYYY-MM-DD' WIB
  state TEXT NOT NULL DEFAULT 'dalam_proses' CHECK (state IN ('dalam_proses','selesai')),
  progress_pct REAL CHECK (progress_pct BETWEEN 0 AND 100),
  last_report TEXT,
  reported_at TEXT,
  done_at TEXT,
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES app_user(id),
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX follow_up_owner ON follow_up(owner_opd_id, state);
CREATE INDEX follow_up_open ON follow_up(state, due_date);

-- Every progress report an OPD makes on a follow-up, in order (the follow-up row holds the latest).
CREATE TABLE follow_up_report (
  id INTEGER PRIMARY KEY,
  follow_up_id INTEGER NOT NULL REFERENCES follow_up(id),
  at TEXT NOT NULL,
  by INTEGER REFERENCES app_user(id),
  state TEXT NOT NULL CHECK (state IN ('dalam_proses','selesai')),
  progress_pct REAL CHECK (progress_pct BETWEEN 0 AND 100),
  text TEXT NOT NULL
);
CREATE INDEX follow_up_report_fu ON follow_up_report(follow_up_id);
