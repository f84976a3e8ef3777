// Wall displays: each screen of the operations room with its playlist, when its player last
// asked for it, and whether its token still works. Adding one shows its URL once (only the
// token's hash is kept); changing the playlist reaches the open player live; revoking is immediate.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useRef, useState } from 'react';
import { formatDateTimeWib } from '../../../shared/format';
import { describeError } from '../../forms/errors';
import { focusField } from '../../office/fields';
import { Dialog, Notice, QueryStatus } from '../../office/ui';
import { useT } from '../../office/useT';
import { useTRPC } from '../../trpc';
import { type Display, DisplayForm } from './DisplayForm';
import { summarizePlaylist } from './playlistDraft';

const editButtonId = (id: number) => `display-edit-button-${id}`;

function lastSeen(iso: string | null, locale: 'id' | 'en', never: string): string {
  if (!iso) return never;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : formatDateTimeWib(ms, locale);
}

/** The new display's URL, once: it cannot be shown again because only the token's hash is stored. */
function UrlDialog({ shown, onClose }: { shown: { name: string; url: string } | null; onClose: () => void }) {
  const { t } = useT();
  const [copied, setCopied] = useState<'ok' | 'fail' | null>(null);
  const ref = useRef<HTMLTextAreaElement>(null);
  const close = () => {
    setCopied(null);
    onClose();
  };
  const copy = async () => {
    if (!shown) return;
    try {
      await navigator.clipboard.writeText(shown.url);
      setCopied('ok');
    } catch {
      // Clipboard refused (plain http on a LAN): select the text so Ctrl+C works.
      ref.current?.select();
      setCopied('fail');
    }
  };
  return (
    <Dialog
      open={shown !== null}
      onClose={close}
      title={t('displays.urlTitle', { name: shown?.name ?? '' })}
      testId="display-url-dialog"
    >
      <Notice tone="warning">{t('displays.urlOnce')}</Notice>
      <div className="field">
        <label className="field-label" htmlFor="display-url">
          {t('displays.url')}
        </label>
        <textarea
          id="display-url"
          ref={ref}
          className="token-value display-url"
          rows={2}
          readOnly
          value={shown?.url ?? ''}
          onFocus={(e) => e.target.select()}
          data-testid="display-url"
        />
      </div>
      <div role="status" className="field-hint">
        {copied === 'ok' ? t('displays.copied') : copied === 'fail' ? t('displays.copyFailed') : ''}
      </div>
      <div className="form-actions">
        <button
          type="button"
          className="btn btn--primary"
          onClick={() => void copy()}
          data-testid="display-url-copy"
        >
          {t('displays.copy')}
        </button>
        <button type="button" className="btn" onClick={close} data-testid="display-url-close">
          {t('displays.urlSaved')}
        </button>
      </div>
    </Dialog>
  );
}

function RevokeDialog({
  display,
  onClose,
  onRevoked,
}: {
  display: Display | null;
  onClose: () => void;
  onRevoked: (name: string) => void;
}) {
  const { t } = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const revoke = useMutation(trpc.display.revoke.mutationOptions());
  const close = () => {
    setMessage(null);
    onClose();
  };
  const confirm = () => {
    if (!display) return;
    setMessage(null);
    const refresh = () =>
      Promise.all([
        queryClient.invalidateQueries(trpc.display.list.pathFilter()),
        queryClient.invalidateQueries(trpc.admin.tokens.pathFilter()),
      ]);
    revoke.mutate(
      { id: display.id },
      {
        onSuccess: () => {
          void refresh();
          onRevoked(display.name);
          close();
        },
        onError: (err) => {
          // Someone revoked it first (CONFLICT): the list catches up, the message says so.
          void refresh();
          setMessage(describeError(err, t('error.network')).message);
        },
      },
    );
  };
  return (
    <Dialog
      open={display !== null}
      onClose={close}
      title={t('displays.revokeTitle', { name: display?.name ?? '' })}
      testId="display-revoke-dialog"
    >
      <p>{t('displays.revokeBody')}</p>
      {message ? (
        <Notice tone="error" live="assertive" testId="display-revoke-error">
          {message}
        </Notice>
      ) : null}
      <div className="form-actions">
        <button type="button" className="btn" onClick={close} data-testid="display-revoke-cancel">
          {t('action.cancel')}
        </button>
        <button
          type="button"
          className="btn btn--danger"
          onClick={confirm}
          disabled={revoke.isPending}
          data-testid="display-revoke-confirm"
        >
          {t('displays.revokeConfirm')}
        </button>
      </div>
    </Dialog>
  );
}

