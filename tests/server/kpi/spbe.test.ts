import { describe, expect, test } from 'vitest';
import { indexResult, indexTrend, latestIndexResult, predikat } from '../../../server/kpi/spbe';
import type { IndexAssessmentRow, IndexResult } from '../../../server/kpi/types';
import {
  levels47,
  range,
  rollUp,
  SPBE_2020,
  SPBE_2020_INDICATORS,
  spbeAssessment,
  TOY_2025,
  TOY_2025_INDICATORS,
} from './spbe-fixtures';

const bands = SPBE_2020.bands;
const compute = (levels: (number | null)[], policy: 'zero' | 'exclude' = 'zero') =>
  indexResult(SPBE_2020, spbeAssessment(levels), policy);

describe('predikat', () => {
  test.each<[number | null, string | null]>([
    [0, 'Kurang'],
    [1.7999999, 'Kurang'],
    [1.8, 'Cukup'], // lower bounds are inclusive
    [2.5999, 'Cukup'],
    [2.6, 'Baik'],
    [3.22, 'Baik'],
    [3.4999, 'Baik'],
    [3.5, 'Sangat Baik'],
    [3.83, 'Sangat Baik'],
    [4.006, 'Sangat Baik'], // Purbalingga self-assessment, July 2022
    [4.19999, 'Sangat Baik'], // shows as "4,20" but the stored value decides
    [4.2, 'Memuaskan'],
    [5, 'Memuaskan'],
    [null, null],
    [-0.1, null], // below every band
  ])('%s → %s', (index, label) => {
    expect(predikat(index, bands)).toBe(label);
  });
});

