// Follow-ups as the room reads them: the state in its colour, its icon and its word (selesai,
// dalam proses, terlambat: never colour alone), what was asked, of whom, by when, and from which
// meeting. Used by every scene of the room view.

import { formatDate, formatNumber, formatPct } from '../../../../shared/format';
import { type Locale, t } from '../../../../shared/i18n';
import { type StatusColour, StatusIcon } from '../../../components/StatusIcon';
import type { DecidedFollowUp, FollowUp } from './scene';

type State = FollowUp['state'];

/** Jakarta's command-centre habit (DOMAIN.md): red overdue, yellow in process, green done. */
export const FOLLOW_UP_COLOUR: Record<State, StatusColour> = {
  selesai: 'hijau',
  dalam_proses: 'kuning',
  terlambat: 'merah',
};

export function FollowUpState({ state, locale, testId }: { state: State; locale: Locale; testId?: string }) {
  const colour = FOLLOW_UP_COLOUR[state];
  return (
    <span className={`room-fu-state tone-${colour}`} data-state={state} data-testid={testId}>
      <StatusIcon colour={colour} size={24} />
      <span>{t(`room.fu.state.${state}`, locale)}</span>
    </span>
  );
}

/** "batas 20 Mei 2026 · lewat 3 hari" */
export function dueText(f: Pick<FollowUp, 'dueDate' | 'daysLate'>, locale: Locale): string {
  const due = t('room.fu.due', locale, { date: formatDate(f.dueDate, locale) });
  return f.daysLate > 0
    ? `${due} · ${t('room.fu.late', locale, { n: formatNumber(f.daysLate, 0, locale) })}`
    : due;
}

/** One follow-up: state, text, owner and due date; `from` adds the meeting it was decided in. */
export function FollowUpRow({
  f,
  locale,
  from = true,
  report = false,
  prefix,
}: {
  f: FollowUp | DecidedFollowUp;
  locale: Locale;
  from?: boolean;
  /** Adds the OPD's latest report (where the tile has the room for it). */
  report?: boolean;
  prefix: string;
}) {
  return (
    <li className="room-fu" data-testid={`${prefix}-${f.id}`} data-state={f.state}>
      <FollowUpState state={f.state} locale={locale} testId={`${prefix}-${f.id}-state`} />
      <div className="room-fu-main">
        <div className="room-fu-text">{f.text}</div>
        <div className="room-fu-meta">
          <span className="room-fu-owner">{f.ownerOpdName}</span>
          <span>{dueText(f, locale)}</span>
          {f.progressPct !== null && f.state !== 'selesai' ? (
            <span>{t('room.fu.progress', locale, { pct: formatPct(f.progressPct, 0, locale) })}</span>
          ) : null}
          {from ? (
            <span className="room-fu-from">
              {t('room.fu.from', locale, { title: f.meetingTitle, date: formatDate(f.meetingDate, locale) })}
            </span>
          ) : null}
        </div>
        {report && f.lastReport ? (
          <div className="room-fu-report" data-testid={`${prefix}-${f.id}-report`}>
            {t('room.fu.report', locale, { text: f.lastReport })}
          </div>
        ) : null}
      </div>
    </li>
  );
}

/**
 * The carried-over follow-ups (their state frozen on the meeting date) and, under them, those the
 * secretary records in this meeting for what is on screen. At most `rows` in all, then "+N lainnya".
 */
export function FollowUpList({
  carried,
  decided,
  rows,
  locale,
  emptyText,
}: {
  carried: readonly FollowUp[];
  decided: readonly DecidedFollowUp[];
  rows: number;
  locale: Locale;
  emptyText: string;
}) {
  const shownCarried = carried.slice(0, rows);
  const shownDecided = decided.slice(0, Math.max(0, rows - shownCarried.length));
  const hidden = carried.length + decided.length - shownCarried.length - shownDecided.length;
  return (
    <>
      {carried.length === 0 ? (
        <div className="empty-note" data-testid="room-fu-none">
          {emptyText}
        </div>
      ) : (
        <ol className="room-fu-list" data-testid="room-fu-list">
          {shownCarried.map((f) => (
            <FollowUpRow key={f.id} f={f} locale={locale} prefix="room-fu" />
          ))}
        </ol>
      )}
      {shownDecided.length > 0 ? (
        <>
          <div className="room-fu-decided-title">{t('room.fu.decided', locale)}</div>
          <ol className="room-fu-list" data-testid="room-fu-decided">
            {shownDecided.map((f) => (
              <FollowUpRow key={f.id} f={f} locale={locale} from={false} prefix="room-decided" />
            ))}
          </ol>
        </>
      ) : null}
      {hidden > 0 ? (
        <span className="more-note" data-testid="room-fu-more">
          {t('alerts.more', locale, { n: formatNumber(hidden, 0, locale) })}
        </span>
      ) : null}
    </>
  );
}
