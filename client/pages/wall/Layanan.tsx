// "Layanan Publik": service delivery in depth. Per service the median and p90 completion time
// against its standard, % on time and backlog; the 18 kecamatan as a tile map; complaints by
// channel and topic with the first-response share; IKM per unit. One query (services.summary).

import { useMemo } from 'react';
import {
  formatDurationMin,
  formatIndex,
  formatNumber,
  formatPct,
  formatPeriod,
  formatSla,
} from '../../../shared/format';
import { isMessageKey, type Locale, t } from '../../../shared/i18n';
import { barListOption } from '../../charts/barListOption';
import { LazyEChart as EChart } from '../../charts/LazyEChart';
import { SERIES } from '../../charts/palette';
import { StatusValue } from '../../components/Status';
import { type StatusColour, StatusIcon } from '../../components/StatusIcon';
import { Tile } from '../../components/Tile';
import { useLocale } from '../../hooks/useLocale';
import { useNow } from '../../hooks/useNow';
import { useServicesSummary } from '../../hooks/useServicesSummary';
import type { OverviewInput, RouterOutputs } from '../../trpc';
import { WallScreen } from './screen/WallScreen';

type Summary = RouterOutputs['services']['summary'];
type Service = Summary['services'][number];

export const SERVICE_ROWS = 13;
export const TOP_TOPICS = 4;
export const IKM_ROWS = 8;
const SEVERITY: Record<StatusColour, number> = { merah: 0, kuning: 1, hijau: 2, abu: 3 };

/** Worst first: red, then yellow, green, no data; within a colour the lowest % on time. */
export function byWorstService(a: Service, b: Service): number {
  return (
    SEVERITY[a.colour] - SEVERITY[b.colour] ||
    (a.onTimePct ?? 101) - (b.onTimePct ?? 101) ||
    a.serviceName.localeCompare(b.serviceName)
  );
}

/**
 * The on-time bands the server applied to the services (≥ green min hijau, ≥ yellow min kuning),
 * read back from the classified rows; the reference defaults (90 / 75) when a band has no row.
 */
export function onTimeBands(services: readonly Service[]): { greenMin: number; yellowMin: number } {
  const pcts = (...cs: StatusColour[]) =>
    services.filter((s) => cs.includes(s.colour) && s.onTimePct !== null).map((s) => s.onTimePct ?? 0);
  // The default when it agrees with every classified row, else the lowest value that got the colour.
  const agreeing = (fallback: number, above: number[], below: number[]) => {
    const hi = Math.min(...above);
    const lo = Math.max(...below);
    return fallback > lo && fallback <= hi ? fallback : Number.isFinite(hi) ? hi : fallback;
  };
  return {
    greenMin: agreeing(90, pcts('hijau'), pcts('kuning', 'merah')),
    yellowMin: agreeing(75, pcts('kuning'), pcts('merah')),
  };
}

function bandColour(pct: number | null, b: { greenMin: number; yellowMin: number }): StatusColour {
  if (pct === null) return 'abu';
  return pct >= b.greenMin ? 'hijau' : pct >= b.yellowMin ? 'kuning' : 'merah';
}

