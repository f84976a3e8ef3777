// One procedure per KPI family, for the screens that go deeper than the executive summary.
import { asOfInput } from '../../shared/schemas';
import { monthKey, parseDate } from '../../shared/time';
import { budgetSlices, stageOn } from '../db/queries/budget';
import { complaintAgg } from '../db/queries/complaints';
import { overviewInput } from '../db/queries/overview';
import { serviceKecamatanRows } from '../db/queries/services';
import { budgetKpi, budgetSCurve, byWorstBudgetDeviation } from '../kpi/budget';
import { ikmKpi } from '../kpi/ikm';
import { programmeKpi } from '../kpi/masterplan';
import { buildOverview } from '../kpi/overview';
import { pctOf } from '../kpi/precision';
import { complaintKpi, serviceKpi } from '../kpi/services';
import { indexResult, indexTrend, latestIndexResult } from '../kpi/spbe';
import { setting } from '../settings';
import { publicProcedure, router } from '../trpc';
import { resolveAsOf } from './resolve';

export const masterplanRouter = router({
  /** Every active programme with its progress against plan, and the pillar KPIs. */
  programmes: publicProcedure.input(asOfInput).query(({ ctx, input }) => {
    const { year, asOf } = resolveAsOf(input, ctx.clock());
    const data = overviewInput(ctx.db, year, asOf, new Date(ctx.clock()).toISOString());
    const t = data.pillars.thresholds;
    return {
      year,
      asOf,
      pillars: buildOverview(data).pillars,
      programmes: data.pillars.programmes.map((p) => programmeKpi(p, t)),
    };
  }),
});

export const budgetRouter = router({
  /** Serapan anggaran of every slice (total, OPD, spending group, funding source) and the S-curve. */
  absorption: publicProcedure.input(asOfInput).query(({ ctx, input }) => {
    const { year, asOf } = resolveAsOf(input, ctx.clock());
    const overview = buildOverview(overviewInput(ctx.db, year, asOf, new Date(ctx.clock()).toISOString()));
    const stage = stageOn(ctx.db, year, asOf);
    const t = setting(ctx.db, 'budget.thresholds', year);
    const slices = budgetSlices(ctx.db, year, stage);
    const m = overview.budget.asOfMonth;
    const kpis = slices.map((s) => ({
      ...budgetKpi(s, m, t),
      sCurve: s.dim === 'total' ? budgetSCurve(s, m) : null,
    }));
    return {
      year,
      asOf,
      stage,
      asOfMonth: m,
      total: overview.budget.total,
      sCurve: overview.budget.sCurve,
      byOpd: kpis.filter((k) => k.dim === 'opd').sort(byWorstBudgetDeviation),
      byGroup: kpis.filter((k) => k.dim === 'group'),
      bySource: kpis.filter((k) => k.dim === 'source'),
      freshness: overview.budget.freshness,
    };
  }),
});

export const spbeRouter = router({
  /** Every assessment up to the year, under its own framework, with domain and aspect indices. */
  results: publicProcedure.input(asOfInput).query(({ ctx, input }) => {
    const { year, asOf } = resolveAsOf(input, ctx.clock());
    const data = overviewInput(ctx.db, year, asOf, new Date(ctx.clock()).toISOString());
    const results = data.spbe.assessments.map((a) => {
      const fw = data.spbe.frameworks.find((f) => f.code === a.frameworkCode);
      if (!fw) throw new Error(`framework ${a.frameworkCode} missing`);
      return indexResult(fw, a, data.spbe.missingPolicy);
    });
    // The same rules as the executive summary, so two walls in one room never disagree.
    return {
      year,
      results,
      latest: latestIndexResult(results),
      trend: indexTrend(results),
      frameworks: data.spbe.frameworks,
      freshness: data.freshness.spbe,
    };
  }),
});

export const servicesRouter = router({
  /** Per service: volume, median and p90 completion time, % on time, backlog; per complaint dimension. */
  summary: publicProcedure.input(asOfInput).query(({ ctx, input }) => {
    const { year, asOf } = resolveAsOf(input, ctx.clock());
    const data = overviewInput(ctx.db, year, asOf, new Date(ctx.clock()).toISOString());
    const d = parseDate(asOf);
    const until = d.year > year ? `${year}-12` : monthKey(d.year, d.month);
    const services = data.services.rows.map((r) =>
      serviceKpi(r, data.services.backlog, asOf, data.services.thresholds),
    );
    const complaints = Object.fromEntries(
      (['total', 'channel', 'topic', 'opd', 'kecamatan'] as const).map((dim) => [
        dim,
        complaintAgg(ctx.db, year, until, dim).map(complaintKpi),
      ]),
    ) as Record<'total' | 'channel' | 'topic' | 'opd' | 'kecamatan', ReturnType<typeof complaintKpi>[]>;
    const ikm = data.ikm.surveys.map((s) => ikmKpi(s, data.ikm.standardElements, data.ikm.grades));
    const byKecamatan = serviceKecamatanRows(ctx.db, data.services.period).map((k) => ({
      ...k,
      onTimePct: pctOf(k.onTime, k.completed),
    }));
    return {
      year,
      asOf,
      period: data.services.period,
      services,
      byKecamatan,
      complaints,
      responseTargetHours: setting(ctx.db, 'complaint.first_response_hours', year),
      ikm,
      freshness: {
        services: data.freshness.services,
        complaints: data.freshness.complaints,
        ikm: data.freshness.ikm,
      },
    };
  }),
});
