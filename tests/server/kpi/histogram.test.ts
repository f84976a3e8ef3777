import { describe, expect, test } from 'vitest';
import { bucketOf, bucketUpper, mergeBins, percentileFromHistogram } from '../../../server/kpi/histogram';
import type { HistogramBin } from '../../../server/kpi/types';

describe('bucketOf', () => {
  test.each([
    [0, 0],
    [1, 1],
    [59, 59], // under an hour every minute is exact
    [59.7, 59], // a fraction is floored like durationMin
    [60, 60],
    [61, 60], // ln(61/60)/ln 1,02 = 0,0165/0,0198 = 0,83 → 60 + 0
    [62, 61], // ln(62/60)/ln 1,02 = 0,0328/0,0198 = 1,66 → 60 + 1
    [63, 62], // ln 1,05/ln 1,02 = 2,46
    [120, 95], // ln 2/ln 1,02 = 35,003 → 60 + 35
    [122, 95], // ln(122/60)/ln 1,02 = 35,84
    [123, 96], // ln 2,05/ln 1,02 = 36,25
    [1440, 220], // one day: ln 24/ln 1,02 = 160,48
  ])('%s min → bucket %i', (min, bucket) => {
    expect(bucketOf(min)).toBe(bucket);
  });

  test.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('rejects %s', (bad) => {
    expect(() => bucketOf(bad)).toThrow(RangeError);
  });

  test('consecutive minutes never skip a bucket, so no bucket is empty', () => {
    // Buckets ≥ 60 are 1,2·1,02^k ≥ 1,2 min wide, so each holds an integer; check 0…200 000 min.
    let prev = bucketOf(0);
    for (let d = 1; d <= 200_000; d++) {
      const b = bucketOf(d);
      if (b !== prev && b !== prev + 1) throw new Error(`bucket jumps from ${prev} to ${b} at ${d} min`);
      prev = b;
    }
    expect(prev).toBe(bucketOf(200_000));
  });
});

describe('bucketUpper', () => {
  test.each([
    [0, 0],
    [59, 59],
    [60, 61], // [60; 61,2) → 61
    [61, 62], // [61,2; 62,424) → 62
    [95, 122], // 60 × 1,02^36 = 122,39 → 122
    [220, 1454], // [60 × 1,02^160; 60 × 1,02^161) = [1426,2; 1454,7) → 1454
  ])('bucket %i tops out at %i min', (bucket, upper) => {
    expect(bucketUpper(bucket)).toBe(upper);
  });

  test('round trip: the upper minute is in the bucket and the next minute opens the next one', () => {
    // b = 1200 is about 3,8·10¹¹ minutes, far past any real duration (a year is bucket ≈ 518).
    for (let b = 0; b <= 1200; b++) {
      const u = bucketUpper(b);
      if (bucketOf(u) !== b || bucketOf(u + 1) !== b + 1) {
        throw new Error(`bucket ${b}: upper ${u} maps to ${bucketOf(u)}, next to ${bucketOf(u + 1)}`);
      }
    }
    expect(bucketUpper(1200)).toBeGreaterThan(3e11);
  });

  test('reading a duration back from its bucket overstates by at most 2 % and never understates', () => {
    for (let d = 60; d <= 100_000; d += 7) {
      const back = bucketUpper(bucketOf(d));
      if (back < d || back > d * 1.02) throw new Error(`${d} min reads back as ${back}`);
    }
    // 100 min: bucket 85 = [60 × 1,02^25; 60 × 1,02^26) = [98,44; 100,41), so it reads back exactly
    expect(bucketUpper(bucketOf(100))).toBe(100);
  });

  test.each([-1, 1.5, Number.NaN])('rejects bucket %s', (bad) => {
    expect(() => bucketUpper(bad)).toThrow(RangeError);
  });
});