function ServicesTile({ data, now, locale }: { data: Summary; now: number; locale: Locale }) {
  const sorted = [...data.services].sort(byWorstService);
  const rows = sorted.slice(0, SERVICE_ROWS);
  const hidden = sorted.length - rows.length;
  return (
    <Tile
      name="layanan-services"
      className="tile--l-services"
      title={t('wall.layanan.services', locale)}
      aside={<span className="tile-tag">{formatPeriod(data.period, locale)}</span>}
      freshness={data.freshness.services}
      now={now}
      locale={locale}
    >
      <table className="wall-table l-services">
        <thead>
          <tr>
            <th className="col-name" style={{ width: '30%' }}>
              {t('wall.layanan.service', locale)}
            </th>
            <th style={{ width: '11.5%' }}>{t('wall.layanan.median', locale)}</th>
            <th style={{ width: '11.5%' }}>{t('wall.layanan.p90', locale)}</th>
            <th style={{ width: '19%' }}>{t('wall.layanan.sla', locale)}</th>
            <th style={{ width: '17%' }}>{t('wall.layanan.ontime', locale)}</th>
            <th style={{ width: '11%' }}>{t('wall.layanan.backlog', locale)}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.serviceCode} data-testid={`service-${s.serviceCode}`} data-colour={s.colour}>
              <td className="col-name" title={s.serviceName}>
                <div className="clamp2">{s.serviceName}</div>
              </td>
              <td data-testid={`service-${s.serviceCode}-median`}>
                {formatDurationMin(s.medianMin, locale)}
              </td>
              <td>{formatDurationMin(s.p90Min, locale)}</td>
              <td className="muted col-sla">{formatSla(s.slaAmount, s.slaUnit, locale)}</td>
              <td>
                <StatusValue colour={s.colour} locale={locale} testId={`service-${s.serviceCode}-ontime`}>
                  {formatPct(s.onTimePct, 1, locale)}
                </StatusValue>
              </td>
              <td>{formatNumber(s.backlog, 0, locale)}</td>
            </tr>
          ))}
          {hidden > 0 ? (
            <tr className="more-row">
              <td colSpan={6} data-testid="services-more">
                {t('alerts.more', locale, { n: formatNumber(hidden, 0, locale) })}
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </Tile>
  );
}

function KecamatanTile({
  data,
  now,
  locale,
  regencyWide,
}: {
  data: Summary;
  now: number;
  locale: Locale;
  /** The screen is narrowed to a service group, but this tile covers every service. */
  regencyWide: boolean;
}) {
  const bands = onTimeBands(data.services);
  return (
    <Tile
      name="layanan-kecamatan"
      className="tile--l-kecamatan"
      title={t('wall.layanan.kecamatan', locale)}
      aside={
        <span className="tile-tag">
          {regencyWide ? `${t('wall.layanan.allServices', locale)} · ` : ''}
          {formatPeriod(data.period, locale)}
        </span>
      }
      freshness={data.freshness.services}
      now={now}
      locale={locale}
    >
      <div className="kec-map">
        {data.byKecamatan.map((k) => {
          const colour = bandColour(k.onTimePct, bands);
          return (
            <div
              key={k.code}
              className={`kec-tile tone-${colour}`}
              style={{ gridRow: k.tileRow + 1, gridColumn: k.tileCol + 1 }}
              data-testid={`kecamatan-${k.code}`}
              data-colour={colour}
              title={t(`colour.${colour}`, locale)}
            >
              <span className="kec-name">{k.name}</span>
              <span className="kec-value">
                <StatusIcon colour={colour} size={22} />
                <span data-testid={`kecamatan-${k.code}-value`}>{formatPct(k.onTimePct, 1, locale)}</span>
              </span>
            </div>
          );
        })}
      </div>
    </Tile>
  );
}

function ComplaintsTile({ data, now, locale }: { data: Summary; now: number; locale: Locale }) {
  const total = data.complaints.total[0];
  const option = useMemo(
    () =>
      barListOption(
        data.complaints.channel.map((c) => ({
          key: c.key,
          label: c.label,
          value: c.received,
          colour: SERIES.keuangan,
          valueText: formatNumber(c.received, 0, locale),
        })),
        { labelWidth: 270, valueRoom: 70, valueName: t('complaints.received', locale) },
      ),
    [data.complaints.channel, locale],
  );
  const topics = [...data.complaints.topic].sort((a, b) => b.received - a.received).slice(0, TOP_TOPICS);
  return (
    <Tile
      name="layanan-complaints"
      className="tile--l-complaints"
      title={t('wall.layanan.complaints', locale)}
      aside={
        <span className="tile-tag">
          {t('wall.layanan.received', locale, { n: formatNumber(total?.received ?? 0, 0, locale) })}
        </span>
      }
      freshness={data.freshness.complaints}
      now={now}
      locale={locale}
    >
      <div className="l-first">
        <span className="figure" data-testid="value-complaints-24h">
          {formatPct(total?.firstResponseWithinTargetPct ?? null, 1, locale)}
        </span>
        <span className="kpi-label">
          {t('complaints.firstResponse', locale, {
            hours: formatNumber(data.responseTargetHours, 0, locale),
          })}
        </span>
      </div>
      <div className="section-label">{t('wall.layanan.byChannel', locale)}</div>
      <EChart
        option={option}
        testId="chart-layanan-channels"
        className="chart-fill"
        label={t('wall.layanan.byChannel', locale)}
      />
      <div className="section-label">{t('wall.layanan.topTopics', locale)}</div>
      <ol className="l-topics" data-testid="complaint-topics">
        {topics.map((tp) => (
          <li key={tp.key}>
            <span>{tp.label}</span>
            <span>{formatNumber(tp.received, 0, locale)}</span>
          </li>
        ))}
      </ol>
    </Tile>
  );
}

