// The KPI contract: what db/queries hand to the pure KPI functions (inputs) and what those
// functions return (outputs). The client never restates these: it infers them from the router.
// Money is integer Rupiah; percentages are 0–100 numbers kept at full precision; deviations are
// percentage points ("poin"). Periods are 'YYYY-MM' (WIB months); dates 'YYYY-MM-DD' (WIB).

export type Colour = 'hijau' | 'kuning' | 'merah' | 'abu'; // abu = no data to judge

/** Colour bands on a deviation in poin: ≥ greenMinPoin hijau, ≥ yellowMinPoin kuning, else merah. */
export interface DeviationThresholds {
  greenMinPoin: number;
  yellowMinPoin: number;
}

/** Where a figure comes from and how fresh it is; every tile shows this. */
export interface Freshness {
  /** Latest period the figures cover, 'YYYY-MM' (or 'YYYY' for yearly families); null = no data. */
  period: string | null;
  /** ISO instant of the latest write to the family; null = never written. */
  updatedAt: string | null;
  /** Human source label, e.g. "Entri OPD", "Data contoh (sintetis)", "KemenPANRB". */
  source: string;
  /** True while any figure in the family is synthetic demo data ("Data contoh"). */
  demo: boolean;
  /** Share (0–100) of the underlying figures that are verified; null when not tracked. */
  verifiedPct: number | null;
  /** For families OPDs report by a deadline: who missed the newest period already due; else null. */
  overdue: OverdueReports | null;
}

export interface OverdueReports {
  family: 'budget' | 'masterplan';
  period: string; // 'YYYY-MM' whose deadline has passed
  deadline: string; // ISO instant
  owing: number; // OPDs that owe figures for the period
  opds: { code: string; name: string }[]; // belum melapor, by name
}

// ───────────────────────────── Masterplan (pillars) ─────────────────────────────

export type ProgrammeStatus = 'belum_mulai' | 'berjalan' | 'selesai' | 'tertunda';

export interface PillarRow {
  code: string; // 'GOV', 'BRA', 'ECO', 'LIV', 'SOC', 'ENV'
  name: string; // 'Smart Governance'
  sort: number;
}

/** One programme as of a period: its latest report at or before the period and the plan then. */
export interface ProgrammeRow {
  id: number;
  code: string;
  name: string;
  pillarCode: string;
  coordinatorOpdCode: string;
  coordinatorOpdName: string;
  budgetRp: number;
  startYear: number;
  endYear: number;
  /** Status the OPD reported with its latest update (only 'tertunda' overrides the derivation). */
  reportedStatus: ProgrammeStatus | null;
  /** Cumulative physical progress % from the latest report ≤ the period; null = never reported. */
  physicalPct: number | null;
  /** Planned cumulative % at the period; null = no plan entered. */
  plannedPct: number | null;
  /** Period of the latest report used, 'YYYY-MM'. */
  progressPeriod: string | null;
  kendala: string | null;
}

export interface ProgrammeKpi {
  id: number;
  code: string;
  name: string;
  pillarCode: string;
  opdCode: string;
  opdName: string;
  status: ProgrammeStatus;
  physicalPct: number | null;
  plannedPct: number | null;
  deviationPoin: number | null;
  colour: Colour;
  behindPlan: boolean;
  budgetRp: number;
  kendala: string | null;
}

export interface PillarKpi {
  code: string;
  name: string;
  programmes: number;
  byStatus: Record<ProgrammeStatus, number>;
  /** (berjalan + selesai) ÷ programmes × 100; null when the pillar has no programme. */
  runningOrDonePct: number | null;
  /** Σ(budget × physical) ÷ Σ budget; never-reported programmes count as 0. */
  weightedProgressPct: number | null;
  /** Σ(budget × planned) ÷ Σ budget. */
  weightedPlanPct: number | null;
  deviationPoin: number | null;
  colour: Colour;
  /** Programmes coloured kuning or merah against their plan. */
  behindPlanCount: number;
  /** Worst deviation first; the executive summary keeps only the worst few (see kpi/overview). */
  behindPlan: ProgrammeKpi[];
}

/** One programme at the end of one month of the year: its plan then and its latest report by then. */
export interface ProgrammeMonthRow {
  programmeId: number;
  month: number; // 1–12
  /** Planned cumulative % of the latest plan row ≤ the month; null = no plan yet. */
  plannedPct: number | null;
  /** Physical % of the latest report ≤ the month (carried forward); null = never reported. */
  physicalPct: number | null;
}

