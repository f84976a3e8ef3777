import { describe, expect, test } from 'vitest';
import {
  budgetKpi,
  budgetSCurve,
  byWorstBudgetDeviation,
  latestReportedMonth,
  worstDeviation,
} from '../../../server/kpi/budget';
import type { BudgetKpi, BudgetMonthRow, BudgetSliceRow } from '../../../server/kpi/types';

const t = { greenMinPoin: -5, yellowMinPoin: -10 };
const JT = 1_000_000; // Rp 1 juta
const PAGU = 10_000 * JT; // Rp 10 miliar

/** A month row from percentages of PAGU, as the SQL rollup would sum them. */
function month(
  m: number,
  targetKeu: number,
  realKeuJt: number,
  targetFis: number,
  realFis: number,
  reported: number,
): BudgetMonthRow {
  return {
    month: m,
    targetKeuRp: (PAGU * targetKeu) / 100, // cumulative
    realKeuRp: realKeuJt * JT, // this month only
    targetFisW: PAGU * targetFis, // Σ pagu × cumulative % (0–100 scale)
    realFisW: PAGU * realFis,
    reported,
  };
}

// Month 3 is missing (no row at all); month 5 has its plan but nobody reported yet.
const slice: BudgetSliceRow = {
  dim: 'opd',
  key: 'DPUPR',
  label: 'Dinas Pekerjaan Umum dan Penataan Ruang',
  paguRp: PAGU,
  subKegiatan: 40,
  months: [
    month(1, 5, 300, 8, 5, 10),
    month(2, 12, 400, 15, 11, 12),
    month(4, 25, 900, 30, 18, 15),
    month(5, 35, 0, 40, 18, 0), // nobody reported May: the rollup carries April's 18 % forward
  ],
};

