import { formatNumber, formatPct, formatPoin } from '../../../../shared/format';
import { type Locale, t } from '../../../../shared/i18n';
import { StatusValue } from '../../../components/Status';
import { Tile } from '../../../components/Tile';
import type { OverviewData } from '../../../trpc';

type Pillar = OverviewData['pillars']['items'][number];

/** One pillar; its freshness line is shared by the whole row (see PillarRow). */
export function PillarTile({ pillar, now, locale }: { pillar: Pillar; now: number; locale: Locale }) {
  const code = pillar.code;
  const running = pillar.byStatus.berjalan + pillar.byStatus.selesai;
  return (
    <Tile
      name={`pillar-${code}`}
      className={`tile--pillar edge-${pillar.colour}`}
      title={pillar.name}
      now={now}
      locale={locale}
    >
      <div className="pillar-progress">
        <span className="figure figure--pillar" data-testid={`value-pillar-${code}-progress`}>
          {formatPct(pillar.weightedProgressPct, 1, locale)}
        </span>
      </div>
      {/* Plan and deviation share a line so the pillar row stays short above the main tiles. */}
      <div className="pillar-plan">
        <span data-testid={`value-pillar-${code}-plan`}>
          {t('pillar.plan', locale, { value: formatPct(pillar.weightedPlanPct, 1, locale) })}
        </span>
        <StatusValue
          colour={pillar.colour}
          locale={locale}
          testId={`value-pillar-${code}-deviasi`}
          className="status--md"
        >
          {formatPoin(pillar.deviationPoin, 1, locale)}
        </StatusValue>
      </div>
      <div className="pillar-counts">
        {pillar.programmes > 0 ? (
          <>
            <span data-testid={`value-pillar-${code}-running`}>
              {t('pillar.running', locale, {
                n: formatNumber(running, 0, locale),
                total: formatNumber(pillar.programmes, 0, locale),
              })}
            </span>
            <span
              className={pillar.behindPlanCount > 0 ? 'pillar-behind is-behind' : 'pillar-behind'}
              data-testid={`value-pillar-${code}-behind`}
            >
              {t('pillar.behind', locale, { n: formatNumber(pillar.behindPlanCount, 0, locale) })}
            </span>
          </>
        ) : (
          <span>{t('pillar.noProgrammes', locale)}</span>
        )}
      </div>
    </Tile>
  );
}