/** A month of a pillar's plan-vs-actual curve, both budget-weighted like PillarKpi. */
export interface PillarCurvePoint {
  month: number;
  /** Σ b·planned ÷ Σ b over the programmes with a plan by then (= weightedPlanPct). */
  planPct: number | null;
  /** Σ b·physical ÷ Σ b over all of them, never-reported = 0 % (= weightedProgressPct); null after the as-of month. */
  actualPct: number | null;
}

// ───────────────────────────── Budget (serapan anggaran) ─────────────────────────────

export type BudgetStage = 'murni' | 'perubahan';

/** One month of a rollup slice. Targets are cumulative; realisasi keuangan is the month's amount. */
export interface BudgetMonthRow {
  month: number; // 1–12
  /** Cumulative cash-plan target at the end of the month, Σ pagu × target %, Rp. */
  targetKeuRp: number;
  /** Realisasi keuangan (SP2D) booked in this month only, Rp. */
  realKeuRp: number;
  /** Σ pagu × cumulative physical target % (0–100 scale; ÷ pagu gives the %). */
  targetFisW: number;
  /** Σ pagu × cumulative physical % (0–100), each sub kegiatan at its latest report ≤ this month. */
  realFisW: number;
  /** Sub kegiatan that reported any realisation for this month. */
  reported: number;
}

export interface BudgetSliceRow {
  /**
   * Rollup dimension; 'programme' = the sub kegiatan linked to one masterplan programme, and
   * 'pillar' is derived (the sum of its programmes' slices, kpi/budget.ts sumSlices), never stored.
   */
  dim: 'total' | 'opd' | 'group' | 'source' | 'programme' | 'pillar';
  key: string; // 'ALL', OPD code, 'operasi' | 'modal' | …, 'PAD' | 'DAK_FISIK' | …, programme or pillar code
  label: string;
  paguRp: number;
  subKegiatan: number;
  months: BudgetMonthRow[]; // ascending, may have gaps
}

export interface BudgetSCurvePoint {
  month: number;
  targetKeuPct: number | null;
  realKeuPct: number | null; // null after the as-of month
  targetFisPct: number | null;
  realFisPct: number | null;
}

export interface BudgetKpi {
  dim: BudgetSliceRow['dim'];
  key: string;
  label: string;
  paguRp: number;
  realKeuRp: number; // cumulative to asOfMonth
  serapanPct: number | null; // realKeuRp ÷ pagu × 100
  targetKeuPct: number | null;
  deviasiKeuPoin: number | null;
  fisikPct: number | null;
  targetFisPct: number | null;
  deviasiFisPoin: number | null;
  /** Worst of the two deviations, through the configured thresholds. */
  colour: Colour;
}

// ───────────────────────────── SPBE / index frameworks ─────────────────────────────

export interface IndexBand {
  label: string; // 'Memuaskan'
  min: number; // inclusive
  maxExclusive: number | null; // null = up to the scale maximum, inclusive
}

export interface IndexFrameworkDef {
  code: string; // 'SPBE-2020'
  name: string;
  scaleMax: number; // 5
  domains: {
    no: number;
    name: string;
    weightPct: number;
    aspects: { no: number; name: string; weightPct: number; indicators: number }[];
  }[];
  bands: IndexBand[];
}

/** Rollup of one assessment's indicator levels per aspect. */
export interface AspectScoreRow {
  aspectNo: number;
  /** Σ level × weight over indicators with a value (level 0 included). */
  sumLevelWeight: number;
  /** Σ weight over indicators with a value. */
  sumWeightScored: number;
  scored: number;
  indicators: number;
}

export type MissingPolicy = 'zero' | 'exclude';

export interface IndexAssessmentRow {
  year: number;
  kind: 'self' | 'verified';
  frameworkCode: string;
  decree: string | null;
  source: string;
  aspects: AspectScoreRow[];
}

export interface IndexResult {
  year: number;
  kind: 'self' | 'verified';
  frameworkCode: string;
  index: number | null; // full precision
  predikat: string | null;
  complete: boolean; // every indicator has a value
  scored: number;
  indicators: number;
  domains: { no: number; name: string; index: number | null }[];
  aspects: { no: number; name: string; index: number | null }[];
  decree: string | null;
  source: string;
}

// ───────────────────────────── Services, complaints, satisfaction ─────────────────────────────

