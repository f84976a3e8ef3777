// The state of a follow-up (tindak lanjut) on a given day: selesai once the OPD reported it done
// by then; terlambat when still open after its due date; else dalam proses. Judged per WIB day,
// so a meeting looking back sees each follow-up as it stood on the meeting's date.
import { wibDate } from '../../shared/time';

export type FollowUpShownState = 'selesai' | 'dalam_proses' | 'terlambat';

export interface FollowUpDates {
  dueDate: string; // 'YYYY-MM-DD'
  doneAt: string | null; // ISO instant
}

export function followUpStateOn(f: FollowUpDates, day: string): FollowUpShownState {
  if (f.doneAt !== null && wibDate(Date.parse(f.doneAt)) <= day) return 'selesai';
  return f.dueDate < day ? 'terlambat' : 'dalam_proses';
}

/** Days past the due date on `day` (0 when not late). */
export function daysLate(f: FollowUpDates, day: string): number {
  if (followUpStateOn(f, day) !== 'terlambat') return 0;
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${f.dueDate}T00:00:00Z`)) / 86_400_000);
}

export interface FollowUpCounts {
  total: number;
  selesai: number;
  dalam_proses: number;
  terlambat: number;
}

export function countFollowUps(states: readonly FollowUpShownState[]): FollowUpCounts {
  const c: FollowUpCounts = { total: states.length, selesai: 0, dalam_proses: 0, terlambat: 0 };
  for (const s of states) c[s] += 1;
  return c;
}

/** Late first (longest overdue first), then open by due date, then done. */
export function byUrgency<T extends FollowUpDates & { state: FollowUpShownState; id: number }>(
  a: T,
  b: T,
): number {
  const rank = { terlambat: 0, dalam_proses: 1, selesai: 2 } as const;
  return rank[a.state] - rank[b.state] || a.dueDate.localeCompare(b.dueDate) || a.id - b.id;
}