function IkmTile({ data, now, locale }: { data: Summary; now: number; locale: Locale }) {
  const period = data.ikm.reduce<string | null>((p, s) => (p === null || s.period > p ? s.period : p), null);
  const units = data.ikm.filter((s) => s.period === period).sort((a, b) => (a.ikm ?? 0) - (b.ikm ?? 0));
  const shown = units.slice(0, IKM_ROWS);
  return (
    <Tile
      name="layanan-ikm"
      className="tile--l-ikm"
      title={t('wall.layanan.ikm', locale)}
      aside={<span className="tile-tag">{formatPeriod(period, locale)}</span>}
      freshness={data.freshness.ikm}
      now={now}
      locale={locale}
    >
      {shown.length === 0 ? (
        <div className="empty-note">{t('wall.layanan.none', locale)}</div>
      ) : (
        <ol className="l-ikm">
          {shown.map((u) => (
            <li key={u.unitCode} data-testid={`ikm-${u.unitCode}`}>
              <span>{u.unitName}</span>
              <span>
                <span data-testid={`ikm-${u.unitCode}-value`}>{formatIndex(u.ikm, locale)}</span>
                <span className="grade" title={u.gradeLabel ?? undefined}>
                  {u.grade ?? '—'}
                </span>
              </span>
            </li>
          ))}
        </ol>
      )}
      {units.length > shown.length ? (
        <span className="more-note" data-testid="ikm-more">
          {t('alerts.more', locale, { n: formatNumber(units.length - shown.length, 0, locale) })}
        </span>
      ) : null}
    </Tile>
  );
}

/**
 * The summary narrowed to one service group: its services, and the IKM of the units that deliver
 * them (all units when none of them was surveyed). Kecamatan and complaints are not kept per
 * group: those tiles stay regency-wide and say so.
 */
export function narrowToGroup(data: Summary, group: string | undefined): Summary {
  if (!group) return data;
  const services = data.services.filter((s) => s.group === group);
  const opds = new Set(services.map((s) => s.opdCode));
  const ikm = data.ikm.filter((u) => opds.has(u.unitCode));
  return { ...data, services, ikm: ikm.length > 0 ? ikm : data.ikm };
}

function Body({ data, group }: { data: Summary; group?: string }) {
  const { locale } = useLocale();
  const now = useNow();
  const narrowed = narrowToGroup(data, group);
  return (
    <>
      <ServicesTile data={narrowed} now={now} locale={locale} />
      <KecamatanTile data={data} now={now} locale={locale} regencyWide={group !== undefined} />
      <div className="l-bottom">
        <ComplaintsTile data={data} now={now} locale={locale} />
        <IkmTile data={narrowed} now={now} locale={locale} />
      </div>
    </>
  );
}

/** "Administrasi kependudukan" for a known group code; the code itself for one added later. */
export function groupLabel(group: string, locale: Locale): string {
  const key = `serviceGroup.${group}`;
  return isMessageKey(key) ? t(key, locale) : group;
}

export default function LayananPage({
  input,
  serviceGroup,
}: {
  input?: OverviewInput;
  serviceGroup?: string;
}) {
  const { locale } = useLocale();
  const query = useServicesSummary(input);
  const title = t('wall.layanan.title', locale);
  return (
    <WallScreen
      name="layanan"
      title={serviceGroup ? `${title} · ${groupLabel(serviceGroup, locale)}` : title}
      query={query}
      meta={(d) => ({ year: d.year, asOf: d.asOf, demo: d.freshness.services.demo })}
      skeleton={['tile--l-services', 'tile--l-kecamatan', 'l-bottom']}
    >
      {(data) => <Body data={data} group={serviceGroup} />}
    </WallScreen>
  );
}
