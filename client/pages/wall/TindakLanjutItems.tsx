// One follow-up on the "Tindak Lanjut HLM" wall, as a row of fixed height: the days late (or left)
// in a box, the text over two lines, and under it the owner OPD, the due date and, for an overdue
// one, the meeting that asked for it (for an open one, its progress).

import { formatDayMonth, formatNumber, formatPct } from '../../../shared/format';
import { type Locale, t } from '../../../shared/i18n';
import type { RouterOutputs } from '../../trpc';
import { daysUntil } from './tindakLanjutRows';

export type BoardItem = RouterOutputs['followUp']['board']['items'][number];

/** A 'YYYY-MM-DD' day as "18 Nov" (the year is the wall's header's). */
export const dayMonth = (day: string, locale: Locale) =>
  formatDayMonth(Date.parse(`${day}T12:00:00+07:00`), locale);

function Meeting({ f, locale }: { f: BoardItem; locale: Locale }) {
  return (
    <span className="tl-meeting" data-testid={`tl-${f.id}-meeting`}>
      {f.meetingTitle} · {dayMonth(f.meetingDate, locale)}
    </span>
  );
}

export function LateRow({ f, locale }: { f: BoardItem; locale: Locale }) {
  return (
    <li className="tl-row" data-testid={`tl-late-${f.id}`}>
      <div className="tl-lead tone-merah" data-testid={`tl-late-${f.id}-days`}>
        <span className="tl-lead-n">{formatNumber(f.daysLate, 0, locale)}</span>{' '}
        <span className="tl-lead-unit">{t('wall.tl.days', locale)}</span>
      </div>
      <div className="tl-main">
        <div className="tl-text" data-testid={`tl-late-${f.id}-text`}>
          {f.text}
        </div>
        <div className="tl-meta">
          <span className="tl-owner" data-testid={`tl-late-${f.id}-opd`}>
            {f.ownerOpdName}
          </span>
          <span className="tl-due" data-testid={`tl-late-${f.id}-due`}>
            {t('wall.tl.due', locale, { date: dayMonth(f.dueDate, locale) })}
          </span>
          <Meeting f={f} locale={locale} />
        </div>
      </div>
    </li>
  );
}

export function OpenRow({ f, day, locale }: { f: BoardItem; day: string; locale: Locale }) {
  const left = daysUntil(day, f.dueDate);
  return (
    <li className="tl-row" data-testid={`tl-open-${f.id}`}>
      <div
        className={`tl-lead ${left <= 3 ? 'tone-kuning' : 'tl-lead--calm'}`}
        data-testid={`tl-open-${f.id}-left`}
      >
        {left <= 0 ? (
          <span className="tl-lead-word">{t('wall.tl.today', locale)}</span>
        ) : (
          <>
            <span className="tl-lead-n">{formatNumber(left, 0, locale)}</span>{' '}
            <span className="tl-lead-unit">{t('wall.tl.daysLeft', locale)}</span>
          </>
        )}
      </div>
      <div className="tl-main">
        <div className="tl-text" data-testid={`tl-open-${f.id}-text`}>
          {f.text}
        </div>
        <div className="tl-meta">
          <span className="tl-owner" data-testid={`tl-open-${f.id}-opd`}>
            {f.ownerOpdName}
          </span>
          <span className="tl-due" data-testid={`tl-open-${f.id}-due`}>
            {t('wall.tl.due', locale, { date: dayMonth(f.dueDate, locale) })}
          </span>
          <span className="tl-progress">
            {f.progressPct === null
              ? t('wall.tl.noReport', locale)
              : t('wall.tl.progress', locale, { pct: formatPct(f.progressPct, 0, locale) })}
          </span>
        </div>
      </div>
    </li>
  );
}
