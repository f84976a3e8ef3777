// Indeks Kepuasan Masyarakat (SKM, PermenPANRB 14/2017; DOMAIN.md §4). Units report element
// averages (NRR, 1–4) under names worded their own way and in their own order, so elements are
// matched by a normalised name, never by position.
import type { IkmGrade, IkmKpi, IkmSurveyRow } from './types';

/**
 * Comparison key of an element name: lowercase, '&' read as "dan", punctuation and symbols as
 * spaces, "dan" dropped (reports write "Sistem, Mekanisme, dan Prosedur" and "sistem mekanisme &
 * prosedur"), spaces collapsed. "biaya/tarif" and "Biaya / Tarif" both become "biaya tarif".
 */
export function elementKey(name: string): string {
  let key = keyCache.get(name);
  if (key === undefined) {
    key = name
      .toLowerCase()
      .replace(/&/g, ' dan ')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .split(' ')
      .filter((w) => w !== '' && w !== 'dan')
      .join(' ');
    // A pure function of a short string; the set of element names a regency uses is small.
    if (keyCache.size < 10_000) keyCache.set(name, key);
  }
  return key;
}
const keyCache = new Map<string, string>();

/**
 * Round to 2 decimals, half up, on the decimal value: 88,305 (stored as 88,30499999…) → 88,31.
 * Going through 12 significant digits first removes the binary noise before rounding.
 */
export function round2(x: number): number {
  return Math.round(Number((x * 100).toPrecision(12))) / 100;
}

/** The grade whose [min, max] holds the value rounded to 2 decimals (bands are given to 0,01). */
export function ikmGradeFor(value: number | null, grades: readonly IkmGrade[]): IkmGrade | null {
  if (value === null || !Number.isFinite(value)) return null;
  const v = round2(value);
  return grades.find((g) => v >= g.min && v <= g.max) ?? null;
}

/**
 * IKM of one survey. IKM = mean of ALL the survey's element NRRs × 25, so an element a unit adds
 * on top of the standard nine counts with the same weight: the unit published its index that way,
 * and the plain mean is what reproduces published reports (the "NRR × 0,111" shortcut drifts by
 * about 0,1). If a standard element is missing the index would not be comparable with other
 * units: ikm is null and the missing names (as the standard words them) are listed.
 */
export function ikmKpi(
  s: IkmSurveyRow,
  standardElements: readonly string[],
  grades: readonly IkmGrade[],
): IkmKpi {
  const present = new Set(s.elements.map((e) => elementKey(e.name)));
  const missingElements = standardElements.filter((name) => !present.has(elementKey(name)));
  const ikm =
    missingElements.length === 0 && s.elements.length > 0
      ? (s.elements.reduce((sum, e) => sum + e.nrr, 0) / s.elements.length) * 25
      : null;
  const grade = ikmGradeFor(ikm, grades);
  return {
    unitCode: s.unitCode,
    unitName: s.unitName,
    period: s.period,
    respondents: s.respondents,
    ikm,
    grade: grade?.grade ?? null,
    gradeLabel: grade?.label ?? null,
    missingElements,
  };
}

const PERIOD_RE = /^(\d{4})(?:-(?:S([12])|TW([1-4])|(\d{2})))?$/;

/**
 * Sort key of a survey period: [year, last month covered]. 'YYYY' covers to December, 'YYYY-S1'
 * to June, 'YYYY-TW3' to September, 'YYYY-MM' to that month.
 */
export function ikmPeriodEnd(period: string): [year: number, month: number] {
  const m = PERIOD_RE.exec(period);
  const month = m?.[2] ? Number(m[2]) * 6 : m?.[3] ? Number(m[3]) * 3 : m?.[4] ? Number(m[4]) : 12;
  if (!m || month < 1 || month > 12) {
    throw new RangeError(`Not a survey period ('YYYY', 'YYYY-S1', 'YYYY-TW3', 'YYYY-MM'): ${period}`);
  }
  return [Number(m[1]), month];
}

/** Later period first; periods ending in the same month (2025, 2025-S2, 2025-TW4) by text. */
export function compareIkmPeriodDesc(a: string, b: string): number {
  const [ya, ma] = ikmPeriodEnd(a);
  const [yb, mb] = ikmPeriodEnd(b);
  return yb - ya || mb - ma || (a < b ? 1 : a > b ? -1 : 0);
}

export interface IkmSummary {
  value: number | null;
  grade: string | null;
  gradeLabel: string | null;
  units: number;
  period: string | null;
}

/**
 * Regency-wide IKM: the plain mean of the unit IKMs of the latest period in which at least one
 * unit has a complete survey (an incomplete upload for a new period does not blank the tile).
 * Units without a value are left out of the mean, not counted as 0.
 */
export function ikmSummary(kpis: readonly IkmKpi[], grades: readonly IkmGrade[]): IkmSummary {
  const valued = kpis.filter((k): k is IkmKpi & { ikm: number } => k.ikm !== null);
  const period = valued.map((k) => k.period).sort(compareIkmPeriodDesc)[0] ?? null;
  const inPeriod = valued.filter((k) => k.period === period);
  const value = inPeriod.length > 0 ? inPeriod.reduce((s, k) => s + k.ikm, 0) / inPeriod.length : null;
  const grade = ikmGradeFor(value, grades);
  return {
    value,
    grade: grade?.grade ?? null,
    gradeLabel: grade?.label ?? null,
    units: inPeriod.length,
    period,
  };
}
