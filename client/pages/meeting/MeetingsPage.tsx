// /rapat: the high-level meetings (HLM, Rakor POK, Dewan Smart City), newest first, each opening
// its own page; executives and admins plan a new one below the list.

import { useQuery } from '@tanstack/react-query';
import { formatDate } from '../../../shared/format';
import { Link, useNavigation } from '../../navigation';
import { useSession } from '../../office/session';
import { PageHeader, QueryStatus } from '../../office/ui';
import { useT } from '../../office/useT';
import { useTRPC } from '../../trpc';
import { KIND_KEY, MEETING_PATH, STATE_KEY, STATE_TONE } from './labels';
import { MeetingForm } from './MeetingForm';
import './meeting.css';

/** Who plans, starts and drives meetings (the server checks again). */
export function canChair(role: string): boolean {
  return role === 'admin' || role === 'executive';
}

export default function MeetingsPage() {
  const { t, locale } = useT();
  const trpc = useTRPC();
  const { user } = useSession();
  const { navigate } = useNavigation();
  const list = useQuery(trpc.meeting.list.queryOptions());
  const chair = canChair(user.role);
  return (
    <div className="meeting-pages">
      <PageHeader title={t('rapat.title')} lead={t('rapat.lead')} />
      <section className="section" aria-labelledby="meetings-h">
        <h2 className="section-heading" id="meetings-h">
          {t('rapat.list')}
        </h2>
        <QueryStatus isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} />
        {list.data && list.data.length === 0 ? <p className="muted">{t('rapat.none')}</p> : null}
        {list.data && list.data.length > 0 ? (
          <div className="table-wrap">
            <table className="table" data-testid="meetings-table">
              <thead>
                <tr>
                  <th scope="col">{t('rapat.col.date')}</th>
                  <th scope="col">{t('rapat.col.kind')}</th>
                  <th scope="col">{t('rapat.col.title')}</th>
                  <th scope="col">{t('rapat.col.chair')}</th>
                  <th scope="col">{t('rapat.col.asOf')}</th>
                  <th scope="col">{t('rapat.col.state')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.map((m) => (
                  <tr key={m.id} data-testid={`meeting-row-${m.id}`} data-state={m.state}>
                    <td className="nowrap" data-testid={`meeting-date-${m.id}`}>
                      {formatDate(m.meetingDate, locale)}
                    </td>
                    <td className="nowrap">{t(KIND_KEY[m.kind])}</td>
                    <td className="name">
                      <Link to={MEETING_PATH(m.id)} data-testid={`meeting-link-${m.id}`}>
                        {m.title}
                      </Link>
                    </td>
                    <td>{m.chair}</td>
                    <td className="nowrap">{formatDate(m.asOf, locale)}</td>
                    <td>
                      <span
                        className={`pill pill--${STATE_TONE[m.state]}`}
                        data-testid={`meeting-state-${m.id}`}
                      >
                        {t(STATE_KEY[m.state])}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      {chair ? (
        <section className="section">
          <MeetingForm onCreated={(id) => navigate(MEETING_PATH(id))} />
        </section>
      ) : (
        <p className="muted section">{t('rapat.readOnly')}</p>
      )}
    </div>
  );
}
