// Index frameworks such as Indeks SPBE (PermenPANRB 59/2020; reference/spbe-2020.md §4–5). The
// framework (domains, aspects, weights, bands) is data, so a year assessed under another framework
// (SPBE 5/2018, PEMDI) is computed with its own definition; nothing here knows "47" or "13 %".
import { compareText } from './order';
import { settle } from './precision';
import type {
  AspectScoreRow,
  IndexAssessmentRow,
  IndexBand,
  IndexFrameworkDef,
  IndexResult,
  MissingPolicy,
} from './types';

/**
 * Weighted index of one assessment under its framework.
 * - aspect = Σ(level × weight) ÷ aspect weight; domain = Σ over its aspects ÷ domain weight;
 *   total = Σ over everything ÷ Σ domain weights (= 100 for a valid framework).
 * - policy 'zero': an indicator without a value counts as level 0 (denominators are full weights).
 *   policy 'exclude': denominators are the weights of the scored indicators only; an aspect, domain
 *   or total with nothing scored is null.
 * An aspect with no row at all has nothing scored. A row for an aspect the framework does not
 * have, or two rows for one aspect, mean the caller paired the assessment with the wrong framework:
 * that throws rather than producing a plausible wrong index.
 */
export function indexResult(
  fw: IndexFrameworkDef,
  a: IndexAssessmentRow,
  policy: MissingPolicy,
): IndexResult {
  if (a.frameworkCode !== fw.code) {
    throw new RangeError(`Assessment ${a.year}/${a.kind} uses ${a.frameworkCode}, not ${fw.code}`);
  }
  const known = new Set(fw.domains.flatMap((d) => d.aspects.map((x) => x.no)));
  const rows = new Map<number, AspectScoreRow>();
  for (const r of a.aspects) {
    if (!known.has(r.aspectNo) || rows.has(r.aspectNo)) {
      throw new RangeError(
        `Aspect ${r.aspectNo} of ${a.year}/${a.kind} is unknown or repeated in ${fw.code}`,
      );
    }
    rows.set(r.aspectNo, r);
  }

  const index = (sumLevelWeight: number, fullWeight: number, scoredWeight: number): number | null => {
    const denominator = policy === 'zero' ? fullWeight : scoredWeight;
    // settled: Σ level × weight from SQL can arrive as 419,99999999999994 for a true 420 (precision.ts)
    return denominator > 0 ? settle(sumLevelWeight / denominator) : null;
  };

  const aspects: IndexResult['aspects'] = [];
  const domains: IndexResult['domains'] = [];
  let totalSum = 0;
  let totalScoredWeight = 0;
  let totalWeight = 0;
  let scored = 0;
  let indicators = 0;
  let complete = true;
  for (const d of fw.domains) {
    let domainSum = 0;
    let domainScoredWeight = 0;
    for (const asp of d.aspects) {
      const r = rows.get(asp.no);
      const sum = r?.sumLevelWeight ?? 0;
      const scoredWeight = r?.sumWeightScored ?? 0;
      aspects.push({ no: asp.no, name: asp.name, index: index(sum, asp.weightPct, scoredWeight) });
      domainSum += sum;
      domainScoredWeight += scoredWeight;
      scored += r?.scored ?? 0;
      indicators += asp.indicators;
      if ((r?.scored ?? 0) < asp.indicators) complete = false;
    }
    domains.push({ no: d.no, name: d.name, index: index(domainSum, d.weightPct, domainScoredWeight) });
    totalSum += domainSum;
    totalScoredWeight += domainScoredWeight;
    totalWeight += d.weightPct;
  }

  const total = index(totalSum, totalWeight, totalScoredWeight);
  return {
    year: a.year,
    kind: a.kind,
    frameworkCode: fw.code,
    index: total,
    predikat: predikat(total, fw.bands),
    complete,
    scored,
    indicators,
    domains,
    aspects,
    decree: a.decree,
    source: a.source,
  };
}

/**
 * The band of an index: lower bound inclusive, upper bound exclusive (null = open to the scale
 * maximum). Compares the stored value, never the rounded one on screen: 4,19999 is Sangat Baik
 * although it displays as "4,20". null (or a value below every band) → null.
 */
export function predikat(index: number | null, bands: readonly IndexBand[]): string | null {
  if (index === null || !Number.isFinite(index)) return null;
  for (const b of bands) {
    if (index >= b.min && (b.maxExclusive === null || index < b.maxExclusive)) return b.label;
  }
  return null;
}

/**
 * The result to headline: the newest verified result, else the newest self-assessment. One
 * result per (year, kind) is expected; if one repeats, the first in input order is used.
 */
