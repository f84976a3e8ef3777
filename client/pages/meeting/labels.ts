// Words and small helpers the meeting pages share: the kind and state of a meeting, an agenda
// item's label, and the field a server refusal names ("Masukan tidak valid: items.1.opdCode: …").

import type { FieldErrors } from '../../forms/errors';
import type { OfficeKey } from '../../office/messages';
import type { TFn } from '../../office/useT';
import type { RouterOutputs } from '../../trpc';

export type MeetingRow = RouterOutputs['meeting']['list'][number];
export type MeetingKind = MeetingRow['kind'];
export type MeetingState = MeetingRow['state'];

export const KIND_KEY: Record<MeetingKind, OfficeKey> = {
  hlm: 'rapat.kind.hlm',
  rakor_pok: 'rapat.kind.rakor_pok',
  dewan: 'rapat.kind.dewan',
  lainnya: 'rapat.kind.lainnya',
};

export const STATE_KEY: Record<MeetingState, OfficeKey> = {
  planned: 'rapat.state.planned',
  running: 'rapat.state.running',
  closed: 'rapat.state.closed',
};

/** The office pill tone of each state. */
export const STATE_TONE: Record<MeetingState, string> = {
  planned: 'wait',
  running: 'warn',
  closed: 'ok',
};

export const MEETING_PATH = (id: number) => `/rapat/${id}`;

interface ItemLike {
  kind: 'pillar' | 'opd' | 'followups';
  pillarCode?: string | null;
  opdCode?: string | null;
  opdName?: string | null;
}

/** "Pilar · Smart Governance", "OPD · DLH", "Tindak lanjut rapat sebelumnya". */
export function itemLabel(
  item: ItemLike,
  t: TFn,
  pillarNames: ReadonlyMap<string, string>,
  opdNames?: ReadonlyMap<string, string>,
): string {
  if (item.kind === 'followups') return t('rapat.item.followups');
  if (item.kind === 'pillar') {
    const code = item.pillarCode ?? '';
    return t('rapat.item.pillar', { name: pillarNames.get(code) ?? code });
  }
  const code = item.opdCode ?? '';
  return t('rapat.item.opd', { name: item.opdName ?? opdNames?.get(code) ?? code });
}

const REFUSED = /^Masukan tidak valid: ([\w.]+): (.+)$/;

/**
 * The server's field errors, and for a refusal it wrote by hand ("Masukan tidak valid: dueDate:
 * …") the field its message names, so the line goes under the right input.
 */
export function serverFieldErrors(message: string, fieldErrors: FieldErrors): FieldErrors {
  if (Object.keys(fieldErrors).length > 0) return fieldErrors;
  const m = REFUSED.exec(message);
  return m?.[1] && m[2] ? { [m[1]]: [m[2]] } : {};
}
