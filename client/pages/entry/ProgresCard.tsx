// One programme's progress for a month: physical %, money spent, the success indicator's value,
// status, kendala, tindak lanjut and the evidence link. Same habits as the realisation rows: the
// shared schema first, the version the operator saw, field errors beside the field, conflicts
// with the current value.

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { progressEntry } from '../../../shared/entry';
import { formatNumber, formatPct, formatPoin, formatRupiah, formatTimeWib } from '../../../shared/format';
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
import { focusField, NumberField, SelectField, TextAreaField, TextField } from '../../office/fields';
import type { OfficeKey } from '../../office/messages';
import { VerificationBadge } from '../../office/ui';
import { useT } from '../../office/useT';
import { type RouterInputs, useTRPC } from '../../trpc';

export const STATUSES = ['belum_mulai', 'berjalan', 'selesai', 'tertunda'] as const;
export const STATUS_KEY: Record<(typeof STATUSES)[number], OfficeKey> = {
  belum_mulai: 'status.belum_mulai',
  berjalan: 'status.berjalan',
  selesai: 'status.selesai',
  tertunda: 'status.tertunda',
};

/** A programme row of entry.programmes (the server returns it untyped, so each field is checked). */
export interface Programme {
  id: number;
  code: string;
  name: string;
  indicatorName: string | null;
  indicatorUnit: string | null;
  indicatorTarget: number | null;
  plannedPct: number | null;
  physicalPct: number | null;
  spentRp: number | null;
  indicatorValue: number | null;
  status: string | null;
  kendala: string | null;
  tindakLanjut: string | null;
  evidenceUrl: string | null;
  version: number | null;
  verification: string | null;
  verificationNote: string | null;
}

const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const s = (v: unknown) => (typeof v === 'string' ? v : null);

export function toProgramme(r: Record<string, unknown>): Programme {
  return {
    id: n(r.id) ?? 0,
    code: s(r.code) ?? '',
    name: s(r.name) ?? '',
    indicatorName: s(r.indicatorName),
    indicatorUnit: s(r.indicatorUnit),
    indicatorTarget: n(r.indicatorTarget),
    plannedPct: n(r.plannedPct),
    physicalPct: n(r.physicalPct),
    spentRp: n(r.spentRp),
    indicatorValue: n(r.indicatorValue),
    status: s(r.status),
    kendala: s(r.kendala),
    tindakLanjut: s(r.tindakLanjut),
    evidenceUrl: s(r.evidenceUrl),
    version: n(r.version),
    verification: s(r.verification),
    verificationNote: s(r.verificationNote),
  };
}

interface Draft {
  physical: string;
  spent: string;
  indicator: string;
  status: string;
  kendala: string;
  tindak: string;
  evidence: string;
  version: number | null;
}

const FIELDS = [
  'physicalPct',
  'spentRp',
  'indicatorValue',
  'status',
  'kendala',
  'tindakLanjut',
  'evidenceUrl',
] as const;
type Field = (typeof FIELDS)[number];
const INPUT: Record<Field, keyof Omit<Draft, 'version'>> = {
  physicalPct: 'physical',
  spentRp: 'spent',
  indicatorValue: 'indicator',
  status: 'status',
  kendala: 'kendala',
  tindakLanjut: 'tindak',
  evidenceUrl: 'evidence',
};

interface CardProps {
  programme: Programme;
  period: string;
  editable: boolean;
  reason: string;
  reasonRequired: boolean;
  onNeedReason: () => void;
  queryInput: RouterInputs['entry']['programmes'];
  highlight: boolean;
}

