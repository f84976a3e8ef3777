// The one place numbers, money, periods and WIB times become text, for tiles, tooltips, tables
// and exports alike. Grouping and dates are built by hand (no Intl) so every Node build and
// browser prints the same characters; missing values print as an em dash.

import { parseDate, parseMonth, type WibParts, wibDate, wibParts } from './time';

export type Locale = 'id' | 'en';
export type SlaUnit = 'minutes' | 'hours' | 'working_days';

export interface FreshnessInput {
  /** 'YYYY-MM' (data up to that month), 'YYYY' (budget year) or null (nothing reported). */
  period: string | null;
  /** ISO timestamp of the last update; without a zone it is read as UTC, like SQLite writes it. */
  updatedAt: string | null;
}

/** NO-BREAK SPACE, between a number and "%" or a unit word so they never wrap apart. */
export const NBSP = '\u00A0';
const DASH = '—';
const MINUS = '\u2212';

// biome-ignore format: a calendar reads better in rows
export const MONTHS_ID = [
  'Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni',
  'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember',
] as const;
// biome-ignore format: a calendar reads better in rows
export const MONTHS_EN = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;
// biome-ignore format: a calendar reads better in rows
const MONTHS_SHORT_ID = [
  'Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des',
] as const;
// biome-ignore format: a calendar reads better in rows
const MONTHS_SHORT_EN = [
  'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec',
] as const;
/** Indexed by weekday, 0 = Minggu (Sunday), as `wibParts().weekday`. */
export const DAYS_ID = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'] as const;
// biome-ignore format: a calendar reads better in rows
export const DAYS_EN = [
  'Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday',
] as const;
const ROMAN = ['', 'I', 'II', 'III', 'IV'] as const;

// biome-ignore format: one row per kind of word
const WORDS = {
  id: {
    decimal: ',', group: '.', clock: '.', poin: 'poin', indexPoints: 'poin indeks',
    minutes: 'menit', hours: 'jam', days: 'hari',
    workingDay: 'hari kerja', workingDays: 'hari kerja', sameDay: 'hari yang sama',
    year: 'TA', quarter: (q: number) => `TW ${ROMAN[q]}`, half: (h: number) => `Semester ${ROMAN[h]}`,
    upTo: 'data s.d.', noData: 'belum ada data', updated: 'diperbarui',
  },
  en: {
    decimal: '.', group: ',', clock: ':', poin: 'pts', indexPoints: 'index pts',
    minutes: 'min', hours: 'h', days: 'days',
    workingDay: 'working day', workingDays: 'working days', sameDay: 'same day',
    year: 'FY', quarter: (q: number) => `Q${q}`, half: (h: number) => `H${h}`,
    upTo: 'data to', noData: 'no data yet', updated: 'updated',
  },
} as const;

// Largest first. "M" is miliar (10⁹), never million.
const MONEY_UNITS = [
  { scale: 1e12, id: 'T', en: 'tn' },
  { scale: 1e9, id: 'M', en: 'bn' },
  { scale: 1e6, id: 'jt', en: 'm' },
  { scale: 1e3, id: 'rb', en: 'k' },
] as const;

function isNum(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

/**
 * |n| rounded half away from zero to `decimals`, as a whole count of 10^-decimals.
 * The decimal point is shifted in the shortest round-trip text of n, so 1.005 becomes 100.5
 * (and rounds to 101) instead of 1.005 × 100 = 100.49999999999999.
 */
function roundAbs(n: number, decimals: number): number {
  const abs = Math.abs(n);
  const text = String(abs);
  const shifted = text.includes('e') ? abs * 10 ** decimals : Number(`${text}e${decimals}`);
  return Math.round(shifted);
}

function digits(scaled: number, decimals: number, locale: Locale): string {
  const raw = scaled >= 1e21 ? BigInt(scaled).toString() : String(scaled);
  const padded = raw.padStart(decimals + 1, '0');
  const whole = padded.slice(0, padded.length - decimals);
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, WORDS[locale].group);
  return decimals > 0 ? `${grouped}${WORDS[locale].decimal}${padded.slice(-decimals)}` : grouped;
}

