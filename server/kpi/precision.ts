// Why KPI ratios are "settled": binary floating point turns exact decimal data into near misses
// (1 100 M ÷ 2 000 M × 100 = 55,00000000000001; 3,3 − 8,3 = −5,000000000000001),
// and a value that is exactly on a colour or predikat boundary in rupiah or levels would then land
// in the wrong band. Rounding to 1e-9 removes that noise and nothing else: every figure is shown
// with at most three decimals, so this still compares the full-precision value, never the
// display-rounded one (−5,004 poin stays −5,004 and stays kuning).

const SCALE = 1e9;

/** x rounded to 9 decimals; null stays null. Use on ratios that are compared with thresholds. */
export function settle(x: number): number;
export function settle(x: number | null): number | null;
export function settle(x: number | null): number | null {
  if (x === null) return null;
  return Math.round(x * SCALE) / SCALE;
}

/** part ÷ whole × 100, settled; null when there is no whole to divide by. */
export function pctOf(part: number, whole: number): number | null {
  return whole > 0 ? settle((part * 100) / whole) : null;
}
