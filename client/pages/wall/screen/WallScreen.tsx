// The frame shared by the deeper wall screens (Anggaran, Layanan, SPBE): the header with the
// screen's own title, clock and badges, and the same loading / stale / no-data states as Ringkasan.

import type { ReactNode } from 'react';
import { DAYS_EN, DAYS_ID, formatClockWib, formatDate, formatTimeWib } from '../../../../shared/format';
import { LOCALES, type Locale, t } from '../../../../shared/i18n';
import { wibParts } from '../../../../shared/time';
import { TileSkeleton } from '../../../components/Tile';
import { useDisconnectedSince } from '../../../hooks/useDisconnectedSince';
import { useLiveChanges } from '../../../hooks/useLiveChanges';
import { useLocale } from '../../../hooks/useLocale';
import { useNow } from '../../../hooks/useNow';
import './screens.css';

function Clock({ locale }: { locale: Locale }) {
  const now = useNow();
  const weekday = (locale === 'en' ? DAYS_EN : DAYS_ID)[wibParts(now).weekday];
  return (
    <div className="clock" data-testid="clock">
      <div className="clock-time">
        <span data-testid="clock-time">{formatClockWib(now, locale)}</span>
        <span className="clock-zone"> WIB</span>
      </div>
      <div className="clock-date">
        {weekday}, {formatDate(now, locale)}
      </div>
    </div>
  );
}

interface Meta {
  year: number;
  asOf?: string;
  demo: boolean;
}

export function WallScreen<T>({
  name,
  title,
  query,
  meta,
  skeleton,
  children,
}: {
  name: string;
  title: string;
  query: { data: T | undefined; failureCount: number; isError: boolean };
  meta: (data: T) => Meta;
  /** Tile class names laid out while loading, so the grid keeps its shape. */
  skeleton: readonly string[];
  children: (data: T) => ReactNode;
}) {
  const { locale, setLocale } = useLocale();
  useLiveChanges();
  const disconnectedSince = useDisconnectedSince(query);
  const data = query.data;
  const m = data === undefined ? null : meta(data);
  const state = data
    ? disconnectedSince !== null
      ? 'stale'
      : 'ready'
    : disconnectedSince !== null
      ? 'error'
      : 'loading';
  return (
    <main
      className={`wall-page wall-screen wall-screen--${name}`}
      data-testid={`page-${name}`}
      data-state={state}
    >
      <header className="wall-header">
        <div className="wall-heading">
          <h1 className="wall-title">
            {title}
            <span className="wall-title-sep"> · </span>
            <span className="wall-subtitle">{t('app.subtitle', locale)}</span>
          </h1>
          <div className="wall-meta">
            {state === 'loading' ? (
              <span data-testid="header-loading">{t('app.loading', locale)}</span>
            ) : null}
            {m ? (
              <span data-testid="header-year">{t('header.year', locale, { year: String(m.year) })}</span>
            ) : null}
            {m?.asOf ? (
              <span data-testid="header-asof">
                {t('header.asOf', locale, { date: formatDate(m.asOf, locale) })}
              </span>
            ) : null}
            {m?.demo ? (
              <span className="badge badge-demo" data-testid="badge-demo">
                {t('badge.demo', locale)}
              </span>
            ) : null}
            {data && disconnectedSince !== null ? (
              <span className="badge badge-disconnected" data-testid="badge-disconnected" role="status">
                {t('badge.disconnected', locale, { time: formatTimeWib(disconnectedSince, locale) })}
              </span>
            ) : null}
          </div>
        </div>
        <div className="wall-header-right">
          <fieldset className="lang-toggle" aria-label={t('header.lang', locale)}>
            {LOCALES.map((l) => (
              <button
                key={l}
                type="button"
                className="lang-option"
                aria-pressed={l === locale}
                data-testid={`lang-${l}`}
                onClick={() => setLocale(l)}
              >
                {l.toUpperCase()}
              </button>
            ))}
          </fieldset>
          <Clock locale={locale} />
        </div>
      </header>
      <div className="screen-body">
        {data ? children(data) : skeleton.map((cls) => <TileSkeleton key={cls} title="" className={cls} />)}
      </div>
      {!data && state === 'error' ? (
        <div className="wall-message" role="alert" data-testid="error-no-data">
          <div className="wall-message-title">{t('app.errorNoData', locale)}</div>
          <div className="wall-message-detail">{t('app.errorRetrying', locale)}</div>
        </div>
      ) : null}
    </main>
  );
}
