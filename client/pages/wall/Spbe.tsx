// "Indeks SPBE": the e-government index in depth. Index by year (self-assessment against verified),
// the latest result's domains and aspects, the framework's predikat bands as the legend, and the
// indicators costing the latest result the most index points with the OPD that owns each.
// One query (spbe.results).

import { useMemo } from 'react';
import { formatIndexLoss, formatNumber } from '../../../shared/format';
import { type Locale, t } from '../../../shared/i18n';
import { LazyEChart as EChart } from '../../charts/LazyEChart';
import { spbeBreakdownOption } from '../../charts/spbeBreakdownOption';
import { spbeTrendOption } from '../../charts/spbeTrendOption';
import { Tile } from '../../components/Tile';
import { useLocale } from '../../hooks/useLocale';
import { useNow } from '../../hooks/useNow';
import { useSpbeResults } from '../../hooks/useSpbeResults';
import type { OverviewInput, RouterOutputs } from '../../trpc';
import { SpbeHeadline } from './SpbeHeadline';
import { WallScreen } from './screen/WallScreen';
import { wallIndicatorName, weakLevelText, weakOwnerText } from './spbeWeakest';

type Results = RouterOutputs['spbe']['results'];
type Result = Results['results'][number];

function TrendTile({
  data,
  latest,
  now,
  locale,
}: {
  data: Results;
  latest: Result | null;
  now: number;
  locale: Locale;
}) {
  const framework = data.frameworks.find((f) => f.code === latest?.frameworkCode) ?? data.frameworks[0];
  const scaleMax = framework?.scaleMax ?? 5;
  const option = useMemo(() => spbeTrendOption(data.trend, locale, scaleMax), [data.trend, locale, scaleMax]);
  const bands = [...(framework?.bands ?? [])].sort((a, b) => a.min - b.min);
  return (
    <Tile
      name="spbe-trend"
      className="tile--s-trend"
      title={t('wall.spbe.trend', locale)}
      aside={framework ? <span className="tile-tag">{framework.name}</span> : null}
      freshness={data.freshness}
      now={now}
      locale={locale}
    >
      <div className="s-head">
        <SpbeHeadline latest={latest} locale={locale} />
      </div>
      <EChart
        option={option}
        testId="chart-spbe-years"
        className="chart-fill"
        label={t('wall.spbe.trend', locale)}
      />
      <div className="section-label">{t('wall.spbe.bands', locale)}</div>
      <ol className="s-bands" data-testid="spbe-bands">
        {bands.map((b) => {
          const current = b.label === latest?.predikat;
          return (
            <li key={b.label} className={current ? 'is-current' : undefined} data-current={current}>
              <span className="s-band-label">
                {current ? '▶ ' : ''}
                {b.label}
              </span>
              <span className="s-band-range">
                {b.maxExclusive === null
                  ? `≥ ${formatNumber(b.min, 1, locale)}`
                  : `${formatNumber(b.min, 1, locale)} – < ${formatNumber(b.maxExclusive, 1, locale)}`}
              </span>
            </li>
          );
        })}
      </ol>
    </Tile>
  );
}

function PartsTile({
  name,
  title,
  parts,
  latest,
  scaleMax,
  labelWidth,
  data,
  now,
  locale,
}: {
  name: 'domains' | 'aspects';
  title: string;
  parts: Result['domains'];
  latest: Result | null;
  scaleMax: number;
  /** Room for "7. Layanan Administrasi Pemerintahan Berbasis Elektronik" in the aspects, less for domains. */
  labelWidth: number;
  data: Results;
  now: number;
  locale: Locale;
}) {
  const option = useMemo(
    () => spbeBreakdownOption(parts, scaleMax, locale, labelWidth),
    [parts, scaleMax, locale, labelWidth],
  );
  return (
    <Tile
      name={`spbe-${name}`}
      className={`tile--s-${name}`}
      title={title}
      aside={
        latest ? (
          <span className="tile-tag">
            {t(`spbe.kind.${latest.kind}`, locale, { year: String(latest.year) })}
          </span>
        ) : null
      }
      freshness={data.freshness}
      now={now}
      locale={locale}
    >
      <EChart option={option} testId={`chart-spbe-${name}`} className="chart-fill" label={title} />
    </Tile>
  );
}

