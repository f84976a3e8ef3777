// Reads behind the OPD entry pages: an OPD's sub kegiatan and programmes with the figure of one
// period (value, version, verification), and what came back from the verifier.
import type { Db } from '../connection';
import { prep } from '../prepare';

export function subKegiatanMeta(db: Db, id: number) {
  return prep(
    db,
    `SELECT s.id, s.year, s.code, s.name, s.opd_id AS opdId, o.code AS opdCode FROM sub_kegiatan s
     JOIN opd o ON o.id = s.opd_id WHERE s.id = ?`,
  ).get(id) as
    | { id: number; year: number; code: string; name: string; opdId: number; opdCode: string }
    | undefined;
}

export function programmeMeta(db: Db, id: number) {
  return prep(
    db,
    `SELECT p.id, p.code, p.name, p.coordinator_opd_id AS opdId, o.code AS opdCode FROM programme p
     JOIN opd o ON o.id = p.coordinator_opd_id WHERE p.id = ?`,
  ).get(id) as { id: number; code: string; name: string; opdId: number; opdCode: string } | undefined;
}

export function opdSubKegiatanForMonth(db: Db, opdId: number, year: number, month: number, stage: string) {
  return prep(
    db,
    `SELECT s.id, s.code, s.name, s.spending_group AS spendingGroup, s.funding_source AS fundingSource,
            p.pagu_rp AS paguRp, r.sp2d_rp AS sp2dRp, r.spj_rp AS spjRp, r.fisik_pct AS fisikPct, r.version,
            r.verification, r.verification_note AS verificationNote, r.entered_at AS enteredAt
     FROM sub_kegiatan s
     LEFT JOIN sub_kegiatan_pagu p ON p.sub_kegiatan_id = s.id AND p.stage = @stage
     LEFT JOIN budget_realisation r ON r.sub_kegiatan_id = s.id AND r.month = @month
     WHERE s.opd_id = @opdId AND s.year = @year ORDER BY s.code`,
  ).all({ opdId, year, month, stage }) as {
    id: number;
    code: string;
    name: string;
    spendingGroup: string;
    fundingSource: string;
    paguRp: number | null;
    sp2dRp: number | null;
    spjRp: number | null;
    fisikPct: number | null;
    version: number | null;
    verification: string | null;
    verificationNote: string | null;
    enteredAt: string | null;
  }[];
}

export interface ProgrammeEntryRow {
  id: number;
  code: string;
  name: string;
  indicatorName: string;
  indicatorUnit: string;
  indicatorTarget: number;
  plannedPct: number | null;
  physicalPct: number | null;
  spentRp: number | null;
  indicatorValue: number | null;
  status: string | null;
  kendala: string | null;
  tindakLanjut: string | null;
  evidenceUrl: string | null;
  version: number | null;
  verification: string | null;
  verificationNote: string | null;
}

export function opdProgrammesForPeriod(db: Db, opdId: number, period: string): ProgrammeEntryRow[] {
  const year = Number(period.slice(0, 4));
  return prep(
    db,
    `SELECT p.id, p.code, p.name, p.indicator_name AS indicatorName, p.indicator_unit AS indicatorUnit,
            p.indicator_target AS indicatorTarget, x.planned_pct AS plannedPct, pp.physical_pct AS physicalPct,
            pp.spent_rp AS spentRp, pp.indicator_value AS indicatorValue, pp.status, pp.kendala,
            pp.tindak_lanjut AS tindakLanjut, pp.evidence_url AS evidenceUrl, pp.version, pp.verification,
            pp.verification_note AS verificationNote
     FROM programme p
     LEFT JOIN programme_plan x ON x.programme_id = p.id AND x.period = @period
     LEFT JOIN programme_progress pp ON pp.programme_id = p.id AND pp.period = @period
     WHERE p.coordinator_opd_id = @opdId AND p.start_year <= @year AND p.end_year >= @year ORDER BY p.code`,
  ).all({ opdId, period, year }) as ProgrammeEntryRow[];
}

/** Figures of an OPD that the verifier returned, newest first. */
export function returnedFigures(db: Db, opdId: number) {
  return prep(
    db,
    `SELECT 'budget' AS family, r.id, s.code, s.name, printf('%04d-%02d', s.year, r.month) AS period,
            r.verification_note AS note, r.verified_at AS at
     FROM budget_realisation r JOIN sub_kegiatan s ON s.id = r.sub_kegiatan_id
     WHERE r.verification = 'returned' AND s.opd_id = @opdId
     UNION ALL
     SELECT 'masterplan', pp.id, p.code, p.name, pp.period, pp.verification_note, pp.verified_at
     FROM programme_progress pp JOIN programme p ON p.id = pp.programme_id
     WHERE pp.verification = 'returned' AND p.coordinator_opd_id = @opdId
     ORDER BY 7 DESC LIMIT 200`,
  ).all({ opdId }) as {
    family: string;
    id: number;
    code: string;
    name: string;
    period: string;
    note: string | null;
    at: string | null;
  }[];
}

