import { describe, expect, test } from 'vitest';
import {
  previousMonth,
  validPeriod,
  wibLocalToIso,
  wibLocalToMs,
  wibLocalValue,
  wibYear,
} from '../../client/forms/wib';

describe('datetime-local values are WIB whatever the PC’s zone', () => {
  test('an instant shows as its WIB wall-clock time', () => {
    // 2026-05-04 02:30 UTC = 09.30 WIB
    expect(wibLocalValue(Date.parse('2026-05-04T02:30:00Z'))).toBe('2026-05-04T09:30');
  });

  test('17.30 UTC is already the next day in WIB', () => {
    expect(wibLocalValue(Date.parse('2026-12-31T17:30:00Z'))).toBe('2027-01-01T00:30');
  });

  test('a typed time goes to the server with +07:00', () => {
    expect(wibLocalToIso('2026-05-04T09:30')).toBe('2026-05-04T09:30:00+07:00');
    expect(wibLocalToIso('2026-05-04T09:30:15')).toBe('2026-05-04T09:30:15+07:00');
    expect(wibLocalToMs('2026-05-04T09:30')).toBe(Date.parse('2026-05-04T02:30:00Z'));
  });

  test.each(['', '2026-05-04', '09:30', 'kemarin'])('%j is not a time', (v) => {
    expect(wibLocalToIso(v)).toBeNull();
    expect(wibLocalToMs(v)).toBeNull();
  });
});

describe('the period an operator reports by default', () => {
  test('is last month in WIB', () => {
    expect(previousMonth(Date.parse('2026-11-23T03:00:00Z'))).toEqual({
      year: 2026,
      month: 10,
      period: '2026-10',
    });
  });

  test('in January it is December of the year before', () => {
    expect(previousMonth(Date.parse('2026-01-05T03:00:00Z'))).toEqual({
      year: 2025,
      month: 12,
      period: '2025-12',
    });
  });

  test('on 1 February 00.30 WIB (still 31 January in UTC) it is already January', () => {
    expect(previousMonth(Date.parse('2026-01-31T17:30:00Z')).period).toBe('2026-01');
    expect(wibYear(Date.parse('2025-12-31T17:30:00Z'))).toBe(2026);
  });

  test('a period in the URL is used only when it is a real month', () => {
    expect(validPeriod('2026-10')).toBe('2026-10');
    expect(validPeriod('2026-13')).toBeNull();
    expect(validPeriod('2026-1')).toBeNull();
    expect(validPeriod(null)).toBeNull();
  });
});
