// One sub kegiatan's realisation for a month: SP2D and SPJ in Rupiah and fisik in percent, typed
// the Indonesian way, checked with the shared schema, saved against the version the operator saw.
// A save that lost the race shows the current value with "Gunakan nilai terbaru".

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { realisationEntry } from '../../../shared/entry';
import { formatPct, formatRupiah, formatTimeWib } from '../../../shared/format';
import {
  type Conflict,
  describeError,
  type FieldErrors,
  fieldError,
  firstInvalid,
  issuesToFieldErrors,
  otherFieldMessages,
} from '../../forms/errors';
import { formatNumberInput, parseNumberInput } from '../../forms/number';
import { focusField, NumberField } from '../../office/fields';
import { VerificationBadge } from '../../office/ui';
import { useT } from '../../office/useT';
import { type RouterInputs, type RouterOutputs, useTRPC } from '../../trpc';

type SubData = RouterOutputs['entry']['subKegiatan'];
export type SubRow = SubData['rows'][number];

interface Draft {
  sp2d: string;
  spj: string;
  fisik: string;
  /** The version the operator started from: a save against anything newer is a conflict. */
  version: number | null;
}

const FIELDS = ['sp2dRp', 'spjRp', 'fisikPct'] as const;
type Field = (typeof FIELDS)[number];
const INPUT: Record<Field, 'sp2d' | 'spj' | 'fisik'> = { sp2dRp: 'sp2d', spjRp: 'spj', fisikPct: 'fisik' };

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** The conflicting figure as the server holds it now. */
export function conflictValues(c: Conflict): {
  sp2dRp: number | null;
  spjRp: number | null;
  fisikPct: number | null;
} {
  const cur =
    typeof c.current === 'object' && c.current !== null ? (c.current as Record<string, unknown>) : {};
  return { sp2dRp: num(cur.sp2dRp), spjRp: num(cur.spjRp), fisikPct: num(cur.fisikPct) };
}

interface RowProps {
  row: SubRow;
  month: number;
  editable: boolean;
  /** The admin's correction reason for a locked period ('' when none is needed or given). */
  reason: string;
  reasonRequired: boolean;
  onNeedReason: () => void;
  queryInput: RouterInputs['entry']['subKegiatan'];
  highlight: boolean;
}

