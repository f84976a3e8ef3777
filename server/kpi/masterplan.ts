// Masterplan programme progress per pillar (DOMAIN.md §1): status, deviation against the planned
// cumulative curve, and budget-weighted pillar figures.
import { colourForDeviation } from './colour';
import { compareNullableAsc, compareText } from './order';
import { pctOf, settle } from './precision';
import type {
  DeviationThresholds,
  PillarCurvePoint,
  PillarKpi,
  PillarRow,
  ProgrammeKpi,
  ProgrammeMonthRow,
  ProgrammeRow,
  ProgrammeStatus,
} from './types';

/**
 * Status from the latest report. Only a reported 'tertunda' overrides the figures: an OPD saying
 * "selesai" while reporting 80 % is shown as berjalan, because the number is what gets verified.
 */
export function programmeStatus(row: ProgrammeRow): ProgrammeStatus {
  if (row.reportedStatus === 'tertunda') return 'tertunda';
  const physical = row.physicalPct;
  if (physical !== null && physical >= 100) return 'selesai';
  if ((physical !== null && physical > 0) || row.reportedStatus === 'berjalan') return 'berjalan';
  return 'belum_mulai';
}

/**
 * Deviation = physical − planned in poin. A programme with a plan but no report yet is 0 % done
 * (that is the point of showing who has not reported); without a plan there is nothing to judge.
 */
export function programmeKpi(row: ProgrammeRow, t: DeviationThresholds): ProgrammeKpi {
  const deviationPoin = row.plannedPct === null ? null : settle((row.physicalPct ?? 0) - row.plannedPct);
  const colour = colourForDeviation(deviationPoin, t);
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    pillarCode: row.pillarCode,
    opdCode: row.coordinatorOpdCode,
    opdName: row.coordinatorOpdName,
    status: programmeStatus(row),
    physicalPct: row.physicalPct,
    plannedPct: row.plannedPct,
    deviationPoin,
    colour,
    behindPlan: colour === 'kuning' || colour === 'merah',
    budgetRp: row.budgetRp,
    kendala: row.kendala,
  };
}

const emptyByStatus = (): Record<ProgrammeStatus, number> => ({
  belum_mulai: 0,
  berjalan: 0,
  selesai: 0,
  tertunda: 0,
});

/** Σ(budget × value) ÷ Σ budget over the given pairs; null when the budgets add up to 0. */
function budgetWeighted(pairs: { budgetRp: number; value: number }[]): number | null {
  let weight = 0;
  let sum = 0;
  for (const { budgetRp, value } of pairs) {
    weight += budgetRp;
    sum += budgetRp * value;
  }
  return weight > 0 ? settle(sum / weight) : null;
}

/** Worst deviation first; equal deviations by programme code so the wall never reshuffles. */
export function byWorstDeviation(a: ProgrammeKpi, b: ProgrammeKpi): number {
  return compareNullableAsc(a.deviationPoin, b.deviationPoin) || compareText(a.code, b.code);
}

/**
 * One KPI per pillar, in pillar sort order. Programmes of a pillar code not in `pillars` are
 * ignored (the pillar list is the master).
 *
 * - weightedProgressPct: over all the pillar's programmes, never-reported = 0 %.
 * - weightedPlanPct and deviationPoin: over the programmes that have a plan, so progress is only
 *   compared with plans that exist. deviationPoin = Σ b·(physical − planned) ÷ Σ b over those,
 *   which equals weightedProgressPct − weightedPlanPct whenever every programme has a plan.
 * - All budget-weighted figures are null when the budgets involved add up to Rp 0.
 */
export function pillarKpis(
  pillars: readonly PillarRow[],
  programmes: readonly ProgrammeRow[],
  t: DeviationThresholds,
): PillarKpi[] {
  const ordered = [...pillars].sort((a, b) => a.sort - b.sort || compareText(a.code, b.code));
  return ordered.map((pillar) => {
    const kpis = programmes.filter((p) => p.pillarCode === pillar.code).map((p) => programmeKpi(p, t));
    const byStatus = emptyByStatus();
    for (const k of kpis) byStatus[k.status] += 1;
    const n = kpis.length;
    const planned = kpis.filter((k) => k.plannedPct !== null);
    const weightedPlanPct = budgetWeighted(
      planned.map((k) => ({ budgetRp: k.budgetRp, value: k.plannedPct ?? 0 })),
    );
    const deviationPoin = budgetWeighted(
      planned.map((k) => ({ budgetRp: k.budgetRp, value: k.deviationPoin ?? 0 })),
    );
    const behind = kpis.filter((k) => k.behindPlan).sort(byWorstDeviation);
    return {
      code: pillar.code,
      name: pillar.name,
      programmes: n,
      byStatus,
      runningOrDonePct: pctOf(byStatus.berjalan + byStatus.selesai, n),
      weightedProgressPct: budgetWeighted(
        kpis.map((k) => ({ budgetRp: k.budgetRp, value: k.physicalPct ?? 0 })),
      ),
      weightedPlanPct,
      deviationPoin,
      colour: colourForDeviation(deviationPoin, t),
      behindPlanCount: behind.length,
      behindPlan: behind,
    };
  });
}

/**
 * A pillar's plan-vs-actual curve over the twelve months of the year, by the same rules as
 * pillarKpis: at each month every programme stands at its plan of that month and its latest
 * report by then, so the point of the as-of month is that pillar's weightedPlanPct and
 * weightedProgressPct. `programmes` are the pillar's active programmes (their budgets weigh);
 * month rows of other programmes are ignored. A month before a programme's plan starts leaves it
 * out of the plan (no plan to compare with) but in the actual at 0 %, like a programme that has not
 * reported. Actual is null after asOfMonth (and everywhere when asOfMonth is null): the future is
 * not 0 %.
 */
export function pillarCurve(
  programmes: readonly ProgrammeRow[],
  months: readonly ProgrammeMonthRow[],
  asOfMonth: number | null,
): PillarCurvePoint[] {
  const state = new Map<string, ProgrammeMonthRow>();
  for (const r of months) state.set(`${r.programmeId}:${r.month}`, r);
  return Array.from({ length: 12 }, (_, i) => {
    const month = i + 1;
    const at = programmes.map((p) => ({ budgetRp: p.budgetRp, row: state.get(`${p.id}:${month}`) }));
    const planPct = budgetWeighted(
      at.flatMap(({ budgetRp, row }) =>
        row?.plannedPct === null || row?.plannedPct === undefined
          ? []
          : [{ budgetRp, value: row.plannedPct }],
      ),
    );
    const actualPct =
      asOfMonth !== null && month <= asOfMonth
        ? budgetWeighted(at.map(({ budgetRp, row }) => ({ budgetRp, value: row?.physicalPct ?? 0 })))
        : null;
    return { month, planPct, actualPct };
  });
}
