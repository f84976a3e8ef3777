// Budget absorption (serapan anggaran, DOMAIN.md §2) for one rollup slice: the whole APBD, an OPD,
// a spending group or a funding source. The caller hands in the slice of one stage (murni or
// perubahan): after the APBD perubahan the same realisation is measured against the revised pagu.
//
// Units: realKeuRp is the month's own amount (accumulated here); targetKeuRp is already cumulative;
// targetFisW and realFisW are Σ pagu × physical % with the % on the 0–100 scale, so W ÷ pagu is
// already a percentage.
import { colourForDeviation, worstColour } from './colour';
import { compareNullableAsc, compareText } from './order';
import { settle } from './precision';
import type {
  BudgetKpi,
  BudgetMonthRow,
  BudgetSCurvePoint,
  BudgetSliceRow,
  DeviationThresholds,
} from './types';

function assertMonth(month: number): void {
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`Not a month number 1–12: ${month}`);
  }
}

/** Whether anything in the slice was reported by `month` (else fisik is unknown, not 0 %). */
const reportedBy = (slice: BudgetSliceRow, month: number): boolean =>
  slice.months.some((r) => r.month <= month && r.reported > 0);

/** The row of `month`, else the latest earlier one: right for cumulative targets only. */
function carriedRow(slice: BudgetSliceRow, month: number): BudgetMonthRow | undefined {
  let best: BudgetMonthRow | undefined;
  for (const r of slice.months) {
    if (r.month <= month && (best === undefined || r.month > best.month)) best = r;
  }
  return best;
}

const realKeuUpTo = (slice: BudgetSliceRow, month: number): number =>
  slice.months.reduce((s, r) => (r.month <= month ? s + r.realKeuRp : s), 0);

const minus = (a: number | null, b: number | null): number | null =>
  a === null || b === null ? null : settle(a - b);

/**
 * KPI of a slice as of a month. asOfMonth null = nothing reported yet: realisation Rp 0 (serapan
 * 0 % when there is a pagu), targets and fisik null, colour abu.
 * - targetKeuPct / targetFisPct: the as-of month's cumulative target, carried from the latest
 *   earlier month when that month has no row (targets are cumulative, so that is still the target).
 * - fisikPct: the as-of month's realFisW, in which the rollup already carries every sub kegiatan
 *   at its latest report (regression: a late OPD showed fisik 0 % and −80 poin, and the regency
 *   total ignored late sub kegiatan); null while nothing in the slice has been reported.
 * - pagu Rp 0: every ratio null, colour abu.
 */
export function budgetKpi(
  slice: BudgetSliceRow,
  asOfMonth: number | null,
  t: DeviationThresholds,
): BudgetKpi {
  if (asOfMonth !== null) assertMonth(asOfMonth);
  const pagu = slice.paguRp;
  const realKeuRp = asOfMonth === null ? 0 : realKeuUpTo(slice, asOfMonth);
  // Ratios are settled (precision.ts): Rp 1 100 M ÷ Rp 2 000 M is exactly 55 %, and a deviation of
  // exactly −5 poin must stay hijau rather than become −5,00000000000001.
  const pct = (amount: number | undefined): number | null =>
    pagu > 0 && amount !== undefined ? settle((amount * 100) / pagu) : null;
  const perPagu = (weight: number | undefined): number | null =>
    pagu > 0 && weight !== undefined ? settle(weight / pagu) : null;

  const target = asOfMonth === null ? undefined : carriedRow(slice, asOfMonth);
  const own = asOfMonth === null || !reportedBy(slice, asOfMonth) ? undefined : carriedRow(slice, asOfMonth);
  const serapanPct = pct(realKeuRp);
  const targetKeuPct = pct(target?.targetKeuRp);
  const fisikPct = perPagu(own?.realFisW);
  const targetFisPct = perPagu(target?.targetFisW);
  const deviasiKeuPoin = minus(serapanPct, targetKeuPct);
  const deviasiFisPoin = minus(fisikPct, targetFisPct);
  return {
    dim: slice.dim,
    key: slice.key,
    label: slice.label,
    paguRp: pagu,
    realKeuRp,
    serapanPct,
    targetKeuPct,
    deviasiKeuPoin,
    fisikPct,
    targetFisPct,
    deviasiFisPoin,
    colour: worstColour(colourForDeviation(deviasiKeuPoin, t), colourForDeviation(deviasiFisPoin, t)),
  };
}

