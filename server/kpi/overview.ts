// The executive summary (dashboard.overview) assembled from already-fetched rows: every family's
// headline figures, its freshness, and the alert strip. Pure: the router fetches, this computes.
import { parseDate } from '../../shared/time';
import { buildAlerts } from './alerts';
import { budgetKpi, budgetSCurve, byWorstBudgetDeviation, latestReportedMonth } from './budget';
import type { PctThresholds } from './colour';
import { ikmKpi, ikmSummary } from './ikm';
import { pillarKpis } from './masterplan';
import { compareNullableAsc, compareText } from './order';
import { pctOf } from './precision';
import { complaintKpi, serviceKpi } from './services';
import { indexResult, indexTrend, latestIndexResult } from './spbe';
import type {
  BudgetSliceRow,
  BudgetStage,
  ComplaintAggRow,
  ComplaintKpi,
  DeviationThresholds,
  Freshness,
  IkmGrade,
  IkmSurveyRow,
  IndexAssessmentRow,
  IndexFrameworkDef,
  MissingPolicy,
  OpenBacklogRow,
  Overview,
  PillarRow,
  ProgrammeRow,
  ServicePeriodRow,
} from './types';

export const WORST_SERVICES = 5;
export const TOP_TOPICS = 5;
/** Behind-plan programmes named per pillar on the summary (the count covers all of them). */
export const BEHIND_PLAN_SHOWN = 5;

export type ComplaintDim = 'total' | 'channel' | 'topic';

/** A complaint rollup row tagged with the dimension it belongs to. */
export interface ComplaintAggInputRow extends ComplaintAggRow {
  dim: ComplaintDim;
}

export interface OverviewInput {
  year: number; // tahun anggaran shown
  asOf: string; // 'YYYY-MM-DD' WIB: figures as they stood on this date (backlog age is counted to it)
  nowIso: string; // becomes generatedAt
  freshness: {
    pillars: Freshness;
    budget: Freshness;
    spbe: Freshness;
    services: Freshness;
    complaints: Freshness;
    ikm: Freshness;
  };
  pillars: { rows: PillarRow[]; programmes: ProgrammeRow[]; thresholds: DeviationThresholds };
  budget: {
    stage: BudgetStage;
    /** Slices of that stage, every dim together: one 'total' (key 'ALL'), and 'opd', 'group', 'source'. */
    slices: BudgetSliceRow[];
    /** Last month of the year that may count as reported by asOf (see budgetMonthLimit). */
    monthLimit: number | null;
    thresholds: DeviationThresholds;
  };
  spbe: {
    frameworks: IndexFrameworkDef[]; // every framework an assessment refers to, by code
    assessments: IndexAssessmentRow[];
    missingPolicy: MissingPolicy;
  };
  services: {
    period: string; // 'YYYY-MM' the rows cover
    rows: ServicePeriodRow[];
    backlog: OpenBacklogRow[]; // open requests of all services, by WIB submission day
    thresholds: PctThresholds;
  };
  complaints: { rows: ComplaintAggInputRow[]; responseTargetHours: number }; // year to date
  ikm: { surveys: IkmSurveyRow[]; standardElements: string[]; grades: IkmGrade[] };
}

/** Month of `year` up to which realisation can be counted on date asOf: null before the year. */
export function budgetMonthLimit(year: number, asOf: string): number | null {
  const d = parseDate(asOf);
  if (d.year < year) return null;
  return d.year > year ? 12 : d.month;
}

const emptyTotalSlice = (): BudgetSliceRow => ({
  dim: 'total',
  key: 'ALL',
  label: 'Total APBD',
  paguRp: 0,
  subKegiatan: 0,
  months: [],
});

const emptyComplaints: ComplaintAggRow = {
  key: 'ALL',
  label: 'Semua aduan',
  received: 0,
  responded: 0,
  respondedWithinTarget: 0,
  resolved: 0,
  sumFirstResponseMin: 0,
};

const byVolume = (a: ComplaintKpi, b: ComplaintKpi): number =>
  b.received - a.received || compareText(a.key, b.key);

