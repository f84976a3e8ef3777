import { asOfInput } from '../../shared/schemas';
import { lastChangeId } from '../db/queries/freshness';
import { overviewInput } from '../db/queries/overview';
import { buildOverview } from '../kpi/overview';
import { publicProcedure, router } from '../trpc';
import { resolveAsOf } from './resolve';

export const dashboardRouter = router({
  /** The whole executive summary for a year and an as-of date (both default to now, WIB). */
  overview: publicProcedure.input(asOfInput).query(({ ctx, input }) => {
    const now = ctx.clock();
    const { year, asOf } = resolveAsOf(input, now);
    const compute = () => buildOverview(overviewInput(ctx.db, year, asOf, new Date(now).toISOString()));
    if (!ctx.overviewMemo) return compute();
    // Every committed write appends to change_log, so the newest id names the data's version.
    return ctx.overviewMemo.get(`${year}|${asOf}|${lastChangeId(ctx.db)}`, compute);
  }),
});
