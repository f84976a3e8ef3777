import { useMemo } from 'react';
import { formatIndex } from '../../../../shared/format';
import { type Locale, t } from '../../../../shared/i18n';
import { LazyEChart as EChart } from '../../../charts/LazyEChart';
import { spbeTrendOption } from '../../../charts/spbeTrendOption';
import { Tile } from '../../../components/Tile';
import type { OverviewData } from '../../../trpc';

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
        <div className="figure figure--xl" data-testid="value-spbe-index">
          {formatIndex(latest?.index ?? null, locale)}
        </div>
        <div className="spbe-meta">
          <div className="spbe-predikat" data-testid="value-spbe-predikat">
            {latest?.predikat ?? t('spbe.none', locale)}
          </div>
          {latest ? (
            <div className="muted" data-testid="value-spbe-kind">
              {t(`spbe.kind.${latest.kind}`, locale, { year: String(latest.year) })}
            </div>
          ) : null}
        </div>
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
