import { useMemo } from 'react';
import { type Locale, t } from '../../../../shared/i18n';
import { LazyEChart as EChart } from '../../../charts/LazyEChart';
import { spbeTrendOption } from '../../../charts/spbeTrendOption';
import { Tile } from '../../../components/Tile';
import type { OverviewData } from '../../../trpc';
import { SpbeHeadline } from '../SpbeHeadline';

export function SpbeTile({ spbe, now, locale }: { spbe: OverviewData['spbe']; now: number; locale: Locale }) {
  const { latest } = spbe;
  const option = useMemo(() => spbeTrendOption(spbe.trend, locale), [spbe.trend, locale]);
  return (
    <Tile
      name="spbe"
      className="tile--spbe"
      title={t('spbe.title', locale)}
      aside={latest ? <span className="tile-tag">{latest.frameworkCode}</span> : null}
      freshness={spbe.freshness}
      now={now}
      locale={locale}
    >
      <div className="spbe-head">
        <SpbeHeadline latest={latest} locale={locale} />
      </div>
      <EChart
        option={option}
        testId="chart-spbe-trend"
        className="chart-spbe-trend"
        label={t('spbe.title', locale)}
      />
    </Tile>
  );
}