export function RealisasiRow({
  row,
  month,
  editable,
  reason,
  reasonRequired,
  onNeedReason,
  queryInput,
  highlight,
}: RowProps) {
  const { t, locale } = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const rowRef = useRef<HTMLTableRowElement>(null);
  const save = useMutation(trpc.entry.saveRealisation.mutationOptions());
  const queryKey = trpc.entry.subKegiatan.queryKey(queryInput);

  useEffect(() => {
    if (highlight) rowRef.current?.scrollIntoView({ block: 'center' });
  }, [highlight]);

  const fromRow = (): Draft => ({
    sp2d: formatNumberInput(row.sp2dRp, locale),
    spj: formatNumberInput(row.spjRp, locale),
    fisik: formatNumberInput(row.fisikPct, locale),
    version: row.version,
  });
  const shown = draft ?? fromRow();
  const values = {
    sp2dRp: parseNumberInput(shown.sp2d, locale),
    spjRp: parseNumberInput(shown.spj, locale),
    fisikPct: parseNumberInput(shown.fisik, locale),
  };
  const dirty =
    draft !== null &&
    (!Object.is(values.sp2dRp, row.sp2dRp) ||
      !Object.is(values.spjRp, row.spjRp) ||
      !Object.is(values.fisikPct, row.fisikPct));

  const edit = (key: 'sp2d' | 'spj' | 'fisik', value: string) => {
    setDraft({ ...shown, [key]: value });
    setSavedAt(null);
  };

  const patchCache = (patch: Partial<SubRow>) => {
    queryClient.setQueryData(queryKey, (old) =>
      old ? { ...old, rows: old.rows.map((r) => (r.id === row.id ? { ...r, ...patch } : r)) } : old,
    );
  };
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey });
    void queryClient.invalidateQueries(trpc.entry.home.pathFilter());
  };

  const submit = (versionOverride?: number) => {
    setMessage(null);
    if (!dirty && row.version !== null && versionOverride === undefined) {
      setMessage(t('row.noChange'));
      return;
    }
    if (reasonRequired && !reason.trim()) {
      setMessage(t('entry.reasonRequired'));
      onNeedReason();
      return;
    }
    const parsed = realisationEntry.safeParse({
      subKegiatanId: row.id,
      month,
      ...values,
      expectedVersion: versionOverride ?? shown.version,
      reason: reason.trim() || null,
    });
    if (!parsed.success) {
      const errs = issuesToFieldErrors(parsed.error.issues);
      setErrors(errs);
      setMessage(t('form.fixErrors'));
      const bad = firstInvalid(errs, FIELDS);
      focusField(bad ? `${INPUT[bad]}-${row.id}` : null);
      return;
    }
    setErrors({});
    save.mutate(parsed.data, {
      onSuccess: (res) => {
        patchCache({
          sp2dRp: parsed.data.sp2dRp,
          spjRp: parsed.data.spjRp,
          fisikPct: parsed.data.fisikPct,
          version: res.version,
          verification: 'submitted',
          verificationNote: null,
        });
        setDraft(null);
        setConflict(null);
        setMessage(null);
        setSavedAt(Date.now());
        refresh();
      },
      onError: (err) => {
        const info = describeError(err, t('error.network'));
        setMessage(info.message);
        setConflict(info.conflict);
        setErrors(info.fieldErrors);
        const bad = firstInvalid(info.fieldErrors, FIELDS);
        if (bad) focusField(`${INPUT[bad]}-${row.id}`);
        // A period that locked meanwhile: show the lock for the whole table.
        if (info.code === 'FORBIDDEN') void queryClient.invalidateQueries({ queryKey });
      },
    });
  };

  const takeLatest = () => {
    if (!conflict) return;
    patchCache({ ...conflictValues(conflict), version: conflict.version });
    setDraft(null);
    setConflict(null);
    setMessage(null);
    setErrors({});
    refresh();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      submit();
    }
  };

  const extra = otherFieldMessages(errors, FIELDS);
  const current = conflict ? conflictValues(conflict) : null;
  const label = (what: string) => `${what} · ${row.code}`;

  return (
    <>
      <tr
        ref={rowRef}
        className={`${highlight ? 'row--highlight' : ''} ${dirty ? 'row--dirty' : ''}`}
        data-testid={`realisasi-row-${row.id}`}
      >
        <td className="code">{row.code}</td>
        <td className="name">{row.name}</td>
        <td className="num">{formatRupiah(row.paguRp, locale)}</td>
        {(['sp2d', 'spj', 'fisik'] as const).map((key) => {
          const field: Field = key === 'sp2d' ? 'sp2dRp' : key === 'spj' ? 'spjRp' : 'fisikPct';
          return (
            <td key={key} className="cell-input">
              <NumberField
                id={`${key}-${row.id}`}
                label={label(t(`realisasi.${key}`))}
                hideLabel
                value={shown[key]}
                onChange={(v) => edit(key, v)}
                onKeyDown={onKeyDown}
                disabled={!editable}
                integer={key !== 'fisik'}
                preview={(n) => (key === 'fisik' ? formatPct(n, 2, locale) : formatRupiah(n, locale))}
                error={fieldError(errors, field)}
                testId={`input-${key}-${row.id}`}
              />
            </td>
          );
        })}
        <td>
          <div data-testid={`row-status-${row.id}`}>
            <VerificationBadge state={row.verification} note={row.verificationNote} />
          </div>
          <div className="row-saved" role="status">
            {savedAt !== null
              ? t('row.savedAt', { time: formatTimeWib(savedAt, locale) })
              : dirty
                ? t('row.unsaved')
                : ''}
          </div>
        </td>
        <td>
          {editable ? (
            <button
              type="button"
              className="btn btn--small btn--primary"
              onClick={() => submit()}
              disabled={save.isPending}
              aria-label={t('row.saveLabel', { code: row.code })}
              data-testid={`save-${row.id}`}
            >
              {save.isPending ? t('state.saving') : t('action.save')}
            </button>
          ) : null}
        </td>
      </tr>
      {message || conflict ? (
        <tr className="row-detail">
          <td colSpan={8}>
            <div
              className={`row-error ${conflict ? 'row-error--conflict' : ''}`}
              role="alert"
              data-testid={`row-error-${row.id}`}
            >
              <p>{message}</p>
              {extra.length > 0 ? (
                <ul>
                  {extra.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              ) : null}
              {current ? (
                <div className="conflict">
                  <p>
                    {t('conflict.current', {
                      sp2d: formatRupiah(current.sp2dRp, locale),
                      spj: formatRupiah(current.spjRp, locale),
                      fisik: formatPct(current.fisikPct, 2, locale),
                    })}
                  </p>
                  <div className="form-actions">
                    <button
                      type="button"
                      className="btn btn--small btn--primary"
                      onClick={takeLatest}
                      data-testid={`use-latest-${row.id}`}
                    >
                      {t('conflict.useLatest')}
                    </button>
                    {conflict ? (
                      <button
                        type="button"
                        className="btn btn--small"
                        onClick={() => submit(conflict.version)}
                        data-testid={`keep-mine-${row.id}`}
                      >
                        {t('conflict.keepMine')}
                      </button>
                    ) : null}
                  </div>
                </div>
              ) : null}
            </div>
          </td>
        </tr>
      ) : null}
    </>
  );
}