describe('mergeBins', () => {
  test('sums by bucket, sorts ascending and drops empty buckets', () => {
    const a: HistogramBin[] = [
      { bucket: 95, n: 2 },
      { bucket: 5, n: 1 },
      { bucket: 7, n: 0 },
    ];
    const b: HistogramBin[] = [
      { bucket: 5, n: 4 },
      { bucket: 61, n: 3 },
    ];
    expect(mergeBins(a, b)).toEqual([
      { bucket: 5, n: 5 },
      { bucket: 61, n: 3 },
      { bucket: 95, n: 2 },
    ]);
  });

  test('no lists give no bins', () => {
    expect(mergeBins()).toEqual([]);
  });

  test('a bucket far beyond any duration still merges the same way (sparse path)', () => {
    const far = 2_000_000;
    expect(
      mergeBins(
        [
          { bucket: far, n: 1 },
          { bucket: 3, n: 2 },
        ],
        [{ bucket: far, n: 4 }],
      ),
    ).toEqual([
      { bucket: 3, n: 2 },
      { bucket: far, n: 5 },
    ]);
  });

  test('a negative count is rejected', () => {
    expect(() => mergeBins([{ bucket: 3, n: -1 }])).toThrow(RangeError);
  });
});

describe('percentileFromHistogram', () => {
  // N = 10: three requests done in 5 min, four in 20 min, three in 120–122 min (bucket 95).
  const bins: HistogramBin[] = [
    { bucket: 95, n: 3 },
    { bucket: 5, n: 3 },
    { bucket: 20, n: 4 },
  ];

  test.each([
    [0, 5], // rank max(1, 0) = 1 → first bucket
    [0.3, 5], // rank ceil(3) = 3 → cumulative 3 reaches it in bucket 5
    [0.5, 20], // rank 5 → cumulative 3, 7 → bucket 20
    [0.7, 20], // rank 7 → still bucket 20 (cumulative exactly 7)
    [0.71, 122], // rank ceil(7,1) = 8 → bucket 95, read as its upper minute 122
    [0.9, 122], // rank 9
    [1, 122],
  ])('p = %s reads %i min (unsorted bins)', (p, min) => {
    expect(percentileFromHistogram(bins, p)).toBe(min);
  });

  test('empty histogram or only zero counts give null', () => {
    expect(percentileFromHistogram([], 0.5)).toBeNull();
    expect(percentileFromHistogram([{ bucket: 3, n: 0 }], 0.5)).toBeNull();
  });

  test('repeated buckets are summed before ranking', () => {
    // bucket 1: 2 + 2 = 4 of N = 6; median rank 3 → bucket 1
    const repeated = [
      { bucket: 1, n: 2 },
      { bucket: 9, n: 2 },
      { bucket: 1, n: 2 },
    ];
    expect(percentileFromHistogram(repeated, 0.5)).toBe(1);
  });

  test('binary noise in p × N does not bump the rank: 0,55 × 100 is rank 55', () => {
    expect(0.55 * 100).toBeGreaterThan(55); // 55.00000000000001 in floating point
    const hundred = [
      { bucket: 1, n: 55 },
      { bucket: 2, n: 45 },
    ];
    expect(percentileFromHistogram(hundred, 0.55)).toBe(1);
    expect(percentileFromHistogram(hundred, 0.56)).toBe(2);
  });

  test('agrees with the exact nearest-rank percentile up to the bucket resolution', () => {
    const durations = [3, 3, 17, 45, 59, 60, 75, 130, 130, 480, 1440, 2900, 7000];
    const hist = mergeBins(durations.map((d) => ({ bucket: bucketOf(d), n: 1 })));
    const sorted = [...durations].sort((a, b) => a - b);
    for (const p of [0.1, 0.25, 0.5, 0.75, 0.9, 1]) {
      const exact = sorted[Math.ceil(p * sorted.length) - 1] ?? Number.NaN;
      const read = percentileFromHistogram(hist, p) ?? Number.NaN;
      expect(read).toBeGreaterThanOrEqual(exact);
      expect(read).toBeLessThanOrEqual(exact < 60 ? exact : exact * 1.02);
    }
  });

  test.each([-0.1, 1.01, Number.NaN])('p = %s is rejected', (p) => {
    expect(() => percentileFromHistogram(bins, p)).toThrow(RangeError);
  });
});
