// Reporting discipline: for a family and period, each OPD that owes figures is tepat waktu (first
// figure by the deadline), terlambat, belum (deadline ahead) or belum melapor (deadline passed).

import { wibMonth } from '../shared/time';
import { deadlineOf } from './auth/policy';
import type { Db } from './db/connection';
import { opdReports, type ReportFamily } from './db/queries/periods';
import type { OverdueReports } from './kpi/types';

export type ComplianceState = 'tepat_waktu' | 'terlambat' | 'belum' | 'belum_melapor';

export function complianceOf(db: Db, family: ReportFamily, period: string, nowMs: number) {
  const deadline = deadlineOf(db, family, period);
  const rows = opdReports(db, family, period).map((r) => ({
    ...r,
    state: (r.firstAt === null
      ? nowMs > deadline
        ? 'belum_melapor'
        : 'belum'
      : Date.parse(r.firstAt) <= deadline
        ? 'tepat_waktu'
        : 'terlambat') as ComplianceState,
  }));
  return { family, period, deadline: new Date(deadline).toISOString(), rows };
}

/** The month before `period` ('YYYY-MM'). */
function monthBefore(period: string): string {
  const y = Number(period.slice(0, 4));
  const m = Number(period.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * The newest reporting period whose deadline had passed at `atMs`: the month before `atMs`'s
 * month when its deadline is behind us, else the month before that.
 */
export function lastDuePeriod(db: Db, family: ReportFamily, atMs: number): string {
  const previous = monthBefore(wibMonth(atMs));
  return deadlineOf(db, family, previous) < atMs ? previous : monthBefore(previous);
}

/**
 * Which OPDs missed the deadline of the newest period already due at `atMs` (belum melapor), for
 * a tile to say so. `atMs` is now, or the end of the as-of day when the screen is frozen earlier.
 */
export function overdueReports(db: Db, family: ReportFamily, atMs: number): OverdueReports {
  const period = lastDuePeriod(db, family, atMs);
  const c = complianceOf(db, family, period, atMs);
  const late = c.rows.filter((r) => r.state === 'belum_melapor');
  return {
    family,
    period,
    deadline: c.deadline,
    owing: c.rows.length,
    opds: late.map((r) => ({ code: r.opdCode, name: r.opdName })),
  };
}