/** Sign and digits apart, so the sign can go before "Rp" or become "+". Zero after rounding has no sign. */
function fixed(n: number, decimals: number, locale: Locale): { sign: -1 | 0 | 1; body: string } {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) {
    throw new RangeError(`decimals must be a whole number 0–20, got ${decimals}`);
  }
  const scaled = roundAbs(n, decimals);
  return { sign: scaled === 0 ? 0 : n < 0 ? -1 : 1, body: digits(scaled, decimals, locale) };
}

function signed(n: number, decimals: number, locale: Locale): string {
  const { sign, body } = fixed(n, decimals, locale);
  return sign < 0 ? MINUS + body : body;
}

export function formatNumber(n: number | null | undefined, decimals = 0, locale: Locale = 'id'): string {
  return isNum(n) ? signed(n, decimals, locale) : DASH;
}

/** Full Rupiah, rounded to whole Rupiah: "Rp2.110.403.286.000", "−Rp1.500". */
export function formatRupiah(n: number | null | undefined, locale: Locale = 'id'): string {
  if (!isNum(n)) return DASH;
  const { sign, body } = fixed(n, 0, locale);
  return `${sign < 0 ? MINUS : ''}Rp${body}`;
}

/** Wall form: "Rp2,11 T", "Rp436,4 M", "Rp12,5 jt", "Rp850,0 rb", "Rp999". */
export function formatRupiahShort(n: number | null | undefined, locale: Locale = 'id'): string {
  if (!isNum(n)) return DASH;
  const abs = Math.abs(n);
  // -1 is the plain form below one thousand.
  let unit: number = MONEY_UNITS.findIndex((u) => abs >= u.scale);
  for (;;) {
    const u = MONEY_UNITS[unit];
    const value = u ? abs / u.scale : abs;
    let decimals = u ? 2 : 0;
    let scaled = roundAbs(value, decimals);
    if (u && scaled >= 1000) {
      // 9,996 rounds to 10,00: from ten up the unit shows one decimal.
      decimals = 1;
      scaled = roundAbs(value, decimals);
    }
    // 999,96 M rounds to 1.000,0 M: say 1,00 T instead.
    if (scaled >= 1000 * 10 ** decimals && unit !== 0) {
      unit = unit === -1 ? MONEY_UNITS.length - 1 : unit - 1;
      continue;
    }
    const sign = scaled > 0 && n < 0 ? MINUS : '';
    const suffix = u ? NBSP + u[locale] : '';
    return `${sign}Rp${digits(scaled, decimals, locale)}${suffix}`;
  }
}

export function formatPct(n: number | null | undefined, decimals = 2, locale: Locale = 'id'): string {
  return isNum(n) ? `${signed(n, decimals, locale)}${NBSP}%` : DASH;
}

/** Deviation in percentage points, always signed unless zero: "−4,86 poin", "+1,20 poin". */
export function formatPoin(n: number | null | undefined, decimals = 2, locale: Locale = 'id'): string {
  if (!isNum(n)) return DASH;
  const { sign, body } = fixed(n, decimals, locale);
  const mark = sign < 0 ? MINUS : sign > 0 ? '+' : '';
  return `${mark}${body}${NBSP}${WORDS[locale].poin}`;
}

/** SPBE index and IKM: two decimals. */
export function formatIndex(n: number | null | undefined, locale: Locale = 'id'): string {
  return formatNumber(n, 2, locale);
}

/**
 * Index points an indicator costs, shown as a loss with two decimals like the index: 0,0825 →
 * "−0,08 poin indeks". A loss that rounds to zero has no sign.
 */
export function formatIndexLoss(n: number | null | undefined, locale: Locale = 'id'): string {
  if (!isNum(n)) return DASH;
  const { sign, body } = fixed(n, 2, locale);
  // A loss is ≥ 0 (kpi/spbe.ts); a negative one would be a gain and reads as such.
  const mark = sign > 0 ? MINUS : sign < 0 ? '+' : '';
  return `${mark}${body}${NBSP}${WORDS[locale].indexPoints}`;
}

