// Traffic-light colours for KPI values. Thresholds are configuration (DOMAIN.md: "make it
// configuration"); these functions only apply them. Values are compared at full precision, never
// after rounding for display: −5,004 poin is kuning even though the wall shows "−5,00 poin".
import type { Colour, DeviationThresholds } from './types';

/** Colour bands on a percentage (e.g. % on time): ≥ greenMinPct hijau, ≥ yellowMinPct kuning. */
export interface PctThresholds {
  greenMinPct: number;
  yellowMinPct: number;
}

function band(value: number | null, greenMin: number, yellowMin: number): Colour {
  // NaN/∞ can only come from a broken division upstream; showing "no data" beats a false green.
  if (value === null || !Number.isFinite(value)) return 'abu';
  if (value >= greenMin) return 'hijau';
  if (value >= yellowMin) return 'kuning';
  return 'merah';
}

/** Deviation in poin (realisation − target): higher is better. null → abu. */
export function colourForDeviation(poin: number | null, t: DeviationThresholds): Colour {
  return band(poin, t.greenMinPoin, t.yellowMinPoin);
}

/** A 0–100 percentage where higher is better (on-time share). null → abu. */
export function colourForPct(pct: number | null, t: PctThresholds): Colour {
  return band(pct, t.greenMinPct, t.yellowMinPct);
}

const SEVERITY: Record<Colour, number> = { abu: 0, hijau: 1, kuning: 2, merah: 3 };

/** Severity rank: merah 3 > kuning 2 > hijau 1 > abu 0 (abu = nothing to judge, not "fine"). */
export function colourSeverity(c: Colour): number {
  return SEVERITY[c];
}

/** The most alarming colour; abu only when every input is abu (or there is none). */
export function worstColour(...cs: Colour[]): Colour {
  let worst: Colour = 'abu';
  for (const c of cs) if (SEVERITY[c] > SEVERITY[worst]) worst = c;
  return worst;
}