describe('budgetKpi', () => {
  test('month 1: the first month on its own', () => {
    // realisation 300 jt / 10 000 jt = 3 %; target 5 % → −2; fisik 5 % vs 8 % → −3; both hijau
    const k = budgetKpi(slice, 1, t);
    expect(k.realKeuRp).toBe(300 * JT);
    expect(k.serapanPct).toBeCloseTo(3, 9);
    expect(k.deviasiKeuPoin).toBeCloseTo(-2, 9);
    expect(k.deviasiFisPoin).toBeCloseTo(-3, 9);
    expect(k.colour).toBe('hijau');
  });

  test('month 2: monthly realisation accumulates, targets are read as they are', () => {
    // (300 + 400) jt = 7 %; target 12 % → −5 poin (hijau, bound inclusive); fisik 11 vs 15 → −4
    const k = budgetKpi(slice, 2, t);
    expect(k.realKeuRp).toBe(700 * JT);
    expect(k.serapanPct).toBeCloseTo(7, 9);
    expect(k.targetKeuPct).toBeCloseTo(12, 9);
    expect(k.deviasiKeuPoin).toBeCloseTo(-5, 9);
    expect(k.fisikPct).toBeCloseTo(11, 9);
    expect(k.targetFisPct).toBeCloseTo(15, 9);
    expect(k.deviasiFisPoin).toBeCloseTo(-4, 9);
    expect(k.colour).toBe('hijau');
  });

  test('a month without a report carries the cumulative targets and the last physical report forward', () => {
    // month 3 has no row: realisation still 7 %, target carried from month 2 (12 %, 15 %);
    // fisik carried from month 2's report (11 %), so deviasi fisik = 11 − 15 = −4 poin
    const k = budgetKpi(slice, 3, t);
    expect(k.serapanPct).toBeCloseTo(7, 9);
    expect(k.targetKeuPct).toBeCloseTo(12, 9);
    expect(k.fisikPct).toBeCloseTo(11, 9);
    expect(k.targetFisPct).toBeCloseTo(15, 9);
    expect(k.deviasiFisPoin).toBeCloseTo(-4, 9);
    expect(k.colour).toBe('hijau'); // keuangan −5, fisik −4: both hijau
  });

  test('regression: an OPD late with the as-of month keeps its last fisik instead of dropping to 0 %', () => {
    // month 5 has its target row but reported = 0: fisik stays at month 4's 18 %, not 0 %
    const k = budgetKpi(slice, 5, t);
    expect(k.fisikPct).toBeCloseTo(18, 9);
    expect(k.targetFisPct).toBeCloseTo(40, 9);
    expect(k.deviasiFisPoin).toBeCloseTo(-22, 9);
  });

  test('month 4: colour is the worse of keuangan (kuning) and fisik (merah)', () => {
    // (300 + 400 + 900) jt = 16 % vs 25 % → −9 kuning; fisik 18 % vs 30 % → −12 merah
    const k = budgetKpi(slice, 4, t);
    expect(k.realKeuRp).toBe(1_600 * JT);
    expect(k.deviasiKeuPoin).toBeCloseTo(-9, 9);
    expect(k.deviasiFisPoin).toBeCloseTo(-12, 9);
    expect(k.colour).toBe('merah');
    expect(worstDeviation(k)).toMatchObject({ kind: 'fisik' });
    expect(worstDeviation(k)?.poin).toBeCloseTo(-12, 9);
  });

  test('nothing reported yet (asOfMonth null): realisation 0, serapan 0 %, the rest null, abu', () => {
    expect(budgetKpi(slice, null, t)).toEqual({
      dim: 'opd',
      key: 'DPUPR',
      label: 'Dinas Pekerjaan Umum dan Penataan Ruang',
      paguRp: PAGU,
      realKeuRp: 0,
      serapanPct: 0,
      targetKeuPct: null,
      deviasiKeuPoin: null,
      fisikPct: null,
      targetFisPct: null,
      deviasiFisPoin: null,
      colour: 'abu',
    });
  });

  test('an empty period (no month rows) has no target, so no colour', () => {
    const empty = { ...slice, months: [] };
    const k = budgetKpi(empty, 6, t);
    expect([k.realKeuRp, k.serapanPct, k.targetKeuPct, k.fisikPct, k.colour]).toEqual([
      0,
      0,
      null,
      null,
      'abu',
    ]);
  });

  test('pagu 0 gives null ratios and abu, while the realisation is still summed', () => {
    const k = budgetKpi({ ...slice, paguRp: 0 }, 2, t);
    expect(k.realKeuRp).toBe(700 * JT);
    expect([k.serapanPct, k.targetKeuPct, k.fisikPct, k.targetFisPct, k.colour]).toEqual([
      null,
      null,
      null,
      null,
      'abu',
    ]);
  });

  test('APBD perubahan: the same realisation against a larger pagu gives a lower serapan', () => {
    // Murni Rp 2 000 M; perubahan Rp 2 500 M. Realisation to August Rp 1 000 M either way.
    // Murni: 1 000 / 2 000 = 50 % vs its cash plan 1 100 M (55 %) → −5 poin, hijau.
    // Perubahan: 1 000 / 2 500 = 40 % vs the revised cash plan 1 375 M (55 %) → −15 poin, merah.
    const M = 1_000 * JT;
    const stage = (pagu: number, targetAugRp: number): BudgetSliceRow => ({
      dim: 'total',
      key: 'ALL',
      label: 'Total APBD',
      paguRp: pagu,
      subKegiatan: 2_000,
      months: [
        {
          month: 7,
          targetKeuRp: targetAugRp * 0.8,
          realKeuRp: 600 * M,
          targetFisW: 0,
          realFisW: 0,
          reported: 900,
        },
        { month: 8, targetKeuRp: targetAugRp, realKeuRp: 400 * M, targetFisW: 0, realFisW: 0, reported: 950 },
      ],
    });
    const murni = budgetKpi(stage(2_000 * M, 1_100 * M), 8, t);
    const perubahan = budgetKpi(stage(2_500 * M, 1_375 * M), 8, t);
    expect(murni.realKeuRp).toBe(perubahan.realKeuRp);
    expect(murni.serapanPct).toBeCloseTo(50, 9);
    expect(perubahan.serapanPct).toBeCloseTo(40, 9);
    // consistency: serapan × pagu gives back the same rupiah in both stages
    expect(((perubahan.serapanPct ?? 0) * perubahan.paguRp) / 100).toBeCloseTo(1_000 * M, 0);
    // exactly −5: Rp 1 100 M ÷ Rp 2 000 M × 100 is 55,00000000000001 unless settled (precision.ts)
    expect(murni.deviasiKeuPoin).toBe(-5);
    expect(perubahan.deviasiKeuPoin).toBeCloseTo(-15, 9);
    expect([murni.colour, perubahan.colour]).toEqual(['hijau', 'merah']);
  });

  test.each([0, 13, 2.5])('as-of month %s is rejected', (m) => {
    expect(() => budgetKpi(slice, m, t)).toThrow(RangeError);
  });
});

