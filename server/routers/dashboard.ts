import { asOfInput } from '../../shared/schemas';
import { openFollowUps } from '../db/queries/meetings';
import { programmeKpi } from '../kpi/masterplan';
import { serviceKpi } from '../kpi/services';
import { buildTicker } from '../kpi/ticker';
import type { OverdueReports } from '../kpi/types';
import { followUpView } from '../meetings';
import { dataVersion, memoised } from '../memo';
import { router, sharedProcedure } from '../trpc';
import { resolveAsOf, summaryInput, summaryOf } from './resolve';

export const dashboardRouter = router({
  /** The whole executive summary for a year and an as-of date (both default to now, WIB). */
  overview: sharedProcedure.input(asOfInput).query(({ ctx, input }) => {
    const now = ctx.clock();
    const { year, asOf } = resolveAsOf(input, now);
    const compute = () => summaryOf(ctx, year, asOf);
    if (!ctx.overviewMemo) return compute();
    return ctx.overviewMemo.get(`${year}|${asOf}`, () => dataVersion(ctx.db, ctx.clock()), compute);
  }),

  /**
   * The alert ticker of every wall: red-zone OPDs, SLA breaches, missed reports, programmes behind,
   * and meeting follow-ups past their due date on the as-of day.
   */
  ticker: sharedProcedure.input(asOfInput).query(({ ctx, input }) => {
    const now = ctx.clock();
    const { year, asOf } = resolveAsOf(input, now);
    const compute = () => {
      const data = summaryInput(ctx, year, asOf);
      const overview = summaryOf(ctx, year, asOf);
      const { services, pillars, freshness } = data;
      return {
        year,
        asOf,
        generatedAt: overview.generatedAt,
        demo: overview.demo,
        ...buildTicker({
          redZone: overview.budget.redZone,
          services: services.rows.map((r) => serviceKpi(r, services.backlog, asOf, services.thresholds)),
          programmes: pillars.programmes.map((p) => programmeKpi(p, pillars.thresholds)),
          overdue: [freshness.budget.overdue, freshness.pillars.overdue].filter(
            (o): o is OverdueReports => o !== null,
          ),
          lateFollowUps: openFollowUps(ctx.db)
            .map((f) => followUpView(f, asOf))
            .filter((f) => f.state === 'terlambat'),
        }),
      };
    };
    return memoised(ctx, 'ticker', `${year}|${asOf}`, compute);
  }),
});
