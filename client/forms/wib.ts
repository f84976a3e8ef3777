// WIB times in forms. A datetime-local input has no zone: what an operator types is read as WIB
// (Purbalingga's time) whatever the PC's clock zone, and sent as ISO with +07:00.

import { monthKey, WIB_OFFSET_MS, wibParts } from '../../shared/time';

const LOCAL_RE = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const pad2 = (n: number) => String(n).padStart(2, '0');

/** The datetime-local value of an instant in WIB: '2026-05-04T09:30'. */
export function wibLocalValue(ms: number): string {
  const p = wibParts(ms);
  return `${p.year}-${pad2(p.month)}-${pad2(p.day)}T${pad2(p.hour)}:${pad2(p.minute)}`;
}

/** A datetime-local value read as WIB, as ISO 8601 with +07:00; null when empty or malformed. */
export function wibLocalToIso(value: string): string | null {
  const m = LOCAL_RE.exec(value.trim());
  if (!m) return null;
  return `${m[1]}T${m[2]}:${m[3]}:${m[4] ?? '00'}+07:00`;
}

/** Epoch ms of a datetime-local value read as WIB; null when empty or malformed. */
export function wibLocalToMs(value: string): number | null {
  const iso = wibLocalToIso(value);
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

/** The month before the instant's WIB month, the period an operator usually reports. */
export function previousMonth(ms: number): { year: number; month: number; period: string } {
  const p = wibParts(ms);
  const year = p.month === 1 ? p.year - 1 : p.year;
  const month = p.month === 1 ? 12 : p.month - 1;
  return { year, month, period: monthKey(year, month) };
}

/** The WIB year of an instant. */
export function wibYear(ms: number): number {
  return new Date(ms + WIB_OFFSET_MS).getUTCFullYear();
}

/** 'YYYY-MM' when `text` is a valid month period, else null. */
export function validPeriod(text: string | null | undefined): string | null {
  return text && /^\d{4}-(0[1-9]|1[0-2])$/.test(text) ? text : null;
}
