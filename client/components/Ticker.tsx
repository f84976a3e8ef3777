// The alert ticker along the foot of every wall screen. It scrolls at a calm, fixed speed, and its
// position is a function of the wall clock, so a screen change in the player (which remounts the
// frame) picks the ticker up where it was instead of starting over at the first item.

import { type ReactNode, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { formatDayMonth, formatNumber, formatPct, formatPeriod, formatPoin } from '../../shared/format';
import { type Locale, t } from '../../shared/i18n';
import { useLocale } from '../hooks/useLocale';
import { useTicker } from '../hooks/useTicker';
import type { RouterOutputs } from '../trpc';
import { StatusIcon } from './StatusIcon';
import { useWallInput } from './wallInput';

type TickerData = RouterOutputs['dashboard']['ticker'];
type Item = TickerData['items'][number];

/** Logical pixels per second: slow enough to read a name from 4 m in one pass. */
export const TICKER_SPEED_PX_S = 80;

/** Seconds of one full pass and the (negative) delay that puts the ticker where the clock says. */
export function tickerTiming(groupWidthPx: number, nowMs: number): { durationS: number; delayS: number } {
  const durationS = Math.max(1, groupWidthPx / TICKER_SPEED_PX_S);
  return { durationS, delayS: -((nowMs / 1000) % durationS) };
}

function detail(item: Item, locale: Locale): string {
  switch (item.kind) {
    case 'zona_merah':
    case 'program':
      return formatPoin(item.value, 1, locale);
    case 'sla':
      return t('ticker.onTime', locale, { pct: formatPct(item.value, 1, locale) });
    case 'laporan':
      return t('ticker.report', locale, {
        family: t(`ticker.family.${item.family ?? 'budget'}`, locale),
        period: formatPeriod(item.period, locale),
        deadline: formatDayMonth(item.deadline ? Date.parse(item.deadline) : null, locale),
      });
    case 'tindak_lanjut':
      return t(item.value === 1 ? 'ticker.followUpOne' : 'ticker.followUp', locale, {
        days: formatNumber(item.value, 0, locale),
        text: item.detail ?? '',
      });
  }
}

/** The items once; `copy` is the second, hidden run that lets the loop close seamlessly. */
function Items({
  items,
  locale,
  copy,
}: {
  items: readonly Item[];
  locale: Locale;
  copy?: boolean;
}): ReactNode {
  return items.map((item) => (
    <li
      key={`${item.kind}|${item.opdCode ?? ''}|${item.name}|${item.period ?? ''}|${item.detail ?? ''}`}
      className="ticker-item"
      data-testid={copy ? undefined : 'ticker-item'}
      data-kind={item.kind}
    >
      <StatusIcon colour={item.colour} size={24} />
      <span className={`ticker-kind tone-${item.colour}`}>{t(`ticker.kind.${item.kind}`, locale)}</span>
      <span className="ticker-name">{item.name}</span>
      <span className="ticker-detail">{detail(item, locale)}</span>
    </li>
  ));
}

export function Ticker() {
  const { locale } = useLocale();
  const query = useTicker(useWallInput());
  const data = query.data;
  const windowRef = useRef<HTMLDivElement>(null);
  const groupRef = useRef<HTMLUListElement>(null);
  const [size, setSize] = useState({ group: 0, window: 0 });

  useLayoutEffect(() => {
    const group = groupRef.current;
    const win = windowRef.current;
    if (!group || !win) return;
    // Layout widths (offsetWidth) are logical stage pixels: the stage's scale does not change them.
    const measure = () => setSize({ group: group.offsetWidth, window: win.offsetWidth });
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(group);
    ro.observe(win);
    return () => ro.disconnect();
  }, []);

  const items = data?.items ?? [];
  const moving = size.group > size.window && items.length > 0;
  // Recomputed only when the content's width changes, so the running animation is left alone.
  const timing = useMemo(() => tickerTiming(size.group, Date.now()), [size.group]);
  const c = data?.counts;
  return (
    <div className="ticker" data-testid="ticker" data-moving={moving}>
      <div className="ticker-label">
        <span className="ticker-title">{t('ticker.title', locale)}</span>
        {c ? (
          <span className="ticker-counts" data-testid="ticker-counts">
            {formatNumber(c.zona_merah + c.sla + c.laporan + c.program + c.tindak_lanjut, 0, locale)}
          </span>
        ) : null}
      </div>
      <div className="ticker-window" ref={windowRef}>
        <div
          className={`ticker-track${moving ? ' ticker-track--moving' : ''}`}
          style={
            moving
              ? { animationDuration: `${timing.durationS}s`, animationDelay: `${timing.delayS}s` }
              : undefined
          }
        >
          <ul className="ticker-group" ref={groupRef}>
            {data && items.length === 0 ? (
              <li className="ticker-item ticker-none" data-testid="ticker-none">
                <StatusIcon colour="hijau" size={24} />
                {t('ticker.none', locale)}
              </li>
            ) : (
              <Items items={items} locale={locale} />
            )}
          </ul>
          {moving ? (
            <ul className="ticker-group" aria-hidden="true">
              <Items items={items} locale={locale} copy />
            </ul>
          ) : null}
        </div>
      </div>
    </div>
  );
}
