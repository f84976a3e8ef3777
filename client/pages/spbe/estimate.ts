// The SPBE index as the page can guess it before the server recalculates: every indicator's
// maturity level (0–5) times its weight in percent, summed and divided by 100. An indicator not
// assessed yet counts as level 0, so the estimate only grows as levels are entered.

export interface EstimateInput {
  level: number | null;
  weightPct: number;
}

export interface SpbeEstimate {
  /** Σ(level × weight) / 100 on the 0–5 scale. */
  index: number;
  /** Indicators with a level (0 counts as scored). */
  scored: number;
  total: number;
}

export function estimateSpbeIndex(rows: readonly EstimateInput[]): SpbeEstimate {
  let sum = 0;
  let scored = 0;
  for (const r of rows) {
    if (r.level === null || !Number.isFinite(r.level)) continue;
    scored += 1;
    sum += r.level * r.weightPct;
  }
  // Round away float noise (3 × 1,3 + … = 299,99999…) before it reaches formatIndex.
  return { index: Math.round((sum / 100) * 1e9) / 1e9, scored, total: rows.length };
}