export function serviceByCode(db: Db, code: string) {
  return prep(
    db,
    'SELECT s.id, s.opd_id AS opdId, o.code AS opdCode FROM service_type s JOIN opd o ON o.id = s.opd_id WHERE s.code = ?',
  ).get(code) as { id: number; opdId: number; opdCode: string } | undefined;
}

export function kecamatanIdByCode(db: Db, code: string): number | undefined {
  return prep(db, 'SELECT id FROM kecamatan WHERE code = ?').pluck().get(code) as number | undefined;
}

const CODE_TABLES = {
  channel: 'complaint_channel',
  topic: 'complaint_topic',
  category: 'complaint_category',
} as const;

export function complaintCodeExists(db: Db, kind: keyof typeof CODE_TABLES, code: string): boolean {
  return prep(db, `SELECT 1 FROM ${CODE_TABLES[kind]} WHERE code = ?`).pluck().get(code) === 1;
}

export function opdById(db: Db, id: number) {
  return prep(db, 'SELECT id, code FROM opd WHERE id = ?').get(id) as
    | { id: number; code: string }
    | undefined;
}

export function ikmSurveyExists(db: Db, opdId: number, period: string): boolean {
  return (
    prep(db, 'SELECT 1 FROM ikm_survey WHERE opd_id = ? AND service_id IS NULL AND period = ?')
      .pluck()
      .get(opdId, period) === 1
  );
}

/** The index framework in force in a year (the newest whose years cover it). */
export function frameworkForYear(db: Db, year: number): number | undefined {
  return prep(
    db,
    `SELECT id FROM index_framework WHERE valid_from_year <= ? AND (valid_to_year IS NULL OR valid_to_year >= ?)
     ORDER BY valid_from_year DESC LIMIT 1`,
  )
    .pluck()
    .get(year, year) as number | undefined;
}

export function indicatorIdByNo(db: Db, frameworkId: number, no: number): number | undefined {
  return prep(db, 'SELECT id FROM index_indicator WHERE framework_id = ? AND no = ?')
    .pluck()
    .get(frameworkId, no) as number | undefined;
}

/** The year's self-assessment, created on first use. Call inside a transaction. */
export function selfAssessmentId(db: Db, frameworkId: number, year: number, at: string): number {
  const found = prep(db, `SELECT id FROM index_assessment WHERE year = ? AND kind = 'self'`)
    .pluck()
    .get(year) as number | undefined;
  if (found !== undefined) return found;
  return Number(
    prep(
      db,
      `INSERT INTO index_assessment (framework_id, year, kind, assessed_on, source, entered_at) VALUES (?, ?, 'self', ?, 'manual', ?)`,
    ).run(frameworkId, year, at.slice(0, 10), at).lastInsertRowid,
  );
}

export function indexScoreVersion(db: Db, assessmentId: number, indicatorId: number) {
  return prep(db, 'SELECT level, version FROM index_score WHERE assessment_id = ? AND indicator_id = ?').get(
    assessmentId,
    indicatorId,
  ) as { level: number | null; version: number } | undefined;
}

export interface SpbeIndicatorRow {
  no: number;
  name: string;
  domainNo: number;
  aspectNo: number;
  aspectName: string;
  weightPct: number;
  sectorSlot: number;
  level: number | null;
  evidence: string | null;
  version: number | null;
  enteredAt: string | null;
}

/** Every indicator of the framework in force for a year with the year's self-assessment level. */
export function spbeSelfAssessment(db: Db, frameworkId: number, year: number): SpbeIndicatorRow[] {
  return prep(
    db,
    `SELECT i.no, i.name, d.no AS domainNo, a.no AS aspectNo, a.name AS aspectName, i.weight_pct AS weightPct,
            i.sector_slot AS sectorSlot, s.level, s.evidence, s.version, s.entered_at AS enteredAt
     FROM index_indicator i JOIN index_aspect a ON a.id = i.aspect_id JOIN index_domain d ON d.id = a.domain_id
     LEFT JOIN index_assessment x ON x.year = @year AND x.kind = 'self' AND x.framework_id = i.framework_id
     LEFT JOIN index_score s ON s.assessment_id = x.id AND s.indicator_id = i.id
     WHERE i.framework_id = @frameworkId ORDER BY i.no`,
  ).all({ frameworkId, year }) as SpbeIndicatorRow[];
}

export function updateOpd(
  db: Db,
  code: string,
  o: { name: string; shortName: string; active: boolean },
): boolean {
  return (
    prep(db, 'UPDATE opd SET name = ?, short_name = ?, active = ? WHERE code = ?').run(
      o.name,
      o.shortName,
      o.active ? 1 : 0,
      code,
    ).changes === 1
  );
}

export function allOpds(db: Db) {
  return prep(
    db,
    `SELECT id, code, name, short_name AS shortName, kind, active, confirmed FROM opd ORDER BY kind = 'kecamatan', name`,
  ).all() as {
    id: number;
    code: string;
    name: string;
    shortName: string;
    kind: string;
    active: number;
    confirmed: number;
  }[];
}
