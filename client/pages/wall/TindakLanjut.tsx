// "Tindak Lanjut HLM": what the high-level meetings asked of the OPDs and is still open. The counts
// (overdue, in progress) big on the left with the overdue ones tallied per OPD; the overdue
// follow-ups longest first (text, owner OPD, due date, meeting, days late); then the open ones whose
// due date comes soonest. Always as of today (followUp.board); a report refetches it live.

import { type ReactNode, type RefObject, useLayoutEffect, useRef, useState } from 'react';
import { formatDayMonth, formatNumber, formatTimeWib } from '../../../shared/format';
import { type Locale, t } from '../../../shared/i18n';
import { wibDate } from '../../../shared/time';
import { StatusIcon } from '../../components/StatusIcon';
import { Tile } from '../../components/Tile';
import { useChangedFlash } from '../../hooks/useChangedFlash';
import { useFollowUpBoard } from '../../hooks/useFollowUpBoard';
import { useLocale } from '../../hooks/useLocale';
import { useNow } from '../../hooks/useNow';
import type { RouterOutputs } from '../../trpc';
import { WallScreen } from './screen/WallScreen';
import { dayMonth, LateRow, OpenRow } from './TindakLanjutItems';
import {
  columnsFor,
  DUE_SOON_DAYS,
  daysUntil,
  LATE_ROWS,
  OPD_ROWS,
  OPEN_ROWS,
  tallyByOpd,
} from './tindakLanjutRows';
import './tindaklanjut.css';

type Board = RouterOutputs['followUp']['board'];
type Item = Board['items'][number];

/** List columns for the tile body `ref` points at, re-read when the stage changes width. */
function useColumns(ref: RefObject<HTMLElement | null>): number {
  const [columns, setColumns] = useState(1);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    // offsetWidth is in logical stage pixels: the stage's scale does not change it.
    const measure = () => setColumns(columnsFor(el.offsetWidth));
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return columns;
}

/** Where the board's state comes from and when it last moved; marks the tile when it changes. */
function useBoardFoot(data: Board, name: string, now: number, locale: Locale) {
  const changed = useChangedFlash(data.updatedAt);
  const updatedMs = data.updatedAt ? Date.parse(data.updatedAt) : null;
  const when =
    updatedMs === null
      ? null
      : wibDate(updatedMs) === wibDate(now)
        ? formatTimeWib(updatedMs, locale)
        : `${formatDayMonth(updatedMs, locale)} ${formatTimeWib(updatedMs, locale)}`;
  const foot = (
    <footer className="tile-foot tl-foot">
      <span data-testid={`freshness-${name}`}>
        {t('wall.tl.asOf', locale, { date: dayMonth(data.day, locale) })}
        {when ? ` · ${t('wall.tl.updated', locale, { when })}` : ''}
      </span>
      <span className="tile-source">{t('wall.tl.source', locale)}</span>
    </footer>
  );
  const aside = changed ? (
    <span className="tile-changed-note" data-testid={`changed-${name}`}>
      {t('tile.changed', locale)}
    </span>
  ) : null;
  return { changed, foot, aside };
}

function BoardTile({
  name,
  className,
  title,
  data,
  now,
  locale,
  children,
}: {
  name: string;
  className: string;
  title: ReactNode;
  data: Board;
  now: number;
  locale: Locale;
  children: ReactNode;
}) {
  const { changed, foot, aside } = useBoardFoot(data, name, now, locale);
  return (
    <Tile
      name={name}
      className={`${className}${changed ? ' tile--changed' : ''}`}
      title={title}
      aside={aside}
      now={now}
      locale={locale}
    >
      {children}
      {foot}
    </Tile>
  );
}

function LateCountTile({
  data,
  late,
  now,
  locale,
}: {
  data: Board;
  late: readonly Item[];
  now: number;
  locale: Locale;
}) {
  const tally = tallyByOpd(late);
  const shown = tally.slice(0, OPD_ROWS);
  const rest = tally.length - shown.length;
  return (
    <BoardTile
      name="tl-late-count"
      className="tile--tl-late-count edge-merah"
      title={
        <span className="tl-title tone-merah">
          <StatusIcon colour="merah" size={28} />
          {t('wall.tl.late', locale)}
        </span>
      }
      data={data}
      now={now}
      locale={locale}
    >
      <div className="tl-count">
        <span className="figure tl-count-n tone-merah" data-testid="value-tl-terlambat">
          {formatNumber(data.counts.terlambat, 0, locale)}
        </span>
        <span className="tl-count-label">{t('wall.tl.lateCount', locale)}</span>
      </div>
      {shown.length > 0 ? (
        <>
          <div className="section-label tl-section">{t('wall.tl.byOpd', locale)}</div>
          <ul className="tl-opds" data-testid="tl-opds">
            {shown.map((o) => (
              <li key={o.code} data-testid={`tl-opd-${o.code}`}>
                <span className="tl-opd-name">{o.name}</span>
                <span className="tl-opd-longest">
                  {t('wall.tl.opdLongest', locale, { days: formatNumber(o.longest, 0, locale) })}
                </span>
                <span className="tl-opd-count tone-merah" data-testid={`tl-opd-${o.code}-count`}>
                  {formatNumber(o.count, 0, locale)}
                </span>
              </li>
            ))}
          </ul>
          {rest > 0 ? (
            <div className="more-note tl-more" data-testid="tl-opds-more">
              {t('wall.tl.more', locale, { n: formatNumber(rest, 0, locale) })}
            </div>
          ) : null}
        </>
      ) : null}
    </BoardTile>
  );
}

