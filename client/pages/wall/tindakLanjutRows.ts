// What the "Tindak Lanjut HLM" wall lists before it counts the rest ("+3 lainnya"): rows of a fixed
// height that fit the 1080-high canvas at sizes readable from 4 m, in as many columns as the tile
// is wide (one on a 16:9 wall, two on a 32:9 one). Pure, so tests can import it.

/** Rows per column in the overdue list and in the in-progress list. */
export const LATE_ROWS = 8;
export const OPEN_ROWS = 8;
/** OPDs in the "per OPD" tally under the overdue count. */
export const OPD_ROWS = 6;
/** A list column narrower than this would cut the follow-up's text too short. */
export const MIN_COLUMN_PX = 600;
/** Gap between list columns (logical px), as in the stylesheet. */
export const COLUMN_GAP_PX = 24;
/** "jatuh tempo dalam 7 hari". */
export const DUE_SOON_DAYS = 7;

/** How many list columns a tile body of `widthPx` logical pixels holds. */
export function columnsFor(widthPx: number, min = MIN_COLUMN_PX, gap = COLUMN_GAP_PX): number {
  if (!(widthPx > 0)) return 1;
  return Math.max(1, Math.floor((widthPx + gap) / (min + gap)));
}

/** Whole days from `day` to `dueDate` (both 'YYYY-MM-DD'): 0 on the due date, negative once past. */
export function daysUntil(day: string, dueDate: string): number {
  return Math.round((Date.parse(`${dueDate}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000);
}

export interface OpdTally {
  code: string;
  name: string;
  count: number;
  longest: number;
}

/** The overdue follow-ups counted per owner OPD: the longest overdue first, then the most, then by name. */
export function tallyByOpd(
  items: readonly { ownerOpdCode: string; ownerOpdName: string; daysLate: number }[],
): OpdTally[] {
  const by = new Map<string, OpdTally>();
  for (const f of items) {
    const t = by.get(f.ownerOpdCode) ?? { code: f.ownerOpdCode, name: f.ownerOpdName, count: 0, longest: 0 };
    t.count += 1;
    t.longest = Math.max(t.longest, f.daysLate);
    by.set(f.ownerOpdCode, t);
  }
  return [...by.values()].sort(
    (a, b) => b.longest - a.longest || b.count - a.count || a.name.localeCompare(b.name, 'id'),
  );
}
