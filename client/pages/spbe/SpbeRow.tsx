// One SPBE indicator of the year's self-assessment: its maturity level (0–5, or not assessed) and
// the evidence, saved against the version the admin saw. A save that lost the race shows the
// server's level with "Gunakan nilai terbaru" / "Simpan nilai saya", as realisation rows do.

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type KeyboardEvent, useState } from 'react';
import { spbeLevelEntry } from '../../../shared/entry';
import { formatDate, formatDateTimeWib, formatNumber, formatTimeWib } from '../../../shared/format';
import {
  type Conflict,
  describeError,
  type FieldErrors,
  fieldError,
  firstInvalid,
  issuesToFieldErrors,
  otherFieldMessages,
} from '../../forms/errors';
import { focusField, SelectField, TextField } from '../../office/fields';
import type { OfficeKey } from '../../office/messages';
import { useT } from '../../office/useT';
import { type RouterOutputs, useTRPC } from '../../trpc';

export type SpbeRowData = RouterOutputs['entry']['spbe']['rows'][number];

export interface SpbeDraft {
  /** '' = not assessed, '0'…'5'. */
  level: string;
  evidence: string;
  /** The version the admin started from: a save against anything newer is a conflict. */
  version: number | null;
}

export const LEVELS = ['0', '1', '2', '3', '4', '5'] as const;
const FIELDS = ['level', 'evidence'] as const;

export function levelOfDraft(value: string): number | null {
  return value === '' ? null : Number(value);
}

export function draftFromRow(row: SpbeRowData): SpbeDraft {
  return {
    level: row.level === null ? '' : String(row.level),
    evidence: row.evidence ?? '',
    version: row.version,
  };
}

/** The level the server holds now, from error.data.conflict.current ({ level }). */
export function conflictLevel(c: Conflict): number | null {
  const cur =
    typeof c.current === 'object' && c.current !== null ? (c.current as Record<string, unknown>) : {};
  return typeof cur.level === 'number' ? cur.level : null;
}

interface RowProps {
  row: SpbeRowData;
  year: number;
  editable: boolean;
  draft: SpbeDraft | undefined;
  onDraft: (draft: SpbeDraft | undefined) => void;
}

