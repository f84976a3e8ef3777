// "Serapan Anggaran": the budget in depth. The S-curve (keuangan and fisik against target), the OPDs
// furthest behind their target, and absorption by spending group and funding source, DAK Fisik
// singled out. One query (budget.absorption) feeds every tile.

import { useMemo } from 'react';
import { formatNumber, formatPct, formatPoin, formatRupiahShort } from '../../../shared/format';
import { type Locale, t } from '../../../shared/i18n';
import { type BarItem, barListOption } from '../../charts/barListOption';
import { LazyEChart as EChart } from '../../charts/LazyEChart';
import { sCurveOption } from '../../charts/sCurveOption';
import { StatusValue } from '../../components/Status';
import { StatusIcon } from '../../components/StatusIcon';
import { Tile } from '../../components/Tile';
import { useBudgetAbsorption } from '../../hooks/useBudgetAbsorption';
import { useLocale } from '../../hooks/useLocale';
import { useNow } from '../../hooks/useNow';
import type { OverviewInput, RouterOutputs } from '../../trpc';
import { WallScreen } from './screen/WallScreen';

type Absorption = RouterOutputs['budget']['absorption'];
type Slice = Absorption['byGroup'][number];

/** Rows of the league table that fit the wall; the heading says how many OPDs there are. */
export const LEAGUE_ROWS = 12;
export const DAK_FISIK = 'DAK_FISIK';

/** Serapan against target per slice, with the deviation in the text so colour is never alone. */
export function sliceBars(slices: readonly Slice[], locale: Locale, highlightKey?: string): BarItem[] {
  return slices.map((s) => ({
    key: s.key,
    label: s.label,
    value: s.serapanPct,
    target: s.targetKeuPct,
    colour: s.colour,
    valueText: `${formatPct(s.serapanPct, 1, locale)}  ${formatPoin(s.deviasiKeuPoin, 1, locale)}`,
    highlight: s.key === highlightKey,
  }));
}

function SCurveTile({ data, now, locale }: { data: Absorption; now: number; locale: Locale }) {
  // Narrowed to one OPD, the curve and the figures beside it are that OPD's own.
  const sCurve = data.focus?.sCurve ?? data.sCurve;
  const option = useMemo(
    () => sCurveOption(sCurve, locale, data.asOfMonth),
    [sCurve, data.asOfMonth, locale],
  );
  const total = data.focus ?? data.total;
  return (
    <Tile
      name="anggaran-scurve"
      className="tile--a-scurve"
      title={
        data.focus
          ? t('wall.anggaran.scurveOf', locale, { name: data.focus.label })
          : t('wall.anggaran.scurve', locale)
      }
      aside={<span className="tile-tag">{t(`budget.stage.${data.stage}`, locale)}</span>}
      freshness={data.freshness}
      now={now}
      locale={locale}
    >
      <div className="a-scurve-layout">
        <dl className="kv a-total">
          <dt>{t('budget.serapan', locale)}</dt>
          <dd data-testid="value-anggaran-serapan">{formatPct(total.serapanPct, 2, locale)}</dd>
          <dt>{t('budget.target', locale)}</dt>
          <dd data-testid="value-anggaran-target">{formatPct(total.targetKeuPct, 2, locale)}</dd>
          <dt>{t('budget.deviasi', locale)}</dt>
          <dd>
            <StatusValue colour={total.colour} locale={locale} testId="value-anggaran-deviasi">
              {formatPoin(total.deviasiKeuPoin, 2, locale)}
            </StatusValue>
          </dd>
          <dt>{t('budget.fisikLabel', locale)}</dt>
          <dd data-testid="value-anggaran-fisik">{formatPct(total.fisikPct, 2, locale)}</dd>
          <dt>{t('budget.pagu', locale)}</dt>
          <dd data-testid="value-anggaran-pagu">{formatRupiahShort(total.paguRp, locale)}</dd>
        </dl>
        <EChart
          option={option}
          testId="chart-anggaran-scurve"
          className="chart-fill"
          label={t('wall.anggaran.scurve', locale)}
        />
      </div>
    </Tile>
  );
}

/**
 * The league's rows: the worst LEAGUE_ROWS, and when the screen is narrowed to an OPD further
 * down, that OPD in the last row instead, so it is always on screen.
 */
export function leagueRows<T extends { key: string }>(byOpd: readonly T[], focusKey?: string): T[] {
  const rows = byOpd.slice(0, LEAGUE_ROWS);
  if (!focusKey || rows.some((r) => r.key === focusKey)) return rows;
  const focus = byOpd.find((r) => r.key === focusKey);
  return focus ? [...rows.slice(0, LEAGUE_ROWS - 1), focus] : rows;
}

