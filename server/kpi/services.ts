// Public services and complaints (DOMAIN.md §4): % on time, completion-time percentiles from the
// duration histogram, open backlog and its age; complaint response and resolution rates.
import { daysBetween } from '../../shared/time';
import { colourForPct, type PctThresholds } from './colour';
import { percentileFromHistogram } from './histogram';
import { pctOf, settle } from './precision';
import type { ComplaintAggRow, ComplaintKpi, OpenBacklogRow, ServiceKpi, ServicePeriodRow } from './types';

/**
 * KPI of one service for a period. `backlog` should be this service's open requests by WIB
 * submission day; rows of other services are ignored, so passing every row is also safe.
 * oldestOpenDays counts calendar days (what a citizen waits), not working days, from the oldest
 * open submission to `nowDate`; a submission dated after nowDate counts as 0 days old.
 */
export function serviceKpi(
  row: ServicePeriodRow,
  backlog: readonly OpenBacklogRow[],
  nowDate: string,
  t: PctThresholds,
): ServiceKpi {
  let open = 0;
  let oldest: string | null = null;
  for (const b of backlog) {
    if (b.serviceCode !== row.serviceCode || b.open <= 0) continue;
    open += b.open;
    if (oldest === null || b.day < oldest) oldest = b.day;
  }
  const onTimePct = pctOf(row.onTime, row.completed);
  return {
    serviceCode: row.serviceCode,
    serviceName: row.serviceName,
    opdCode: row.opdCode,
    group: row.group,
    slaAmount: row.slaAmount,
    slaUnit: row.slaUnit,
    submitted: row.submitted,
    completed: row.completed,
    onTimePct,
    medianMin: percentileFromHistogram(row.hist, 0.5),
    p90Min: percentileFromHistogram(row.hist, 0.9),
    backlog: open,
    oldestOpenDays: oldest === null ? null : Math.max(0, daysBetween(oldest, nowDate)),
    colour: colourForPct(onTimePct, t),
  };
}

/**
 * Complaint rates; each null when its denominator is 0. First response within target and resolved
 * are shares of everything received (an unanswered complaint counts against both); the mean first
 * response is over the complaints that have had one.
 */
export function complaintKpi(row: ComplaintAggRow): ComplaintKpi {
  return {
    key: row.key,
    label: row.label,
    received: row.received,
    firstResponseWithinTargetPct: pctOf(row.respondedWithinTarget, row.received),
    resolvedPct: pctOf(row.resolved, row.received),
    meanFirstResponseMin: row.responded > 0 ? settle(row.sumFirstResponseMin / row.responded) : null,
  };
}
