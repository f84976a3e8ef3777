// /rapat/<id>: one meeting. The chair's controls beside a preview of what the walls of the room
// show, the secretary's minutes below. Before the start the figures are computed live and the
// preview says so; from the start they are frozen with the meeting, so a past meeting shows
// exactly what the room saw ("Angka per 12 Mei 2026"), read-only, with its notes and follow-ups.

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { formatDate, formatDateTimeWib } from '../../../shared/format';
import { Link, useNavigation } from '../../navigation';
import { useSession } from '../../office/session';
import { Notice, PageHeader, QueryStatus } from '../../office/ui';
import { useT } from '../../office/useT';
import { useTRPC } from '../../trpc';
import { KIND_KEY, STATE_KEY, STATE_TONE } from './labels';
import { canChair } from './MeetingsPage';
import { type Cursor, PresenterPanel } from './PresenterPanel';
import { RoomPreview } from './RoomPreview';
import { SecretaryPanel } from './SecretaryPanel';
import './meeting.css';
import { BriefingLink } from '../briefing/BriefingLink';

/** A running meeting is re-read at this cadence, so a second device (the secretary's) follows the chair. */
export const RUNNING_REFRESH_MS = 5_000;

/** The meeting id of /rapat/<id> (digits only; anything else is no meeting). */
export function meetingIdFromPath(pathname: string): number | null {
  const m = /^\/rapat\/(\d+)\/?$/.exec(pathname);
  const id = m ? Number(m[1]) : Number.NaN;
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

function at(iso: string | null, locale: 'id' | 'en'): string {
  return iso ? formatDateTimeWib(Date.parse(iso), locale) : '—';
}

export default function MeetingPage() {
  const { t } = useT();
  const { location } = useNavigation();
  const id = meetingIdFromPath(location.pathname);
  if (id === null)
    return (
      <Notice tone="error" title={t('rapat.notFound')} testId="meeting-not-found">
        <Link to="/rapat">{t('rapat.back')}</Link>
      </Notice>
    );
  return <Meeting id={id} key={id} />;
}

function Meeting({ id }: { id: number }) {
  const { t, locale } = useT();
  const trpc = useTRPC();
  const { user } = useSession();
  const view = useQuery(
    trpc.meeting.view.queryOptions(
      { id },
      {
        refetchInterval: (q) => (q.state.data?.meeting.state === 'running' ? RUNNING_REFRESH_MS : false),
      },
    ),
  );
  const detail = useQuery(trpc.meeting.get.queryOptions({ id }));
  const displays = useQuery(trpc.display.list.queryOptions(undefined, { retry: false }));
  const [browse, setBrowse] = useState<Cursor | null>(null);
  const data = view.data;
  if (!data)
    return (
      <>
        <p>
          <Link to="/rapat">{t('rapat.back')}</Link>
        </p>
        <QueryStatus isPending={view.isPending} error={view.error} onRetry={() => void view.refetch()} />
      </>
    );
  const { meeting } = data;
  const chair = canChair(user.role);
  const running = meeting.state === 'running';
  // Running: where the chair stands. Before and after: wherever this page was pointed, starting at
  // the last place the room saw.
  const cursor: Cursor = running
    ? { itemId: meeting.cursorItemId, focus: meeting.cursorFocus }
    : (browse ?? { itemId: meeting.cursorItemId, focus: meeting.cursorFocus });
  const wallNames = (detail.data?.displayIds ?? []).map(
    (d) => displays.data?.find((x) => x.id === d)?.name ?? t('rapat.wallN', { id: d }),
  );

  return (
    <div className="meeting-pages meeting-page" data-testid="meeting-page" data-state={meeting.state}>
      <p className="meeting-back">
        <Link to="/rapat">{t('rapat.back')}</Link>
      </p>
      <PageHeader
        title={meeting.title}
        lead={
          <>
            <span data-testid="meeting-meta">
              {t('rapat.meta', {
                kind: t(KIND_KEY[meeting.kind]),
                date: formatDate(meeting.meetingDate, locale),
                chair: meeting.chair,
              })}
            </span>{' '}
            <span className={`pill pill--${STATE_TONE[meeting.state]}`} data-testid="meeting-state">
              {t(STATE_KEY[meeting.state])}
            </span>
          </>
        }
      />
      <Notice tone={data.frozen ? 'info' : 'warning'} testId="meeting-asof">
        {data.frozen
          ? t('rapat.asOfFrozen', {
              date: formatDate(data.snapshot.asOf, locale),
              time: at(data.snapshot.takenAt, locale),
            })
          : t('rapat.asOfPlanned', { date: formatDate(meeting.asOf, locale) })}
        {meeting.state === 'closed'
          ? ` ${t('rapat.closedNotice', { time: at(meeting.closedAt, locale) })}`
          : ''}
      </Notice>
      <BriefingLink meetingId={meeting.id} />
      {detail.data ? (
        <p className="muted meeting-walls" data-testid="meeting-walls">
          {wallNames.length > 0 ? t('rapat.wallsOf', { names: wallNames.join(', ') }) : t('rapat.noWalls')}
        </p>
      ) : null}

      <div className="meeting-layout">
        <PresenterPanel view={data} canDrive={chair} cursor={cursor} onBrowse={setBrowse} />
        <div className="meeting-preview">
          <h2 className="section-heading">{t(running ? 'rapat.previewLive' : 'rapat.preview')}</h2>
          <RoomPreview view={data} itemId={cursor.itemId} focus={cursor.focus} label={t('rapat.preview')} />
        </div>
      </div>
      <SecretaryPanel view={data} cursor={cursor} canWrite={chair} />
    </div>
  );
}