function WeakestTile({
  data,
  latest,
  now,
  locale,
}: {
  data: Results;
  latest: Result | null;
  now: number;
  locale: Locale;
}) {
  const empty = latest ? t('wall.spbe.weakestNone', locale) : t('spbe.none', locale);
  return (
    <Tile
      name="spbe-weakest"
      className="tile--s-weakest"
      title={t('wall.spbe.weakest', locale)}
      aside={
        latest ? (
          <span className="tile-tag">
            {t(`spbe.kind.${latest.kind}`, locale, { year: String(latest.year) })}
          </span>
        ) : null
      }
      freshness={data.freshness}
      now={now}
      locale={locale}
    >
      {data.weakest.length === 0 ? (
        <p className="s-weakest-empty" data-testid="spbe-weakest-empty">
          {empty}
        </p>
      ) : (
        <ol className="s-weakest" data-testid="spbe-weakest">
          {data.weakest.map((w) => (
            <li key={w.no} data-testid={`weakest-${w.no}`} data-scored={w.level !== null}>
              <span className="s-weak-no" data-testid={`weakest-${w.no}-no`}>
                {formatNumber(w.no, 0, locale)}
              </span>
              <span className="s-weak-name" data-testid={`weakest-${w.no}-name`} title={w.name}>
                {wallIndicatorName(w.name)}
              </span>
              <span className="s-weak-lost" data-testid={`weakest-${w.no}-lost`}>
                {formatIndexLoss(w.pointsLost, locale)}
              </span>
              <span className="s-weak-meta">
                <span className="s-weak-level" data-testid={`weakest-${w.no}-level`}>
                  {weakLevelText(w, locale)}
                </span>
                <span className="s-weak-owner" title={w.owner?.name}>
                  {w.owner ? <span className="muted">{t('wall.spbe.owner', locale)} </span> : null}
                  <span data-testid={`weakest-${w.no}-owner`}>{weakOwnerText(w, locale)}</span>
                </span>
              </span>
            </li>
          ))}
        </ol>
      )}
    </Tile>
  );
}

function Body({ data }: { data: Results }) {
  const { locale } = useLocale();
  const now = useNow();
  const { latest } = data;
  const scaleMax = data.frameworks.find((f) => f.code === latest?.frameworkCode)?.scaleMax ?? 5;
  return (
    <>
      <TrendTile data={data} latest={latest} now={now} locale={locale} />
      <PartsTile
        name="domains"
        title={t('wall.spbe.domains', locale)}
        parts={latest?.domains ?? []}
        latest={latest}
        scaleMax={scaleMax}
        labelWidth={340}
        data={data}
        now={now}
        locale={locale}
      />
      <PartsTile
        name="aspects"
        title={t('wall.spbe.aspects', locale)}
        parts={latest?.aspects ?? []}
        latest={latest}
        scaleMax={scaleMax}
        labelWidth={600}
        data={data}
        now={now}
        locale={locale}
      />
      <WeakestTile data={data} latest={latest} now={now} locale={locale} />
    </>
  );
}

export default function SpbePage({ input }: { input?: OverviewInput }) {
  const { locale } = useLocale();
  const query = useSpbeResults(input);
  return (
    <WallScreen
      name="spbe"
      title={t('wall.spbe.title', locale)}
      query={query}
      meta={(d) => ({ year: d.year, demo: d.freshness.demo })}
      skeleton={['tile--s-trend', 'tile--s-domains', 'tile--s-aspects', 'tile--s-weakest']}
    >
      {(data) => <Body data={data} />}
    </WallScreen>
  );
}