function OpenCountTile({
  data,
  open,
  now,
  locale,
}: {
  data: Board;
  open: readonly Item[];
  now: number;
  locale: Locale;
}) {
  const soon = open.filter((f) => daysUntil(data.day, f.dueDate) <= DUE_SOON_DAYS).length;
  const unreported = open.filter((f) => f.reportedAt === null).length;
  return (
    <BoardTile
      name="tl-open-count"
      className="tile--tl-open-count edge-kuning"
      title={
        <span className="tl-title tone-kuning">
          <StatusIcon colour="kuning" size={28} />
          {t('wall.tl.open', locale)}
        </span>
      }
      data={data}
      now={now}
      locale={locale}
    >
      <div className="tl-count">
        <span className="figure tl-count-n tl-count-n--md" data-testid="value-tl-dalam_proses">
          {formatNumber(data.counts.dalam_proses, 0, locale)}
        </span>
        <span className="tl-count-label">{t('wall.tl.openCount', locale)}</span>
      </div>
      <ul className="tl-facts">
        <li data-testid="value-tl-due-soon">
          {t('wall.tl.dueSoon', locale, { n: formatNumber(soon, 0, locale) })}
        </li>
        <li data-testid="value-tl-unreported">
          {t('wall.tl.unreported', locale, { n: formatNumber(unreported, 0, locale) })}
        </li>
      </ul>
    </BoardTile>
  );
}

function ListTile({
  kind,
  items,
  rows,
  data,
  now,
  locale,
}: {
  kind: 'late' | 'open';
  items: readonly Item[];
  rows: number;
  data: Board;
  now: number;
  locale: Locale;
}) {
  const body = useRef<HTMLDivElement>(null);
  // As many columns as the tile holds, but no more than the rows need: a short list stays wide.
  const columns = Math.max(1, Math.min(useColumns(body), Math.ceil(items.length / rows)));
  const shown = items.slice(0, rows * columns);
  const rest = items.length - shown.length;
  const late = kind === 'late';
  return (
    <BoardTile
      name={`tl-${kind}`}
      className={`tile--tl-${kind}`}
      title={t(late ? 'wall.tl.lateList' : 'wall.tl.openList', locale)}
      data={data}
      now={now}
      locale={locale}
    >
      <div className="tl-list-box" ref={body}>
        {items.length === 0 ? (
          <div className="empty-note tl-empty" data-testid={`tl-${kind}-none`}>
            <StatusIcon colour="hijau" size={28} />
            {t(late ? 'wall.tl.noneLate' : 'wall.tl.noneOpen', locale)}
          </div>
        ) : (
          <ul
            className="tl-list"
            data-testid={`tl-${kind}-list`}
            data-columns={columns}
            style={{
              gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
              gridTemplateRows: `repeat(${rows}, var(--tl-row-h))`,
            }}
          >
            {shown.map((f) =>
              late ? (
                <LateRow key={f.id} f={f} locale={locale} />
              ) : (
                <OpenRow key={f.id} f={f} day={data.day} locale={locale} />
              ),
            )}
          </ul>
        )}
      </div>
      {rest > 0 ? (
        <div className="more-note tl-more" data-testid={`tl-${kind}-more`}>
          {t('wall.tl.more', locale, { n: formatNumber(rest, 0, locale) })}
        </div>
      ) : null}
    </BoardTile>
  );
}

function Body({ data }: { data: Board }) {
  const { locale } = useLocale();
  const now = useNow();
  const late = data.items.filter((f) => f.state === 'terlambat');
  const open = data.items.filter((f) => f.state === 'dalam_proses');
  return (
    <>
      <LateCountTile data={data} late={late} now={now} locale={locale} />
      <OpenCountTile data={data} open={open} now={now} locale={locale} />
      <ListTile kind="late" items={late} rows={LATE_ROWS} data={data} now={now} locale={locale} />
      <ListTile kind="open" items={open} rows={OPEN_ROWS} data={data} now={now} locale={locale} />
    </>
  );
}

export default function TindakLanjutPage() {
  const { locale } = useLocale();
  const board = useFollowUpBoard();
  return (
    <WallScreen
      name="tindaklanjut"
      title={t('wall.tl.title', locale)}
      query={board}
      // Follow-ups are what the meetings decided and the OPDs reported: never sample data.
      meta={(d) => ({ year: Number(d.day.slice(0, 4)), asOf: d.day, demo: false })}
      skeleton={['tile--tl-late-count', 'tile--tl-open-count', 'tile--tl-late', 'tile--tl-open']}
    >
      {(data) => <Body data={data} />}
    </WallScreen>
  );
}
