import { formatIndex, formatNumber, formatPct, formatPeriod } from '../../../../shared/format';
import { type Locale, t } from '../../../../shared/i18n';
import { Tile } from '../../../components/Tile';
import type { OverviewData } from '../../../trpc';

interface Props {
  services: OverviewData['services'];
  complaints: OverviewData['complaints'];
  ikm: OverviewData['ikm'];
  now: number;
  locale: Locale;
}

/** Service delivery, complaint handling and satisfaction: three families, each with its period. */
export function ServicesTile({ services, complaints, ikm, now, locale }: Props) {
  const onTime = services.onTimePct;
  const freshness = {
    ...services.freshness,
    demo: services.freshness.demo || complaints.freshness.demo || ikm.freshness.demo,
  };
  return (
    <Tile
      name="services"
      className="tile--services"
      title={t('services.title', locale)}
      aside={<span className="tile-tag">{formatPeriod(services.period, locale)}</span>}
      freshness={freshness}
      now={now}
      locale={locale}
    >
      <div className="services-top">
        <div className="services-ontime">
          <div className="figure figure--xl" data-testid="value-services-ontime">
            {formatPct(onTime, 1, locale)}
          </div>
          <div className="kpi-label">{t('services.ontime', locale)}</div>
        </div>
        <dl className="stat-stack">
          <div>
            <dt>{t('services.volume', locale)}</dt>
            <dd data-testid="value-services-volume">{formatNumber(services.submitted, 0, locale)}</dd>
          </div>
          <div>
            <dt>{t('services.backlog', locale)}</dt>
            <dd data-testid="value-services-backlog">{formatNumber(services.backlog, 0, locale)}</dd>
          </div>
        </dl>
      </div>
      <div className="meter" aria-hidden="true">
        <div className="meter-fill" style={{ width: `${Math.max(0, Math.min(100, onTime ?? 0))}%` }} />
      </div>
      <div className="section-label">
        {t('complaints.title', locale)} · {formatPeriod(complaints.period, locale)}
      </div>
      <dl className="stat-grid">
        <div>
          <dt>
            {t('complaints.firstResponse', locale, {
              hours: formatNumber(complaints.responseTargetHours, 0, locale),
            })}
          </dt>
          <dd data-testid="value-complaints-24h">
            {formatPct(complaints.total.firstResponseWithinTargetPct, 1, locale)}
          </dd>
        </div>
        <div>
          <dt>{t('complaints.resolved', locale)}</dt>
          <dd data-testid="value-complaints-resolved">
            {formatPct(complaints.total.resolvedPct, 1, locale)}
          </dd>
        </div>
      </dl>
      <dl className="stat-grid stat-grid--ruled stat-grid--ikm">
        <div>
          <dt>
            {t('ikm.title', locale)} · {formatPeriod(ikm.period, locale)}
          </dt>
          <dd data-testid="value-ikm">{formatIndex(ikm.value, locale)}</dd>
        </div>
        <div>
          <dt>{t('ikm.grade', locale)}</dt>
          <dd data-testid="value-ikm-grade">
            {ikm.grade ? `${ikm.grade}${ikm.gradeLabel ? ` · ${ikm.gradeLabel}` : ''}` : '—'}
          </dd>
        </div>
      </dl>
    </Tile>
  );
}
