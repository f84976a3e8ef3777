// API tokens for system feeds (queue system, Lapor MasBuP) and wall displays. A new token is shown
// once, with a copy button; only its hash is kept. Revoking is immediate.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { formatDateTimeWib } from '../../../shared/format';
import { describeError, type FieldErrors, fieldError } from '../../forms/errors';
import { SelectField, TextField } from '../../office/fields';
import { Dialog, Notice, QueryStatus } from '../../office/ui';
import { useFormFeedback } from '../../office/useFormFeedback';
import { useT } from '../../office/useT';
import { useTRPC } from '../../trpc';

function when(iso: string | null, locale: 'id' | 'en'): string {
  if (!iso) return '—';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : formatDateTimeWib(ms, locale);
}

function TokenDialog({
  token,
  onClose,
}: {
  token: { name: string; value: string } | null;
  onClose: () => void;
}) {
  const { t } = useT();
  const [copied, setCopied] = useState<'ok' | 'fail' | null>(null);
  const ref = useRef<HTMLInputElement>(null);
  const copy = async () => {
    if (!token) return;
    try {
      await navigator.clipboard.writeText(token.value);
      setCopied('ok');
    } catch {
      // Clipboard refused (plain http on a LAN): select the text so Ctrl+C works.
      ref.current?.select();
      setCopied('fail');
    }
  };
  return (
    <Dialog
      open={token !== null}
      onClose={() => {
        setCopied(null);
        onClose();
      }}
      title={t('admin.tokenCreatedTitle', { name: token?.name ?? '' })}
      testId="token-dialog"
    >
      <Notice tone="warning">{t('admin.tokenOnce')}</Notice>
      <div className="field">
        <label className="field-label" htmlFor="token-value">
          {t('admin.tokenValue')}
        </label>
        <input
          id="token-value"
          ref={ref}
          className="token-value"
          readOnly
          value={token?.value ?? ''}
          onFocus={(e) => e.target.select()}
          data-testid="token-value"
        />
      </div>
      <div role="status" className="field-hint">
        {copied === 'ok' ? t('admin.copied') : copied === 'fail' ? t('admin.copyFailed') : ''}
      </div>
      <div className="form-actions">
        <button
          type="button"
          className="btn btn--primary"
          onClick={() => void copy()}
          data-testid="token-copy"
        >
          {t('admin.copy')}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => {
            setCopied(null);
            onClose();
          }}
          data-testid="token-dialog-close"
        >
          {t('admin.tokenSaved')}
        </button>
      </div>
    </Dialog>
  );
}

