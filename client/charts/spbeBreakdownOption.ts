import { formatIndex } from '../../shared/format';
import type { Locale } from '../../shared/i18n';
import type { RouterOutputs } from '../trpc';
import { type BarItem, barListOption } from './barListOption';
import { SERIES } from './palette';

export type SpbeResult = RouterOutputs['spbe']['results']['results'][number];

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