export function buildOverview(input: OverviewInput): Overview {
  parseDate(input.asOf); // a malformed date is a caller bug: fail loudly here
  const { pillars, budget, spbe, services, complaints, ikm, freshness } = input;

  // Pillars
  const pillarItems = pillarKpis(pillars.rows, pillars.programmes, pillars.thresholds);

  // Budget: the latest month with any realisation report, not the calendar month of asOf
  const totalSlice = budget.slices.find((s) => s.dim === 'total') ?? emptyTotalSlice();
  const asOfMonth = budget.monthLimit === null ? null : latestReportedMonth(totalSlice, budget.monthLimit);
  const kpisOf = (dim: BudgetSliceRow['dim']) =>
    budget.slices.filter((s) => s.dim === dim).map((s) => budgetKpi(s, asOfMonth, budget.thresholds));
  const byOpd = kpisOf('opd').sort(byWorstBudgetDeviation);
  const redZone = byOpd.filter((k) => k.colour === 'merah');

  // SPBE: each assessment under its own framework
  const frameworkOf = (code: string): IndexFrameworkDef => {
    const fw = spbe.frameworks.find((f) => f.code === code);
    if (!fw) throw new RangeError(`No index framework '${code}' was supplied`);
    return fw;
  };
  const results = spbe.assessments.map((a) =>
    indexResult(frameworkOf(a.frameworkCode), a, spbe.missingPolicy),
  );
  const latest = latestIndexResult(results);

  // Services: period totals, then the lowest on-time shares (services with no completion cannot rank)
  const serviceKpis = services.rows.map((r) =>
    serviceKpi(r, services.backlog, input.asOf, services.thresholds),
  );
  const sum = (f: (r: ServicePeriodRow) => number) => services.rows.reduce((s, r) => s + f(r), 0);
  const completed = sum((r) => r.completed);
  const worst = serviceKpis
    .filter((k) => k.onTimePct !== null)
    .sort((a, b) => compareNullableAsc(a.onTimePct, b.onTimePct) || compareText(a.serviceCode, b.serviceCode))
    .slice(0, WORST_SERVICES);

  // Complaints
  const complaintsOf = (dim: ComplaintDim) => complaints.rows.filter((r) => r.dim === dim).map(complaintKpi);

  // IKM
  const ikmKpis = ikm.surveys.map((s) => ikmKpi(s, ikm.standardElements, ikm.grades));

  return {
    year: input.year,
    asOf: input.asOf,
    generatedAt: input.nowIso,
    demo: Object.values(freshness).some((f) => f.demo),
    pillars: {
      // Alerts below rank every behind-plan programme; the tiles name only the worst few.
      items: pillarItems.map((p) => ({ ...p, behindPlan: p.behindPlan.slice(0, BEHIND_PLAN_SHOWN) })),
      freshness: freshness.pillars,
    },
    budget: {
      stage: budget.stage,
      asOfMonth,
      total: budgetKpi(totalSlice, asOfMonth, budget.thresholds),
      sCurve: budgetSCurve(totalSlice, asOfMonth),
      byOpd,
      byGroup: kpisOf('group'),
      bySource: kpisOf('source'),
      redZone,
      freshness: freshness.budget,
    },
    spbe: {
      latest,
      trend: indexTrend(results),
      bands: latest ? frameworkOf(latest.frameworkCode).bands : [],
      freshness: freshness.spbe,
    },
    services: {
      period: services.period,
      submitted: sum((r) => r.submitted),
      completed,
      onTimePct: pctOf(
        sum((r) => r.onTime),
        completed,
      ),
      backlog: services.backlog.reduce((s, b) => s + Math.max(0, b.open), 0),
      worst,
      freshness: freshness.services,
    },
    complaints: {
      period: String(input.year),
      total: complaintKpi(complaints.rows.find((r) => r.dim === 'total') ?? emptyComplaints),
      byChannel: complaintsOf('channel').sort(byVolume),
      topTopics: complaintsOf('topic').sort(byVolume).slice(0, TOP_TOPICS),
      responseTargetHours: complaints.responseTargetHours,
      freshness: freshness.complaints,
    },
    ikm: { ...ikmSummary(ikmKpis, ikm.grades), freshness: freshness.ikm },
    alerts: buildAlerts({
      opds: redZone,
      budgetThresholds: budget.thresholds,
      programmes: pillarItems.flatMap((p) => p.behindPlan),
      programmeThresholds: pillars.thresholds,
      services: serviceKpis,
      onTimeThresholds: services.thresholds,
    }),
  };
}