describe('indexResult', () => {
  test('all level 5 is 5 Memuaskan, complete, every domain and aspect 5', () => {
    const r = compute(levels47(5));
    expect([r.index, r.predikat, r.complete, r.scored, r.indicators]).toEqual([5, 'Memuaskan', true, 47, 47]);
    expect(r.domains.map((d) => d.index)).toEqual([5, 5, 5, 5]);
    expect(r.aspects.map((a) => a.index)).toEqual([5, 5, 5, 5, 5, 5, 5, 5]);
  });

  test('all level 0 is 0 Kurang, and still complete: 0 is a value, not a gap', () => {
    const r = compute(levels47(0));
    expect([r.index, r.predikat, r.complete, r.scored]).toEqual([0, 'Kurang', true, 47]);
  });

  test('the weighted mean differs from a plain mean of levels', () => {
    // Aspect 7 (indicators 32–41, 2,75 % each) all level 1; aspect 8 (42–47, 3,00 %) all level 5;
    // everything else level 3.
    const r = compute(levels47(3, { ...range(32, 41, 1), ...range(42, 47, 5) }));
    // Domain 4 = (10 × 2,75 × 1 + 6 × 3 × 5) / 45,5 = (27,5 + 90) / 45,5 = 2,582417582…
    // whereas the plain mean of its 16 levels is (10 + 30) / 16 = 2,5.
    expect(r.domains[3]?.index).toBeCloseTo(117.5 / 45.5, 9);
    // Total = (54,5 × 3 + 117,5) / 100 = (163,5 + 117,5) / 100 = 2,81 → Baik;
    // a plain mean of the 47 levels would be (31 × 3 + 10 × 1 + 6 × 5) / 47 = 133/47 = 2,8298.
    expect(r.index).toBe(2.81);
    expect(r.index).not.toBeCloseTo(133 / 47, 2);
    expect(r.predikat).toBe('Baik');
    expect(r.aspects.map((a) => a.index)).toEqual([3, 3, 3, 3, 3, 3, 1, 5]);
  });

  test('4,006 (Purbalingga 2022) comes out of levels and is Sangat Baik', () => {
    // All level 4 = 400; indicators 1–3 (1,30) at 3: −3,9; indicators 21–23 (1,50) at 5: +4,5.
    // Σ = 400,6 → 4,006. Aspect 1 = 37 × 1,3 / 13 = 3,7; aspect 5 = 35 × 1,5 / 12 = 4,375;
    // domain 3 = (35 × 1,5 + 3 × 4 × 1,5) / 16,5 = 70,5 / 16,5 = 4,2727…
    const r = compute(levels47(4, { ...range(1, 3, 3), ...range(21, 23, 5) }));
    expect(r.index).toBe(4.006);
    expect(r.predikat).toBe('Sangat Baik');
    expect(r.aspects[0]?.index).toBe(3.7);
    expect(r.aspects[4]?.index).toBe(4.375);
    expect(r.domains[2]?.index).toBeCloseTo(70.5 / 16.5, 9);
  });

  test.each([
    // Σ 420: all 4 (400) with domain 2's ten 2,50 % indicators… eight of them at 5 (+20)
    ['4,2 Memuaskan', levels47(4, range(11, 18, 5)), 4.2, 'Memuaskan'],
    // Σ 350: all 3 (300), domains 1 and 2 and aspect 5 at 4 (+13 +25 +12)
    ['3,5 Sangat Baik', levels47(3, range(1, 28, 4)), 3.5, 'Sangat Baik'],
    // Σ 260: all 2 (200), domain 1 (+13), domain 4 (+45,5) and indicator 21 (+1,5) at 3
    ['2,6 Baik', levels47(2, { ...range(1, 10, 3), ...range(32, 47, 3), 21: 3 }), 2.6, 'Baik'],
    // Σ 180: all 2 (200), eight 2,50 % indicators at 1 (−20)
    ['1,8 Cukup', levels47(2, range(11, 18, 1)), 1.8, 'Cukup'],
  ])('exact boundary from levels: %s', (_, levels, index, label) => {
    const r = compute(levels);
    expect(r.index).toBe(index);
    expect(r.predikat).toBe(label);
  });

  test('floating-point noise in the summed weights does not drop a boundary value a band', () => {
    // Σ level × weight of exactly 420 can arrive from SQL as 419.99999999999994
    const a = spbeAssessment(levels47(4, range(11, 18, 5)));
    const noisy: IndexAssessmentRow = {
      ...a,
      aspects: a.aspects.map((x) =>
        x.aspectNo === 8 ? { ...x, sumLevelWeight: x.sumLevelWeight - 5.7e-14 } : x,
      ),
    };
    const r = indexResult(SPBE_2020, noisy, 'zero');
    expect(r.index).toBe(4.2);
    expect(r.predikat).toBe('Memuaskan');
  });

  describe('missing indicators', () => {
    // All level 4, except aspect 8 (42–47) without values and aspect 6 with only indicator 29 (level 2).
    const levels = levels47(4, { ...range(42, 47, null), 29: 2, 30: null, 31: null });

    test("policy 'zero' counts them as 0 against the full weights", () => {
      const r = compute(levels, 'zero');
      // aspect 6 = 2 × 1,5 / 4,5 = 0,6667; aspect 8 = 0 / 18 = 0
      expect(r.aspects[5]?.index).toBeCloseTo(2 / 3, 9);
      expect(r.aspects[7]?.index).toBe(0);
      // domain 3 = (8 × 4 × 1,5 + 2 × 1,5) / 16,5 = 51 / 16,5 = 3,0909…; domain 4 = 110 / 45,5
      expect(r.domains[2]?.index).toBeCloseTo(51 / 16.5, 9);
      expect(r.domains[3]?.index).toBeCloseTo(110 / 45.5, 9);
      // total = (52 + 100 + 51 + 110) / 100 = 3,13 → Baik
      expect(r.index).toBe(3.13);
      expect(r.predikat).toBe('Baik');
      expect([r.complete, r.scored, r.indicators]).toEqual([false, 39, 47]);
    });

    test("policy 'exclude' divides by the scored weights; nothing scored is null", () => {
      const r = compute(levels, 'exclude');
      expect(r.aspects[5]?.index).toBe(2); // 3 / 1,5
      expect(r.aspects[7]?.index).toBeNull();
      expect(r.domains[2]?.index).toBeCloseTo(51 / 13.5, 9); // 12 + 1,5 scored
      expect(r.domains[3]?.index).toBe(4); // 110 / 27,5
      // total = 313 / (100 − 18 − 3) = 313 / 79 = 3,9620… → Sangat Baik
      expect(r.index).toBeCloseTo(313 / 79, 9);
      expect(r.predikat).toBe('Sangat Baik');
      expect(r.complete).toBe(false);
    });

    test("a whole domain unscored is null under 'exclude' and 0 under 'zero'", () => {
      const noLayanan = levels47(3, range(32, 47, null));
      expect(compute(noLayanan, 'exclude').domains[3]?.index).toBeNull();
      expect(compute(noLayanan, 'zero').domains[3]?.index).toBe(0);
    });

    test('an aspect without any row counts as nothing scored', () => {
      const a = spbeAssessment(levels47(4));
      const r = indexResult(
        SPBE_2020,
        { ...a, aspects: a.aspects.filter((x) => x.aspectNo !== 4) },
        'exclude',
      );
      expect(r.aspects[3]?.index).toBeNull();
      expect([r.scored, r.complete]).toEqual([45, false]);
      expect(r.index).toBe(4);
    });

    test('an assessment with no value at all has a null index only under exclude', () => {
      expect(compute(levels47(null), 'exclude').index).toBeNull();
      expect(compute(levels47(null), 'exclude').predikat).toBeNull();
      expect(compute(levels47(null), 'zero').index).toBe(0);
    });
  });

  test('carries year, kind, decree and source', () => {
    const a = spbeAssessment(levels47(3), {
      year: 2024,
      kind: 'verified',
      decree: 'KepmenPANRB 663/2024',
      source: 'KemenPANRB',
    });
    expect(indexResult(SPBE_2020, a, 'zero')).toMatchObject({
      year: 2024,
      kind: 'verified',
      frameworkCode: 'SPBE-2020',
      decree: 'KepmenPANRB 663/2024',
      source: 'KemenPANRB',
    });
  });

  test('a framework change between years: each assessment is computed under its own framework', () => {
    const y2024 = spbeAssessment(levels47(4), { year: 2024 });
    const y2025: IndexAssessmentRow = {
      year: 2025,
      kind: 'self',
      frameworkCode: 'TOY-2025',
      decree: null,
      source: 'Penilaian mandiri',
      // aspect 1 levels 4, 5 (20 % each) → 180; aspect 2 level 3 (20 %) → 60;
      // aspect 3 levels 2, 2, 3, 3 (10 % each) → 100
      aspects: rollUp(TOY_2025_INDICATORS, [4, 5, 3, 2, 2, 3, 3]),
    };
    const r2024 = indexResult(SPBE_2020, y2024, 'zero');
    const r2025 = indexResult(TOY_2025, y2025, 'zero');
    expect([r2024.index, r2024.predikat, r2024.indicators]).toEqual([4, 'Sangat Baik', 47]);
    // total (180 + 60 + 100) / 100 = 3,4 → 'Sedang' in the toy bands (it would be Baik under SPBE)
    expect([r2025.index, r2025.predikat, r2025.indicators]).toEqual([3.4, 'Sedang', 7]);
    // domain 1 = 240 / 60 = 4; domain 2 = 100 / 40 = 2,5; aspect 1 = 180 / 40 = 4,5
    expect(r2025.domains).toEqual([
      { no: 1, name: 'Tata Kelola', index: 4 },
      { no: 2, name: 'Layanan', index: 2.5 },
    ]);
    expect(r2025.aspects.map((a) => a.index)).toEqual([4.5, 3, 2.5]);
    // pairing an assessment with the other framework is refused
    expect(() => indexResult(TOY_2025, y2024, 'zero')).toThrow(/SPBE-2020/);
  });

  test('a row for an aspect the framework lacks, or a repeated aspect, is refused', () => {
    const a = spbeAssessment(levels47(3));
    const extra = { aspectNo: 9, sumLevelWeight: 3, sumWeightScored: 1, scored: 1, indicators: 1 };
    expect(() => indexResult(SPBE_2020, { ...a, aspects: [...a.aspects, extra] }, 'zero')).toThrow(
      /Aspect 9/,
    );
    const first = a.aspects[0];
    if (!first) throw new Error('fixture has aspects');
    expect(() => indexResult(SPBE_2020, { ...a, aspects: [...a.aspects, first] }, 'zero')).toThrow(
      /Aspect 1/,
    );
  });

  test('the indicator fixture adds up to the framework weights', () => {
    const byAspect = new Map<number, number>();
    for (const i of SPBE_2020_INDICATORS)
      byAspect.set(i.aspectNo, (byAspect.get(i.aspectNo) ?? 0) + i.weight);
    for (const asp of SPBE_2020.domains.flatMap((d) => d.aspects)) {
      expect(byAspect.get(asp.no)).toBeCloseTo(asp.weightPct, 9);
    }
  });
});