function CreateToken({ onCreated }: { onCreated: (name: string, value: string) => void }) {
  const { t } = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const opds = useQuery({ ...trpc.reference.opds.queryOptions(), staleTime: 10 * 60_000 });
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'feed' | 'display'>('feed');
  const [feedSource, setFeedSource] = useState('');
  const [opdCode, setOpdCode] = useState('');
  const feedback = useFormFeedback(['name', 'kind', 'feedSource', 'opdCode'] as const, (f) => `token-${f}`);
  const { errors, message, extra } = feedback;
  const create = useMutation(trpc.admin.createToken.mutationOptions());

  const submit = (e: FormEvent) => {
    e.preventDefault();
    feedback.setMessage(null);
    const errs: FieldErrors = {};
    if (!name.trim()) errs.name = [t('form.requiredField')];
    if (kind === 'feed' && !feedSource.trim()) errs.feedSource = [t('admin.feedSourceRequired')];
    if (Object.keys(errs).length > 0) return feedback.invalid(errs, { fallback: 'name' });
    feedback.setErrors({});
    create.mutate(
      {
        name: name.trim(),
        kind,
        feedSource: kind === 'feed' ? feedSource.trim() : null,
        opdCode: opdCode || null,
      },
      {
        onSuccess: (res) => {
          onCreated(name.trim(), res.token);
          setName('');
          setFeedSource('');
          setOpdCode('');
          void queryClient.invalidateQueries(trpc.admin.tokens.pathFilter());
        },
        onError: (err) => feedback.refused(err),
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate className="card" aria-labelledby="token-create-h">
      <h3 className="card-title" id="token-create-h">
        {t('admin.createToken')}
      </h3>
      <div className="form-grid">
        <TextField
          id="token-name"
          label={t('admin.tokenName')}
          value={name}
          onChange={setName}
          maxLength={120}
          error={fieldError(errors, 'name')}
          testId="token-name"
          required
        />
        <SelectField
          id="token-kind"
          label={t('admin.tokenKind')}
          value={kind}
          onChange={(v) => setKind(v === 'display' ? 'display' : 'feed')}
          options={[
            { value: 'feed', label: t('admin.kind.feed') },
            { value: 'display', label: t('admin.kind.display') },
          ]}
          testId="token-kind"
        />
        <TextField
          id="token-feedSource"
          label={t('admin.feedSource')}
          hint={t('admin.feedSourceHint')}
          value={feedSource}
          onChange={setFeedSource}
          disabled={kind !== 'feed'}
          error={fieldError(errors, 'feedSource')}
          testId="token-feed-source"
          required={kind === 'feed'}
        />
        <SelectField
          id="token-opdCode"
          label={t('admin.tokenOpd')}
          value={opdCode}
          onChange={setOpdCode}
          placeholder={t('form.optionalChoice')}
          options={(opds.data ?? []).map((o) => ({ value: o.code, label: `${o.name} (${o.code})` }))}
          error={fieldError(errors, 'opdCode')}
          testId="token-opd"
        />
      </div>
      {message ? (
        <Notice tone="error" live="assertive" testId="token-create-error">
          <p>{message}</p>
          {extra.map((m) => (
            <p key={m}>{m}</p>
          ))}
        </Notice>
      ) : null}
      <div className="form-actions">
        <button
          type="submit"
          className="btn btn--primary"
          disabled={create.isPending}
          data-testid="token-create-submit"
        >
          {t('admin.createTokenSubmit')}
        </button>
      </div>
    </form>
  );
}

export function TokensSection() {
  const { t, locale } = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tokens = useQuery(trpc.admin.tokens.queryOptions());
  const [shown, setShown] = useState<{ name: string; value: string } | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const revoke = useMutation(trpc.admin.revokeToken.mutationOptions());

  const doRevoke = (id: number) => {
    setMessage(null);
    revoke.mutate(
      { id },
      {
        onSuccess: () => {
          setConfirming(null);
          void queryClient.invalidateQueries(trpc.admin.tokens.pathFilter());
        },
        onError: (err) => setMessage(describeError(err, t('error.network')).message),
      },
    );
  };

  return (
    <section className="section" aria-labelledby="tokens-h">
      <h2 className="section-heading" id="tokens-h">
        {t('admin.tokens')}
      </h2>
      <QueryStatus isPending={tokens.isPending} error={tokens.error} onRetry={() => void tokens.refetch()} />
      {message ? (
        <Notice tone="error" live="assertive">
          {message}
        </Notice>
      ) : null}
      {tokens.data && tokens.data.length === 0 ? <p className="muted">{t('admin.noTokens')}</p> : null}
      {tokens.data && tokens.data.length > 0 ? (
        <div className="table-wrap">
          <table className="table" data-testid="tokens-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.tokenName')}</th>
                <th scope="col">{t('admin.tokenKind')}</th>
                <th scope="col">{t('admin.feedSource')}</th>
                <th scope="col">{t('field.opd')}</th>
                <th scope="col">{t('admin.createdAt')}</th>
                <th scope="col">{t('admin.lastUsedAt')}</th>
                <th scope="col">{t('field.state')}</th>
                <th scope="col">{t('field.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.map((tk) => (
                <tr key={tk.id} data-testid={`token-row-${tk.id}`}>
                  <td>{tk.name}</td>
                  <td>{tk.kind === 'display' ? t('admin.kind.display') : t('admin.kind.feed')}</td>
                  <td className="code">{tk.feedSource ?? '—'}</td>
                  <td>{tk.opdCode ?? '—'}</td>
                  <td>{when(tk.createdAt, locale)}</td>
                  <td>{when(tk.lastUsedAt, locale)}</td>
                  <td>
                    {tk.revokedAt ? (
                      <span className="pill pill--none">
                        {t('admin.revokedAt', { time: when(tk.revokedAt, locale) })}
                      </span>
                    ) : (
                      <span className="pill pill--ok">{t('admin.tokenActive')}</span>
                    )}
                  </td>
                  <td className="actions">
                    {tk.revokedAt ? null : confirming === tk.id ? (
                      <>
                        <button
                          type="button"
                          className="btn btn--small btn--danger"
                          onClick={() => doRevoke(tk.id)}
                          disabled={revoke.isPending}
                          data-testid={`token-revoke-confirm-${tk.id}`}
                        >
                          {t('admin.revokeConfirm')}
                        </button>
                        <button type="button" className="btn btn--small" onClick={() => setConfirming(null)}>
                          {t('action.cancel')}
                        </button>
                      </>
                    ) : (
                      <button
                        type="button"
                        className="btn btn--small"
                        onClick={() => setConfirming(tk.id)}
                        data-testid={`token-revoke-${tk.id}`}
                      >
                        {t('admin.revoke')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <CreateToken onCreated={(name, value) => setShown({ name, value })} />
      <TokenDialog token={shown} onClose={() => setShown(null)} />
    </section>
  );
}
