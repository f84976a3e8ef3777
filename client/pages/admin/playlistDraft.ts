// A playlist as the admin edits it (text in inputs, rows with stable keys) and as the server takes
// it (PlaylistItem from shared/schemas.ts), plus the one-line summary the displays table shows.
// The shared zod schema checks the draft in the browser with the same messages the server sends.

import type { Locale } from '../../../shared/format';
import { type PlaylistItem, playlistSchema, WALL_SCREENS } from '../../../shared/schemas';
import { type FieldErrors, issuesToFieldErrors } from '../../forms/errors';
import { parseNumberInput } from '../../forms/number';
import { type OfficeKey, officeMessages } from '../../office/messages';
import type { TFn } from '../../office/useT';

export type Screen = PlaylistItem['screen'];
export type Filter = 'pillar' | 'opdCode' | 'serviceGroup';
export const SCREENS: readonly Screen[] = WALL_SCREENS;

/** The filters that narrow each screen; the editor shows only these. */
export const SCREEN_FILTERS: Record<Screen, readonly Filter[]> = {
  ringkasan: [],
  anggaran: ['opdCode'],
  layanan: ['serviceGroup'],
  spbe: [],
  kepatuhan: ['opdCode'],
  pilar: ['pillar', 'opdCode'],
  tindaklanjut: [],
};

export const DEFAULT_DWELL_S = 30;

export interface DraftItem {
  /** Stable across moves, for React keys and element ids. */
  key: number;
  screen: Screen;
  dwell: string;
  pillar: string;
  opdCode: string;
  serviceGroup: string;
}

let lastKey = 0;

export function newDraftItem(screen: Screen = 'ringkasan', dwellS: number = DEFAULT_DWELL_S): DraftItem {
  lastKey += 1;
  return { key: lastKey, screen, dwell: String(dwellS), pillar: '', opdCode: '', serviceGroup: '' };
}

export function toDraft(playlist: readonly PlaylistItem[]): DraftItem[] {
  return playlist.map((item) => ({
    ...newDraftItem(item.screen, item.dwellS),
    pillar: item.pillar ?? '',
    opdCode: item.opdCode ?? '',
    serviceGroup: item.serviceGroup ?? '',
  }));
}

export function applies(screen: Screen, filter: Filter): boolean {
  return SCREEN_FILTERS[screen].includes(filter);
}

/** The draft as the schema reads it: a filter goes along only when it applies and is chosen. */
function toInput(item: DraftItem, locale: Locale): Record<string, unknown> {
  const dwell = parseNumberInput(item.dwell, locale);
  const out: Record<string, unknown> = { screen: item.screen, dwellS: dwell ?? undefined };
  for (const f of SCREEN_FILTERS[item.screen]) if (item[f] !== '') out[f] = item[f];
  return out;
}

export type DraftResult = { ok: true; playlist: PlaylistItem[] } | { ok: false; errors: FieldErrors };

/** Checks a draft with the shared schema; errors are keyed like the server's ('playlist.0.dwellS'). */
export function parseDraft(items: readonly DraftItem[], locale: Locale): DraftResult {
  const parsed = playlistSchema.safeParse(items.map((i) => toInput(i, locale)));
  if (parsed.success) return { ok: true, playlist: parsed.data };
  return {
    ok: false,
    errors: issuesToFieldErrors(parsed.error.issues.map((i) => ({ ...i, path: ['playlist', ...i.path] }))),
  };
}

/** The list with the item at `index` moved one place up (-1) or down (+1); unchanged at the ends. */
export function moveItem<T>(items: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  const out = [...items];
  const a = out[index];
  const b = out[to];
  if (a === undefined || b === undefined) return out;
  out[index] = b;
  out[to] = a;
  return out;
}

function isOfficeKey(key: string): key is OfficeKey {
  return Object.hasOwn(officeMessages.id, key);
}

/** A service group's name; a group the strings do not know yet shows its code. */
export function serviceGroupLabel(group: string, t: TFn): string {
  const key = `displays.group.${group}`;
  return isOfficeKey(key) ? t(key) : group;
}

/** "Ringkasan 30 dtk · Pilar GOV (DINKES) 20 dtk · Layanan (Perizinan) 15 dtk · +3 lainnya". */
export function summarizePlaylist(playlist: readonly PlaylistItem[], t: TFn, max = 8): string {
  const parts = playlist.slice(0, max).map((item) => {
    const filter = item.opdCode ?? (item.serviceGroup ? serviceGroupLabel(item.serviceGroup, t) : null);
    const name = t(`displays.short.${item.screen}`, { code: item.pillar ?? '' });
    return `${name}${filter ? ` (${filter})` : ''} ${t('displays.seconds', { s: item.dwellS })}`;
  });
  if (playlist.length > max) parts.push(t('displays.more', { n: playlist.length - max }));
  return parts.join(' · ');
}