export function latestIndexResult(results: readonly IndexResult[]): IndexResult | null {
  const newest = (kind: IndexResult['kind']): IndexResult | null => {
    let best: IndexResult | null = null;
    for (const r of results) if (r.kind === kind && (best === null || r.year > best.year)) best = r;
    return best;
  };
  return newest('verified') ?? newest('self');
}

export interface IndexTrendPoint {
  year: number;
  frameworkCode: string;
  self: number | null;
  verified: number | null;
}

/**
 * Self-assessment and verified index side by side per year, oldest first. Points are keyed by
 * (year, framework), so a year whose two results use different frameworks shows as two points
 * rather than silently comparing across frameworks. First in input order wins on a repeat.
 */
export function indexTrend(results: readonly IndexResult[]): IndexTrendPoint[] {
  const points = new Map<string, IndexTrendPoint>();
  const seen = new Set<string>();
  for (const r of results) {
    const key = `${r.year}|${r.frameworkCode}`;
    if (seen.has(`${key}|${r.kind}`)) continue;
    seen.add(`${key}|${r.kind}`);
    const point = points.get(key) ?? {
      year: r.year,
      frameworkCode: r.frameworkCode,
      self: null,
      verified: null,
    };
    point[r.kind] = r.index;
    points.set(key, point);
  }
  return [...points.values()].sort(
    (a, b) => a.year - b.year || compareText(a.frameworkCode, b.frameworkCode),
  );
}

// ───────────────────────────── Weakest indicators ─────────────────────────────

/** One indicator of one assessment with its level and owner (db/queries/spbe.ts indicatorScores). */
export interface IndicatorScoreRow {
  no: number;
  /** The indicator's name; for a sector slot (SPBE 45–47) the label set for the assessment's year, if any. */
  name: string;
  aspectNo: number;
  aspectName: string;
  domainNo: number;
  domainName: string;
  weightPct: number;
  /** null = no value (no score row, or a row without a level); 0 is a value. */
  level: number | null;
  /** The framework's name of the level (index_level); null without a value or for an unnamed level. */
  levelName: string | null;
  ownerCode: string | null;
  ownerName: string | null;
  ownerShortName: string | null;
}

export interface WeakIndicator {
  no: number;
  name: string;
  aspect: { no: number; name: string };
  domain: { no: number; name: string };
  level: number | null;
  levelName: string | null;
  weightPct: number;
  /** Index points the indicator keeps the total below the scale maximum (full precision). */
  pointsLost: number;
  owner: { code: string; name: string; shortName: string } | null;
}

/** How many indicators the SPBE wall lists when the caller does not say. */
export const WEAKEST_DEFAULT = 8;

/**
 * Index points an indicator costs: (scale max − level) × weight ÷ 100, so an assessment's losses add
 * up to scale max − index under the 'zero' missing policy. No value counts as the full loss, scale max ×
 * weight ÷ 100, whatever the policy: the index may leave it out ('exclude'), but until it is assessed
 * all of its points are still to be won. A level outside 0…scale max is a data error and throws.
 */
export function indexPointsLost(level: number | null, weightPct: number, scaleMax: number): number {
  if (level !== null && !(level >= 0 && level <= scaleMax)) {
    throw new RangeError(`Level ${level} outside 0–${scaleMax}`);
  }
  return settle(((scaleMax - (level ?? 0)) * weightPct) / 100);
}

/** No value ranks below level 0: at equal loss, the indicator nobody has assessed comes first. */
const levelRank = (level: number | null): number => (level === null ? -1 : level);

/**
 * The indicators costing the most index points, highest first; equal losses by lower level (no
 * value before 0), then by indicator number. Indicators at the scale maximum cost nothing and are
 * left out, so a near-perfect assessment lists fewer than `limit`.
 */
export function weakestIndicators(
  rows: readonly IndicatorScoreRow[],
  scaleMax: number,
  limit: number = WEAKEST_DEFAULT,
): WeakIndicator[] {
  if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`limit must be a whole number ≥ 0`);
  return rows
    .map(
      (r): WeakIndicator => ({
        no: r.no,
        name: r.name,
        aspect: { no: r.aspectNo, name: r.aspectName },
        domain: { no: r.domainNo, name: r.domainName },
        level: r.level,
        levelName: r.level === null ? null : r.levelName,
        weightPct: r.weightPct,
        pointsLost: indexPointsLost(r.level, r.weightPct, scaleMax),
        owner:
          r.ownerCode === null
            ? null
            : {
                code: r.ownerCode,
                name: r.ownerName ?? r.ownerCode,
                shortName: r.ownerShortName ?? r.ownerCode,
              },
      }),
    )
    .filter((w) => w.pointsLost > 0)
    .sort((a, b) => b.pointsLost - a.pointsLost || levelRank(a.level) - levelRank(b.level) || a.no - b.no)
    .slice(0, limit);
}
