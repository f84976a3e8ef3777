// Reporting discipline: for a family and period, each OPD that owes figures is tepat waktu (first
// figure by the deadline), terlambat, belum (deadline ahead) or belum melapor (deadline passed).
import { deadlineOf } from './auth/policy';
import type { Db } from './db/connection';
import { opdReports, type ReportFamily } from './db/queries/periods';

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
