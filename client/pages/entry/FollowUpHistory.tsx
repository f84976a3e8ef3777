// The reports an OPD made on one follow-up, newest first (followUp.history), as plain text.

import { useQuery } from '@tanstack/react-query';
import { formatDateTimeWib, formatPct } from '../../../shared/format';
import { describeError } from '../../forms/errors';
import { useT } from '../../office/useT';
import { useTRPC } from '../../trpc';
import { STATE_KEY } from './followUpState';

export function FollowUpHistory({ id }: { id: number }) {
  const { t, locale } = useT();
  const trpc = useTRPC();
  const q = useQuery(trpc.followUp.history.queryOptions({ id }));
  if (q.isPending) return <p className="loading">{t('state.loading')}</p>;
  if (q.error) return <p className="field-error">{describeError(q.error, t('error.network')).message}</p>;
  if (q.data.length === 0) return <p className="muted">{t('tl.historyNone')}</p>;
  return (
    <ol className="tl-history" data-testid={`tl-history-${id}`}>
      {q.data
        // Append-only and in order: the position is the report's identity.
        .map((r, n) => ({ r, n }))
        .reverse()
        .map(({ r, n }) => (
          <li key={n} data-testid="tl-history-item">
            <div className="tl-history-head">
              <span className={`pill pill--${r.state === 'selesai' ? 'ok' : 'wait'}`}>
                {t(STATE_KEY[r.state])}
              </span>
              <span>{formatDateTimeWib(Date.parse(r.at), locale)}</span>
              {r.by ? <span className="muted">{t('tl.historyBy', { name: r.by })}</span> : null}
              {r.progressPct !== null ? (
                <span>{t('tl.progressValue', { pct: formatPct(r.progressPct, 0, locale) })}</span>
              ) : null}
            </div>
            <p className="note-text">{r.text}</p>
          </li>
        ))}
    </ol>
  );
}
