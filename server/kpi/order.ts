// Deterministic ordering helpers: lists on the wall must not reshuffle between refreshes, so
// every sort ends with a tie-break on a stable code.

/** Plain code-point comparison (codes are ASCII; no locale surprises between hosts). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Ascending numbers with null last. */
export function compareNullableAsc(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : a > b ? 1 : 0;
}
