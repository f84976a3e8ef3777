// Completion-time histogram for service rollups. The database keeps a count per bucket instead of
// every duration, so median and p90 are read from buckets. Under an hour each minute is its own
// bucket (exact); from 60 minutes on, buckets grow by 2 % each, so any percentile read from them is
// at most 2 % above the true value and never below it (bucketUpper). A year-long duration lands in
// bucket ≈ 518, so a service needs a few hundred rows at most.
//
// Every bucket holds at least one integer minute: below 60 by construction, and from 60 on a bucket
// spans [60·1.02^k, 60·1.02^(k+1)), which is 1,2·1.02^k ≥ 1,2 minutes wide. So bucketUpper is
// defined for every bucket b ≥ 0 and bucketOf is onto; tests check the round trip over a wide range.
import type { HistogramBin } from './types';

const EXACT_BELOW = 60;
const GROWTH = 1.02;
const LN_GROWTH = Math.log(GROWTH);

function assertBucket(bucket: number): void {
  if (!Number.isSafeInteger(bucket) || bucket < 0) {
    throw new RangeError(`Not a histogram bucket (integer ≥ 0): ${bucket}`);
  }
}

/**
 * Bucket of a duration in whole minutes. A fractional input is floored first (durations are
 * stored as floor minutes, see calendar.durationMin); negative or non-finite input is a bug.
 */
export function bucketOf(min: number): number {
  if (!Number.isFinite(min) || min < 0) throw new RangeError(`Not a duration in minutes ≥ 0: ${min}`);
  const d = Math.floor(min);
  if (d < EXACT_BELOW) return d;
  return EXACT_BELOW + Math.floor(Math.log(d / EXACT_BELOW) / LN_GROWTH);
}

/**
 * The largest integer minute in a bucket, so a percentile read from buckets is never understated.
 * bucketOf is the definition (it is what the writer used), so the closed-form candidate is only a
 * starting point and is nudged until bucketOf agrees: floating-point log can put a minute that
 * sits within ~1e-12 of a bucket edge on either side, and this must match whatever bucketOf says.
 */
export function bucketUpper(bucket: number): number {
  assertBucket(bucket);
  if (bucket < EXACT_BELOW) return bucket;
  let upper = Math.ceil(EXACT_BELOW * GROWTH ** (bucket - EXACT_BELOW + 1)) - 1;
  if (!Number.isSafeInteger(upper + 1)) throw new RangeError(`Histogram bucket out of range: ${bucket}`);
  while (upper > 0 && bucketOf(upper) > bucket) upper -= 1;
  while (bucketOf(upper + 1) <= bucket) upper += 1;
  return upper;
}

/**
 * Sum counts per bucket; result ascending by bucket, buckets whose total is 0 left out. Buckets
 * are small integers (a year-long duration is bucket ≈ 518), so the counts go into a dense array
 * indexed by bucket: the executive summary merges a few thousand bins per call at `stress` size,
 * and a Map plus a sort cost ten times more.
 */
export function mergeBins(...lists: readonly (readonly HistogramBin[])[]): HistogramBin[] {
  const counts: number[] = [];
  let maxBucket = -1;
  for (const list of lists) {
    for (const { bucket, n } of list) {
      assertBucket(bucket);
      if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`Bad count ${n} in bucket ${bucket}`);
      if (bucket > 100_000) return mergeSparse(lists);
      while (maxBucket < bucket) counts[++maxBucket] = 0;
      counts[bucket] = (counts[bucket] as number) + n;
    }
  }
  const out: HistogramBin[] = [];
  for (let bucket = 0; bucket <= maxBucket; bucket++) {
    const n = counts[bucket] as number;
    if (n > 0) out.push({ bucket, n });
  }
  return out;
}

/** mergeBins for buckets too far out for a dense array (not produced by bucketOf in practice). */
function mergeSparse(lists: readonly (readonly HistogramBin[])[]): HistogramBin[] {
  const byBucket = new Map<number, number>();
  for (const list of lists) {
    for (const { bucket, n } of list) {
      assertBucket(bucket);
      if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`Bad count ${n} in bucket ${bucket}`);
      byBucket.set(bucket, (byBucket.get(bucket) ?? 0) + n);
    }
  }
  return [...byBucket.entries()]
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => a - b)
    .map(([bucket, n]) => ({ bucket, n }));
}

/**
 * Nearest-rank percentile in minutes: the smallest bucket whose cumulative count reaches
 * ceil(p × N), reported as that bucket's upper minute. p in [0, 1]; p = 0 reads rank 1 (the minimum).
 * null when there is nothing to read (N = 0). Bins need not be sorted or unique.
 */
export function percentileFromHistogram(bins: readonly HistogramBin[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`Percentile must be within [0, 1]: ${p}`);
  const merged = mergeBins(bins);
  const total = merged.reduce((s, b) => s + b.n, 0);
  if (total === 0) return null;
  // 0.55 × 100 is 55.00000000000001 in binary floating point; rounding to 12 significant digits
  // first keeps ceil() from promoting it to rank 56.
  const rank = Math.max(1, Math.ceil(Number((p * total).toPrecision(12))));
  let cumulative = 0;
  for (const { bucket, n } of merged) {
    cumulative += n;
    if (cumulative >= rank) return bucketUpper(bucket);
  }
  throw new Error('unreachable: rank ≤ total');
}
