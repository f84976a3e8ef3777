import { formatNumber, formatPct, formatPoin } from '../../../../shared/format';
import { type Locale, t } from '../../../../shared/i18n';
import { StatusIcon } from '../../../components/StatusIcon';
import { Tile, type TileFreshness } from '../../../components/Tile';
import type { OverviewData } from '../../../trpc';

/** How many items fit the wall row; the rest is counted in the heading, never hidden silently. */
export const MAX_ALERTS = 6;
export const MAX_RED_ZONE = 3;

type Alert = OverviewData['alerts'][number];

function alertValue(alert: Alert, locale: Locale): string {
  return alert.unit === 'poin' ? formatPoin(alert.value, 1, locale) : formatPct(alert.value, 1, locale);
}

function More({ hidden, locale, testId }: { hidden: number; locale: Locale; testId: string }) {
  if (hidden <= 0) return null;
  return (
    <span className="more-note" data-testid={testId}>
      {t('alerts.more', locale, { n: formatNumber(hidden, 0, locale) })}
    </span>
  );
}

interface Props {
  alerts: OverviewData['alerts'];
  redZone: OverviewData['budget']['redZone'];
  freshness: TileFreshness;
  now: number;
  locale: Locale;
}

export function AlertsTile({ alerts, redZone, freshness, now, locale }: Props) {
  const shownAlerts = alerts.slice(0, MAX_ALERTS);
  const shownRed = redZone.slice(0, MAX_RED_ZONE);
  return (
    <Tile
      name="alerts"
      className="tile--alerts"
      title={t('alerts.title', locale)}
      freshness={freshness}
      now={now}
      locale={locale}
    >
      <div className="alerts-layout">
        <div className="alerts-list">
          <More hidden={alerts.length - MAX_ALERTS} locale={locale} testId="alerts-more" />
          {shownAlerts.length === 0 ? (
            <div className="empty-note">{t('alerts.none', locale)}</div>
          ) : (
            <ol className="alert-grid">
              {shownAlerts.map((a) => (
                <li
                  key={`${a.family}|${a.name}|${a.detail}`}
                  className="alert"
                  data-testid="alert-item"
                  data-colour={a.colour}
                >
                  <StatusIcon colour={a.colour} size={28} />
                  {/* Name first, then what kind of problem; a long name pushes the detail, never itself, off. */}
                  <div className="alert-text">
                    <span className="alert-name">{a.name}</span>{' '}
                    <span className="alert-detail">
                      {t(`family.${a.family}`, locale)} · {a.detail}
                    </span>
                  </div>
                  <div className={`alert-value tone-${a.colour}`}>{alertValue(a, locale)}</div>
                </li>
              ))}
            </ol>
          )}
        </div>
        <div className="redzone" data-testid="redzone">
          <div className="redzone-row redzone-head">
            <h3 className="section-title tone-merah">
              <StatusIcon colour="merah" size={26} />
              {t('alerts.redZone', locale)}
              <More hidden={redZone.length - MAX_RED_ZONE} locale={locale} testId="redzone-more" />
            </h3>
            <span className="redzone-col">{t('alerts.keu', locale)}</span>
            <span className="redzone-col">{t('alerts.fis', locale)}</span>
          </div>
          {shownRed.length === 0 ? (
            <div className="empty-note">{t('alerts.redZoneNone', locale)}</div>
          ) : (
            <ol className="redzone-list">
              {shownRed.map((opd) => (
                <li
                  key={opd.key}
                  className="redzone-row"
                  data-testid={`redzone-${opd.key}`}
                  data-colour={opd.colour}
                >
                  <span className="redzone-name">{opd.label}</span>
                  <span className="redzone-value tone-merah" data-testid={`redzone-${opd.key}-keu`}>
                    {formatPoin(opd.deviasiKeuPoin, 1, locale)}
                  </span>
                  <span className="redzone-value muted" data-testid={`redzone-${opd.key}-fis`}>
                    {formatPoin(opd.deviasiFisPoin, 1, locale)}
                  </span>
                </li>
              ))}
            </ol>
          )}
        </div>
      </div>
    </Tile>
  );
}
