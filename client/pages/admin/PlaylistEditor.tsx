// The playlist of a display as a table of views: each row picks a wall screen, its dwell time and
// the filters that make sense for it (pillar for one pillar, OPD for budget, compliance and a
// pillar, service group for services). Rows are added, removed and moved with buttons, and the
// keyboard focus follows the row that moved.

import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { type FieldErrors, fieldError } from '../../forms/errors';
import { focusField, type Option, SelectField, TextField } from '../../office/fields';
import { useT } from '../../office/useT';
import { useTRPC } from '../../trpc';
import {
  applies,
  type DraftItem,
  type Filter,
  moveItem,
  newDraftItem,
  SCREENS,
  type Screen,
  serviceGroupLabel,
} from './playlistDraft';

const REFERENCE_STALE_MS = 10 * 60_000;
/** The most views shared/schemas.ts allows in one playlist. */
const MAX_ITEMS = 40;
/** Fields of a row in the order a person meets them (and the first invalid one gets focus). */
export const ITEM_FIELDS = ['screen', 'dwellS', 'pillar', 'opdCode', 'serviceGroup'] as const;

export function itemFieldId(prefix: string, key: number, field: string): string {
  return `${prefix}-item-${key}-${field}`;
}

export function addButtonId(prefix: string): string {
  return `${prefix}-add`;
}

/** Keeps a value the options no longer hold (an OPD made inactive) choosable, so it is not lost. */
function withCurrent(options: readonly Option[], value: string): readonly Option[] {
  return value === '' || options.some((o) => o.value === value)
    ? options
    : [...options, { value, label: value }];
}

function useFilterOptions() {
  const { t } = useT();
  const trpc = useTRPC();
  const stale = { staleTime: REFERENCE_STALE_MS };
  const pillars = useQuery({ ...trpc.reference.pillars.queryOptions(), ...stale });
  const opds = useQuery({ ...trpc.reference.opds.queryOptions(), ...stale });
  const services = useQuery({ ...trpc.reference.services.queryOptions(), ...stale });
  const groups = [...new Set((services.data ?? []).map((s) => s.group))];
  return {
    pillar: (pillars.data ?? []).map((p) => ({ value: p.code, label: `${p.code} · ${p.name}` })),
    opdCode: (opds.data ?? []).map((o) => ({ value: o.code, label: `${o.name} (${o.code})` })),
    serviceGroup: groups.map((g) => ({ value: g, label: serviceGroupLabel(g, t) })),
  } satisfies Record<Filter, Option[]>;
}