export function ProgresCard({
  programme: p,
  period,
  editable,
  reason,
  reasonRequired,
  onNeedReason,
  queryInput,
  highlight,
}: CardProps) {
  const { t, locale } = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const ref = useRef<HTMLElement>(null);
  const save = useMutation(trpc.entry.saveProgress.mutationOptions());
  const queryKey = trpc.entry.programmes.queryKey(queryInput);
  const id = p.id;

  useEffect(() => {
    if (highlight) ref.current?.scrollIntoView({ block: 'start' });
  }, [highlight]);

  const fromServer = (): Draft => ({
    physical: formatNumberInput(p.physicalPct, locale),
    spent: formatNumberInput(p.spentRp, locale),
    indicator: formatNumberInput(p.indicatorValue, locale),
    status: p.status ?? '',
    kendala: p.kendala ?? '',
    tindak: p.tindakLanjut ?? '',
    evidence: p.evidenceUrl ?? '',
    version: p.version,
  });
  const shown = draft ?? fromServer();
  const edit = (key: keyof Omit<Draft, 'version'>, value: string) => {
    setDraft({ ...shown, [key]: value });
    setSavedAt(null);
  };
  const base = fromServer();
  const dirty =
    draft !== null &&
    (Object.keys(INPUT) as Field[]).some((f) => {
      const k = INPUT[f];
      if (k === 'physical' || k === 'spent' || k === 'indicator')
        return !Object.is(parseNumberInput(draft[k], locale), parseNumberInput(base[k], locale));
      return draft[k].trim() !== base[k].trim();
    });

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey });
    void queryClient.invalidateQueries(trpc.entry.home.pathFilter());
  };

  const submit = (versionOverride?: number) => {
    setMessage(null);
    if (!dirty && p.version !== null && versionOverride === undefined) {
      setMessage(t('row.noChange'));
      return;
    }
    if (reasonRequired && !reason.trim()) {
      setMessage(t('entry.reasonRequired'));
      onNeedReason();
      return;
    }
    const parsed = progressEntry.safeParse({
      programmeId: id,
      period,
      physicalPct: parseNumberInput(shown.physical, locale),
      spentRp: parseNumberInput(shown.spent, locale),
      indicatorValue: parseNumberInput(shown.indicator, locale),
      status: shown.status || null,
      kendala: shown.kendala,
      tindakLanjut: shown.tindak,
      evidenceUrl: shown.evidence.trim() || null,
      expectedVersion: versionOverride ?? shown.version,
      reason: reason.trim() || null,
    });
    if (!parsed.success) {
      const errs = issuesToFieldErrors(parsed.error.issues);
      setErrors(errs);
      setMessage(t('form.fixErrors'));
      const bad = firstInvalid(errs, FIELDS);
      focusField(bad ? `${INPUT[bad]}-${id}` : null);
      return;
    }
    setErrors({});
    save.mutate(parsed.data, {
      onSuccess: () => {
        setDraft(null);
        setConflict(null);
        setSavedAt(Date.now());
        refresh();
      },
      onError: (err) => {
        const info = describeError(err, t('error.network'));
        setMessage(info.message);
        setConflict(info.conflict);
        setErrors(info.fieldErrors);
        const bad = firstInvalid(info.fieldErrors, FIELDS);
        if (bad) focusField(`${INPUT[bad]}-${id}`);
        if (info.code === 'FORBIDDEN') void queryClient.invalidateQueries({ queryKey });
      },
    });
  };

  const takeLatest = () => {
    if (!conflict) return;
    const cur = typeof conflict.current === 'object' && conflict.current !== null ? conflict.current : {};
    const latest = toProgramme({ ...p, ...(cur as Record<string, unknown>), id, code: p.code, name: p.name });
    queryClient.setQueryData(queryKey, (old) =>
      old
        ? {
            ...old,
            rows: old.rows.map((r) =>
              r.id === id ? ({ ...r, ...latest, version: conflict.version } as typeof r) : r,
            ),
          }
        : old,
    );
    setDraft(null);
    setConflict(null);
    setMessage(null);
    setErrors({});
    refresh();
  };

  const physical = parseNumberInput(shown.physical, locale);
  const deviation =
    physical !== null && !Number.isNaN(physical) && p.plannedPct !== null ? physical - p.plannedPct : null;
  const current = conflict ? toProgramme((conflict.current ?? {}) as Record<string, unknown>) : null;
  const extra = otherFieldMessages(errors, FIELDS);
  const fid = (k: keyof Omit<Draft, 'version'>) => `${k}-${id}`;

  return (
    <section
      ref={ref}
      className={`card progres-card ${highlight ? 'row--highlight' : ''}`}
      data-testid={`progres-row-${id}`}
      aria-labelledby={`prog-${id}-h`}
    >
      <header className="progres-head">
        <div>
          <h2 className="card-title" id={`prog-${id}-h`}>
            <span className="code">{p.code}</span> {p.name}
          </h2>
          {p.indicatorName ? (
            <p className="muted">
              {t('progres.indicator', {
                name: p.indicatorName,
                target: formatNumber(
                  p.indicatorTarget,
                  p.indicatorTarget !== null && !Number.isInteger(p.indicatorTarget) ? 2 : 0,
                  locale,
                ),
                unit: p.indicatorUnit ?? '',
              })}
            </p>
          ) : null}
        </div>
        <div className="progres-status">
          <div data-testid={`row-status-${id}`}>
            <VerificationBadge state={p.verification} note={p.verificationNote} />
          </div>
          <div className="row-saved" role="status">
            {savedAt !== null
              ? t('row.savedAt', { time: formatTimeWib(savedAt, locale) })
              : dirty
                ? t('row.unsaved')
                : ''}
          </div>
        </div>
      </header>
      <div className="form-grid">
        <NumberField
          id={fid('physical')}
          label={t('progres.physical')}
          value={shown.physical}
          onChange={(v) => edit('physical', v)}
          disabled={!editable}
          preview={(v) => formatPct(v, 2, locale)}
          hint={
            p.plannedPct !== null
              ? t('progres.plan', {
                  plan: formatPct(p.plannedPct, 2, locale),
                  dev: formatPoin(deviation, 2, locale),
                })
              : undefined
          }
          error={fieldError(errors, 'physicalPct')}
          testId={`input-physical-${id}`}
          required
        />
        <NumberField
          id={fid('spent')}
          label={t('progres.spent')}
          value={shown.spent}
          onChange={(v) => edit('spent', v)}
          disabled={!editable}
          integer
          preview={(v) => formatRupiah(v, locale)}
          error={fieldError(errors, 'spentRp')}
          testId={`input-spent-${id}`}
          required
        />
        <NumberField
          id={fid('indicator')}
          label={
            p.indicatorUnit
              ? t('progres.indicatorValue', { unit: p.indicatorUnit })
              : t('progres.indicatorValueNoUnit')
          }
          value={shown.indicator}
          onChange={(v) => edit('indicator', v)}
          disabled={!editable}
          preview={(v) => formatNumber(v, Number.isInteger(v) ? 0 : 2, locale)}
          error={fieldError(errors, 'indicatorValue')}
          testId={`input-indicator-${id}`}
        />
        <SelectField
          id={fid('status')}
          label={t('progres.status')}
          value={shown.status}
          onChange={(v) => edit('status', v)}
          disabled={!editable}
          placeholder={t('form.choose')}
          options={STATUSES.map((st) => ({ value: st, label: t(STATUS_KEY[st]) }))}
          error={fieldError(errors, 'status')}
          testId={`input-status-${id}`}
        />
        <TextAreaField
          id={fid('kendala')}
          className="field--span2"
          label={t('progres.kendala')}
          value={shown.kendala}
          onChange={(v) => edit('kendala', v)}
          disabled={!editable}
          maxLength={1000}
          error={fieldError(errors, 'kendala')}
          testId={`input-kendala-${id}`}
        />
        <TextAreaField
          id={fid('tindak')}
          className="field--span2"
          label={t('progres.tindakLanjut')}
          value={shown.tindak}
          onChange={(v) => edit('tindak', v)}
          disabled={!editable}
          maxLength={1000}
          error={fieldError(errors, 'tindakLanjut')}
          testId={`input-tindak-${id}`}
        />
        <TextField
          id={fid('evidence')}
          className="field--span2"
          type="url"
          inputMode="url"
          label={t('progres.evidence')}
          placeholder="https://"
          value={shown.evidence}
          onChange={(v) => edit('evidence', v)}
          disabled={!editable}
          error={fieldError(errors, 'evidenceUrl')}
          testId={`input-evidence-${id}`}
        />
      </div>
      {message || conflict ? (
        <div
          className={`row-error ${conflict ? 'row-error--conflict' : ''}`}
          role="alert"
          data-testid={`row-error-${id}`}
        >
          <p>{message}</p>
          {extra.length > 0 ? (
            <ul>
              {extra.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          ) : null}
          {conflict && current ? (
            <div className="conflict">
              <p>
                {t('conflict.currentProgress', {
                  physical: formatPct(current.physicalPct, 2, locale),
                  spent: formatRupiah(current.spentRp, locale),
                  status:
                    current.status && current.status in STATUS_KEY
                      ? t(STATUS_KEY[current.status as keyof typeof STATUS_KEY])
                      : '—',
                })}
              </p>
              <div className="form-actions">
                <button
                  type="button"
                  className="btn btn--small btn--primary"
                  onClick={takeLatest}
                  data-testid={`use-latest-${id}`}
                >
                  {t('conflict.useLatest')}
                </button>
                <button
                  type="button"
                  className="btn btn--small"
                  onClick={() => submit(conflict.version)}
                  data-testid={`keep-mine-${id}`}
                >
                  {t('conflict.keepMine')}
                </button>
              </div>
            </div>
          ) : null}
        </div>
      ) : null}
      {editable ? (
        <div className="form-actions">
          <button
            type="button"
            className="btn btn--primary"
            onClick={() => submit()}
            disabled={save.isPending}
            data-testid={`save-${id}`}
          >
            {save.isPending ? t('state.saving') : t('progres.save', { code: p.code })}
          </button>
        </div>
      ) : null}
    </section>
  );
}