export function DisplaysSection() {
  const { t, locale } = useT();
  const trpc = useTRPC();
  const displays = useQuery(trpc.display.list.queryOptions());
  const [editing, setEditing] = useState<number | null>(null);
  const [revoking, setRevoking] = useState<Display | null>(null);
  const [shown, setShown] = useState<{ name: string; url: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // The editor's buttons go away with it: the focus goes back to the row's "Ubah".
  const closeEditor = (id: number) => {
    setEditing(null);
    requestAnimationFrame(() => focusField(editButtonId(id)));
  };
  const COLUMNS = 6;

  return (
    <section className="section" aria-labelledby="displays-h">
      {/* Focus comes back here when the button that opened a dialog is gone (a revoked row). */}
      <h2 className="section-heading" id="displays-h" ref={heading} tabIndex={-1}>
        {t('displays.title')}
      </h2>
      <p className="muted">{t('displays.lead')}</p>
      <QueryStatus
        isPending={displays.isPending}
        error={displays.error}
        onRetry={() => void displays.refetch()}
      />
      {done ? (
        <Notice tone="success" live="polite" testId="displays-done">
          {done}
        </Notice>
      ) : null}
      {displays.data && displays.data.length === 0 ? <p className="muted">{t('displays.none')}</p> : null}
      {displays.data && displays.data.length > 0 ? (
        <div className="table-wrap">
          <table className="table" data-testid="displays-table">
            <thead>
              <tr>
                <th scope="col">{t('displays.name')}</th>
                <th scope="col">{t('displays.location')}</th>
                <th scope="col">{t('displays.playlist')}</th>
                <th scope="col">{t('displays.lastSeen')}</th>
                <th scope="col">{t('field.state')}</th>
                <th scope="col">{t('field.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {displays.data.map((d) => (
                <Fragment key={d.id}>
                  <tr data-testid={`display-row-${d.id}`}>
                    <td className="name">{d.name}</td>
                    <td>{d.location ?? '—'}</td>
                    <td data-testid={`display-summary-${d.id}`}>{summarizePlaylist(d.playlist, t)}</td>
                    <td className="nowrap" data-testid={`display-seen-${d.id}`}>
                      {lastSeen(d.lastSeenAt, locale, t('displays.neverSeen'))}
                    </td>
                    <td data-testid={`display-state-${d.id}`}>
                      <span className={`pill pill--${d.revoked ? 'none' : 'ok'}`}>
                        {d.revoked ? t('displays.revoked') : t('displays.active')}
                      </span>
                    </td>
                    <td className="actions">
                      {d.revoked ? null : (
                        <>
                          <button
                            type="button"
                            id={editButtonId(d.id)}
                            className="btn btn--small"
                            onClick={() => setEditing(editing === d.id ? null : d.id)}
                            aria-expanded={editing === d.id}
                            data-testid={`display-edit-${d.id}`}
                          >
                            {t('action.edit')}
                            <span className="sr-only"> {d.name}</span>
                          </button>
                          <button
                            type="button"
                            className="btn btn--small"
                            onClick={() => setRevoking(d)}
                            data-testid={`display-revoke-${d.id}`}
                          >
                            {t('displays.revoke')}
                            <span className="sr-only"> {d.name}</span>
                          </button>
                        </>
                      )}
                    </td>
                  </tr>
                  {editing === d.id && !d.revoked ? (
                    <tr className="row-detail">
                      <td colSpan={COLUMNS}>
                        <DisplayForm
                          display={d}
                          onSaved={(name) => {
                            closeEditor(d.id);
                            setDone(t('displays.saved', { name }));
                          }}
                          onCancel={() => closeEditor(d.id)}
                        />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <DisplayForm
        onCreated={(name, path) => {
          setDone(null);
          setShown({ name, url: `${window.location.origin}${path}` });
        }}
      />
      <UrlDialog shown={shown} onClose={() => setShown(null)} />
      <RevokeDialog
        display={revoking}
        onClose={() => setRevoking(null)}
        onRevoked={(name) => {
          setDone(t('displays.revokedDone', { name }));
          heading.current?.focus();
        }}
      />
    </section>
  );
}
