// A meeting follow-up as the OPD page holds it: its shown state and tone, the note beside its due
// date, and what a card keeps while the list regroups it (a report can move it to another group).

import { formatDate } from '../../../shared/format';
import type { Conflict, FieldErrors } from '../../forms/errors';
import type { OfficeKey } from '../../office/messages';
import type { TFn } from '../../office/useT';
import type { RouterOutputs } from '../../trpc';

export type FollowUp = RouterOutputs['followUp']['ofOpd']['items'][number];
export type ShownState = FollowUp['state'];
type ReportState = 'dalam_proses' | 'selesai';

export const STATE_KEY: Record<ShownState, OfficeKey> = {
  terlambat: 'tl.state.terlambat',
  dalam_proses: 'tl.state.dalam_proses',
  selesai: 'tl.state.selesai',
};
export const STATE_TONE: Record<ShownState, string> = {
  terlambat: 'bad',
  dalam_proses: 'wait',
  selesai: 'ok',
};

export interface Draft {
  state: ReportState;
  progress: string;
  text: string;
  /** The version of the follow-up the operator was looking at when they started. */
  version: number;
}

/** What a card must keep while the list regroups it (a report can move it to another section). */
export interface CardUi {
  draft: Draft | null;
  errors: FieldErrors;
  message: string | null;
  /** Someone reported first: the follow-up as it stands now, and its version. */
  conflict: (Conflict & { current: FollowUp }) | null;
  /** The form of a done follow-up is opened on request. */
  reopened: boolean;
  historyOpen: boolean;
  savedAt: number | null;
}

export const EMPTY_UI: CardUi = {
  draft: null,
  errors: {},
  message: null,
  conflict: null,
  reopened: false,
  historyOpen: false,
  savedAt: null,
};

/** Whole days from `day` to `due` ('YYYY-MM-DD'), negative once past. */
function daysUntil(day: string, due: string): number {
  return Math.round((Date.parse(`${due}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000);
}

/** "terlambat 5 hari", "3 hari lagi", "jatuh tempo hari ini", "selesai 20 November 2026". */
export function dueNote(f: FollowUp, day: string, t: TFn, locale: 'id' | 'en'): string {
  if (f.state === 'selesai')
    return t('tl.doneAt', { date: f.doneAt ? formatDate(Date.parse(f.doneAt), locale) : '—' });
  if (f.state === 'terlambat') return t('tl.late', { n: f.daysLate });
  const left = daysUntil(day, f.dueDate);
  return left <= 0 ? t('tl.dueToday') : t('tl.dueIn', { n: left });
}
