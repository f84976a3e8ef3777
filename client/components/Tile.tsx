import type { ReactNode } from 'react';
import { formatDayMonth, formatFreshness, formatNumber, formatPct, formatPeriod } from '../../shared/format';
import { type Locale, t } from '../../shared/i18n';
import { useChangedFlash } from '../hooks/useChangedFlash';
import type { OverviewData } from '../trpc';

type ServerFreshness = OverviewData['budget']['freshness'];

/**
 * Where a tile's figures come from and how fresh they are, as the server reports it; the share
 * verified and the OPDs that missed their deadline only where the family tracks them.
 */
export type TileFreshness = Pick<ServerFreshness, 'period' | 'updatedAt' | 'source' | 'demo'> &
  Partial<Pick<ServerFreshness, 'verifiedPct' | 'overdue'>>;

interface TileProps {
  /** Suffix for data-testid: tile-<name>, freshness-<name>. */
  name: string;
  title: ReactNode;
  aside?: ReactNode;
  /** Omitted when the tile belongs to a group that shows one freshness line for all (pillars). */
  freshness?: TileFreshness;
  now: number;
  locale: Locale;
  className?: string;
  children: ReactNode;
}

/**
 * A dashboard tile: title, body, and at the bottom where its figures come from and how fresh. When
 * its figures change while it is on screen it is marked for a moment, so the room sees what moved.
 */
export function Tile({ name, title, aside, freshness, now, locale, className, children }: TileProps) {
  const changed = useChangedFlash(freshness?.updatedAt);
  return (
    <section
      className={`tile${className ? ` ${className}` : ''}${changed ? ' tile--changed' : ''}`}
      data-testid={`tile-${name}`}
      data-changed={changed}
    >
      <header className="tile-head">
        <h2 className="tile-title">{title}</h2>
        {changed ? (
          <span className="tile-changed-note" data-testid={`changed-${name}`}>
            {t('tile.changed', locale)}
          </span>
        ) : null}
        {aside ? <div className="tile-aside">{aside}</div> : null}
      </header>
      <div className="tile-body">{children}</div>
      {freshness ? <FreshnessLine name={name} freshness={freshness} now={now} locale={locale} /> : null}
    </section>
  );
}

/** Where the figures come from and how fresh they are: freshness-<name>, plus "Data contoh". */
export function FreshnessLine({
  name,
  freshness,
  now,
  locale,
}: {
  name: string;
  freshness: TileFreshness;
  now: number;
  locale: Locale;
}) {
  const overdue = freshness.overdue;
  return (
    <footer className="tile-foot">
      <span data-testid={`freshness-${name}`}>{formatFreshness(freshness, now, locale)}</span>
      {overdue && overdue.opds.length > 0 ? (
        <span className="tile-overdue tone-kuning" data-testid={`overdue-${name}`}>
          {overdue.opds.length === 1
            ? t('tile.overdueOne', locale, {
                name: overdue.opds[0]?.name ?? '',
                period: formatPeriod(overdue.period, locale),
                deadline: formatDayMonth(Date.parse(overdue.deadline), locale),
              })
            : t('tile.overdue', locale, {
                n: formatNumber(overdue.opds.length, 0, locale),
                period: formatPeriod(overdue.period, locale),
                deadline: formatDayMonth(Date.parse(overdue.deadline), locale),
              })}
        </span>
      ) : null}
      {freshness.verifiedPct !== null && freshness.verifiedPct !== undefined ? (
        <span className="tile-verified" data-testid={`verified-${name}`}>
          {t('tile.verified', locale, { pct: formatPct(freshness.verifiedPct, 0, locale) })}
        </span>
      ) : null}
      {freshness.demo ? (
        <span className="badge badge-demo badge--small" data-testid={`badge-demo-${name}`}>
          {t('badge.demo', locale)}
        </span>
      ) : (
        <span className="tile-source">{freshness.source}</span>
      )}
    </footer>
  );
}

/** The same frame with quiet placeholder blocks, so loading keeps the layout and never flashes. */
export function TileSkeleton({
  title,
  className,
  lines = 3,
}: {
  title: string;
  className?: string;
  lines?: number;
}) {
  return (
    <section className={`tile tile--skeleton${className ? ` ${className}` : ''}`} aria-busy="true">
      <header className="tile-head">
        <h2 className="tile-title">{title}</h2>
      </header>
      <div className="tile-body">
        <div className="skeleton-block skeleton-block--big" />
        {Array.from({ length: lines }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
          <div key={i} className="skeleton-block" />
        ))}
      </div>
    </section>
  );
}
