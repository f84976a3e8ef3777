import { describe, expect, test } from 'vitest';
import {
  type IndicatorScoreRow,
  indexPointsLost,
  indexResult,
  WEAKEST_DEFAULT,
  weakestIndicators,
} from '../../../server/kpi/spbe';
import { levels47, range, SPBE_2020, SPBE_2020_INDICATORS, spbeAssessment } from './spbe-fixtures';

const LEVEL_NAMES: Record<number, string> = {
  1: 'Rintisan',
  2: 'Terkelola',
  3: 'Terdefinisi',
  4: 'Terpadu dan Terukur',
  5: 'Optimum',
};

const aspectOf = (no: number) => SPBE_2020.domains.flatMap((d) => d.aspects).find((a) => a.no === no);
const domainOf = (aspectNo: number) =>
  SPBE_2020.domains.find((d) => d.aspects.some((a) => a.no === aspectNo));

/** The 47 rows the query returns for one assessment with these levels (null = no value). */
function rows47(levels: (number | null)[], owners: Record<number, string> = {}): IndicatorScoreRow[] {
  return SPBE_2020_INDICATORS.map(({ aspectNo, weight }, i) => {
    const level = levels[i] ?? null;
    const owner = owners[i + 1] ?? null;
    return {
      no: i + 1,
      name: `Indikator ${i + 1}`,
      aspectNo,
      aspectName: aspectOf(aspectNo)?.name ?? '?',
      domainNo: domainOf(aspectNo)?.no ?? 0,
      domainName: domainOf(aspectNo)?.name ?? '?',
      weightPct: weight,
      level,
      levelName: level === null ? null : (LEVEL_NAMES[level] ?? null),
      ownerCode: owner,
      ownerName: owner === null ? null : `Nama ${owner}`,
      ownerShortName: owner === null ? null : owner.toLowerCase(),
    };
  });
}

/** A few rows of a made-up framework: number, weight %, level. */
function rows(spec: [no: number, weightPct: number, level: number | null][]): IndicatorScoreRow[] {
  return spec.map(([no, weightPct, level]) => ({
    no,
    name: `Indikator ${no}`,
    aspectNo: 1,
    aspectName: 'Aspek',
    domainNo: 1,
    domainName: 'Domain',
    weightPct,
    level,
    levelName: null,
    ownerCode: null,
    ownerName: null,
    ownerShortName: null,
  }));
}

// The two assessments of the hand-checkable dataset (fixtures/README.md §3).
const VERIFIED_2024 = levels47(2, { ...range(11, 20, 3), ...range(32, 47, 4) });
const SELF_2025 = levels47(3, {
  ...range(11, 14, 4),
  ...range(19, 20, 2),
  ...range(32, 41, 4),
  ...range(42, 45, 5),
  46: 4,
  47: null,
});

describe('indexPointsLost', () => {
  test.each<[level: number | null, weightPct: number, scaleMax: number, lost: number]>([
    [2, 1.3, 5, 0.039], // (5 − 2) × 1,30 ÷ 100; unsettled 0,03900000000000001
    [3, 1.3, 5, 0.026], // unsettled 0,026000000000000002
    [3, 2.5, 5, 0.05],
    [2, 2.75, 5, 0.0825],
    [4, 2.75, 5, 0.0275],
    [1, 1.5, 5, 0.06],
    [4, 3, 5, 0.03],
    [5, 3, 5, 0], // at the scale maximum nothing is lost
    [0, 3, 5, 0.15], // level 0 loses the whole weight
    [null, 3, 5, 0.15], // no value: the full loss too
    [null, 1.3, 5, 0.065],
    [1, 30, 5, 1.2], // another framework's weights (PEMDI-TEST)
    [2, 20, 4, 0.4], // and another scale
  ])('level %s, weight %s %%, scale %s → %s', (level, weight, scaleMax, lost) => {
    expect(indexPointsLost(level, weight, scaleMax)).toBe(lost);
  });

  test.each([6, -1, Number.NaN])('a level outside 0…scale max (%s) is a data error', (level) => {
    expect(() => indexPointsLost(level, 3, 5)).toThrow(RangeError);
  });

  test('the losses of a complete assessment add up to scale max − index (policy zero)', () => {
    const index = indexResult(SPBE_2020, spbeAssessment(VERIFIED_2024), 'zero').index ?? 0;
    const lost = weakestIndicators(rows47(VERIFIED_2024), 5, 47).reduce((s, w) => s + w.pointsLost, 0);
    expect(index).toBe(3.16);
    expect(lost).toBeCloseTo(5 - 3.16, 9); // 10 × 0,039 + 10 × 0,05 + 11 × 0,045 + 10 × 0,0275 + 6 × 0,03
  });

  test('with an empty level the losses add up to scale max − the index that counts it as 0', () => {
    const index = indexResult(SPBE_2020, spbeAssessment(SELF_2025), 'zero').index ?? 0;
    const lost = weakestIndicators(rows47(SELF_2025), 5, 47).reduce((s, w) => s + w.pointsLost, 0);
    expect(index).toBe(3.505);
    expect(lost).toBeCloseTo(5 - 3.505, 9);
  });
});