export type SlaUnit = 'minutes' | 'hours' | 'working_days';

export interface HistogramBin {
  bucket: number; // see kpi/histogram.ts
  n: number;
}

export interface ServicePeriodRow {
  serviceCode: string;
  serviceName: string;
  opdCode: string;
  group: string;
  slaAmount: number;
  slaUnit: SlaUnit;
  submitted: number;
  completed: number;
  onTime: number; // completed within SLA
  sumDurationMin: number; // over completed
  hist: HistogramBin[]; // completion durations in minutes, bucketed
}

export interface OpenBacklogRow {
  serviceCode: string;
  day: string; // WIB submission date 'YYYY-MM-DD'
  open: number;
}

export interface ServiceKpi {
  serviceCode: string;
  serviceName: string;
  opdCode: string;
  group: string;
  slaAmount: number;
  slaUnit: SlaUnit;
  submitted: number;
  completed: number;
  onTimePct: number | null;
  medianMin: number | null;
  p90Min: number | null;
  backlog: number;
  oldestOpenDays: number | null;
  colour: Colour;
}

export interface ComplaintAggRow {
  key: string;
  label: string;
  received: number;
  responded: number;
  respondedWithinTarget: number; // first response within the configured hours (24)
  resolved: number;
  sumFirstResponseMin: number;
}

export interface ComplaintKpi {
  key: string;
  label: string;
  received: number;
  firstResponseWithinTargetPct: number | null;
  resolvedPct: number | null;
  meanFirstResponseMin: number | null;
}

export interface IkmGrade {
  grade: string; // 'A'
  label: string; // 'Sangat Baik'
  min: number;
  max: number; // inclusive
}

export interface IkmSurveyRow {
  unitCode: string;
  unitName: string;
  period: string; // 'YYYY-S1', 'YYYY-TW3', 'YYYY'
  respondents: number;
  elements: { name: string; nrr: number }[]; // element averages 1–4
}

export interface IkmKpi {
  unitCode: string;
  unitName: string;
  period: string;
  respondents: number;
  ikm: number | null; // 25–100
  grade: string | null;
  gradeLabel: string | null;
  missingElements: string[];
}

// ───────────────────────────── The executive summary (dashboard.overview) ─────────────────────────────

export interface AlertItem {
  family: 'pilar' | 'anggaran' | 'layanan' | 'aduan' | 'spbe';
  /** What is red, by name: an OPD, a programme, a service. */
  name: string;
  opdCode: string | null;
  /** The number that makes it red, already in its unit (poin, %, …) for the formatter. */
  value: number;
  unit: 'poin' | 'pct';
  colour: Colour;
  detail: string; // short Indonesian explanation, e.g. "deviasi keuangan"
}

export interface Overview {
  year: number;
  asOf: string; // 'YYYY-MM-DD' (WIB)
  generatedAt: string; // ISO instant
  demo: boolean; // any family still shows synthetic data
  pillars: { items: PillarKpi[]; freshness: Freshness };
  budget: {
    stage: BudgetStage;
    asOfMonth: number | null; // latest month with realisation ≤ asOf
    total: BudgetKpi;
    sCurve: BudgetSCurvePoint[];
    byOpd: BudgetKpi[]; // worst deviation first
    byGroup: BudgetKpi[];
    bySource: BudgetKpi[];
    redZone: BudgetKpi[]; // OPDs coloured merah
    freshness: Freshness;
  };
  spbe: {
    latest: IndexResult | null; // newest verified result, else newest self-assessment
    trend: { year: number; frameworkCode: string; self: number | null; verified: number | null }[];
    bands: IndexBand[];
    freshness: Freshness;
  };
  services: {
    period: string; // 'YYYY-MM' the figures cover
    submitted: number;
    completed: number;
    onTimePct: number | null;
    backlog: number;
    worst: ServiceKpi[]; // lowest on-time first, at most 5
    freshness: Freshness;
  };
  complaints: {
    period: string; // 'YYYY' year to date
    total: ComplaintKpi;
    byChannel: ComplaintKpi[];
    topTopics: ComplaintKpi[];
    responseTargetHours: number;
    freshness: Freshness;
  };
  ikm: {
    value: number | null; // mean over units with a complete survey in the latest period
    grade: string | null;
    gradeLabel: string | null;
    units: number;
    period: string | null;
    freshness: Freshness;
  };
  alerts: AlertItem[]; // the reddest items by name, worst first
}
