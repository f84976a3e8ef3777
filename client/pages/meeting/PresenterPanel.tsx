// The chair's controls, for a laptop or a tablet beside the chair: start the meeting (its figures
// freeze), the agenda as big buttons, previous and next, open a programme or an OPD inside the
// item on screen, close. Every step goes to the server with the version the page last saw; when
// someone moved first the server says so (CONFLICT) and the page reloads what is current.
// Before the start and after the close the same buttons only change this page's preview.

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatPct } from '../../../shared/format';
import { describeError } from '../../forms/errors';
import { Dialog, Notice } from '../../office/ui';
import { useT } from '../../office/useT';
import { useTRPC } from '../../trpc';
import { itemName, type MeetingView, neighbours, openable } from './room/scene';

export interface Cursor {
  itemId: number | null;
  focus: string | null;
}

export function PresenterPanel({
  view,
  canDrive,
  cursor,
  onBrowse,
}: {
  view: MeetingView;
  /** The signed-in user may start, drive and close (executive, admin). */
  canDrive: boolean;
  cursor: Cursor;
  /** Moves this page's preview only (before the start, after the close). */
  onBrowse: (c: Cursor) => void;
}) {
  const { t, locale } = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { meeting, items, snapshot } = view;
  const id = meeting.id;
  const running = meeting.state === 'running';
  const live = running && canDrive;
  const [error, setError] = useState<{ message: string; conflict: boolean } | null>(null);
  const [closing, setClosing] = useState(false);
  const viewKey = trpc.meeting.view.queryKey({ id });

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.meeting.view.queryFilter({ id })),
      queryClient.invalidateQueries(trpc.meeting.get.queryFilter({ id })),
      queryClient.invalidateQueries(trpc.meeting.list.pathFilter()),
    ]);
  const onError = (err: unknown) => {
    const info = describeError(err, t('error.network'));
    setError({ message: info.message, conflict: info.code === 'CONFLICT' });
    void refresh();
  };

  const navigate = useMutation(trpc.meeting.navigate.mutationOptions());
  const start = useMutation(trpc.meeting.start.mutationOptions());
  const close = useMutation(trpc.meeting.close.mutationOptions());
  const busy = navigate.isPending || start.isPending || close.isPending;

  const go = (itemId: number, focus: string | null) => {
    if (!live) {
      onBrowse({ itemId, focus });
      return;
    }
    setError(null);
    navigate.mutate(
      { id, itemId, focus, expectedVersion: meeting.version },
      {
        onSuccess: () => {
          // The server moved the version on by one: the next step can go out before the refetch lands.
          queryClient.setQueryData(viewKey, (old) =>
            old
              ? {
                  ...old,
                  meeting: {
                    ...old.meeting,
                    version: old.meeting.version + 1,
                    cursorItemId: itemId,
                    cursorFocus: focus,
                  },
                }
              : old,
          );
          void refresh();
        },
        onError,
      },
    );
  };

  const current = items.find((i) => i.id === cursor.itemId) ?? items[0] ?? null;
  const { prev, next } = neighbours(items, current?.id ?? null);
  const inside = openable(snapshot, current);

  return (
    <section
      className="presenter"
      aria-labelledby="presenter-h"
      data-testid="presenter"
      data-version={meeting.version}
    >
      <h2 className="section-heading" id="presenter-h">
        {t('rapat.presenter')}
      </h2>
      {!canDrive ? <p className="muted">{t('rapat.readOnlyDrive')}</p> : null}
      {canDrive && meeting.state === 'planned' ? (
        <div className="presenter-start">
          <button
            type="button"
            className="btn btn--primary btn--touch"
            disabled={busy}
            onClick={() => {
              setError(null);
              start.mutate(
                { id, expectedVersion: meeting.version },
                { onSuccess: () => void refresh(), onError },
              );
            }}
            data-testid="presenter-start"
          >
            {start.isPending ? t('rapat.working') : t('rapat.start')}
          </button>
          <p className="field-hint">{t('rapat.startHint')}</p>
        </div>
      ) : null}
      {!live && meeting.state !== 'running' && items.length > 0 ? (
        <p className="field-hint">{t('rapat.browseHint')}</p>
      ) : null}
      {error ? (
        <Notice tone="error" live="assertive" testId="presenter-error">
          <p>{error.message}</p>
          {error.conflict ? <p>{t('rapat.conflictReloaded')}</p> : null}
        </Notice>
      ) : null}

      <ol className="presenter-agenda" data-testid="presenter-agenda">
        {items.map((item, n) => {
          const here = item.id === current?.id;
          return (
            <li key={item.id}>
              <button
                type="button"
                className={`presenter-item${here ? ' is-current' : ''}`}
                aria-current={here ? 'step' : undefined}
                disabled={busy || (running && !canDrive)}
                onClick={() => go(item.id, null)}
                data-testid={`presenter-item-${item.id}`}
                data-kind={item.kind}
              >
                <span className="presenter-item-no">{n + 1}</span>
                <span className="presenter-item-text">
                  <span className="presenter-item-kind">
                    {t(
                      item.kind === 'pillar'
                        ? 'rapat.kindPillar'
                        : item.kind === 'opd'
                          ? 'rapat.kindOpd'
                          : 'rapat.kindFollowups',
                    )}
                    {item.auto ? ` · ${t('rapat.item.auto')}` : ''}
                  </span>
                  <span className="presenter-item-name">{itemName(item, snapshot, locale)}</span>
                </span>
              </button>
            </li>
          );
        })}
      </ol>

      <div className="presenter-steps">
        <button
          type="button"
          className="btn btn--touch"
          disabled={busy || !prev || (running && !canDrive)}
          onClick={() => prev && go(prev.id, null)}
          data-testid="presenter-prev"
        >
          {t('rapat.prev')}
        </button>
        <button
          type="button"
          className="btn btn--touch btn--primary"
          disabled={busy || !next || (running && !canDrive)}
          onClick={() => next && go(next.id, null)}
          data-testid="presenter-next"
        >
          {t('rapat.next')}
        </button>
      </div>

      {current && (inside.programmes.length > 0 || inside.opds.length > 0) ? (
        <div className="presenter-open" data-testid="presenter-open">
          <h3 className="presenter-open-title">
            {t('rapat.openIn', { name: itemName(current, snapshot, locale) })}
          </h3>
          {cursor.focus ? (
            <button
              type="button"
              className="btn btn--touch presenter-back"
              disabled={busy || (running && !canDrive)}
              onClick={() => go(current.id, null)}
              data-testid="presenter-unfocus"
            >
              {t('rapat.backToItem', { name: itemName(current, snapshot, locale) })}
            </button>
          ) : null}
          {inside.programmes.length > 0 ? (
            <>
              <h4 className="presenter-open-sub">{t('rapat.openProgrammes')}</h4>
              <ul className="presenter-chips">
                {inside.programmes.map((p) => (
                  <li key={p.code}>
                    <button
                      type="button"
                      className={`presenter-chip${cursor.focus === p.code ? ' is-current' : ''}`}
                      aria-pressed={cursor.focus === p.code}
                      disabled={busy || (running && !canDrive)}
                      onClick={() => go(current.id, p.code)}
                      data-testid={`presenter-programme-${p.code}`}
                    >
                      <span className="presenter-chip-name">{p.name}</span>
                      <span className="presenter-chip-meta">
                        {p.code} · {p.opdName} · {formatPct(p.physicalPct, 1, locale)}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {inside.opds.length > 0 ? (
            <>
              <h4 className="presenter-open-sub">{t('rapat.openOpds')}</h4>
              <ul className="presenter-chips presenter-chips--opd">
                {inside.opds.map((o) => (
                  <li key={o.code}>
                    <button
                      type="button"
                      className={`presenter-chip${cursor.focus === o.code ? ' is-current' : ''}`}
                      aria-pressed={cursor.focus === o.code}
                      disabled={busy || (running && !canDrive)}
                      onClick={() => go(current.id, o.code)}
                      data-testid={`presenter-opd-${o.code}`}
                    >
                      <span className="presenter-chip-name">{o.name}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}

      {canDrive && running ? (
        <div className="presenter-close">
          <button
            type="button"
            className="btn btn--danger btn--touch"
            disabled={busy}
            onClick={() => setClosing(true)}
            data-testid="presenter-close"
          >
            {t('rapat.close')}
          </button>
        </div>
      ) : null}
      <Dialog
        open={closing}
        onClose={() => setClosing(false)}
        title={t('rapat.close')}
        testId="presenter-close-dialog"
      >
        <p>{t('rapat.closeConfirm')}</p>
        <div className="form-actions">
          <button
            type="button"
            className="btn"
            onClick={() => setClosing(false)}
            data-testid="presenter-close-cancel"
          >
            {t('action.cancel')}
          </button>
          <button
            type="button"
            className="btn btn--danger"
            disabled={close.isPending}
            onClick={() => {
              setError(null);
              close.mutate(
                { id, expectedVersion: meeting.version },
                {
                  onSuccess: () => {
                    setClosing(false);
                    void refresh();
                  },
                  onError: (err) => {
                    setClosing(false);
                    onError(err);
                  },
                },
              );
            }}
            data-testid="presenter-close-confirm"
          >
            {t('rapat.closeYes')}
          </button>
        </div>
      </Dialog>
    </section>
  );
}
