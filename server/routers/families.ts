// One procedure per KPI family, for the screens that go deeper than the executive summary.
import {
  absorptionInput,
  asOfInput,
  type PillarInput,
  pillarInput,
  spbeResultsInput,
} from '../../shared/schemas';
import { monthKey, parseDate } from '../../shared/time';
import { budgetSlices, stageOn } from '../db/queries/budget';
import { complaintAgg } from '../db/queries/complaints';
import { pillarData } from '../db/queries/pillar';
import { serviceKecamatanRows } from '../db/queries/services';
import { indicatorScores } from '../db/queries/spbe';
import { budgetKpi, budgetSCurve, byWorstBudgetDeviation } from '../kpi/budget';
import { ikmKpi } from '../kpi/ikm';
import { programmeKpi } from '../kpi/masterplan';
import type { OverviewInput } from '../kpi/overview';
import { buildPillarView, narrowToOpd, overdueWithin } from '../kpi/pillar';
import { pctOf } from '../kpi/precision';
import { complaintKpi, serviceKpi } from '../kpi/services';
import { indexResult, indexTrend, latestIndexResult, weakestIndicators } from '../kpi/spbe';
import type { DeviationThresholds } from '../kpi/types';
import { memoised } from '../memo';
import { setting } from '../settings';
import { type AppContext, router, sharedProcedure, TRPCError } from '../trpc';
import { resolveAsOf, summaryInput, summaryOf } from './resolve';

export const masterplanRouter = router({
  /** Every active programme with its progress against plan, and the pillar KPIs. */
  programmes: sharedProcedure.input(asOfInput).query(({ ctx, input }) => {
    const { year, asOf } = resolveAsOf(input, ctx.clock());
    return memoised(ctx, 'programmes', `${year}|${asOf}`, () => {
      const data = summaryInput(ctx, year, asOf);
      const t = data.pillars.thresholds;
      return {
        year,
        asOf,
        pillars: summaryOf(ctx, year, asOf).pillars,
        programmes: data.pillars.programmes.map((p) => programmeKpi(p, t)),
      };
    });
  }),

  /**
   * One pillar in depth: its KPIs (as in `programmes`), its programmes worst first, each with the
   * serapan of the sub kegiatan behind it, the plan-vs-actual curve of the year, and its budget.
   */
  pillar: sharedProcedure.input(pillarInput).query(({ ctx, input }) => {
    const { year, asOf } = resolveAsOf(input, ctx.clock());
    const compute = () => pillarView(ctx, input, summaryInput(ctx, year, asOf));
    return memoised(ctx, 'pillar', `${input.code}|${input.opdCode ?? ''}|${year}|${asOf}`, compute);
  }),
});

/**
 * masterplan.pillar's answer: one pillar (optionally one OPD's part of it) in depth, from the
 * executive summary's inputs for its year and as-of date.
 */
export function pillarView(ctx: AppContext, input: PillarInput, summary: OverviewInput) {
  const { year, asOf } = summary;
  const data = pillarData(ctx.db, input.code, summary);
  if (!data) {
    throw new TRPCError({
      code: 'NOT_FOUND',
      message: `Tidak ada pilar dengan kode '${input.code}' pada TA ${year}`,
    });
  }
  const opdCode = input.opdCode?.toUpperCase();
  const view = opdCode === undefined ? data.view : narrowToOpd(data.view, opdCode);
  if (!view) {
    throw new TRPCError({
      code: 'NOT_FOUND',
      message: `OPD '${opdCode}' tidak mengoordinasikan program pilar ${input.code} pada TA ${year}`,
    });
  }
  // A missed deadline is named on this screen only for the OPDs whose programmes it shows.
  const opds = new Set(view.programmes.map((p) => p.coordinatorOpdCode));
  const { pillars, budget } = data.freshness;
  return {
    year,
    asOf,
    opdCode: opdCode ?? null,
    ...buildPillarView(view),
    freshness: {
      pillars: { ...pillars, overdue: overdueWithin(pillars.overdue, opds) },
      budget: { ...budget, overdue: overdueWithin(budget.overdue, opds) },
    },
  };
}

/** One OPD's serapan with its own S-curve, for a screen narrowed to that OPD. */
function focusOpd(
  slices: ReturnType<typeof budgetSlices>,
  opdCode: string,
  month: number | null,
  t: DeviationThresholds,
) {
  const slice = slices.find((s) => s.dim === 'opd' && s.key === opdCode);
  if (!slice)
    throw new TRPCError({
      code: 'NOT_FOUND',
      message: `Tidak ada OPD dengan kode '${opdCode}' yang memiliki anggaran tahun ini`,
    });
  return { ...budgetKpi(slice, month, t), sCurve: budgetSCurve(slice, month) };
}

export const budgetRouter = router({
  /** Serapan anggaran of every slice (total, OPD, spending group, funding source) and the S-curve. */
  absorption: sharedProcedure.input(absorptionInput).query(({ ctx, input }) => {
    const { year, asOf } = resolveAsOf(input, ctx.clock());
    return memoised(ctx, 'absorption', `${year}|${asOf}|${input?.opdCode?.toUpperCase() ?? ''}`, () => {
      const opdCode = input?.opdCode?.toUpperCase();
      const overview = summaryOf(ctx, year, asOf);
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
        focus: opdCode === undefined ? null : focusOpd(slices, opdCode, m, t),
        freshness: overview.budget.freshness,
      };
    });
  }),
});

export const spbeRouter = router({
  /**
   * Every assessment up to the year, under its own framework, with domain and aspect indices, and
   * the latest result's indicators that cost the most index points (`weakest`, 8 unless asked).
   */
  results: sharedProcedure.input(spbeResultsInput).query(({ ctx, input }) => {
    const { year, asOf } = resolveAsOf(input, ctx.clock());
    return memoised(ctx, 'spbe', `${year}|${asOf}|${input?.weakest ?? ''}`, () => {
      const data = summaryInput(ctx, year, asOf);
      const results = data.spbe.assessments.map((a) => {
        const fw = data.spbe.frameworks.find((f) => f.code === a.frameworkCode);
        if (!fw) throw new Error(`framework ${a.frameworkCode} missing`);
        return indexResult(fw, a, data.spbe.missingPolicy);
      });
      // The same rules as the executive summary, so two walls in one room never disagree.
      const latest = latestIndexResult(results);
      const latestFw = data.spbe.frameworks.find((f) => f.code === latest?.frameworkCode);
      return {
        year,
        results,
        latest,
        weakest:
          latest && latestFw
            ? weakestIndicators(
                indicatorScores(ctx.db, latest.year, latest.kind),
                latestFw.scaleMax,
                input?.weakest,
              )
            : [],
        trend: indexTrend(results),
        frameworks: data.spbe.frameworks,
        freshness: data.freshness.spbe,
      };
    });
  }),
});

export const servicesRouter = router({
  /** Per service: volume, median and p90 completion time, % on time, backlog; per complaint dimension. */
  summary: sharedProcedure.input(asOfInput).query(({ ctx, input }) => {
    const { year, asOf } = resolveAsOf(input, ctx.clock());
    return memoised(ctx, 'services', `${year}|${asOf}`, () => {
      const data = summaryInput(ctx, year, asOf);
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
    });
  }),
});
