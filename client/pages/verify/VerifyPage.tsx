// /verifikasi: Bappelitbangda's queue of submitted figures, per family (budget realisation or
// programme progress), oldest first. Each row is verified, or returned to the OPD with a note.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { formatDateTimeWib, formatPct, formatPeriod, formatRupiah } from '../../../shared/format';
import { describeError, fieldError } from '../../forms/errors';
import { focusField, SelectField, TextAreaField } from '../../office/fields';
import { ExportLinks, Notice, PageHeader, QueryStatus } from '../../office/ui';
import { useSearch } from '../../office/useSearch';
import { useT } from '../../office/useT';
import { useTRPC } from '../../trpc';

type Family = 'budget' | 'masterplan';

/** A queue row (the server returns it untyped, so each field is checked). */
export interface QueueRow {
  id: number;
  opdCode: string;
  opdName: string;
  code: string;
  name: string;
  period: string;
  sp2dRp: number | null;
  fisikPct: number | null;
  physicalPct: number | null;
  kendala: string | null;
  enteredAt: string | null;
}

const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const s = (v: unknown) => (typeof v === 'string' ? v : null);

export function toQueueRow(r: Record<string, unknown>): QueueRow {
  return {
    id: n(r.id) ?? 0,
    opdCode: s(r.opdCode) ?? '',
    opdName: s(r.opdName) ?? '',
    code: s(r.code) ?? '',
    name: s(r.name) ?? '',
    period: s(r.period) ?? '',
    sp2dRp: n(r.sp2dRp),
    fisikPct: n(r.fisikPct),
    physicalPct: n(r.physicalPct),
    kendala: s(r.kendala),
    enteredAt: s(r.enteredAt),
  };
}

function enteredMs(iso: string | null): number | null {
  if (!iso) return null;
  // SQLite text without a zone is UTC.
  const ms = Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(iso) ? iso : `${iso.replace(' ', 'T')}Z`);
  return Number.isNaN(ms) ? null : ms;
}

function QueueItem({
  row,
  family,
  onDone,
}: {
  row: QueueRow;
  family: Family;
  onDone: (msg: string) => void;
}) {
  const { t, locale } = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [returning, setReturning] = useState(false);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | undefined>();
  const [message, setMessage] = useState<string | null>(null);
  const decide = useMutation(trpc.verify.decide.mutationOptions());

  const send = (decision: 'verified' | 'returned') => {
    setMessage(null);
    decide.mutate(
      { family, id: row.id, decision, ...(decision === 'returned' ? { note: note.trim() } : {}) },
      {
        onSuccess: () => {
          // Gone from the queue at once, so it cannot be decided twice while the list reloads.
          queryClient.setQueriesData<Record<string, unknown>[]>(trpc.verify.queue.pathFilter(), (old) =>
            old?.filter((r) => r.id !== row.id),
          );
          onDone(
            decision === 'verified'
              ? t('verify.doneVerified', { code: row.code, period: formatPeriod(row.period, locale) })
              : t('verify.doneReturned', { code: row.code, period: formatPeriod(row.period, locale) }),
          );
          void queryClient.invalidateQueries(trpc.verify.queue.pathFilter());
        },
        onError: (err) => {
          const info = describeError(err, t('error.network'));
          setNoteError(fieldError(info.fieldErrors, 'note'));
          setMessage(info.message);
          if (info.code === 'CONFLICT' || info.code === 'NOT_FOUND')
            void queryClient.invalidateQueries(trpc.verify.queue.pathFilter());
        },
      },
    );
  };

  const submitReturn = (e: FormEvent) => {
    e.preventDefault();
    if (!note.trim()) {
      setNoteError(t('verify.noteRequired'));
      focusField(`note-${row.id}`);
      return;
    }
    setNoteError(undefined);
    send('returned');
  };

  const entered = enteredMs(row.enteredAt);
  return (
    <>
      <tr data-testid={`verify-row-${row.id}`}>
        <td>
          <span className="code">{row.opdCode}</span>
          <div className="muted">{row.opdName}</div>
        </td>
        <td className="code">{row.code}</td>
        <td className="name">{row.name}</td>
        <td>{formatPeriod(row.period, locale)}</td>
        {family === 'budget' ? (
          <>
            <td className="num">{formatRupiah(row.sp2dRp, locale)}</td>
            <td className="num">{formatPct(row.fisikPct, 2, locale)}</td>
          </>
        ) : (
          <>
            <td className="num">{formatPct(row.physicalPct, 2, locale)}</td>
            <td className="note-text">{row.kendala ?? '—'}</td>
          </>
        )}
        <td>{entered !== null ? formatDateTimeWib(entered, locale) : '—'}</td>
        <td className="actions">
          <button
            type="button"
            className="btn btn--small btn--primary"
            onClick={() => send('verified')}
            disabled={decide.isPending}
            aria-label={t('verify.verifyLabel', { code: row.code })}
            data-testid={`verify-${row.id}`}
          >
            {t('verify.verify')}
          </button>
          <button
            type="button"
            className="btn btn--small"
            onClick={() => {
              setReturning(true);
              setTimeout(() => focusField(`note-${row.id}`), 0);
            }}
            disabled={decide.isPending}
            aria-expanded={returning}
            aria-label={t('verify.returnLabel', { code: row.code })}
            data-testid={`return-${row.id}`}
          >
            {t('verify.return')}
          </button>
        </td>
      </tr>
      {returning || message ? (
        <tr className="row-detail">
          <td colSpan={8}>
            {message ? (
              <div className="row-error" role="alert" data-testid={`row-error-${row.id}`}>
                {message}
              </div>
            ) : null}
            {returning ? (
              <form className="return-form" onSubmit={submitReturn} noValidate>
                <TextAreaField
                  id={`note-${row.id}`}
                  label={t('verify.note', { code: row.code })}
                  value={note}
                  onChange={setNote}
                  maxLength={1000}
                  rows={2}
                  error={noteError}
                  required
                  testId={`return-note-${row.id}`}
                />
                <div className="form-actions">
                  <button
                    type="submit"
                    className="btn btn--small btn--danger"
                    disabled={decide.isPending}
                    data-testid={`return-submit-${row.id}`}
                  >
                    {t('verify.returnSubmit')}
                  </button>
                  <button
                    type="button"
                    className="btn btn--small"
                    onClick={() => {
                      setReturning(false);
                      setNote('');
                      setNoteError(undefined);
                    }}
                  >
                    {t('action.cancel')}
                  </button>
                </div>
              </form>
            ) : null}
          </td>
        </tr>
      ) : null}
    </>
  );
}