describe('latestIndexResult and indexTrend', () => {
  const result = (
    year: number,
    kind: 'self' | 'verified',
    index: number | null,
    frameworkCode = 'SPBE-2020',
  ) => ({ year, kind, index, frameworkCode }) as IndexResult;

  test('the newest verified result wins over a newer self-assessment', () => {
    const rs = [result(2022, 'self', 4.006), result(2023, 'verified', 3.22), result(2024, 'self', 3.9)];
    expect(latestIndexResult(rs)).toMatchObject({ year: 2023, kind: 'verified' });
  });

  test('without any verified result the newest self-assessment is used; nothing gives null', () => {
    expect(latestIndexResult([result(2022, 'self', 4.006), result(2021, 'self', 3)])).toMatchObject({
      year: 2022,
    });
    expect(latestIndexResult([])).toBeNull();
  });

  test('trend puts self and verified side by side per year and framework, oldest first', () => {
    const rs = [
      result(2025, 'self', 3.4, 'TOY-2025'),
      result(2023, 'verified', 3.22),
      result(2023, 'self', 3.5),
      result(2024, 'self', 3.9),
      result(2024, 'self', 1), // a repeat: the first in input order is kept
    ];
    expect(indexTrend(rs)).toEqual([
      { year: 2023, frameworkCode: 'SPBE-2020', self: 3.5, verified: 3.22 },
      { year: 2024, frameworkCode: 'SPBE-2020', self: 3.9, verified: null },
      { year: 2025, frameworkCode: 'TOY-2025', self: 3.4, verified: null },
    ]);
  });

  test('a year whose two results use different frameworks shows as two points', () => {
    const rs = [result(2025, 'verified', 3.1, 'TOY-2025'), result(2025, 'self', 3.6)];
    expect(indexTrend(rs).map((p) => [p.frameworkCode, p.self, p.verified])).toEqual([
      ['SPBE-2020', 3.6, null],
      ['TOY-2025', null, 3.1],
    ]);
  });
});