/** Service duration: whole minutes under an hour, then hours, then calendar days, one decimal. */
export function formatDurationMin(min: number | null | undefined, locale: Locale = 'id'): string {
  if (!isNum(min)) return DASH;
  const w = WORDS[locale];
  // Decided on the rounded value, so 59,6 minutes is "1,0 jam" and not "60 menit".
  if (roundAbs(min, 0) < 60) return `${signed(min, 0, locale)}${NBSP}${w.minutes}`;
  if (roundAbs(min / 60, 1) < 240) return `${signed(min / 60, 1, locale)}${NBSP}${w.hours}`;
  return `${signed(min / 1440, 1, locale)}${NBSP}${w.days}`;
}

/** A service standard's promised time: "hari yang sama", "1 hari kerja", "24 jam", "15 menit". */
export function formatSla(amount: number | null | undefined, unit: SlaUnit, locale: Locale = 'id'): string {
  if (!isNum(amount)) return DASH;
  const w = WORDS[locale];
  const value = signed(amount, Number.isInteger(amount) ? 0 : 1, locale);
  switch (unit) {
    case 'minutes':
      return `${value}${NBSP}${w.minutes}`;
    case 'hours':
      return `${value}${NBSP}${w.hours}`;
    case 'working_days':
      if (amount === 0) return w.sameDay;
      return `${value}${NBSP}${amount === 1 ? w.workingDay : w.workingDays}`;
    default:
      // The unit comes from the database; an unknown one shows as missing rather than wrong.
      return DASH;
  }
}

function validMonth(month: number): boolean {
  return Number.isInteger(month) && month >= 1 && month <= 12;
}

export function monthName(month: number, locale: Locale = 'id'): string {
  if (!validMonth(month)) return DASH;
  return (locale === 'en' ? MONTHS_EN : MONTHS_ID)[month - 1] ?? DASH;
}

export function monthShort(month: number, locale: Locale = 'id'): string {
  if (!validMonth(month)) return DASH;
  return (locale === 'en' ? MONTHS_SHORT_EN : MONTHS_SHORT_ID)[month - 1] ?? DASH;
}

const YEAR_RE = /^\d{4}$/;
const MONTH_RE = /^\d{4}-\d{2}$/;
const QUARTER_RE = /^(\d{4})-TW([1-4])$/;
const HALF_RE = /^(\d{4})-S([12])$/;

/** "Oktober 2026", "TA 2026", "TW III 2026", "Semester I 2026"; anything else unchanged. */
export function formatPeriod(period: string | null | undefined, locale: Locale = 'id'): string {
  if (period == null) return DASH;
  const w = WORDS[locale];
  if (YEAR_RE.test(period)) return `${w.year} ${period}`;
  const quarter = QUARTER_RE.exec(period);
  if (quarter) return `${w.quarter(Number(quarter[2]))} ${quarter[1]}`;
  const half = HALF_RE.exec(period);
  if (half) return `${w.half(Number(half[2]))} ${half[1]}`;
  try {
    const { year, month } = parseMonth(period);
    return `${monthName(month, locale)} ${year}`;
  } catch {
    return period;
  }
}