/**
 * The twelve points of the S-curve, cumulative %. Realisation is null after the as-of month (the
 * future is not 0 %); realFisPct is null for a month without its own row. Targets carry forward.
 */
export function budgetSCurve(slice: BudgetSliceRow, asOfMonth: number | null): BudgetSCurvePoint[] {
  if (asOfMonth !== null) assertMonth(asOfMonth);
  const pagu = slice.paguRp;
  const ratio = (v: number | undefined, scale: number): number | null =>
    pagu > 0 && v !== undefined ? settle((v * scale) / pagu) : null;
  return Array.from({ length: 12 }, (_, i) => {
    const month = i + 1;
    const reported = asOfMonth !== null && month <= asOfMonth;
    const target = carriedRow(slice, month);
    return {
      month,
      targetKeuPct: ratio(target?.targetKeuRp, 100),
      realKeuPct: reported ? ratio(realKeuUpTo(slice, month), 100) : null,
      targetFisPct: ratio(target?.targetFisW, 1),
      realFisPct: reported && reportedBy(slice, month) ? ratio(target?.realFisW, 1) : null,
    };
  });
}

/** Largest month ≤ limitMonth in which any sub kegiatan reported; null when none did. */
export function latestReportedMonth(slice: BudgetSliceRow, limitMonth: number): number | null {
  let latest: number | null = null;
  for (const r of slice.months) {
    if (r.month <= limitMonth && r.reported > 0 && (latest === null || r.month > latest)) latest = r.month;
  }
  return latest;
}

/** The worse of the two deviations (the one that sets the colour), or null when neither exists. */
export function worstDeviation(k: BudgetKpi): { poin: number; kind: 'keuangan' | 'fisik' } | null {
  const keu = k.deviasiKeuPoin;
  const fis = k.deviasiFisPoin;
  if (keu !== null && (fis === null || keu <= fis)) return { poin: keu, kind: 'keuangan' };
  if (fis !== null) return { poin: fis, kind: 'fisik' };
  return null;
}

/** Worst deviation first, slices without any deviation last, ties by key. */
export function byWorstBudgetDeviation(a: BudgetKpi, b: BudgetKpi): number {
  return (
    compareNullableAsc(worstDeviation(a)?.poin ?? null, worstDeviation(b)?.poin ?? null) ||
    compareText(a.key, b.key)
  );
}

/**
 * One slice that is the sum of disjoint slices (each sub kegiatan in at most one of them, as the
 * 'programme' slices are: a sub kegiatan serves one programme), so budgetKpi and budgetSCurve of
 * the sum are those of all their sub kegiatan together. Pagu and counts add up; a month's own
 * amounts (realKeuRp, reported) add up as they are; the cumulative ones (targets, realFisW) add
 * each slice's value carried from its latest earlier month, as budgetKpi reads a single slice.
 */
export function sumSlices(
  slices: readonly BudgetSliceRow[],
  head: Pick<BudgetSliceRow, 'dim' | 'key' | 'label'>,
): BudgetSliceRow {
  const monthSet = new Set(slices.flatMap((s) => s.months.map((r) => r.month)));
  const months = [...monthSet]
    .sort((a, b) => a - b)
    .map((month) => {
      const row: BudgetMonthRow = {
        month,
        targetKeuRp: 0,
        realKeuRp: 0,
        targetFisW: 0,
        realFisW: 0,
        reported: 0,
      };
      for (const s of slices) {
        const carried = carriedRow(s, month);
        if (!carried) continue;
        row.targetKeuRp += carried.targetKeuRp;
        row.targetFisW += carried.targetFisW;
        row.realFisW += carried.realFisW;
        if (carried.month === month) {
          row.realKeuRp += carried.realKeuRp;
          row.reported += carried.reported;
        }
      }
      return row;
    });
  return {
    ...head,
    paguRp: slices.reduce((sum, s) => sum + s.paguRp, 0),
    subKegiatan: slices.reduce((sum, s) => sum + s.subKegiatan, 0),
    months,
  };
}
