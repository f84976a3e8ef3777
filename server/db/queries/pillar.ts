// Gathers the rows masterplan.pillar needs for one pillar: from the executive summary's own inputs
// (handed in, read once per data version by the caller, so the pillar KPIs, the budget stage and
// as-of month and the freshness are the very same), plus the pillar's programmes month by month
// and the 'programme' budget rollup slices of its programmes.
import type { OverviewInput } from '../../kpi/overview';
import type { PillarViewInput } from '../../kpi/pillar';
import type { Freshness } from '../../kpi/types';
import type { Db } from '../connection';
import { programmeBudgetSlices } from './budget';
import { programmeMonths } from './masterplan';

export interface PillarData {
  view: PillarViewInput;
  freshness: { pillars: Freshness; budget: Freshness };
}

/** null when no pillar of the year's framework has this code. */
export function pillarData(db: Db, code: string, data: OverviewInput): PillarData | null {
  const { year, asOf } = data;
  const pillar = data.pillars.rows.find((p) => p.code === code);
  if (!pillar) return null;
  const programmes = data.pillars.programmes.filter((p) => p.pillarCode === pillar.code);
  const { stage, slices, monthLimit, thresholds } = data.budget;
  return {
    view: {
      year,
      asOf,
      pillar,
      programmes,
      months: programmeMonths(
        db,
        year,
        programmes.map((p) => p.id),
      ),
      thresholds: data.pillars.thresholds,
      budget: {
        stage,
        total: slices.find((s) => s.dim === 'total'),
        programmes: programmeBudgetSlices(
          db,
          year,
          stage,
          programmes.map((p) => p.code),
        ),
        monthLimit,
        thresholds,
      },
    },
    // The verified share of the budget freshness is the regency's, not this pillar's: not shown here.
    freshness: { pillars: data.freshness.pillars, budget: { ...data.freshness.budget, verifiedPct: null } },
  };
}
