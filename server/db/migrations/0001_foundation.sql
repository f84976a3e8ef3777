-- 0001 foundation: reference data, the four KPI families with provenance, rollups, change log.
-- Conventions: snake_case; units in names (_rp integer Rupiah, _pct 0–100, _min minutes, _ms epoch
-- milliseconds UTC); WIB calendar values as text ('YYYY-MM-DD', 'YYYY-MM'); ISO instants as text.
-- Every figure row carries provenance: source, source_ref, entered_at, entered_by, verification.

-- ───────────────────────────── People and organisations ─────────────────────────────

CREATE TABLE kecamatan (
  id INTEGER PRIMARY KEY,
  bps_code TEXT NOT NULL UNIQUE,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  tile_row INTEGER NOT NULL,
  tile_col INTEGER NOT NULL,
  size_rank TEXT,
  confirmed INTEGER NOT NULL DEFAULT 1,
  UNIQUE (tile_row, tile_col)
);

CREATE TABLE opd (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  short_name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('sekretariat','inspektorat','badan','dinas','rsud','satpol_pp','kecamatan')),
  urusan_code TEXT,
  urusan_name TEXT,
  kecamatan_id INTEGER REFERENCES kecamatan(id),
  confirmed INTEGER NOT NULL DEFAULT 1,
  active INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE app_user (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin','verifier','opd','executive','display','system')),
  opd_id INTEGER REFERENCES opd(id),
  password_hash TEXT,
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  CHECK (role <> 'opd' OR opd_id IS NOT NULL)
);

-- ───────────────────────────── Reference frameworks (data, versioned by year) ─────────────────────────────

-- Tunable rules (thresholds, response targets, policies) keyed by name and first year in force.
CREATE TABLE setting (
  key TEXT NOT NULL,
  year_from INTEGER NOT NULL,
  value_json TEXT NOT NULL,
  confirmed INTEGER NOT NULL DEFAULT 0,
  note TEXT,
  updated_at TEXT NOT NULL,
  updated_by INTEGER REFERENCES app_user(id),
  PRIMARY KEY (key, year_from)
);

CREATE TABLE holiday (
  date TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('libur_nasional','cuti_bersama')),
  decree TEXT,
  confirmed INTEGER NOT NULL DEFAULT 1,
  note TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (date, name)
);

CREATE TABLE pillar_framework (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  source TEXT,
  valid_from_year INTEGER NOT NULL,
  valid_to_year INTEGER
);

