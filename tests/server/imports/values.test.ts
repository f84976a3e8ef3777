// The cell-reading rules of server/imports/values.ts: numbers in Indonesian and plain notation,
// the three accepted date-time notations (WIB unless zoned), periods and statuses.
import { describe, expect, test } from 'vitest';
import { parseDateTime, parseNumber, parsePeriod, parseStatus } from '../../../server/imports';

describe('parseNumber', () => {
  test.each([
    // [text, whole-number column, value]
    ['1234567', true, 1234567],
    ['1.234.567', true, 1234567],
    ['Rp1.234.567', true, 1234567],
    ['Rp 1.234.567', true, 1234567],
    ['rp.1.234.567', true, 1234567],
    ['Rp 1.500.000,-', true, 1500000], // the closing ",-" of an Indonesian amount
    ['Rp1.500.000.-', true, 1500000],
    ['1 234 567', true, 1234567],
    ['1.250', true, 1250], // a lone '.' + exactly three digits groups thousands in a Rupiah column…
    ['1.250', false, 1.25], // …and is a decimal point in a percentage column
    ['1.25', true, 1.25], // not three digits: a decimal point even in a Rupiah column (the schema then refuses it)
    ['1.2500', true, 1.25],
    ['84,80', false, 84.8],
    ['84,8', true, 84.8], // a lone ',' is always decimal
    ['84.8', false, 84.8],
    ['84,80%', false, 84.8],
    ['1.234.567,89', false, 1234567.89], // both: the last one is the decimal separator
    ['1,234,567.89', false, 1234567.89],
    ['1,234,567', true, 1234567], // several commas group thousands
    ['-5', true, -5],
    ['0', true, 0],
    ['2025', true, 2025],
  ])('"%s" (whole number %s) reads as %d', (text, whole, value) => {
    expect(parseNumber(text, whole)).toEqual({ ok: true, value });
  });

  test.each([
    ['abc'],
    ['12a'],
    ['1e5'],
    ['1.2.3,4,5'],
    ['1.23.456'], // groups must be three digits
    ['1,2345,678'],
    ['12.345,6.7'],
    [','],
    ['Rp'],
    ['--5'],
  ])('"%s" is not a number and says how to write one', (text) => {
    const r = parseNumber(text, true);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('bukan angka');
  });
});

describe('parseDateTime', () => {
  const utc = (s: string) => Date.parse(s);
  test.each([
    ['03/03/2025 08.15', utc('2025-03-03T01:15:00Z')], // DD/MM/YYYY HH.MM is WIB (UTC+7)
    ['3/3/2025 8.15', utc('2025-03-03T01:15:00Z')],
    ['03/03/2025 08:15', utc('2025-03-03T01:15:00Z')],
    ['31/12/2025 23.59.30', utc('2025-12-31T16:59:30Z')],
    ['2025-03-03 08:15', utc('2025-03-03T01:15:00Z')], // YYYY-MM-DD HH:MM is WIB
    ['2025-03-03 00:00', utc('2025-03-02T17:00:00Z')], // 00.00 WIB is still the previous UTC day
    ['2025-03-03 08:15:09', utc('2025-03-03T01:15:09Z')],
    ['2025-03-03T08:15:00+07:00', utc('2025-03-03T01:15:00Z')], // ISO with a zone keeps its zone
    ['2025-03-03T01:15:00Z', utc('2025-03-03T01:15:00Z')],
    ['2025-03-03T01:15Z', utc('2025-03-03T01:15:00Z')],
    ['2024-02-29 10:00', utc('2024-02-29T03:00:00Z')],
  ])('"%s" is instant %d', (text, ms) => {
    expect(parseDateTime(text)).toEqual({ ok: true, value: ms });
  });

  test.each([
    ['31/02/2025 10.00'], // no such day
    ['29/02/2025 10.00'],
    ['03/13/2025 10.00'], // month 13 (an American order date)
    ['03/03/2025'], // no time
    ['2025-13-01 10:00'],
    ['2025-03-03 24:00'],
    ['2025-03-03 10:60'],
    ['2025-03-03T08:15:00'], // ISO without a zone is ambiguous
    ['2025-03-03T25:00:00+07:00'],
    ['2025-02-30T10:00:00+07:00'],
    ['kemarin'],
    ['45000'], // a bare Excel serial typed as text
    ['1899-12-31 10:00'], // out of range: a typo, not a real record
  ])('"%s" is refused with the accepted notations in the message', (text) => {
    const r = parseDateTime(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('DD/MM/YYYY HH.MM');
  });
});

describe('parsePeriod and parseStatus', () => {
  test.each([
    ['2025-09', '2025-09'],
    ['2025-9', '2025-09'],
    ['09/2025', '2025-09'],
    ['2025-09-01 00:00', '2025-09'], // an Excel date cell holding the month
  ])('period "%s" reads as %s', (text, period) => {
    expect(parsePeriod(text)).toEqual({ ok: true, value: period });
  });

  test.each([['2025-13'], ['2025/09'], ['Sept 2025'], ['2025-09-15 00:00']])(
    'period "%s" is refused',
    (text) => {
      expect(parsePeriod(text).ok).toBe(false);
    },
  );

  test.each([
    ['Belum Mulai', 'belum_mulai'],
    ['belum_mulai', 'belum_mulai'],
    ['BERJALAN', 'berjalan'],
    [' selesai ', 'selesai'],
    ['Tertunda', 'tertunda'],
  ])('status "%s" reads as %s', (text, status) => {
    expect(parseStatus(text)).toEqual({ ok: true, value: status });
  });

  test('an unknown status lists the four accepted words', () => {
    const r = parseStatus('macet');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('belum mulai, berjalan, selesai atau tertunda');
  });
});