describe('budgetSCurve', () => {
  test('twelve cumulative points; realisation stops after the as-of month', () => {
    const curve = budgetSCurve(slice, 4);
    expect(curve).toHaveLength(12);
    const rounded = curve.map((p) => [
      p.month,
      ...[p.targetKeuPct, p.realKeuPct, p.targetFisPct, p.realFisPct].map((v) =>
        v === null ? null : Math.round(v * 1e9) / 1e9,
      ),
    ]);
    expect(rounded.slice(0, 6)).toEqual([
      [1, 5, 3, 8, 5],
      [2, 12, 7, 15, 11],
      [3, 12, 7, 15, 11], // no row: targets carried, realisation still 7 %, fisik carried from month 2
      [4, 25, 16, 30, 18],
      [5, 35, null, 40, null], // after the as-of month: realisation is unknown, not 0
      [6, 35, null, 40, null],
    ]);
    expect(curve[11]).toMatchObject({ month: 12, realKeuPct: null });
  });

  test('before any report every realisation is null; pagu 0 makes everything null', () => {
    expect(budgetSCurve(slice, null).every((p) => p.realKeuPct === null && p.realFisPct === null)).toBe(true);
    expect(
      budgetSCurve({ ...slice, paguRp: 0 }, 4).every(
        (p) =>
          p.targetKeuPct === null &&
          p.realKeuPct === null &&
          p.targetFisPct === null &&
          p.realFisPct === null,
      ),
    ).toBe(true);
  });

  test('months before the first row have no target', () => {
    const late = { ...slice, months: slice.months.filter((m) => m.month >= 4) };
    expect(budgetSCurve(late, 4)[0]).toEqual({
      month: 1,
      targetKeuPct: null,
      realKeuPct: 0,
      targetFisPct: null,
      realFisPct: null,
    });
  });
});

describe('latestReportedMonth', () => {
  test.each([
    [12, 4], // month 5 has a row but nobody reported
    [4, 4],
    [3, 2], // month 3 missing
    [1, 1],
  ])('limit %i → %i', (limit, expected) => {
    expect(latestReportedMonth(slice, limit)).toBe(expected);
  });

  test('no report at all gives null', () => {
    expect(latestReportedMonth({ ...slice, months: [] }, 12)).toBeNull();
    expect(latestReportedMonth(slice, 0)).toBeNull();
  });
});

describe('byWorstBudgetDeviation', () => {
  const kpi = (key: string, keu: number | null, fis: number | null): BudgetKpi => ({
    ...budgetKpi(slice, null, t),
    key,
    deviasiKeuPoin: keu,
    deviasiFisPoin: fis,
  });

  test('sorts by the worse of the two deviations, ties by key, no deviation last', () => {
    const sorted = [
      kpi('DLH', -3, -1),
      kpi('DINKES', null, null),
      kpi('DPUPR', -2, -14), // fisik −14 is the worst
      kpi('BAKEUDA', -11, null),
      kpi('DINHUB', -11, -4), // ties BAKEUDA at −11 → by key
    ].sort(byWorstBudgetDeviation);
    expect(sorted.map((k) => k.key)).toEqual(['DPUPR', 'BAKEUDA', 'DINHUB', 'DLH', 'DINKES']);
  });

  test('worstDeviation names keuangan on a tie and is null without either', () => {
    expect(worstDeviation(kpi('A', -4, -4))).toEqual({ poin: -4, kind: 'keuangan' });
    expect(worstDeviation(kpi('A', null, -6))).toEqual({ poin: -6, kind: 'fisik' });
    expect(worstDeviation(kpi('A', null, null))).toBeNull();
  });
});
