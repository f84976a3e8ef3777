import { describe, expect, test } from 'vitest';
import { colourForDeviation, colourForPct, colourSeverity, worstColour } from '../../../server/kpi/colour';
import type { Colour } from '../../../server/kpi/types';

// DOMAIN.md §2 defaults: hijau from −5 poin, kuning from −10, merah below.
const dev = { greenMinPoin: -5, yellowMinPoin: -10 };
const onTime = { greenMinPct: 90, yellowMinPct: 80 };

describe('colourForDeviation', () => {
  test.each<[number | null, Colour]>([
    [3.2, 'hijau'],
    [0, 'hijau'],
    [-5, 'hijau'], // the green bound is inclusive
    [-5.004, 'kuning'], // full precision: shows as "−5,00" but is past the bound
    [-9.999, 'kuning'],
    [-10, 'kuning'], // the yellow bound is inclusive
    [-10.0001, 'merah'],
    [-42, 'merah'],
    [null, 'abu'],
    [Number.NaN, 'abu'],
  ])('deviation %s poin is %s', (poin, colour) => {
    expect(colourForDeviation(poin, dev)).toBe(colour);
  });
});

describe('colourForPct', () => {
  test.each<[number | null, Colour]>([
    [100, 'hijau'],
    [90, 'hijau'],
    [89.99, 'kuning'],
    [80, 'kuning'],
    [79.999, 'merah'],
    [0, 'merah'],
    [null, 'abu'],
  ])('%s %% is %s', (pct, colour) => {
    expect(colourForPct(pct, onTime)).toBe(colour);
  });
});

describe('worstColour', () => {
  test.each<[Colour[], Colour]>([
    [['hijau', 'merah', 'kuning'], 'merah'],
    [['hijau', 'kuning'], 'kuning'],
    [['abu', 'hijau'], 'hijau'], // no data on one side does not hide the other
    [['abu', 'abu'], 'abu'],
    [[], 'abu'],
  ])('worst of %j is %s', (cs, worst) => {
    expect(worstColour(...cs)).toBe(worst);
  });

  test('severity ranks merah above kuning above hijau above abu', () => {
    const ranked = (['hijau', 'abu', 'merah', 'kuning'] as Colour[]).sort(
      (a, b) => colourSeverity(b) - colourSeverity(a),
    );
    expect(ranked).toEqual(['merah', 'kuning', 'hijau', 'abu']);
  });
});
