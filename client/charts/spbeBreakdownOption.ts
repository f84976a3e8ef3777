import { formatIndex } from '../../shared/format';
import type { Locale } from '../../shared/i18n';
import type { RouterOutputs } from '../trpc';
import { type BarItem, barListOption } from './barListOption';
import { SERIES } from './palette';

export type SpbeResult = RouterOutputs['spbe']['results']['results'][number];
export type SpbeTrendRow = {
  year: number;
  frameworkCode: string;
  self: number | null;
  verified: number | null;
};

/** One point per year for spbeTrendOption: that year's self-assessment and verified index. */
export function spbeTrendRows(results: readonly SpbeResult[]): SpbeTrendRow[] {
  const byYear = new Map<number, SpbeTrendRow>();
  for (const r of results) {
    const row = byYear.get(r.year) ?? {
      year: r.year,
      frameworkCode: r.frameworkCode,
      self: null,
      verified: null,
    };
    if (r.kind === 'verified') {
      row.verified = r.index;
      row.frameworkCode = r.frameworkCode;
    } else row.self = r.index;
    byYear.set(r.year, row);
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** The newest result: the latest year, its verified result before its self-assessment. */
export function latestSpbe(results: readonly SpbeResult[]): SpbeResult | null {
  let best: SpbeResult | null = null;
  for (const r of results) {
    if (
      !best ||
      r.year > best.year ||
      (r.year === best.year && r.kind === 'verified' && best.kind !== 'verified')
    )
      best = r;
  }
  return best;
}

/** Domain or aspect indices as bars on the framework's scale, numbered as in the framework. */
export function spbeBreakdownOption(
  parts: readonly { no: number; name: string; index: number | null }[],
  scaleMax: number,
  locale: Locale = 'id',
  labelWidth = 420,
) {
  const items: BarItem[] = parts.map((p) => ({
    key: String(p.no),
    label: `${p.no}. ${p.name}`,
    value: p.index,
    colour: SERIES.verified,
    valueText: formatIndex(p.index, locale),
  }));
  return barListOption(items, { max: scaleMax, labelWidth, valueName: 'index', valueRoom: 80 });
}