export function SpbeRow({ row, year, editable, draft, onDraft }: RowProps) {
  const { t, locale } = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const queryKey = trpc.entry.spbe.queryKey({ year });
  // The answer carries no version: the save stays pending until the year is read again, so the
  // next save of this row starts from the version the server just wrote.
  const save = useMutation(
    trpc.entry.saveSpbeLevel.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey }),
    }),
  );

  const shown = draft ?? draftFromRow(row);
  const level = levelOfDraft(shown.level);
  const evidence = shown.evidence.trim() === '' ? null : shown.evidence.trim();
  const dirty = draft !== undefined && (level !== row.level || evidence !== (row.evidence ?? null));
  const id = (f: (typeof FIELDS)[number]) => `spbe-${f}-${row.no}`;

  const edit = (patch: Partial<SpbeDraft>) => {
    onDraft({ ...shown, ...patch });
    setSavedAt(null);
  };

  const submit = (versionOverride?: number) => {
    setMessage(null);
    if (!dirty && versionOverride === undefined) {
      setMessage(t('row.noChange'));
      return;
    }
    const parsed = spbeLevelEntry.safeParse({
      year,
      indicatorNo: row.no,
      level,
      evidence,
      expectedVersion: versionOverride ?? shown.version,
    });
    if (!parsed.success) {
      const errs = issuesToFieldErrors(parsed.error.issues);
      setErrors(errs);
      setMessage(t('form.fixErrors'));
      const bad = firstInvalid(errs, FIELDS);
      focusField(bad ? id(bad) : null);
      return;
    }
    setErrors({});
    save.mutate(parsed.data, {
      onSuccess: () => {
        onDraft(undefined);
        setConflict(null);
        setMessage(null);
        setSavedAt(Date.now());
      },
      onError: (err) => {
        const info = describeError(err, t('error.network'));
        setMessage(info.message);
        setConflict(info.conflict);
        setErrors(info.fieldErrors);
        const bad = firstInvalid(info.fieldErrors, FIELDS);
        if (bad) focusField(id(bad));
      },
    });
  };

  const takeLatest = () => {
    onDraft(undefined);
    setConflict(null);
    setMessage(null);
    setErrors({});
    void queryClient.invalidateQueries({ queryKey });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      submit();
    }
  };

  const levelLabel = (v: number | null) =>
    t(v === null ? 'spbe.level.none' : (`spbe.level.${v}` as OfficeKey));
  const options = LEVELS.map((v) => ({ value: v, label: t(`spbe.level.${v}`) }));
  const extra = otherFieldMessages(errors, FIELDS);
  const what = t('spbe.indicatorNo', { no: row.no });
  const enteredMs = row.enteredAt ? Date.parse(row.enteredAt) : Number.NaN;

  return (
    <>
      <tr className={dirty ? 'row--dirty' : ''} data-testid={`spbe-row-${row.no}`}>
        <td className="num">{row.no}</td>
        <td className="name">
          {row.name}
          {row.sectorSlot === 1 ? (
            <div className="field-hint" data-testid={`spbe-sector-${row.no}`}>
              {t('spbe.sectorHint')}
            </div>
          ) : null}
        </td>
        <td className="num">{`${formatNumber(row.weightPct, 2, locale)} %`}</td>
        <td className="spbe-level">
          <SelectField
            id={id('level')}
            label={`${t('spbe.level')} · ${what}`}
            hideLabel
            value={shown.level}
            onChange={(v) => edit({ level: v })}
            placeholder={t('spbe.level.none')}
            options={options}
            disabled={!editable}
            error={fieldError(errors, 'level')}
            testId={`spbe-level-${row.no}`}
          />
        </td>
        <td className="spbe-evidence">
          <TextField
            id={id('evidence')}
            label={`${t('spbe.evidence')} · ${what}`}
            hideLabel
            value={shown.evidence}
            onChange={(v) => edit({ evidence: v })}
            onKeyDown={onKeyDown}
            placeholder={editable ? t('spbe.evidencePlaceholder') : undefined}
            maxLength={2000}
            disabled={!editable}
            error={fieldError(errors, 'evidence')}
            testId={`spbe-evidence-${row.no}`}
          />
        </td>
        <td>
          <div
            className="row-saved"
            role="status"
            title={Number.isFinite(enteredMs) ? formatDateTimeWib(enteredMs, locale) : undefined}
            data-testid={`spbe-status-${row.no}`}
          >
            {savedAt !== null
              ? t('row.savedAt', { time: formatTimeWib(savedAt, locale) })
              : dirty
                ? t('row.unsaved')
                : Number.isFinite(enteredMs)
                  ? t('spbe.enteredAt', { time: formatDate(enteredMs, locale) })
                  : ''}
          </div>
        </td>
        {editable ? (
          <td>
            <button
              type="button"
              className="btn btn--small btn--primary"
              onClick={() => submit()}
              disabled={save.isPending}
              aria-label={t('row.saveLabel', { code: what })}
              data-testid={`spbe-save-${row.no}`}
            >
              {save.isPending ? t('state.saving') : t('action.save')}
            </button>
          </td>
        ) : null}
      </tr>
      {message || conflict ? (
        <tr className="row-detail">
          <td colSpan={editable ? 7 : 6}>
            <div
              className={`row-error ${conflict ? 'row-error--conflict' : ''}`}
              role="alert"
              data-testid={`spbe-error-${row.no}`}
            >
              <p>{message}</p>
              {extra.length > 0 ? (
                <ul>
                  {extra.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              ) : null}
              {conflict ? (
                <div className="conflict">
                  <p>{t('spbe.conflict', { level: levelLabel(conflictLevel(conflict)) })}</p>
                  <div className="form-actions">
                    <button
                      type="button"
                      className="btn btn--small btn--primary"
                      onClick={takeLatest}
                      data-testid={`spbe-use-latest-${row.no}`}
                    >
                      {t('conflict.useLatest')}
                    </button>
                    <button
                      type="button"
                      className="btn btn--small"
                      onClick={() => submit(conflict.version)}
                      data-testid={`spbe-keep-mine-${row.no}`}
                    >
                      {t('conflict.keepMine')}
                    </button>
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
