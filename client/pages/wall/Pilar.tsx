// One masterplan pillar on the wall (/wall/pilar/<CODE>): its weighted progress against plan, every
// programme's progress against its plan, and the programmes behind plan by name and OPD.
// One query (masterplan.programmes).

import { useMemo } from 'react';
import { formatNumber, formatPct, formatPoin } from '../../../shared/format';
import { type Locale, t } from '../../../shared/i18n';
import { barListOption } from '../../charts/barListOption';
import { LazyEChart as EChart } from '../../charts/LazyEChart';
import { StatusValue } from '../../components/Status';
import { Tile } from '../../components/Tile';
import { useLocale } from '../../hooks/useLocale';
import { useNow } from '../../hooks/useNow';
import { useProgrammes } from '../../hooks/useProgrammes';
import type { OverviewInput, RouterOutputs } from '../../trpc';
import { WallScreen } from './screen/WallScreen';

type Data = RouterOutputs['masterplan']['programmes'];
type Pillar = Data['pillars']['items'][number];

/** Rows of the behind-plan list that fit the wall; the rest is counted, never hidden silently. */
export const BEHIND_ROWS = 8;

function ProgressTile({
  data,
  pillar,
  now,
  locale,
}: {
  data: Data;
  pillar: Pillar;
  now: number;
  locale: Locale;
}) {
  const programmes = data.programmes
    .filter((p) => p.pillarCode === pillar.code)
    .sort((a, b) => (a.deviationPoin ?? 0) - (b.deviationPoin ?? 0));
  const option = useMemo(
    () =>
      barListOption(
        programmes.map((p) => ({
          key: p.code,
          label: p.name,
          value: p.physicalPct,
          target: p.plannedPct,
          colour: p.colour,
          valueText: `${formatPct(p.physicalPct, 1, locale)}  ${formatPoin(p.deviationPoin, 1, locale)}`,
        })),
        {
          max: 100,
          labelWidth: 430,
          valueRoom: 240,
          valueName: t('wall.pilar.progress', locale),
          targetName: t('wall.pilar.plan', locale),
        },
      ),
    [programmes, locale],
  );
  return (
    <Tile
      name="pilar-programmes"
      className="tile--p-programmes"
      title={t('wall.pilar.programmes', locale)}
      aside={
        <span className="tile-tag legend-note">
          <span className="swatch swatch--solid" /> {t('wall.pilar.progress', locale)}{' '}
          <span className="swatch swatch--dashed" /> {t('wall.pilar.plan', locale)}
        </span>
      }
      freshness={data.pillars.freshness}
      now={now}
      locale={locale}
    >
      <div className="p-summary">
        <span className="figure figure--md" data-testid={`value-pilar-${pillar.code}-progress`}>
          {formatPct(pillar.weightedProgressPct, 1, locale)}
        </span>
        <span className="muted">
          {t('pillar.plan', locale, { value: formatPct(pillar.weightedPlanPct, 1, locale) })}
        </span>
        <StatusValue
          colour={pillar.colour}
          locale={locale}
          className="status--md"
          testId={`value-pilar-${pillar.code}-deviasi`}
        >
          {formatPoin(pillar.deviationPoin, 1, locale)}
        </StatusValue>
      </div>
      <EChart
        option={option}
        testId="chart-pilar-programmes"
        className="chart-fill"
        label={t('wall.pilar.programmes', locale)}
      />
    </Tile>
  );
}

function BehindTile({
  data,
  pillar,
  now,
  locale,
}: {
  data: Data;
  pillar: Pillar;
  now: number;
  locale: Locale;
}) {
  const rows = pillar.behindPlan.slice(0, BEHIND_ROWS);
  const hidden = pillar.behindPlan.length - rows.length;
  return (
    <Tile
      name="pilar-behind"
      className="tile--p-behind"
      title={t('wall.pilar.behind', locale)}
      aside={
        <span className="tile-tag">
          {t('pillar.behind', locale, { n: formatNumber(pillar.behindPlanCount, 0, locale) })}
        </span>
      }
      freshness={data.pillars.freshness}
      now={now}
      locale={locale}
    >
      {rows.length === 0 ? (
        <div className="empty-note">{t('wall.pilar.behindNone', locale)}</div>
      ) : (
        <ol className="p-behind">
          {rows.map((p) => (
            <li key={p.code} data-testid={`behind-${p.code}`} data-colour={p.colour}>
              <div className="p-behind-name">{p.name}</div>
              <div className="p-behind-meta">
                <span className="muted">{p.opdName}</span>
                <StatusValue colour={p.colour} locale={locale} testId={`behind-${p.code}-deviasi`}>
                  {formatPoin(p.deviationPoin, 1, locale)}
                </StatusValue>
              </div>
            </li>
          ))}
        </ol>
      )}
      {hidden > 0 ? (
        <span className="more-note" data-testid="behind-more">
          {t('alerts.more', locale, { n: formatNumber(hidden, 0, locale) })}
        </span>
      ) : null}
    </Tile>
  );
}

function Body({ data, code }: { data: Data; code: string }) {
  const { locale } = useLocale();
  const now = useNow();
  const pillar = data.pillars.items.find((p) => p.code === code);
  if (!pillar) {
    return (
      <div className="wall-message" role="alert" data-testid="pilar-unknown">
        <div className="wall-message-title">{t('wall.pilar.unknown', locale, { code })}</div>
      </div>
    );
  }
  return (
    <>
      <ProgressTile data={data} pillar={pillar} now={now} locale={locale} />
      <BehindTile data={data} pillar={pillar} now={now} locale={locale} />
    </>
  );
}

export default function PilarPage({ input, code }: { input?: OverviewInput; code: string }) {
  const query = useProgrammes(input);
  const name = query.data?.pillars.items.find((p) => p.code === code)?.name ?? code;
  return (
    <WallScreen
      name="pilar"
      title={name}
      query={query}
      meta={(d) => ({ year: d.year, asOf: d.asOf, demo: d.pillars.freshness.demo })}
      skeleton={['tile--p-programmes', 'tile--p-behind']}
    >
      {(data) => <Body data={data} code={code} />}
    </WallScreen>
  );
}
