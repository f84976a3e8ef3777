// The statistics every benchmark reports, defined once: nearest-rank quantiles and a maximum that
// does not spread its array into arguments (a mixed run collects hundreds of thousands of delays,
// past the call stack's limit: regression, "Maximum call stack size exceeded").

/** Nearest-rank quantile of the finite values; NaN when there are none. */
export function quantile(xs: readonly number[], p: number): number {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] ?? Number.NaN;
}

export const median = (xs: readonly number[]) => quantile(xs, 0.5);

/** The largest value; -Infinity for none, like Math.max(). */
export function maxOf(xs: readonly number[]): number {
  let m = Number.NEGATIVE_INFINITY;
  for (const x of xs) if (x > m) m = x;
  return m;
}

/** The smallest value; Infinity for none, like Math.min(). */
export function minOf(xs: readonly number[]): number {
  let m = Number.POSITIVE_INFINITY;
  for (const x of xs) if (x < m) m = x;
  return m;
}