/** WIB parts of an instant, or null when it is missing or outside the Date range. */
function partsAt(ms: number | null | undefined): WibParts | null {
  if (!isNum(ms)) return null;
  const p = wibParts(ms);
  return Number.isNaN(p.year) ? null : p;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const hhmm = (p: WibParts, locale: Locale) => `${pad2(p.hour)}${WORDS[locale].clock}${pad2(p.minute)}`;
const dayMonthYear = (day: number, month: number, year: number, locale: Locale) =>
  `${day} ${monthName(month, locale)} ${year}`;

/** "5 Mei 2025" from 'YYYY-MM-DD' or from epoch ms read in WIB. */
export function formatDate(dateOrMs: string | number | null | undefined, locale: Locale = 'id'): string {
  if (typeof dateOrMs === 'string') {
    try {
      const { year, month, day } = parseDate(dateOrMs);
      return dayMonthYear(day, month, year, locale);
    } catch {
      return DASH;
    }
  }
  const p = partsAt(dateOrMs);
  return p ? dayMonthYear(p.day, p.month, p.year, locale) : DASH;
}

/** "10 Nov" (read in WIB): a deadline beside a named period, where the year is already said. */
export function formatDayMonth(ms: number | null | undefined, locale: Locale = 'id'): string {
  const p = partsAt(ms);
  return p ? `${p.day} ${monthShort(p.month, locale)}` : DASH;
}

/** "Senin, 5 Mei 2025 14.30 WIB". */
export function formatDateTimeWib(ms: number | null | undefined, locale: Locale = 'id'): string {
  const p = partsAt(ms);
  if (!p) return DASH;
  const day = (locale === 'en' ? DAYS_EN : DAYS_ID)[p.weekday];
  return `${day}, ${dayMonthYear(p.day, p.month, p.year, locale)} ${hhmm(p, locale)} WIB`;
}

/** "14.30 WIB". */
export function formatTimeWib(ms: number | null | undefined, locale: Locale = 'id'): string {
  const p = partsAt(ms);
  return p ? `${hhmm(p, locale)} WIB` : DASH;
}

/** Wall clock with seconds and no suffix: "14.30.05". */
export function formatClockWib(ms: number | null | undefined, locale: Locale = 'id'): string {
  const p = partsAt(ms);
  return p ? `${hhmm(p, locale)}${WORDS[locale].clock}${pad2(p.second)}` : DASH;
}

const ISO_RE =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):?(\d{2}))?$/i;

/** Epoch ms of an ISO timestamp, parsed by hand because Date.parse reads zone-less text as host time. */
function parseIso(text: string): number | null {
  const m = ISO_RE.exec(text.trim());
  if (!m) return null;
  const [, date = '', hh, mi, ss, frac, , offSign, offH, offM] = m;
  const hour = Number(hh);
  const minute = Number(mi);
  const second = Number(ss ?? 0);
  if (hour > 23 || minute > 59 || second > 59) return null;
  let day: { year: number; month: number; day: number };
  try {
    day = parseDate(date);
  } catch {
    return null;
  }
  const millis = Math.floor(Number(`0.${frac ?? 0}`) * 1000);
  const offset = offSign ? (offSign === '-' ? -1 : 1) * (Number(offH) * 60 + Number(offM)) * 60_000 : 0;
  return Date.UTC(day.year, day.month - 1, day.day, hour, minute, second, millis) - offset;
}

/**
 * "data s.d. Oktober 2026 · diperbarui 14.30 WIB": the update time alone when it falls on the
 * same WIB day as now, with a short date otherwise.
 */
export function formatFreshness(
  { period, updatedAt }: FreshnessInput,
  nowMs: number,
  locale: Locale = 'id',
): string {
  const w = WORDS[locale];
  if (period == null) return w.noData;
  // A month is "up to"; a budget year (or any other period) is named as it is.
  const lead = MONTH_RE.test(period) ? w.upTo : 'data';
  const data = `${lead} ${formatPeriod(period, locale)}`;
  const updatedMs = updatedAt == null ? null : parseIso(updatedAt);
  const p = partsAt(updatedMs);
  if (!p || updatedMs == null) return data;
  const sameDay = isNum(nowMs) && wibDate(updatedMs) === wibDate(nowMs);
  const when = sameDay ? '' : `${p.day} ${monthShort(p.month, locale)} ${p.year} `;
  return `${data} · ${w.updated} ${when}${hhmm(p, locale)} WIB`;
}

/**
 * Unicode bidirectional embedding, override and isolate controls (U+202A–202E, U+2066–2069).
 * Typed into a note without its closing partner, one reverses the text that follows it on the
 * wall, in exports and in the briefing; nobody enters them on purpose, so free text drops them.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

export function withoutBidiControls(s: string): string {
  return s.replace(BIDI_CONTROLS, '');
}
