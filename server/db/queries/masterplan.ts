// Masterplan queries. A programme's state at a period is its latest report at or before the period
// and its plan at the period: one index seek each on (programme_id, period), never a history scan.
import type { ProgrammeMonthRow, ProgrammeRow, ProgrammeStatus } from '../../kpi/types';
import type { Db } from '../connection';
import { prep } from '../prepare';

/** Programmes active in the year, each with its latest report ≤ period and its plan at period. */
export function programmesAsOf(db: Db, year: number, period: string): ProgrammeRow[] {
  return prep(
    db,
    `SELECT p.id, p.code, p.name, pl.code AS pillarCode, o.code AS coordinatorOpdCode,
              o.short_name AS coordinatorOpdName, p.budget_rp AS budgetRp, p.start_year AS startYear,
              p.end_year AS endYear, pp.status AS reportedStatus, pp.physical_pct AS physicalPct,
              (SELECT planned_pct FROM programme_plan x
                WHERE x.programme_id = p.id AND x.period <= @period
                ORDER BY x.period DESC LIMIT 1) AS plannedPct,
              pp.period AS progressPeriod, pp.kendala
       FROM programme p
       JOIN pillar pl ON pl.id = p.pillar_id
       JOIN opd o ON o.id = p.coordinator_opd_id
       LEFT JOIN programme_progress pp ON pp.id = (
         SELECT y.id FROM programme_progress y
         WHERE y.programme_id = p.id AND y.period <= @period
         ORDER BY y.period DESC LIMIT 1)
       WHERE p.start_year <= @year AND p.end_year >= @year
       ORDER BY p.code`,
  ).all({ year, period }) as ProgrammeRow[];
}

/**
 * The given programmes at the end of each month of the year: the plan of the latest plan row ≤ the
 * month and the physical % of the latest report ≤ the month (reports of earlier years included,
 * since progress is cumulative over a programme's life), by the same seeks as programmesAsOf.
 */
export function programmeMonths(db: Db, year: number, programmeIds: readonly number[]): ProgrammeMonthRow[] {
  return prep(
    db,
    `WITH RECURSIVE mm(month) AS (SELECT 1 UNION ALL SELECT month + 1 FROM mm WHERE month < 12),
     ids(id) AS (SELECT value FROM json_each(@ids)),
     at(id, month, period) AS (SELECT ids.id, mm.month, printf('%04d-%02d', @year, mm.month) FROM ids CROSS JOIN mm)
     SELECT at.id AS programmeId, at.month,
            (SELECT x.planned_pct FROM programme_plan x
              WHERE x.programme_id = at.id AND x.period <= at.period
              ORDER BY x.period DESC LIMIT 1) AS plannedPct,
            (SELECT y.physical_pct FROM programme_progress y
              WHERE y.programme_id = at.id AND y.period <= at.period
              ORDER BY y.period DESC LIMIT 1) AS physicalPct
     FROM at ORDER BY at.id, at.month`,
  ).all({ year, ids: JSON.stringify(programmeIds) }) as ProgrammeMonthRow[];
}

export interface ProgressInput {
  programmeId: number;
  period: string;
  physicalPct: number;
  spentRp: number;
  indicatorValue: number | null;
  status: ProgrammeStatus | null;
  kendala: string | null;
  tindakLanjut: string | null;
  evidenceUrl: string | null;
  source: string;
  sourceRef: string | null;
  enteredAt: string;
  enteredBy: number | null;
}

export function getProgress(db: Db, programmeId: number, period: string) {
  return prep(
    db,
    `SELECT id, physical_pct AS physicalPct, spent_rp AS spentRp, indicator_value AS indicatorValue,
              status, kendala, tindak_lanjut AS tindakLanjut, evidence_url AS evidenceUrl,
              verification, version
       FROM programme_progress WHERE programme_id = ? AND period = ?`,
  ).get(programmeId, period) as
    | {
        id: number;
        physicalPct: number;
        spentRp: number;
        indicatorValue: number | null;
        status: ProgrammeStatus | null;
        kendala: string | null;
        tindakLanjut: string | null;
        evidenceUrl: string | null;
        verification: string;
        version: number;
      }
    | undefined;
}

export function upsertProgress(db: Db, input: ProgressInput): void {
  prep(
    db,
    `INSERT INTO programme_progress (programme_id, period, physical_pct, spent_rp, indicator_value,
       status, kendala, tindak_lanjut, evidence_url, source, source_ref, entered_at, entered_by)
     VALUES (@programmeId, @period, @physicalPct, @spentRp, @indicatorValue, @status, @kendala,
       @tindakLanjut, @evidenceUrl, @source, @sourceRef, @enteredAt, @enteredBy)
     ON CONFLICT (programme_id, period) DO UPDATE SET
       physical_pct = excluded.physical_pct, spent_rp = excluded.spent_rp,
       indicator_value = excluded.indicator_value, status = excluded.status,
       kendala = excluded.kendala, tindak_lanjut = excluded.tindak_lanjut,
       evidence_url = excluded.evidence_url, source = excluded.source,
       source_ref = excluded.source_ref, entered_at = excluded.entered_at,
       entered_by = excluded.entered_by, verification = 'submitted', version = version + 1`,
  ).run(input);
}

export function programmeById(db: Db, id: number) {
  return prep(
    db,
    `SELECT p.id, p.code, p.name, p.start_year AS startYear, p.end_year AS endYear,
              p.coordinator_opd_id AS opdId
       FROM programme p WHERE p.id = ?`,
  ).get(id) as
    | { id: number; code: string; name: string; startYear: number; endYear: number; opdId: number }
    | undefined;
}