describe('weakestIndicators', () => {
  test.each<[string, IndicatorScoreRow[], number, number[]]>([
    [
      'handcheck 2024 verified: ten indicators tie at 0,05 (level 3, 2,50 %), by number',
      rows47(VERIFIED_2024),
      5,
      [11, 12, 13, 14, 15, 16, 17, 18],
    ],
    [
      // 47 no value 0,15; 19, 20 level 2 0,075; 15–18 level 3 0,05; then 0,03 is shared by 21–31
      // (level 3 × 1,50 %) and 46 (level 4 × 3,00 %): the lower level goes first.
      'handcheck 2025 self: the empty indicator first, the 0,03 tie broken by the lower level',
      rows47(SELF_2025),
      5,
      [47, 19, 20, 15, 16, 17, 18, 21],
    ],
    [
      // all lose 0,15: no value ranks below level 0, then by number
      'no value before level 0 at the same loss',
      rows47(levels47(5, { 44: null, 46: 0, 47: null, 43: 0 })),
      5,
      [44, 47, 43, 46],
    ],
    [
      // no 1: 1 × 20 % = 0,2; no 4: 2 × 10 % = 0,2; the lower level wins over the lower number
      'equal losses: the lower level first, even with the higher number',
      rows([
        [1, 20, 4],
        [4, 10, 3],
        [2, 20, 5],
      ]),
      5,
      [4, 1],
    ],
    [
      // 3 × 0,8 ÷ 100 = 0,024000000000000004 and 4 × 0,6 ÷ 100 = 0,024 are one loss
      'equal losses compare settled, not as float noise',
      rows([
        [1, 0.8, 2],
        [2, 0.6, 1],
      ]),
      5,
      [2, 1],
    ],
    [
      'a higher loss beats a lower level',
      rows([
        [1, 1.3, 0], // 0,065
        [2, 3, 3], // 0,06
        [3, 2.75, 2], // 0,0825
      ]),
      5,
      [3, 1, 2],
    ],
    ['everything at the scale maximum: nothing to list', rows47(levels47(5)), 5, []],
    [
      'an empty assessment: every indicator lost in full, heaviest first',
      rows47(levels47(null)),
      5,
      [42, 43, 44, 45, 46, 47, 32, 33],
    ],
  ])('%s', (_title, input, scaleMax, nos) => {
    expect(weakestIndicators(input, scaleMax).map((w) => w.no)).toEqual(nos);
  });

  test('top 8 unless asked; a limit above what loses points lists every losing indicator', () => {
    expect(WEAKEST_DEFAULT).toBe(8);
    expect(weakestIndicators(rows47(SELF_2025), 5, 3).map((w) => w.no)).toEqual([47, 19, 20]);
    expect(weakestIndicators(rows47(SELF_2025), 5, 0)).toEqual([]);
    // 42–45 are at level 5 and cost nothing
    expect(weakestIndicators(rows47(SELF_2025), 5, 100)).toHaveLength(43);
  });

  test.each([-1, 2.5, Number.NaN])('a limit of %s is refused', (limit) => {
    expect(() => weakestIndicators(rows47(SELF_2025), 5, limit)).toThrow(RangeError);
  });

  test('each entry carries names, level, weight, loss and owner; no value has no level name', () => {
    const [first, second] = weakestIndicators(rows47(SELF_2025, { 47: 'DINKES', 19: 'DINKOMINFO' }), 5);
    expect(first).toEqual({
      no: 47,
      name: 'Indikator 47',
      aspect: { no: 8, name: 'Layanan Publik Berbasis Elektronik' },
      domain: { no: 4, name: 'Layanan SPBE' },
      level: null,
      levelName: null,
      weightPct: 3,
      pointsLost: 0.15,
      owner: { code: 'DINKES', name: 'Nama DINKES', shortName: 'dinkes' },
    });
    expect(second).toMatchObject({
      no: 19,
      aspect: { no: 4, name: 'Penyelenggara SPBE' },
      domain: { no: 2, name: 'Tata Kelola SPBE' },
      level: 2,
      levelName: 'Terkelola',
      weightPct: 2.5,
      pointsLost: 0.075, // (5 − 2) × 2,50 ÷ 100
      owner: { code: 'DINKOMINFO' },
    });
    const third = weakestIndicators(rows47(SELF_2025), 5)[2];
    expect(third?.owner).toBeNull(); // no owner set: null, never a made-up one
  });

  test('level 0 keeps its value and has no level name; no value stays null', () => {
    const [a, b] = weakestIndicators(rows47(levels47(5, { 46: 0, 47: null })), 5);
    expect([a?.no, a?.level, a?.levelName, a?.pointsLost]).toEqual([47, null, null, 0.15]);
    expect([b?.no, b?.level, b?.levelName, b?.pointsLost]).toEqual([46, 0, null, 0.15]);
  });
});
