// The agenda of a planned meeting: pillars (reference.pillars) and OPDs (reference.opds) added in
// the order the chair wants to review them, moved up and down, removed. The server opens the
// agenda with the overdue follow-ups of earlier meetings by itself; the hint says so.

import { useState } from 'react';
import type { AgendaItemInput } from '../../../shared/meetings';
import { type FieldErrors, fieldError } from '../../forms/errors';
import { SelectField } from '../../office/fields';
import { useT } from '../../office/useT';
import type { RouterOutputs } from '../../trpc';
import { itemLabel } from './labels';

type Pillar = RouterOutputs['reference']['pillars'][number];
type Opd = RouterOutputs['reference']['opds'][number];

export function AgendaBuilder({
  idPrefix,
  items,
  onChange,
  pillars,
  opds,
  errors,
  disabled,
}: {
  idPrefix: string;
  items: readonly AgendaItemInput[];
  onChange: (items: AgendaItemInput[]) => void;
  pillars: readonly Pillar[];
  opds: readonly Opd[];
  errors: FieldErrors;
  disabled?: boolean;
}) {
  const { t } = useT();
  const [pillar, setPillar] = useState('');
  const [opd, setOpd] = useState('');
  const pillarNames = new Map(pillars.map((p) => [p.code, p.name]));
  const opdNames = new Map(opds.map((o) => [o.code, o.shortName]));
  const move = (from: number, to: number) => {
    const next = [...items];
    const [it] = next.splice(from, 1);
    if (!it) return;
    next.splice(to, 0, it);
    onChange(next);
  };
  const listError = fieldError(errors, 'items');
  // Each pillar and OPD once: the choices leave out what the agenda already has.
  const chosen = new Set(items.map((i) => `${i.kind}:${i.kind === 'pillar' ? i.pillarCode : i.opdCode}`));
  return (
    <fieldset className="agenda-builder" data-testid={`${idPrefix}-agenda`}>
      <legend className="field-label">{t('rapat.agenda')}</legend>
      <p className="field-hint">{t('rapat.agendaHint')}</p>
      {items.length === 0 ? (
        <p className="muted" data-testid={`${idPrefix}-agenda-empty`}>
          {t('rapat.agendaEmpty')}
        </p>
      ) : (
        <ol className="agenda-draft">
          {items.map((it, n) => {
            const code = it.kind === 'pillar' ? it.pillarCode : it.opdCode;
            const label = itemLabel(
              { kind: it.kind, pillarCode: it.pillarCode, opdCode: it.opdCode },
              t,
              pillarNames,
              opdNames,
            );
            const err =
              fieldError(errors, `items.${n}.pillarCode`) ??
              fieldError(errors, `items.${n}.opdCode`) ??
              fieldError(errors, `items.${n}`);
            return (
              <li key={`${it.kind}-${code}`} data-testid={`${idPrefix}-agenda-item-${n}`}>
                <span className="agenda-draft-no">{n + 1}.</span>
                <span className="agenda-draft-label">{label}</span>
                <span className="agenda-draft-actions">
                  <button
                    type="button"
                    className="btn btn--small"
                    onClick={() => move(n, n - 1)}
                    disabled={disabled || n === 0}
                    data-testid={`${idPrefix}-agenda-up-${n}`}
                  >
                    ↑
                    <span className="sr-only">
                      {' '}
                      {t('rapat.up')}: {label}
                    </span>
                  </button>
                  <button
                    type="button"
                    className="btn btn--small"
                    onClick={() => move(n, n + 1)}
                    disabled={disabled || n === items.length - 1}
                    data-testid={`${idPrefix}-agenda-down-${n}`}
                  >
                    ↓
                    <span className="sr-only">
                      {' '}
                      {t('rapat.down')}: {label}
                    </span>
                  </button>
                  <button
                    type="button"
                    className="btn btn--small"
                    onClick={() => onChange(items.filter((_, i) => i !== n))}
                    disabled={disabled}
                    data-testid={`${idPrefix}-agenda-remove-${n}`}
                  >
                    {t('rapat.remove')}
                    <span className="sr-only"> {label}</span>
                  </button>
                </span>
                {err ? <span className="field-error agenda-draft-error">{err}</span> : null}
              </li>
            );
          })}
        </ol>
      )}
      <div className="agenda-add">
        <SelectField
          id={`${idPrefix}-pillar`}
          label={t('rapat.pickPillar')}
          value={pillar}
          onChange={setPillar}
          options={pillars
            .filter((p) => !chosen.has(`pillar:${p.code}`))
            .map((p) => ({ value: p.code, label: `${p.name} (${p.code})` }))}
          placeholder={t('form.choose')}
          disabled={disabled}
          testId={`${idPrefix}-pillar`}
        />
        <button
          type="button"
          className="btn"
          disabled={disabled || !pillar}
          onClick={() => {
            onChange([...items, { kind: 'pillar', pillarCode: pillar }]);
            setPillar('');
          }}
          data-testid={`${idPrefix}-add-pillar`}
        >
          {t('rapat.addPillar')}
        </button>
        <SelectField
          id={`${idPrefix}-opd`}
          label={t('rapat.pickOpd')}
          value={opd}
          onChange={setOpd}
          options={opds
            .filter((o) => !chosen.has(`opd:${o.code}`))
            .sort((a, b) => a.shortName.localeCompare(b.shortName))
            .map((o) => ({ value: o.code, label: `${o.shortName} — ${o.name}` }))}
          placeholder={t('form.choose')}
          disabled={disabled}
          testId={`${idPrefix}-opd`}
        />
        <button
          type="button"
          className="btn"
          disabled={disabled || !opd}
          onClick={() => {
            onChange([...items, { kind: 'opd', opdCode: opd }]);
            setOpd('');
          }}
          data-testid={`${idPrefix}-add-opd`}
        >
          {t('rapat.addOpd')}
        </button>
      </div>
      {listError ? (
        <div className="field-error" data-testid={`${idPrefix}-agenda-error`}>
          {listError}
        </div>
      ) : null}
    </fieldset>
  );
}

type Display = RouterOutputs['display']['list'][number];

/** The walls of the room: they follow the chair while the meeting runs, their playlist paused. */
export function WallsPicker({
  idPrefix,
  displays,
  value,
  onChange,
  disabled,
}: {
  idPrefix: string;
  displays: readonly Display[];
  value: readonly number[];
  onChange: (ids: number[]) => void;
  disabled?: boolean;
}) {
  const { t } = useT();
  const active = displays.filter((d) => !d.revoked);
  return (
    <fieldset className="walls-picker" data-testid={`${idPrefix}-walls`}>
      <legend className="field-label">{t('rapat.walls')}</legend>
      <p className="field-hint">{t('rapat.wallsHint')}</p>
      {active.length === 0 ? <p className="muted">{t('rapat.wallsNone')}</p> : null}
      <ul className="walls-list">
        {active.map((d) => (
          <li key={d.id}>
            <label className="walls-option">
              <input
                type="checkbox"
                checked={value.includes(d.id)}
                disabled={disabled}
                onChange={(e) =>
                  onChange(e.target.checked ? [...value, d.id] : value.filter((id) => id !== d.id))
                }
                data-testid={`${idPrefix}-wall-${d.id}`}
              />
              <span>
                {d.name}
                {d.location ? <span className="muted"> · {d.location}</span> : null}
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