CREATE TABLE pillar (
  id INTEGER PRIMARY KEY,
  framework_id INTEGER NOT NULL REFERENCES pillar_framework(id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  name_en TEXT NOT NULL,
  sort INTEGER NOT NULL,
  coordinator_opd_id INTEGER REFERENCES opd(id),
  coordinator_confirmed INTEGER NOT NULL DEFAULT 0,
  UNIQUE (framework_id, code)
);

CREATE TABLE pillar_element (
  id INTEGER PRIMARY KEY,
  pillar_id INTEGER NOT NULL REFERENCES pillar(id),
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  confirmed INTEGER NOT NULL DEFAULT 1
);

-- Index frameworks: SPBE 2020 (4 domains, 8 aspects, 47 indicators), later PEMDI, each with its years.
CREATE TABLE index_framework (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  regulation TEXT,
  valid_from_year INTEGER NOT NULL,
  valid_to_year INTEGER,
  scale_max REAL NOT NULL
);

CREATE TABLE index_level (
  framework_id INTEGER NOT NULL REFERENCES index_framework(id),
  level INTEGER NOT NULL,
  name TEXT NOT NULL,
  description TEXT,
  PRIMARY KEY (framework_id, level)
);

CREATE TABLE index_band (
  framework_id INTEGER NOT NULL REFERENCES index_framework(id),
  label TEXT NOT NULL,
  min_value REAL NOT NULL,
  max_exclusive REAL,
  confirmed INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (framework_id, label)
);

CREATE TABLE index_domain (
  id INTEGER PRIMARY KEY,
  framework_id INTEGER NOT NULL REFERENCES index_framework(id),
  no INTEGER NOT NULL,
  name TEXT NOT NULL,
  weight_pct REAL NOT NULL,
  UNIQUE (framework_id, no)
);

CREATE TABLE index_aspect (
  id INTEGER PRIMARY KEY,
  domain_id INTEGER NOT NULL REFERENCES index_domain(id),
  framework_id INTEGER NOT NULL REFERENCES index_framework(id),
  no INTEGER NOT NULL,
  name TEXT NOT NULL,
  weight_pct REAL NOT NULL,
  weight_confirmed INTEGER NOT NULL DEFAULT 0,
  UNIQUE (framework_id, no)
);

CREATE TABLE index_indicator (
  id INTEGER PRIMARY KEY,
  aspect_id INTEGER NOT NULL REFERENCES index_aspect(id),
  framework_id INTEGER NOT NULL REFERENCES index_framework(id),
  no INTEGER NOT NULL,
  name TEXT NOT NULL,
  aliases_json TEXT NOT NULL DEFAULT '[]',
  weight_pct REAL NOT NULL,
  confirmed INTEGER NOT NULL DEFAULT 0,
  sector_slot INTEGER NOT NULL DEFAULT 0,
  owner_opd_id INTEGER REFERENCES opd(id),
  UNIQUE (framework_id, no)
);

-- Public-service sectors (indicators 45–47) are chosen by the regency each year.
CREATE TABLE index_indicator_label (
  indicator_id INTEGER NOT NULL REFERENCES index_indicator(id),
  year INTEGER NOT NULL,
  label TEXT NOT NULL,
  PRIMARY KEY (indicator_id, year)
);

CREATE TABLE service_type (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  opd_id INTEGER NOT NULL REFERENCES opd(id),
  grp TEXT NOT NULL,
  sla_amount REAL NOT NULL CHECK (sla_amount >= 0),
  sla_unit TEXT NOT NULL CHECK (sla_unit IN ('minutes','hours','working_days')),
  confirmed INTEGER NOT NULL DEFAULT 0,
  source TEXT,
  active INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE complaint_channel (code TEXT PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE complaint_topic (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  opd_id INTEGER REFERENCES opd(id)
);
CREATE TABLE complaint_category (code TEXT PRIMARY KEY, name TEXT NOT NULL, deadline_days INTEGER NOT NULL);

CREATE TABLE ikm_element (
  id INTEGER PRIMARY KEY,
  regulation TEXT NOT NULL,
  sort INTEGER NOT NULL,
  name TEXT NOT NULL UNIQUE
);

CREATE TABLE ikm_grade (
  grade TEXT PRIMARY KEY,
  label TEXT NOT NULL,
  min_value REAL NOT NULL,
  max_value REAL NOT NULL
);

-- ───────────────────────────── Masterplan ─────────────────────────────

CREATE TABLE programme (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  pillar_id INTEGER NOT NULL REFERENCES pillar(id),
  element_id INTEGER REFERENCES pillar_element(id),
  name TEXT NOT NULL,
  innovation TEXT,
  coordinator_opd_id INTEGER NOT NULL REFERENCES opd(id),
  horizon TEXT NOT NULL CHECK (horizon IN ('quick_win','short','medium','long')),
  start_year INTEGER NOT NULL,
  end_year INTEGER NOT NULL CHECK (end_year >= start_year),
  budget_rp INTEGER NOT NULL CHECK (budget_rp >= 0),
  indicator_name TEXT NOT NULL,
  indicator_unit TEXT NOT NULL,
  indicator_target REAL NOT NULL,
  source TEXT NOT NULL,
  entered_at TEXT NOT NULL,
  entered_by INTEGER REFERENCES app_user(id)
);
CREATE INDEX programme_pillar ON programme(pillar_id);

CREATE TABLE programme_opd (
  programme_id INTEGER NOT NULL REFERENCES programme(id),
  opd_id INTEGER NOT NULL REFERENCES opd(id),
  PRIMARY KEY (programme_id, opd_id)
);

-- Planned cumulative progress per month.
CREATE TABLE programme_plan (
  programme_id INTEGER NOT NULL REFERENCES programme(id),
  period TEXT NOT NULL,
  planned_pct REAL NOT NULL CHECK (planned_pct BETWEEN 0 AND 100),
  PRIMARY KEY (programme_id, period)
) WITHOUT ROWID;

CREATE TABLE programme_progress (
  id INTEGER PRIMARY KEY,
  programme_id INTEGER NOT NULL REFERENCES programme(id),
  period TEXT NOT NULL,
  physical_pct REAL NOT NULL CHECK (physical_pct BETWEEN 0 AND 100),
  spent_rp INTEGER NOT NULL DEFAULT 0 CHECK (spent_rp >= 0),
  indicator_value REAL,
  status TEXT CHECK (status IN ('belum_mulai','berjalan','selesai','tertunda')),
  kendala TEXT,
  tindak_lanjut TEXT,
  evidence_url TEXT,
  source TEXT NOT NULL,
  source_ref TEXT,
  entered_at TEXT NOT NULL,
  entered_by INTEGER REFERENCES app_user(id),
  verification TEXT NOT NULL DEFAULT 'submitted' CHECK (verification IN ('draft','submitted','verified','returned')),
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (programme_id, period)
);

-- ───────────────────────────── Budget (APBD) ─────────────────────────────

CREATE TABLE fiscal_year (
  year INTEGER NOT NULL,
  stage TEXT NOT NULL CHECK (stage IN ('murni','perubahan')),
  belanja_rp INTEGER NOT NULL,
  adopted_on TEXT NOT NULL,
  confirmed INTEGER NOT NULL DEFAULT 0,
  source TEXT,
  PRIMARY KEY (year, stage)
);

-- Code hierarchy above the sub kegiatan: urusan → bidang urusan → program → kegiatan.
CREATE TABLE budget_node (
  code TEXT PRIMARY KEY,
  level TEXT NOT NULL CHECK (level IN ('urusan','bidang','program','kegiatan')),
  name TEXT NOT NULL,
  parent_code TEXT REFERENCES budget_node(code)
);

CREATE TABLE sub_kegiatan (
  id INTEGER PRIMARY KEY,
  year INTEGER NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  kegiatan_code TEXT NOT NULL REFERENCES budget_node(code),
  opd_id INTEGER NOT NULL REFERENCES opd(id),
  spending_group TEXT NOT NULL CHECK (spending_group IN ('operasi','modal','tidak_terduga','transfer')),
  funding_source TEXT NOT NULL CHECK (funding_source IN ('PAD','DAU','DAK_FISIK','DAK_NON_FISIK','DBH','BANKEU_PROV','DANA_DESA')),
  programme_id INTEGER REFERENCES programme(id),
  source TEXT NOT NULL,
  entered_at TEXT NOT NULL,
  UNIQUE (year, code, opd_id)
);
CREATE INDEX sub_kegiatan_opd ON sub_kegiatan(year, opd_id);
CREATE INDEX sub_kegiatan_programme ON sub_kegiatan(programme_id);

-- Pagu per stage; a sub kegiatan added in perubahan has no murni row.
CREATE TABLE sub_kegiatan_pagu (
  sub_kegiatan_id INTEGER NOT NULL REFERENCES sub_kegiatan(id),
  stage TEXT NOT NULL CHECK (stage IN ('murni','perubahan')),
  pagu_rp INTEGER NOT NULL CHECK (pagu_rp >= 0),
  PRIMARY KEY (sub_kegiatan_id, stage)
) WITHOUT ROWID;

-- Anggaran kas: cumulative targets per month and stage.
CREATE TABLE budget_target (
  sub_kegiatan_id INTEGER NOT NULL REFERENCES sub_kegiatan(id),
  stage TEXT NOT NULL CHECK (stage IN ('murni','perubahan')),
  month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
  target_keu_pct REAL NOT NULL CHECK (target_keu_pct BETWEEN 0 AND 100),
  target_fis_pct REAL NOT NULL CHECK (target_fis_pct BETWEEN 0 AND 100),
  PRIMARY KEY (sub_kegiatan_id, stage, month)
) WITHOUT ROWID;

-- Monthly realisation: keuangan amounts booked in the month, fisik cumulative %.
CREATE TABLE budget_realisation (
  id INTEGER PRIMARY KEY,
  sub_kegiatan_id INTEGER NOT NULL REFERENCES sub_kegiatan(id),
  month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
  sp2d_rp INTEGER NOT NULL CHECK (sp2d_rp >= 0),
  spj_rp INTEGER NOT NULL DEFAULT 0 CHECK (spj_rp >= 0),
  fisik_pct REAL NOT NULL CHECK (fisik_pct BETWEEN 0 AND 100),
  source TEXT NOT NULL,
  source_ref TEXT,
  entered_at TEXT NOT NULL,
  entered_by INTEGER REFERENCES app_user(id),
  verification TEXT NOT NULL DEFAULT 'submitted' CHECK (verification IN ('draft','submitted','verified','returned')),
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (sub_kegiatan_id, month)
);

-- Rollup: one row per (year, stage, dimension, key). Pagu per slice.
CREATE TABLE budget_slice_rollup (
  year INTEGER NOT NULL,
  stage TEXT NOT NULL,
  dim TEXT NOT NULL CHECK (dim IN ('total','opd','group','source')),
  key TEXT NOT NULL,
  pagu_rp INTEGER NOT NULL DEFAULT 0,
  sub_kegiatan INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (year, stage, dim, key)
) WITHOUT ROWID;

-- Rollup: per month of a slice. target_* cumulative; real_keu_rp the month's amount.
CREATE TABLE budget_month_rollup (
  year INTEGER NOT NULL,
  stage TEXT NOT NULL,
  dim TEXT NOT NULL,
  key TEXT NOT NULL,
  month INTEGER NOT NULL,
  target_keu_rp REAL NOT NULL DEFAULT 0,
  target_fis_w REAL NOT NULL DEFAULT 0,
  real_keu_rp INTEGER NOT NULL DEFAULT 0,
  real_fis_w REAL NOT NULL DEFAULT 0,
  reported INTEGER NOT NULL DEFAULT 0,
  verified INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (year, stage, dim, key, month)
) WITHOUT ROWID;

-- ───────────────────────────── SPBE / index assessments ─────────────────────────────

CREATE TABLE index_assessment (
  id INTEGER PRIMARY KEY,
  framework_id INTEGER NOT NULL REFERENCES index_framework(id),
  year INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('self','verified')),
  assessed_on TEXT,
  decree TEXT,
  source TEXT NOT NULL,
  entered_at TEXT NOT NULL,
  entered_by INTEGER REFERENCES app_user(id),
  verification TEXT NOT NULL DEFAULT 'submitted' CHECK (verification IN ('draft','submitted','verified','returned')),
  UNIQUE (year, kind)
);

-- level NULL = no value (kept apart from level 0).
CREATE TABLE index_score (
  assessment_id INTEGER NOT NULL REFERENCES index_assessment(id),
  indicator_id INTEGER NOT NULL REFERENCES index_indicator(id),
  level INTEGER CHECK (level BETWEEN 0 AND 5),
  evidence TEXT,
  source TEXT NOT NULL,
  entered_at TEXT NOT NULL,
  entered_by INTEGER REFERENCES app_user(id),
  version INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (assessment_id, indicator_id)
) WITHOUT ROWID;

CREATE TABLE index_aspect_rollup (
  assessment_id INTEGER NOT NULL REFERENCES index_assessment(id),
  aspect_id INTEGER NOT NULL REFERENCES index_aspect(id),
  sum_level_weight REAL NOT NULL DEFAULT 0,
  sum_weight_scored REAL NOT NULL DEFAULT 0,
  scored INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (assessment_id, aspect_id)
) WITHOUT ROWID;

-- ───────────────────────────── Public services ─────────────────────────────

CREATE TABLE service_record (
  id INTEGER PRIMARY KEY,
  service_id INTEGER NOT NULL REFERENCES service_type(id),
  kecamatan_id INTEGER REFERENCES kecamatan(id),
  submitted_ms INTEGER NOT NULL,
  completed_ms INTEGER,
  duration_min INTEGER,
  on_time INTEGER,
  source TEXT NOT NULL,
  source_id TEXT,
  entered_at TEXT NOT NULL,
  CHECK (completed_ms IS NULL OR completed_ms >= submitted_ms)
);
CREATE UNIQUE INDEX service_record_source ON service_record(source, source_id) WHERE source_id IS NOT NULL;

-- Rollup per service and WIB month of submission… and of completion: volume is counted by
-- submission month, durations/on-time by completion month (a record counts once in each).
CREATE TABLE service_month_rollup (
  period TEXT NOT NULL,
  service_id INTEGER NOT NULL,
  submitted INTEGER NOT NULL DEFAULT 0,
  completed INTEGER NOT NULL DEFAULT 0,
  on_time INTEGER NOT NULL DEFAULT 0,
  sum_duration_min INTEGER NOT NULL DEFAULT 0,
  -- Completion-time histogram of the month: JSON [[bucket, n], …] ascending by bucket (buckets:
  -- kpi/histogram.ts). One row per service and month keeps a screen's read to a few rows.
  hist_json TEXT NOT NULL DEFAULT '[]',
  PRIMARY KEY (period, service_id)
) WITHOUT ROWID;

CREATE TABLE service_kecamatan_rollup (
  kecamatan_id INTEGER NOT NULL,
  period TEXT NOT NULL,
  submitted INTEGER NOT NULL DEFAULT 0,
  completed INTEGER NOT NULL DEFAULT 0,
  on_time INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (kecamatan_id, period)
) WITHOUT ROWID;


-- Open (not completed) records per service and WIB submission day.
CREATE TABLE service_open_rollup (
  service_id INTEGER NOT NULL,
  day TEXT NOT NULL,
  open INTEGER NOT NULL,
  PRIMARY KEY (service_id, day)
) WITHOUT ROWID;

CREATE TABLE complaint (
  id INTEGER PRIMARY KEY,
  channel TEXT NOT NULL REFERENCES complaint_channel(code),
  topic TEXT NOT NULL REFERENCES complaint_topic(code),
  category TEXT NOT NULL REFERENCES complaint_category(code),
  opd_id INTEGER REFERENCES opd(id),
  kecamatan_id INTEGER REFERENCES kecamatan(id),
  received_ms INTEGER NOT NULL,
  first_response_ms INTEGER,
  resolved_ms INTEGER,
  source TEXT NOT NULL,
  source_id TEXT,
  entered_at TEXT NOT NULL,
  CHECK (first_response_ms IS NULL OR first_response_ms >= received_ms),
  CHECK (resolved_ms IS NULL OR resolved_ms >= received_ms)
);
CREATE UNIQUE INDEX complaint_source ON complaint(source, source_id) WHERE source_id IS NOT NULL;

-- Rollup per WIB month of receipt and one dimension (total/channel/topic/opd/kecamatan).
CREATE TABLE complaint_rollup (
  period TEXT NOT NULL,
  dim TEXT NOT NULL CHECK (dim IN ('total','channel','topic','opd','kecamatan')),
  key TEXT NOT NULL,
  received INTEGER NOT NULL DEFAULT 0,
  responded INTEGER NOT NULL DEFAULT 0,
  responded_within INTEGER NOT NULL DEFAULT 0,
  resolved INTEGER NOT NULL DEFAULT 0,
  sum_first_response_min INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (period, dim, key)
) WITHOUT ROWID;

CREATE TABLE ikm_survey (
  id INTEGER PRIMARY KEY,
  opd_id INTEGER NOT NULL REFERENCES opd(id),
  service_id INTEGER REFERENCES service_type(id),
  period TEXT NOT NULL,
  respondents INTEGER NOT NULL CHECK (respondents > 0),
  source TEXT NOT NULL,
  entered_at TEXT NOT NULL,
  entered_by INTEGER REFERENCES app_user(id),
  verification TEXT NOT NULL DEFAULT 'submitted' CHECK (verification IN ('draft','submitted','verified','returned')),
  UNIQUE (opd_id, service_id, period)
);
CREATE INDEX ikm_survey_period ON ikm_survey(period);

CREATE TABLE ikm_survey_element (
  survey_id INTEGER NOT NULL REFERENCES ikm_survey(id),
  name TEXT NOT NULL,
  nrr REAL NOT NULL CHECK (nrr BETWEEN 1 AND 4),
  PRIMARY KEY (survey_id, name)
) WITHOUT ROWID;

-- ───────────────────────────── Freshness, audit, change log ─────────────────────────────

-- Latest period and write per family (and year), maintained by every write.
CREATE TABLE family_freshness (
  family TEXT NOT NULL CHECK (family IN ('masterplan','budget','spbe','services','complaints','ikm')),
  year INTEGER NOT NULL,
  max_period TEXT,
  updated_at TEXT NOT NULL,
  demo_rows INTEGER NOT NULL DEFAULT 0,
  real_rows INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (family, year)
) WITHOUT ROWID;

-- Append-only: who changed what, from which value to which, why and through which channel.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user_id INTEGER REFERENCES app_user(id),
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  opd_id INTEGER REFERENCES opd(id),
  action TEXT NOT NULL,
  old_json TEXT,
  new_json TEXT,
  reason TEXT,
  source TEXT NOT NULL
);
CREATE INDEX audit_entity ON audit_log(entity, entity_id);
CREATE INDEX audit_opd ON audit_log(opd_id, at);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- One row per committed change; live.changes streams them to the screens.
CREATE TABLE change_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  topic TEXT NOT NULL,
  year INTEGER,
  opd_id INTEGER,
  summary TEXT
);

CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
