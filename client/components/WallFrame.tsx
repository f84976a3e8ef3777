// The frame every wall screen shares: the header (title, year and as-of, "Data contoh", the
// "terputus sejak" badge, language, the WIB clock), the body, and the foot (the alert ticker and,
// inside the player, where the rotation stands). The body keeps the last data when the server goes
// away; a plain message shows only when nothing arrived yet.

import type { ReactNode } from 'react';
import { DAYS_EN, DAYS_ID, formatClockWib, formatDate, formatTimeWib } from '../../shared/format';
import { type Locale, t } from '../../shared/i18n';
import { wibParts } from '../../shared/time';
import { useLocale } from '../hooks/useLocale';
import { useNow } from '../hooks/useNow';
import { useWallLive } from '../live/WallLive';
import { LanguageToggle } from './LanguageToggle';
import { usePlayerStatus } from './playerStatus';
import { Ticker } from './Ticker';

export type WallState = 'loading' | 'ready' | 'stale' | 'error';

export interface WallMeta {
  year: number;
  asOf?: string | null;
  demo: boolean;
}

/** The earlier of two "since" instants, either of which may be absent. */
export function earliest(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

/** What the page shows: its data (fresh or stale), a skeleton while loading, or the no-data message. */
export function wallState(hasData: boolean, disconnectedSince: number | null): WallState {
  if (hasData) return disconnectedSince !== null ? 'stale' : 'ready';
  return disconnectedSince !== null ? 'error' : 'loading';
}

function Clock({ locale }: { locale: Locale }) {
  const now = useNow();
  const weekday = (locale === 'en' ? DAYS_EN : DAYS_ID)[wibParts(now).weekday];
  return (
    <div className="clock" data-testid="clock">
      <div className="clock-time">
        <span data-testid="clock-time">{formatClockWib(now, locale)}</span>
        <span className="clock-zone"> WIB</span>
      </div>
      <div className="clock-date" data-testid="clock-date">
        {weekday}, {formatDate(now, locale)}
      </div>
    </div>
  );
}

function PlayerPosition() {
  const { locale } = useLocale();
  const status = usePlayerStatus();
  if (!status) return null;
  return (
    <div className="player-status" data-testid="player-status" aria-live="polite">
      <span className="player-position" data-testid="player-position">
        {status.position}/{status.total}
      </span>
      {/* The screen key, for tests and assistive tech; the room reads the name beside it. */}
      <span className="sr-only" data-testid="player-screen">
        {status.screen}
      </span>
      <span className="player-name" data-testid="player-screen-name">
        {status.name}
      </span>
      {status.paused ? (
        <span className="player-paused" data-testid="player-paused">
          {t('player.paused', locale)}
        </span>
      ) : null}
      <span className="player-countdown" data-testid="player-countdown">
        {t('player.countdown', locale, { s: String(status.seconds) })}
      </span>
    </div>
  );
}

export function WallFrame({
  name,
  title,
  meta,
  queryFailingSince,
  skeleton,
  landmark = true,
  children,
}: {
  /** page-<name> test id and wall-screen--<name> class (the body grid). */
  name: string;
  title: string;
  /** Year, as-of and demo flag of the data on screen; null before the first answer. */
  meta: WallMeta | null;
  /** When the screen's own query started failing (null while it answers). */
  queryFailingSince: number | null;
  /** Placeholder tiles while nothing arrived yet, so the grid keeps its shape. */
  skeleton: ReactNode;
  /** The tiles; null before the first answer. */
  children: ReactNode | null;
  /** False where the frame is a preview inside another page (it must not be a second <main>). */
  landmark?: boolean;
}) {
  const { locale } = useLocale();
  const live = useWallLive();
  const disconnectedSince = earliest(live.downSince, queryFailingSince);
  const hasData = children !== null;
  const state = wallState(hasData, disconnectedSince);
  const Root = landmark ? 'main' : 'section';
  return (
    <Root
      className={`wall-page wall-screen wall-screen--${name}`}
      data-testid={`page-${name}`}
      data-state={state}
      data-live={live.status}
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
            {meta ? (
              <span data-testid="header-year">{t('header.year', locale, { year: String(meta.year) })}</span>
            ) : null}
            {meta?.asOf ? (
              <span data-testid="header-asof">
                {t('header.asOf', locale, { date: formatDate(meta.asOf, locale) })}
              </span>
            ) : null}
            {meta?.demo ? (
              <span className="badge badge-demo" data-testid="badge-demo">
                {t('badge.demo', locale)}
              </span>
            ) : null}
            {hasData && disconnectedSince !== null ? (
              <span className="badge badge-disconnected" data-testid="badge-disconnected" role="status">
                {t('badge.disconnected', locale, { time: formatTimeWib(disconnectedSince, locale) })}
              </span>
            ) : null}
          </div>
        </div>
        <div className="wall-header-right">
          <LanguageToggle
            label={t('header.lang', locale)}
            className="lang-toggle"
            buttonClassName="lang-option"
          />
          <Clock locale={locale} />
        </div>
      </header>
      <div className="screen-body">{hasData ? children : skeleton}</div>
      <footer className="wall-foot">
        <Ticker />
        <PlayerPosition />
      </footer>
      {!hasData && state === 'error' ? (
        <div className="wall-message" role="alert" data-testid="error-no-data">
          <div className="wall-message-title">{t('app.errorNoData', locale)}</div>
          <div className="wall-message-detail">{t('app.errorRetrying', locale)}</div>
        </div>
      ) : null}
    </Root>
  );
}