function LeagueTile({ data, now, locale }: { data: Absorption; now: number; locale: Locale }) {
  const rows = leagueRows(data.byOpd, data.focus?.key);
  const late = new Set(data.freshness.overdue?.opds.map((o) => o.code) ?? []);
  const red = data.byOpd.filter((o) => o.colour === 'merah').length;
  return (
    <Tile
      name="anggaran-opd"
      className="tile--a-league"
      title={t('wall.anggaran.league', locale)}
      aside={
        <span className="a-redzone tone-merah" data-testid="value-anggaran-redzone">
          <StatusIcon colour="merah" size={26} />
          {t('wall.anggaran.redZoneCount', locale, { n: formatNumber(red, 0, locale) })}
        </span>
      }
      freshness={data.freshness}
      now={now}
      locale={locale}
    >
      <table className="wall-table a-league">
        <thead>
          <tr>
            <th className="col-name">
              {t('wall.anggaran.opd', locale)}{' '}
              <span className="muted th-note">
                {t('wall.anggaran.ofOpd', locale, {
                  shown: formatNumber(rows.length, 0, locale),
                  total: formatNumber(data.byOpd.length, 0, locale),
                })}
              </span>
            </th>
            <th>{t('wall.anggaran.serapan', locale)}</th>
            <th>{t('wall.anggaran.target', locale)}</th>
            <th>{t('wall.anggaran.deviasi', locale)}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((o) => (
            <tr
              key={o.key}
              data-testid={`opd-${o.key}`}
              data-colour={o.colour}
              className={o.key === data.focus?.key ? 'is-focus' : undefined}
            >
              <td className="col-name">
                <div className="name-cell">
                  <span className="name-text">{o.label}</span>
                  {late.has(o.key) ? (
                    <span className="late-tag" data-testid={`opd-${o.key}-late`}>
                      {t('wall.anggaran.late', locale)}
                    </span>
                  ) : null}
                </div>
              </td>
              <td data-testid={`opd-${o.key}-serapan`}>{formatPct(o.serapanPct, 1, locale)}</td>
              <td className="muted">{formatPct(o.targetKeuPct, 1, locale)}</td>
              <td>
                <StatusValue colour={o.colour} locale={locale} testId={`opd-${o.key}-deviasi`}>
                  {formatPoin(o.deviasiKeuPoin, 1, locale)}
                </StatusValue>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Tile>
  );
}

function BarsTile({
  name,
  title,
  slices,
  highlightKey,
  data,
  now,
  locale,
  children,
}: {
  name: string;
  title: string;
  slices: readonly Slice[];
  highlightKey?: string;
  data: Absorption;
  now: number;
  locale: Locale;
  children?: React.ReactNode;
}) {
  const option = useMemo(
    () =>
      barListOption(sliceBars(slices, locale, highlightKey), {
        max: 100,
        labelWidth: 180,
        valueRoom: 190,
        valueName: t('wall.chart.serapan', locale),
        targetName: t('wall.chart.target', locale),
      }),
    [slices, locale, highlightKey],
  );
  return (
    <Tile
      name={name}
      className={`tile--${name}`}
      title={title}
      aside={
        <span className="tile-tag legend-note">
          <span className="swatch swatch--solid" /> {t('wall.chart.serapan', locale)}{' '}
          <span className="swatch swatch--dashed" /> {t('wall.chart.target', locale)}
        </span>
      }
      // The missed-deadline note sits once on the screen, on the curve and the league.
      freshness={{ ...data.freshness, overdue: null }}
      now={now}
      locale={locale}
    >
      {children}
      <EChart option={option} testId={`chart-${name}`} className="chart-fill" label={title} />
    </Tile>
  );
}

function Body({ data }: { data: Absorption }) {
  const { locale } = useLocale();
  const now = useNow();
  const dak = data.bySource.find((s) => s.key === DAK_FISIK);
  return (
    <>
      <SCurveTile data={data} now={now} locale={locale} />
      <div className="a-mix">
        <BarsTile
          name="anggaran-groups"
          title={t('wall.anggaran.groups', locale)}
          slices={data.byGroup}
          data={data}
          now={now}
          locale={locale}
        />
        <BarsTile
          name="anggaran-sources"
          title={t('wall.anggaran.sources', locale)}
          slices={data.bySource}
          highlightKey={DAK_FISIK}
          data={data}
          now={now}
          locale={locale}
        >
          {dak ? (
            <div className="a-dak" data-testid="dak-fisik">
              <span className="a-dak-name">{t('wall.anggaran.dakFisik', locale)}</span>
              <span className="a-dak-value" data-testid="value-dak-serapan">
                {formatPct(dak.serapanPct, 1, locale)}
              </span>
              <StatusValue colour={dak.colour} locale={locale} testId="value-dak-deviasi">
                {formatPoin(dak.deviasiKeuPoin, 1, locale)}
              </StatusValue>
              <span className="muted">
                {t('wall.anggaran.fisik', locale, { value: formatPct(dak.fisikPct, 1, locale) })}
              </span>
            </div>
          ) : null}
        </BarsTile>
      </div>
      <LeagueTile data={data} now={now} locale={locale} />
    </>
  );
}

export default function AnggaranPage({ input, opdCode }: { input?: OverviewInput; opdCode?: string }) {
  const { locale } = useLocale();
  const query = useBudgetAbsorption(input, opdCode);
  const focus = query.data?.focus;
  return (
    <WallScreen
      name="anggaran"
      title={
        focus ? `${t('wall.anggaran.title', locale)} · ${focus.label}` : t('wall.anggaran.title', locale)
      }
      query={query}
      meta={(d) => ({ year: d.year, asOf: d.asOf, demo: d.freshness.demo })}
      skeleton={['tile--a-scurve', 'a-mix', 'tile--a-league']}
    >
      {(data) => <Body data={data} />}
    </WallScreen>
  );
}
