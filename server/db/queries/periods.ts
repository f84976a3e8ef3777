// Reporting deadlines, per-OPD reopenings and the rollup of who reported which period when.
import { lastDayOfMonth } from '../../../shared/time';
import type { Db } from '../connection';
import { prep } from '../prepare';

export type ReportFamily = 'masterplan' | 'budget';

export function deadlineOverride(db: Db, family: ReportFamily, period: string): string | null {
  return (
    (prep(db, 'SELECT deadline_at FROM reporting_deadline WHERE family = ? AND period = ?')
      .pluck()
      .get(family, period) as string | undefined) ?? null
  );
}

export function setDeadline(
  db: Db,
  family: ReportFamily,
  period: string,
  deadlineAt: string,
  by: number,
  at: string,
): void {
  prep(
    db,
    `INSERT INTO reporting_deadline (family, period, deadline_at, set_by, set_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (family, period) DO UPDATE SET deadline_at = excluded.deadline_at, set_by = excluded.set_by, set_at = excluded.set_at`,
  ).run(family, period, deadlineAt, by, at);
}

export function reopenedUntil(db: Db, family: ReportFamily, period: string, opdId: number): string | null {
  return (
    (prep(db, 'SELECT until_at FROM period_reopen WHERE family = ? AND period = ? AND opd_id = ?')
      .pluck()
      .get(family, period, opdId) as string | undefined) ?? null
  );
}

export function reopenPeriod(
  db: Db,
  r: {
    family: ReportFamily;
    period: string;
    opdId: number;
    untilAt: string;
    reason: string;
    by: number;
    at: string;
  },
): void {
  prep(
    db,
    `INSERT INTO period_reopen (family, period, opd_id, until_at, reason, by_user, at)
     VALUES (@family, @period, @opdId, @untilAt, @reason, @by, @at)
     ON CONFLICT (family, period, opd_id) DO UPDATE SET until_at = excluded.until_at, reason = excluded.reason,
       by_user = excluded.by_user, at = excluded.at`,
  ).run(r);
}

/** Record that an OPD wrote a figure of a period (first and last time, count of new figures). */
export function touchOpdReport(
  db: Db,
  family: ReportFamily,
  period: string,
  opdId: number,
  at: string,
  isNew: boolean,
): void {
  prep(
    db,
    `INSERT INTO opd_report_rollup (family, period, opd_id, first_at, last_at, rows) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (family, period, opd_id) DO UPDATE SET first_at = MIN(first_at, excluded.first_at),
       last_at = MAX(last_at, excluded.last_at), rows = rows + excluded.rows`,
  ).run(family, period, opdId, at, at, isNew ? 1 : 0);
}

export interface OpdReportRow {
  opdId: number;
  opdCode: string;
  opdName: string;
  firstAt: string | null;
  lastAt: string | null;
  rows: number;
  expected: number;
}

/**
 * Every OPD that owes figures for the period, with its report: for the budget, the OPDs with a sub
 * kegiatan funded (pagu > 0) in the APBD stage in force at the month's end (one added in the
 * perubahan is owed from then on, not before); for programmes, the coordinators of active ones.
 */
export function opdReports(db: Db, family: ReportFamily, period: string): OpdReportRow[] {
  const year = Number(period.slice(0, 4));
  const monthEnd = lastDayOfMonth(year, Number(period.slice(5, 7)));
  const owed =
    family === 'budget'
      ? // Sub kegiatan with a pagu above zero at the stage in force at the month's end, per OPD,
        // from the budget rollup (migration 0006): one row per OPD instead of every sub kegiatan.
        `SELECT o.id AS opd_id, r.funded AS expected
         FROM budget_slice_rollup r JOIN opd o ON o.code = r.key
         WHERE r.year = @year AND r.dim = 'opd' AND r.funded > 0
           AND r.stage = COALESCE((SELECT 'perubahan' FROM fiscal_year
                                   WHERE year = @year AND stage = 'perubahan' AND adopted_on <= @monthEnd), 'murni')`
      : `SELECT coordinator_opd_id AS opd_id, COUNT(*) AS expected FROM programme
         WHERE start_year <= @year AND end_year >= @year GROUP BY coordinator_opd_id`;
  return prep(
    db,
    `SELECT o.id AS opdId, o.code AS opdCode, o.short_name AS opdName, r.first_at AS firstAt, r.last_at AS lastAt,
            COALESCE(r.rows, 0) AS rows, w.expected
     FROM (${owed}) w JOIN opd o ON o.id = w.opd_id
     LEFT JOIN opd_report_rollup r ON r.family = @family AND r.period = @period AND r.opd_id = w.opd_id
     ORDER BY o.short_name`,
  ).all({ family, period, year, monthEnd }) as OpdReportRow[];
}

/**
 * Recomputes who reported what from the figures. rows and last_at follow the rows as they are;
 * first_at is history (when the OPD first reported, which decides "on time"): a correction moves a
 * row's entered_at, so a rebuild keeps the earliest first time it knew before (regression: a
 * rebuild made an OPD that reported on time and corrected later look late).
 */
export function rebuildOpdReports(db: Db): void {
  db.exec(`DROP TABLE IF EXISTS temp.opd_report_first;
    CREATE TEMP TABLE opd_report_first AS SELECT family, period, opd_id, first_at FROM opd_report_rollup;
    DELETE FROM opd_report_rollup;
    INSERT INTO opd_report_rollup (family, period, opd_id, first_at, last_at, rows)
      SELECT 'budget', printf('%04d-%02d', s.year, r.month), s.opd_id, MIN(r.entered_at), MAX(r.entered_at), COUNT(*)
      FROM budget_realisation r JOIN sub_kegiatan s ON s.id = r.sub_kegiatan_id GROUP BY 2, 3;
    INSERT INTO opd_report_rollup (family, period, opd_id, first_at, last_at, rows)
      SELECT 'masterplan', pp.period, p.coordinator_opd_id, MIN(pp.entered_at), MAX(pp.entered_at), COUNT(*)
      FROM programme_progress pp JOIN programme p ON p.id = pp.programme_id GROUP BY 2, 3;
    UPDATE opd_report_rollup AS r SET first_at = f.first_at FROM temp.opd_report_first f
      WHERE f.family = r.family AND f.period = r.period AND f.opd_id = r.opd_id AND f.first_at < r.first_at;
    DROP TABLE temp.opd_report_first;`);
}