export function PlaylistEditor({
  prefix,
  items,
  onChange,
  errors,
}: {
  prefix: string;
  items: readonly DraftItem[];
  onChange: (items: DraftItem[]) => void;
  errors: FieldErrors;
}) {
  const { t } = useT();
  const options = useFilterOptions();
  const screenOptions = SCREENS.map((s) => ({ value: s, label: t(`displays.screen.${s}`) }));
  // After a row moves, appears or goes, focus lands where the person expects it.
  const pendingFocus = useRef<string | null>(null);
  useEffect(() => {
    if (pendingFocus.current === null) return;
    focusField(pendingFocus.current);
    pendingFocus.current = null;
  });

  const set = (index: number, patch: Partial<DraftItem>) =>
    onChange(items.map((it, i) => (i === index ? { ...it, ...patch } : it)));
  const move = (index: number, delta: -1 | 1) => {
    const item = items[index];
    if (!item) return;
    const to = index + delta;
    const edge = to === 0 || to === items.length - 1;
    // At the end it can go no further: the other arrow of the same row keeps the focus.
    const button = edge ? (delta === -1 ? 'down' : 'up') : delta === -1 ? 'up' : 'down';
    pendingFocus.current = itemFieldId(prefix, item.key, button);
    onChange(moveItem(items, index, delta));
  };
  const remove = (index: number) => {
    const next = items[index + 1] ?? items[index - 1];
    pendingFocus.current = next ? itemFieldId(prefix, next.key, 'screen') : addButtonId(prefix);
    onChange(items.filter((_, i) => i !== index));
  };
  const add = () => {
    const item = newDraftItem();
    pendingFocus.current = itemFieldId(prefix, item.key, 'screen');
    onChange([...items, item]);
  };
  const listError = fieldError(errors, 'playlist');

  return (
    <fieldset className="playlist-editor" aria-describedby={`${prefix}-playlist-hint`}>
      <legend className="field-label">{t('displays.playlist')}</legend>
      <p className="field-hint" id={`${prefix}-playlist-hint`}>
        {t('displays.playlistHint')}
      </p>
      <div className="table-wrap">
        <table className="table table--playlist" data-testid={`${prefix}-playlist`}>
          <thead>
            <tr>
              <th scope="col" className="num col-no">
                {t('displays.no')}
              </th>
              <th scope="col" className="col-screen">
                {t('displays.screen')}
              </th>
              <th scope="col" className="col-dwell">
                {t('displays.dwell')}
              </th>
              <th scope="col" className="col-filter">
                {t('displays.pillar')}
              </th>
              <th scope="col">{t('field.opd')}</th>
              <th scope="col" className="col-filter">
                {t('displays.serviceGroup')}
              </th>
              <th scope="col" className="col-actions">
                {t('displays.itemActions')}
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item, i) => {
              const no = i + 1;
              const err = (f: (typeof ITEM_FIELDS)[number]) => fieldError(errors, `playlist.${i}.${f}`);
              const id = (f: string) => itemFieldId(prefix, item.key, f);
              const filterCell = (filter: Filter, label: string, placeholder: string, testId: string) =>
                applies(item.screen, filter) ? (
                  <td>
                    <SelectField
                      id={id(filter)}
                      label={label}
                      hideLabel
                      value={item[filter]}
                      onChange={(v) => set(i, { [filter]: v })}
                      options={withCurrent(options[filter], item[filter])}
                      placeholder={placeholder}
                      required={filter === 'pillar'}
                      error={err(filter)}
                      testId={`${prefix}-${testId}-${i}`}
                    />
                  </td>
                ) : (
                  <td className="cell-na muted" data-testid={`${prefix}-${testId}-${i}-na`}>
                    <span aria-hidden="true">—</span>
                    <span className="sr-only">{t('displays.notApplicable')}</span>
                  </td>
                );
              return (
                <tr key={item.key} data-testid={`${prefix}-item-${i}`}>
                  <td className="num">{no}</td>
                  <td>
                    <SelectField
                      id={id('screen')}
                      label={t('displays.itemScreen', { no })}
                      hideLabel
                      value={item.screen}
                      onChange={(v) => {
                        const screen = SCREENS.find((s) => s === v);
                        if (screen) set(i, { screen: screen satisfies Screen });
                      }}
                      options={screenOptions}
                      error={err('screen')}
                      testId={`${prefix}-screen-${i}`}
                    />
                  </td>
                  <td>
                    <TextField
                      id={id('dwellS')}
                      label={t('displays.itemDwell', { no })}
                      hideLabel
                      value={item.dwell}
                      onChange={(v) => set(i, { dwell: v })}
                      inputMode="numeric"
                      maxLength={6}
                      autoComplete="off"
                      required
                      error={err('dwellS')}
                      testId={`${prefix}-dwell-${i}`}
                    />
                  </td>
                  {filterCell('pillar', t('displays.itemPillar', { no }), t('form.choose'), 'pillar')}
                  {filterCell('opdCode', t('displays.itemOpd', { no }), t('displays.allOpds'), 'opd')}
                  {filterCell(
                    'serviceGroup',
                    t('displays.itemServiceGroup', { no }),
                    t('displays.allGroups'),
                    'group',
                  )}
                  <td className="actions">
                    <button
                      type="button"
                      id={id('up')}
                      className="btn btn--small"
                      onClick={() => move(i, -1)}
                      disabled={i === 0}
                      data-testid={`${prefix}-up-${i}`}
                    >
                      {t('displays.moveUp')}
                      <span className="sr-only">{t('displays.ofItem', { no })}</span>
                    </button>
                    <button
                      type="button"
                      id={id('down')}
                      className="btn btn--small"
                      onClick={() => move(i, 1)}
                      disabled={i === items.length - 1}
                      data-testid={`${prefix}-down-${i}`}
                    >
                      {t('displays.moveDown')}
                      <span className="sr-only">{t('displays.ofItem', { no })}</span>
                    </button>
                    <button
                      type="button"
                      id={id('remove')}
                      className="btn btn--small"
                      onClick={() => remove(i)}
                      disabled={items.length === 1}
                      data-testid={`${prefix}-remove-${i}`}
                    >
                      {t('displays.remove')}
                      <span className="sr-only">{t('displays.ofItem', { no })}</span>
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {listError ? (
        <div className="field-error" id={`${prefix}-playlist-error`}>
          {listError}
        </div>
      ) : null}
      <div className="form-actions">
        <button
          type="button"
          id={addButtonId(prefix)}
          className="btn"
          onClick={add}
          disabled={items.length >= MAX_ITEMS}
          data-testid={`${prefix}-add`}
        >
          {t('displays.addItem')}
        </button>
      </div>
    </fieldset>
  );
}
