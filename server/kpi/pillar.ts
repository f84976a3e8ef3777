// One masterplan pillar in depth (masterplan.pillar, the /wall/pilar screen): the pillar KPIs, each
// programme against its plan with the budget absorption of the sub kegiatan behind it, the
// plan-vs-actual curve, and the pillar's budget as the sum of its programmes' slices. Pure: the
// router fetches the rows, this computes, with the same rules as the executive summary so two
// screens in one room never disagree.
import { parseDate } from '../../shared/time';
import { budgetKpi, latestReportedMonth, sumSlices } from './budget';
import { byWorstDeviation, pillarCurve, pillarKpis, programmeKpi } from './masterplan';
import type {
  BudgetKpi,
  BudgetSliceRow,
  BudgetStage,
  DeviationThresholds,
  OverdueReports,
  PillarCurvePoint,
  PillarKpi,
  PillarRow,
  ProgrammeKpi,
  ProgrammeMonthRow,
  ProgrammeRow,
} from './types';

export interface PillarViewInput {
  year: number;
  asOf: string; // 'YYYY-MM-DD' WIB
  pillar: PillarRow;
  /** The pillar's active programmes at the masterplan period (programmesAsOf), in code order. */
  programmes: readonly ProgrammeRow[];
  /** Those programmes at the end of each month of the year (programmeMonths). */
  months: readonly ProgrammeMonthRow[];
  thresholds: DeviationThresholds; // programme.thresholds
  budget: {
    stage: BudgetStage;
    /** The regency 'total' slice: its latest reported month is the as-of month of every budget KPI. */
    total: BudgetSliceRow | undefined;
    /** The 'programme' slices of the pillar's programmes (only those with linked sub kegiatan). */
    programmes: readonly BudgetSliceRow[];
    /** Last month of the year that may count as reported by asOf (kpi/overview budgetMonthLimit). */
    monthLimit: number | null;
    thresholds: DeviationThresholds; // budget.thresholds
  };
}

export interface PillarProgramme extends ProgrammeKpi {
  /** Serapan of the sub kegiatan linked to the programme; pagu Rp 0 and colour abu when none is. */
  budget: BudgetKpi;
}

export interface PillarView {
  pillar: PillarKpi;
  /** Worst deviation first, as the pillar's behind-plan list. */
  programmes: PillarProgramme[];
  curve: { asOfMonth: number | null; points: PillarCurvePoint[] };
  budget: {
    stage: BudgetStage;
    /** Latest month ≤ the as-of month in which anyone in the regency reported (as budget.absorption). */
    asOfMonth: number | null;
    /** The sum of the pillar's programme slices. */
    total: BudgetKpi;
    /** Programmes of the pillar with at least one linked sub kegiatan in this stage. */
    programmesWithBudget: number;
    /** Sub kegiatan behind them (with a pagu in this stage). */
    subKegiatan: number;
  };
}

/**
 * The month of the year whose state the masterplan figures show on asOf: the as-of month, December
 * for a past year, null before the year starts (then the pillar KPIs still show the latest earlier
 * period, which the year's curve has no month for).
 */
export function masterplanMonth(year: number, asOf: string): number | null {
  const d = parseDate(asOf);
  if (d.year < year) return null;
  return d.year > year ? 12 : d.month;
}

const emptySlice = (p: ProgrammeRow): BudgetSliceRow => ({
  dim: 'programme',
  key: p.code,
  label: p.name,
  paguRp: 0,
  subKegiatan: 0,
  months: [],
});

export function buildPillarView(input: PillarViewInput): PillarView {
  const { pillar, programmes, thresholds, budget } = input;
  const [kpi] = pillarKpis([pillar], programmes, thresholds);
  if (!kpi) throw new Error(`pillar ${pillar.code} gave no KPI`); // pillarKpis maps every pillar row
  const asOfMonth =
    budget.monthLimit === null || budget.total === undefined
      ? null
      : latestReportedMonth(budget.total, budget.monthLimit);
  const sliceOf = new Map(budget.programmes.map((s) => [s.key, s]));
  const linked = programmes.flatMap((p) => {
    const s = sliceOf.get(p.code);
    return s ? [s] : [];
  });
  const curveMonth = masterplanMonth(input.year, input.asOf);
  const pillarSlice = sumSlices(linked, { dim: 'pillar', key: pillar.code, label: pillar.name });
  return {
    pillar: kpi,
    programmes: programmes
      .map((p) => ({
        ...programmeKpi(p, thresholds),
        budget: budgetKpi(sliceOf.get(p.code) ?? emptySlice(p), asOfMonth, budget.thresholds),
      }))
      .sort(byWorstDeviation),
    curve: { asOfMonth: curveMonth, points: pillarCurve(programmes, input.months, curveMonth) },
    budget: {
      stage: budget.stage,
      asOfMonth,
      total: budgetKpi(pillarSlice, asOfMonth, budget.thresholds),
      programmesWithBudget: linked.length,
      subKegiatan: pillarSlice.subKegiatan,
    },
  };
}

/**
 * The pillar as one OPD sees it: only the programmes it coordinates (their KPIs, curve and budget
 * are then that OPD's part of the pillar). Null when the OPD coordinates none of them.
 */
export function narrowToOpd(input: PillarViewInput, opdCode: string): PillarViewInput | null {
  const programmes = input.programmes.filter((p) => p.coordinatorOpdCode === opdCode);
  return programmes.length === 0 ? null : { ...input, programmes };
}

/** A missed-deadline note kept to the OPDs a screen is about (the pillar's coordinators). */
export function overdueWithin(
  overdue: OverdueReports | null,
  opdCodes: ReadonlySet<string>,
): OverdueReports | null {
  if (!overdue) return null;
  return { ...overdue, opds: overdue.opds.filter((o) => opdCodes.has(o.code)) };
}
