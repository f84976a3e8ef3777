// What the room shows for where the chair stands: the agenda item under the cursor and what is
// opened inside it (a programme or an OPD), resolved against the meeting's frozen snapshot. Pure,
// so the chair's controls, the wall and the tests agree on it.

import { type Locale, t } from '../../../../shared/i18n';
import type { RouterOutputs } from '../../../trpc';

export type MeetingView = RouterOutputs['meeting']['view'];
export type AgendaItem = MeetingView['items'][number];
export type Snapshot = MeetingView['snapshot'];
export type PillarReview = Snapshot['pillars'][string];
export type OpdReview = Snapshot['opds'][string];
export type FollowUp = Snapshot['carriedOver']['items'][number];
export type DecidedFollowUp = MeetingView['decided']['followUps']['items'][number];
/** A programme as the room opens it (the pillar and the OPD reviews carry the same shape). */
export type ProgrammeFocus = PillarReview['programmes'][number] | OpdReview['programmes'][number];
export type BudgetKpi = ProgrammeFocus['budget'];

export type Scene =
  | { kind: 'empty' }
  | { kind: 'pillar'; item: AgendaItem; pillar: PillarReview }
  | { kind: 'programme'; item: AgendaItem; programme: ProgrammeFocus; pillar: PillarReview | null }
  | { kind: 'opd'; item: AgendaItem; opd: OpdReview; pillar: PillarReview | null }
  | { kind: 'followups'; item: AgendaItem }
  | { kind: 'missing'; item: AgendaItem; name: string };

/** The item under the cursor; before the start (no cursor) the first item, as the room will see it. */
export function currentItem(items: readonly AgendaItem[], itemId: number | null): AgendaItem | null {
  return items.find((i) => i.id === itemId) ?? items[0] ?? null;
}

export function indexOfItem(items: readonly AgendaItem[], itemId: number | null): number {
  const i = items.findIndex((x) => x.id === itemId);
  return Math.max(i, 0);
}

/** The items before and after the one under the cursor (null at either end). */
export function neighbours(
  items: readonly AgendaItem[],
  itemId: number | null,
): { prev: AgendaItem | null; next: AgendaItem | null } {
  const i = indexOfItem(items, itemId);
  return { prev: items[i - 1] ?? null, next: items[i + 1] ?? null };
}

/** "Smart Governance", "DLH", "Tindak lanjut rapat sebelumnya". */
export function itemName(item: AgendaItem, snapshot: Snapshot | null, locale: Locale): string {
  if (item.kind === 'followups') return t('room.item.followups', locale);
  if (item.kind === 'pillar') {
    const code = item.pillarCode ?? '';
    return snapshot?.pillars[code]?.pillar.name ?? code;
  }
  return item.opdName ?? item.opdCode ?? '';
}

export function sceneFor(
  view: Pick<MeetingView, 'items' | 'snapshot'>,
  itemId: number | null,
  focus: string | null,
  locale: Locale,
): Scene {
  const { items, snapshot } = view;
  const item = currentItem(items, itemId);
  if (!item) return { kind: 'empty' };
  if (item.kind === 'followups') return { kind: 'followups', item };
  if (item.kind === 'pillar') {
    const pillar = snapshot.pillars[item.pillarCode ?? ''];
    if (!pillar) return { kind: 'missing', item, name: itemName(item, snapshot, locale) };
    if (focus) {
      const programme = pillar.programmes.find((p) => p.code === focus);
      if (programme) return { kind: 'programme', item, programme, pillar };
      const opd = snapshot.opds[focus];
      if (opd) return { kind: 'opd', item, opd, pillar };
    }
    return { kind: 'pillar', item, pillar };
  }
  const opd = snapshot.opds[item.opdCode ?? ''];
  if (!opd) return { kind: 'missing', item, name: itemName(item, snapshot, locale) };
  if (focus) {
    const programme = opd.programmes.find((p) => p.code === focus);
    if (programme) {
      return { kind: 'programme', item, programme, pillar: snapshot.pillars[programme.pillarCode] ?? null };
    }
  }
  return { kind: 'opd', item, opd, pillar: null };
}

/** What the chair may open inside an item: its programmes and (in a pillar) the OPDs behind them. */
export function openable(
  snapshot: Snapshot,
  item: AgendaItem | null,
): { programmes: ProgrammeFocus[]; opds: { code: string; name: string }[] } {
  if (!item) return { programmes: [], opds: [] };
  if (item.kind === 'pillar') {
    const pillar = snapshot.pillars[item.pillarCode ?? ''];
    if (!pillar) return { programmes: [], opds: [] };
    const seen = new Map<string, string>();
    for (const p of pillar.programmes) if (snapshot.opds[p.opdCode]) seen.set(p.opdCode, p.opdName);
    return {
      programmes: pillar.programmes,
      opds: [...seen].map(([code, name]) => ({ code, name })).sort((a, b) => a.name.localeCompare(b.name)),
    };
  }
  if (item.kind === 'opd') {
    const opd = snapshot.opds[item.opdCode ?? ''];
    return { programmes: opd ? opd.programmes : [], opds: [] };
  }
  return { programmes: [], opds: [] };
}

/** The carried-over follow-ups a scene is about (late first, as the server sorts them). */
export function followUpsFor(snapshot: Snapshot, scene: Scene): FollowUp[] {
  const all = snapshot.carriedOver.items;
  switch (scene.kind) {
    case 'pillar':
      return all.filter((f) => f.pillarCode === scene.pillar.pillar.code);
    case 'programme':
      return all.filter((f) => f.programmeCode === scene.programme.code);
    case 'opd':
      return scene.opd.followUps.items;
    case 'followups':
      return all;
    default:
      return [];
  }
}

/** Follow-ups the secretary records in this meeting under the item on screen (live, not frozen). */
export function decidedFor(decided: readonly DecidedFollowUp[], scene: Scene): DecidedFollowUp[] {
  switch (scene.kind) {
    case 'pillar':
    case 'followups':
      return decided.filter((f) => f.itemId === scene.item.id);
    case 'programme':
      return decided.filter((f) => f.programmeCode === scene.programme.code);
    case 'opd':
      return decided.filter((f) => f.ownerOpdCode === scene.opd.opdCode || f.itemId === scene.item.id);
    default:
      return [];
  }
}
