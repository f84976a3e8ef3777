// /opd/tindak-lanjut: what the leadership meetings asked of the OPD (tindak lanjut), grouped late,
// in progress and done, each with the meeting it came from, its due date and the latest report,
// a report form for the OPD's operator (or an admin) and the history of reports. Executives and
// verifiers read; the overdue ones are what the "Tindak Lanjut HLM" wall shows.

import { skipToken, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { formatNumber } from '../../../shared/format';
import { OpdPicker, useOpdChoice } from '../../office/OpdPicker';
import { canWrite, useSession } from '../../office/session';
import { Notice, PageHeader, QueryStatus } from '../../office/ui';
import { useT } from '../../office/useT';
import { useTRPC } from '../../trpc';
import { FollowUpCard } from './FollowUpCard';
import { type CardUi, EMPTY_UI, type ShownState, STATE_KEY, STATE_TONE } from './followUpState';
import './tindaklanjut.css';

const GROUPS: readonly ShownState[] = ['terlambat', 'dalam_proses', 'selesai'];

export default function TindakLanjutPage() {
  const { t, locale } = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { user } = useSession();
  const choice = useOpdChoice();
  const q = useQuery(trpc.followUp.ofOpd.queryOptions(choice.code ? choice.input : skipToken));
  const opds = useQuery({ ...trpc.reference.opds.queryOptions(), staleTime: 10 * 60_000 });
  const editable = canWrite(user.role);
  // Kept here, not in the card: a report can move a card to another group (a remount).
  const [ui, setUi] = useState<Record<number, CardUi>>({});
  const patch = useCallback(
    (id: number, p: Partial<CardUi>) =>
      setUi((prev) => ({ ...prev, [id]: { ...(prev[id] ?? EMPTY_UI), ...p } })),
    [],
  );
  const refresh = useCallback(
    () =>
      Promise.all([
        queryClient.refetchQueries({ queryKey: trpc.followUp.ofOpd.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.entry.home.pathKey() }),
      ]),
    [queryClient, trpc],
  );

  const data = q.data;
  const opdName = opds.data?.find((o) => o.code === choice.code)?.name ?? choice.code ?? '';

  return (
    <>
      <PageHeader title={t('tl.title')} lead={choice.code ? t('tl.lead', { opd: opdName }) : undefined} />
      {!choice.fixed ? (
        <div className="toolbar">
          <OpdPicker choice={choice} />
        </div>
      ) : null}
      {!choice.code ? <Notice tone="info">{t('opd.pickFirst')}</Notice> : null}
      <QueryStatus
        isPending={q.isPending && !!choice.code}
        error={q.error}
        onRetry={() => void q.refetch()}
      />
      {data && !editable ? <Notice tone="info">{t('entry.readOnly')}</Notice> : null}
      {data ? (
        <>
          <ul className="summary" data-testid="tl-summary">
            {GROUPS.map((g) => (
              <li key={g} className="summary-item">
                <span className={`pill pill--${STATE_TONE[g]}`}>{t(STATE_KEY[g])}</span>
                <span className="summary-count" data-testid={`tl-count-${g}`}>
                  {formatNumber(data.counts[g], 0, locale)}
                </span>
              </li>
            ))}
          </ul>
          {data.items.length === 0 ? <Notice tone="info">{t('tl.empty')}</Notice> : null}
          {data.items.length > 0
            ? GROUPS.map((g) => {
                const items = data.items.filter((f) => f.state === g);
                return (
                  <section
                    key={g}
                    className="section"
                    aria-labelledby={`tl-group-${g}`}
                    data-testid={`tl-group-${g}`}
                  >
                    <h2 id={`tl-group-${g}`} className="section-heading">
                      {t(STATE_KEY[g])} ({formatNumber(items.length, 0, locale)})
                    </h2>
                    {items.length === 0 ? (
                      <p className="muted">{t(`tl.none.${g}`)}</p>
                    ) : (
                      <div className="card-stack">
                        {items.map((f) => (
                          <FollowUpCard
                            key={f.id}
                            f={f}
                            day={data.day}
                            editable={editable}
                            ui={ui[f.id] ?? EMPTY_UI}
                            patch={(p) => patch(f.id, p)}
                            onSaved={refresh}
                          />
                        ))}
                      </div>
                    )}
                  </section>
                );
              })
            : null}
        </>
      ) : null}
    </>
  );
}
