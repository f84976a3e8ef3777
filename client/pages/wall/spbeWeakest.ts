// Words of the "Indikator terlemah" tile on the SPBE wall, kept apart from the component so they
// can be tested without a browser. Numbers go through shared/format.ts.
import { formatNumber } from '../../../shared/format';
import { type Locale, t } from '../../../shared/i18n';
import type { RouterOutputs } from '../../trpc';

export type WeakIndicator = RouterOutputs['spbe']['results']['weakest'][number];

/**
 * Every SPBE 2020 indicator is named "Tingkat Kematangan …" (maturity of …); the tile's title and
 * level already say so, so the wall shows the rest. Names without that prefix stay as they are.
 */
export function wallIndicatorName(name: string): string {
  return name.replace(/^Tingkat Kematangan\s+/, '');
}

/** "Level 2 · Terkelola"; "Level 0" (the framework names no level 0); "Belum dinilai" without a value. */
export function weakLevelText(w: Pick<WeakIndicator, 'level' | 'levelName'>, locale: Locale): string {
  if (w.level === null) return t('wall.spbe.unscored', locale);
  const level = t('wall.spbe.level', locale, { level: formatNumber(w.level, 0, locale) });
  return w.levelName ? `${level} · ${w.levelName}` : level;
}

/** The OPD that answers for the indicator, by the short name the regency uses on its walls. */
export function weakOwnerText(w: Pick<WeakIndicator, 'owner'>, locale: Locale): string {
  return w.owner?.shortName ?? t('wall.spbe.noOwner', locale);
}
