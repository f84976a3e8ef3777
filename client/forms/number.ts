// Numbers as people type them into a form: Indonesian grouping and decimal comma ("1.250.000.000",
// "84,5", "Rp 1.250.000,-"), and what Excel pastes in either language. The result goes to the
// shared zod schema, which names the field when it is not a number (NaN) or missing (null).

import { formatNumber, type Locale } from '../../shared/format';

const GROUP: Record<Locale, string> = { id: '.', en: ',' };

/** Digits after the decimal point an editable value keeps when it is shown again. */
const MAX_EDIT_DECIMALS = 6;

function validGroups(intPart: string, group: string): boolean {
  const parts = intPart.split(group);
  if (parts.length === 1) return /^\d*$/.test(intPart);
  const [head, ...rest] = parts;
  return /^\d{1,3}$/.test(head ?? '') && rest.every((p) => /^\d{3}$/.test(p));
}

/**
 * The number in `text`, null when it is empty, NaN when it is not a number.
 *
 * Separators: with both "." and ",", the last one is the decimal mark. With one kind repeated, it
 * groups thousands. A single mark is the locale's decimal mark ("," in Indonesian), or the
 * group mark when exactly three digits follow it ("1.250" is 1250 in Indonesian); otherwise it is
 * read as a decimal point ("84.5" is 84,5), since that is what a spreadsheet in the other
 * language pastes. "Rp", "%", spaces and a trailing ",-" are ignored.
 */
export function parseNumberInput(text: string, locale: Locale = 'id'): number | null {
  let s = text
    .trim()
    .replace(/^(rp|idr)\.?/i, '')
    .replace(/%$/, '')
    .replace(/[\s\u00a0\u202f']/g, '')
    .replace(/[.,]-$/, '')
    .replace(/\u2212/g, '-');
  if (s === '') return null;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s.startsWith('-')) sign = -1;
    s = s.slice(1);
  }
  s = s.replace(/^(rp|idr)\.?/i, '');
  if (!/^[0-9.,]+$/.test(s) || !/\d/.test(s)) return Number.NaN;

  const dots = s.split('.').length - 1;
  const commas = s.split(',').length - 1;
  let decimal: string | null = null;
  let group: string | null = null;
  if (dots > 0 && commas > 0) {
    decimal = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    group = decimal === '.' ? ',' : '.';
    if ((decimal === '.' ? dots : commas) > 1) return Number.NaN;
  } else if (dots + commas > 1) {
    group = dots > 0 ? '.' : ',';
  } else if (dots + commas === 1) {
    const mark = dots === 1 ? '.' : ',';
    const [intPart = '', fracPart = ''] = s.split(mark);
    const looksGrouped = /^\d{3}$/.test(fracPart) && /^[1-9]\d{0,2}$/.test(intPart);
    if (mark === GROUP[locale] && looksGrouped) group = mark;
    else decimal = mark;
  }

  const [intRaw = '', fracRaw, extra] = decimal ? s.split(decimal) : [s];
  if (extra !== undefined) return Number.NaN;
  if (group && !validGroups(intRaw, group)) return Number.NaN;
  const intDigits = group ? intRaw.split(group).join('') : intRaw;
  if (!/^\d*$/.test(intDigits)) return Number.NaN;
  if (fracRaw !== undefined && !/^\d+$/.test(fracRaw)) return Number.NaN;
  if (intDigits === '' && fracRaw === undefined) return Number.NaN;
  const value = Number(`${intDigits || '0'}${fracRaw === undefined ? '' : `.${fracRaw}`}`);
  return sign * value;
}

/** How a stored number reads back in an input: grouped, with only the decimals it has. */
export function formatNumberInput(n: number | null | undefined, locale: Locale = 'id'): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '';
  const frac = String(n).split('.')[1] ?? '';
  const decimals = /e/i.test(String(n)) ? 0 : Math.min(frac.length, MAX_EDIT_DECIMALS);
  let text = formatNumber(n, decimals, locale);
  if (decimals > 0) text = text.replace(/0+$/, '').replace(/[.,]$/, '');
  // The wall's minus sign reads well but people type "-"; keep the input typeable.
  return text.replace('\u2212', '-');
}

/** Re-show what the user typed in the tidy form when it is a number; leave it as typed otherwise. */
export function tidyNumberInput(text: string, locale: Locale = 'id'): string {
  const n = parseNumberInput(text, locale);
  return n === null || Number.isNaN(n) ? text : formatNumberInput(n, locale);
}
