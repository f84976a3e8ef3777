import type { ReactNode } from 'react';
import { formatFreshness, formatPct } from '../../shared/format';
import { type Locale, t } from '../../shared/i18n';

export interface TileFreshness {
  period: string | null;
  updatedAt: string | null;
  source: string;
  demo: boolean;
  /** Share of the figures the verifier approved; null when not tracked. */
  verifiedPct?: number | null;
}

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

/** A dashboard tile: title, body, and at the bottom where its figures come from and how fresh. */
export function Tile({ name, title, aside, freshness, now, locale, className, children }: TileProps) {
  return (
    <section className={`tile${className ? ` ${className}` : ''}`} data-testid={`tile-${name}`}>
      <header className="tile-head">
        <h2 className="tile-title">{title}</h2>
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
  return (
    <footer className="tile-foot">
      <span data-testid={`freshness-${name}`}>{formatFreshness(freshness, now, locale)}</span>
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