export default function VerifyPage() {
  const { t } = useT();
  const trpc = useTRPC();
  const [search, setSearch] = useSearch();
  const family: Family = search.get('jenis') === 'masterplan' ? 'masterplan' : 'budget';
  const opdCode = search.get('opd') || undefined;
  const [done, setDone] = useState<string | null>(null);
  const opds = useQuery({ ...trpc.reference.opds.queryOptions(), staleTime: 10 * 60_000 });
  const q = useQuery(trpc.verify.queue.queryOptions({ family, ...(opdCode ? { opdCode } : {}), limit: 200 }));
  const rows = (q.data ?? []).map(toQueueRow);

  return (
    <>
      <PageHeader title={t('verify.title')} lead={t('verify.lead')}>
        <ExportLinks table="verifikasi" params={{ family }} />
      </PageHeader>
      <div className="toolbar">
        <fieldset className="segmented">
          <legend className="field-label">{t('field.family')}</legend>
          {(['budget', 'masterplan'] as const).map((f) => (
            <button
              key={f}
              type="button"
              className="btn"
              aria-pressed={family === f}
              onClick={() => {
                setDone(null);
                setSearch({ jenis: f });
              }}
              data-testid={`family-${f}`}
            >
              {t(f === 'budget' ? 'family.budget' : 'family.masterplan')}
            </button>
          ))}
        </fieldset>
        <SelectField
          id="verify-opd"
          label={t('field.opd')}
          value={opdCode ?? ''}
          onChange={(v) => setSearch({ opd: v || null })}
          placeholder={t('verify.allOpds')}
          options={(opds.data ?? []).map((o) => ({ value: o.code, label: `${o.name} (${o.code})` }))}
          testId="verify-opd"
        />
      </div>
      {done ? (
        <Notice tone="success" live="polite" testId="verify-done">
          {done}
        </Notice>
      ) : null}
      <QueryStatus isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()} />
      {q.data && rows.length === 0 ? (
        <Notice tone="info" testId="verify-empty">
          {t('verify.empty')}
        </Notice>
      ) : null}
      {rows.length > 0 ? (
        <div className="table-wrap">
          <table className="table" data-testid="verify-table">
            <caption className="table-caption">{t('verify.count', { n: rows.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('field.opd')}</th>
                <th scope="col">{t('field.code')}</th>
                <th scope="col">{t('field.name')}</th>
                <th scope="col">{t('field.period')}</th>
                {family === 'budget' ? (
                  <>
                    <th scope="col" className="num">
                      {t('realisasi.sp2d')}
                    </th>
                    <th scope="col" className="num">
                      {t('realisasi.fisik')}
                    </th>
                  </>
                ) : (
                  <>
                    <th scope="col" className="num">
                      {t('progres.physical')}
                    </th>
                    <th scope="col">{t('progres.kendala')}</th>
                  </>
                )}
                <th scope="col">{t('verify.enteredAt')}</th>
                <th scope="col">{t('field.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <QueueItem key={`${family}-${r.id}`} row={r} family={family} onDone={setDone} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
