// WIB (Asia/Jakarta, UTC+7, no daylight saving) calendar arithmetic shared by server and client.
// Instants are epoch milliseconds (UTC); calendar values are strings in WIB:
// dates 'YYYY-MM-DD', months 'YYYY-MM'. Fixed-offset maths keeps results identical on every host.

export const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;

export interface WibParts {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
  hour: number;
  minute: number;
  second: number;
  weekday: number; // 0 = Minggu (Sunday) … 6 = Sabtu
}

export function wibParts(ms: number): WibParts {
  const d = new Date(ms + WIB_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
  };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** WIB calendar date of an instant, 'YYYY-MM-DD'. */
export function wibDate(ms: number): string {
  const p = wibParts(ms);
  return `${p.year}-${pad2(p.month)}-${pad2(p.day)}`;
}

/** WIB month of an instant, 'YYYY-MM'. */
export function wibMonth(ms: number): string {
  const p = wibParts(ms);
  return `${p.year}-${pad2(p.month)}`;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;

export function parseDate(date: string): { year: number; month: number; day: number } {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`Not a date 'YYYY-MM-DD': ${date}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    throw new RangeError(`No such date: ${date}`);
  }
  return { year, month, day };
}

export function isValidDate(date: string): boolean {
  try {
    parseDate(date);
    return true;
  } catch {
    return false;
  }
}

export function parseMonth(period: string): { year: number; month: number } {
  const m = MONTH_RE.exec(period);
  const year = Number(m?.[1]);
  const month = Number(m?.[2]);
  if (!m || month < 1 || month > 12) throw new RangeError(`Not a month 'YYYY-MM': ${period}`);
  return { year, month };
}

export function monthKey(year: number, month: number): string {
  return `${year}-${pad2(month)}`;
}

/** Epoch ms of a WIB wall-clock time on a WIB date (default 00.00 WIB). */
export function wibToMs(date: string, hour = 0, minute = 0): number {
  const { year, month, day } = parseDate(date);
  return Date.UTC(year, month - 1, day, hour, minute) - WIB_OFFSET_MS;
}

/** Date string n days after (or before, n < 0) a date. */
export function addDays(date: string, n: number): string {
  const { year, month, day } = parseDate(date);
  const d = new Date(Date.UTC(year, month - 1, day) + n * DAY_MS);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** Weekday of a date: 0 = Minggu … 6 = Sabtu. */
export function weekdayOf(date: string): number {
  const { year, month, day } = parseDate(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** Whole days from date a to date b (b − a). */
export function daysBetween(a: string, b: string): number {
  const pa = parseDate(a);
  const pb = parseDate(b);
  return Math.round(
    (Date.UTC(pb.year, pb.month - 1, pb.day) - Date.UTC(pa.year, pa.month - 1, pa.day)) / DAY_MS,
  );
}

/** Last day of a month, 'YYYY-MM-DD'. */
export function lastDayOfMonth(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0));
  return `${year}-${pad2(month)}-${pad2(d.getUTCDate())}`;
}
