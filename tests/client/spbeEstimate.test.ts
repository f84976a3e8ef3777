import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { estimateSpbeIndex } from '../../client/pages/spbe/estimate';
import { formatIndex } from '../../shared/format';

interface Fixture {
  domains: { aspects: { indicators: { weight_pct: number }[] }[] }[];
}

// The 47 indicator weights of PermenPANRB 59/2020 as the reference data holds them (Σ = 100).
const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/reference/spbe-2020.json', import.meta.url), 'utf8'),
) as Fixture;
const weights = fixture.domains.flatMap((d) =>
  d.aspects.flatMap((a) => a.indicators.map((i) => i.weight_pct)),
);

describe('estimateSpbeIndex', () => {
  test('the framework has 47 indicators weighing 100 % together', () => {
    expect(weights).toHaveLength(47);
    expect(weights.reduce((s, w) => s + w, 0)).toBeCloseTo(100, 9);
  });

  test('level 3 everywhere is an index of 3,00', () => {
    const est = estimateSpbeIndex(weights.map((weightPct) => ({ level: 3, weightPct })));
    expect(est).toEqual({ index: 3, scored: 47, total: 47 });
    expect(formatIndex(est.index, 'id')).toBe('3,00');
  });

  test('the weights count: the weighted index differs from the plain mean of the levels', () => {
    const rows = [
      { level: 5, weightPct: 75 },
      { level: 1, weightPct: 25 },
    ];
    const plainMean = (5 + 1) / 2;
    const est = estimateSpbeIndex(rows);
    expect(est.index).toBe(4);
    expect(est.index).not.toBe(plainMean);

    // On the real weights too: levels 4 on the heaviest half, 1 on the rest.
    const sorted = [...weights].sort((a, b) => b - a);
    const real = sorted.map((weightPct, i) => ({ level: i < 23 ? 4 : 1, weightPct }));
    const mean = real.reduce((s, r) => s + r.level, 0) / real.length;
    expect(estimateSpbeIndex(real).index).not.toBeCloseTo(mean, 2);
  });

  test('an indicator not assessed counts as 0 and is not counted as scored', () => {
    const four = { level: 4, weightPct: 50 };
    expect(estimateSpbeIndex([four, { level: null, weightPct: 50 }])).toEqual({
      index: 2,
      scored: 1,
      total: 2,
    });
    // Level 0 is an assessment: the same index, but it counts as scored.
    expect(estimateSpbeIndex([four, { level: 0, weightPct: 50 }])).toEqual({
      index: 2,
      scored: 2,
      total: 2,
    });
  });

  test('nothing assessed is 0 of 47', () => {
    const est = estimateSpbeIndex(weights.map((weightPct) => ({ level: null, weightPct })));
    expect(est).toEqual({ index: 0, scored: 0, total: 47 });
    expect(formatIndex(est.index, 'en')).toBe('0.00');
  });
});
