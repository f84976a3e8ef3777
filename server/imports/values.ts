// Reading one cell's text as a number, an instant, a period or a status. OPD spreadsheets mix
// Indonesian ("1.234.567", "84,80") and plain ("1234567", "84.8") notation, so the rule has to be
// unambiguous (README.md in this folder states it for users and reviewers):
//
//   1. "Rp", "%", a closing ",-" (as in "Rp1.500.000,-"), spaces and non-breaking spaces are
//      ignored; a leading '-' is kept.
//   2. Both '.' and ',' present: the one that occurs LAST is the decimal separator, the other
//      groups thousands (and must group by three): "1.234.567,89" and "1,234,567.89".
//   3. Only ',' : a single ',' is the decimal separator ("84,80"); several group thousands.
//   4. Only '.' : several group thousands ("1.234.567"). A single '.' groups thousands only in a
//      whole-number column (Rupiah, Tahun, Bulan) and only when exactly three digits follow it
//      ("1.250" = 1250 Rupiah); otherwise it is the decimal point ("84.8", "1.5", and "1.250" in a
//      percentage column = 1,25).
//   5. Anything else ("1.2.3,4,5", "12a", "1e5") is not a number: a row error naming the column.

import { WIB_OFFSET_MS } from '../../shared/time';
import type { ProgrammeStatus } from '../kpi/types';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

const GROUPED = (sep: '.' | ',') => new RegExp(`^\\d{1,3}(\\${sep}\\d{3})+$`);
const GROUPED_DOT = GROUPED('.');
const GROUPED_COMMA = GROUPED(',');

/**
 * Reads a number written Indonesian style or plain. `wholeNumber` columns (Rupiah, year, month)
 * read a single '.' followed by exactly three digits as a thousands separator.
 */
export function parseNumber(raw: string, wholeNumber: boolean): Parsed<number> {
  let s = raw.replace(/[\s\u00A0]+/g, '');
  s = s
    .replace(/^(-?)rp\.?/i, '$1')
    .replace(/%$/, '')
    .replace(/(\d)[.,]-$/, '$1');
  const negative = s.startsWith('-');
  if (negative) s = s.slice(1);
  const notNumber = fail(`"${raw}" bukan angka; tulis mis. 1.234.567 atau 84,80`);
  if (!/^[0-9.,]+$/.test(s) || !/[0-9]/.test(s)) return notNumber;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let intPart: string;
  let fraction = '';
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const at = Math.max(lastDot, lastComma);
    intPart = s.slice(0, at);
    fraction = s.slice(at + 1);
    if (!(decimal === '.' ? GROUPED_COMMA : GROUPED_DOT).test(intPart) || !/^\d+$/.test(fraction))
      return notNumber;
  } else if (lastComma >= 0) {
    const commas = s.split(',').length - 1;
    if (commas === 1) {
      [intPart, fraction] = s.split(',') as [string, string];
      if (!/^\d+$/.test(intPart) || !/^\d+$/.test(fraction)) return notNumber;
    } else {
      if (!GROUPED_COMMA.test(s)) return notNumber;
      intPart = s;
    }
  } else if (lastDot >= 0) {
    const dots = s.split('.').length - 1;
    if (dots > 1 || (wholeNumber && GROUPED_DOT.test(s))) {
      if (!GROUPED_DOT.test(s)) return notNumber;
      intPart = s;
    } else {
      [intPart, fraction] = s.split('.') as [string, string];
      if (!/^\d+$/.test(intPart) || !/^\d+$/.test(fraction)) return notNumber;
    }
  } else {
    intPart = s;
  }
  const digits = intPart.replace(/[.,]/g, '');
  const value = Number(`${negative ? '-' : ''}${digits}${fraction ? `.${fraction}` : ''}`);
  return Number.isFinite(value) ? { ok: true, value } : notNumber;
}

const ISO_ZONED = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DMY_WIB = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2})[.:](\d{2})(?:[.:](\d{2}))?$/;
const YMD_WIB = /^(\d{4})-(\d{2})-(\d{2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

const FORMATS_HINT = 'gunakan DD/MM/YYYY HH.MM (WIB), YYYY-MM-DD HH:MM (WIB) atau ISO 8601 dengan zona';

function wallClock(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
): { ok: true; utcMs: number } | { ok: false } {
  if (y < 2000 || y > 2100 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return { ok: false };
  const utcMs = Date.UTC(y, mo - 1, d, h, mi, s);
  if (new Date(utcMs).getUTCDate() !== d) return { ok: false }; // 31/04, 29/02 outside leap years
  return { ok: true, utcMs };
}

/**
 * Reads an instant in one of the three accepted notations; a WIB wall-clock time is UTC+7.
 * Returns epoch milliseconds.
 */
export function parseDateTime(raw: string): Parsed<number> {
  const s = raw.trim();
  const bad = fail(`Waktu "${raw}" tidak dikenali; ${FORMATS_HINT}`);
  let m = ISO_ZONED.exec(s);
  if (m) {
    const w = wallClock(+(m[1] ?? 0), +(m[2] ?? 0), +(m[3] ?? 0), +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
    const ms = Date.parse(s);
    return w.ok && Number.isFinite(ms) ? { ok: true, value: ms } : bad;
  }
  m = DMY_WIB.exec(s);
  if (m) {
    const w = wallClock(+(m[3] ?? 0), +(m[2] ?? 0), +(m[1] ?? 0), +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
    return w.ok ? { ok: true, value: w.utcMs - WIB_OFFSET_MS } : bad;
  }
  m = YMD_WIB.exec(s);
  if (m) {
    const w = wallClock(+(m[1] ?? 0), +(m[2] ?? 0), +(m[3] ?? 0), +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
    return w.ok ? { ok: true, value: w.utcMs - WIB_OFFSET_MS } : bad;
  }
  return bad;
}

/**
 * 'YYYY-MM'. Excel turns a typed "2025-09" into a date; such a cell arrives as the first of the
 * month at 00.00 and is read back as its month.
 */
export function parsePeriod(raw: string): Parsed<string> {
  const s = raw.trim();
  const ymd = /^(\d{4})-(\d{1,2})(?:-01 00:00)?$/.exec(s);
  const my = /^(\d{1,2})\/(\d{4})$/.exec(s);
  const year = Number(ymd?.[1] ?? my?.[2] ?? 0);
  const month = Number(ymd?.[2] ?? my?.[1] ?? 0);
  if (year >= 2000 && year <= 2100 && month >= 1 && month <= 12)
    return { ok: true, value: `${year}-${String(month).padStart(2, '0')}` };
  return fail(`Periode "${raw}" tidak dikenali; tulis tahun-bulan, mis. 2025-09`);
}

const STATUSES: Record<string, ProgrammeStatus> = {
  belummulai: 'belum_mulai',
  berjalan: 'berjalan',
  selesai: 'selesai',
  tertunda: 'tertunda',
};

export function parseStatus(raw: string): Parsed<ProgrammeStatus> {
  const v = STATUSES[raw.toLowerCase().replace(/[\s_\-\u00A0]+/g, '')];
  return v
    ? { ok: true, value: v }
    : fail(`Status "${raw}" tidak dikenal; isi belum mulai, berjalan, selesai atau tertunda`);
}
