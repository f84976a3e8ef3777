import { describe, expect, test } from 'vitest';
import { durationMin, makeCalendar, slaMet } from '../../../server/kpi/calendar';
import { addDays, weekdayOf, wibDate, wibToMs } from '../../../shared/time';
import { HOLIDAYS_2026 } from './holidays-2026';

const cal = makeCalendar(HOLIDAYS_2026);
const at = (date: string, hour = 0, minute = 0) => wibToMs(date, hour, minute);

describe('makeCalendar: isWorkingDay', () => {
  test.each([
    ['2026-05-13', true], // Rabu
    ['2026-05-14', false], // Kamis, libur nasional (Kenaikan Yesus Kristus)
    ['2026-05-15', false], // Jumat, cuti bersama counts as a day off too
    ['2026-05-16', false], // Sabtu
    ['2026-05-17', false], // Minggu
    ['2026-05-18', true], // Senin
    ['2026-12-24', false], // cuti bersama Natal
    ['2027-01-01', true], // outside the list the calendar knows nothing: a plain Friday
  ])('%s working day is %s', (date, working) => {
    expect(cal.isWorkingDay(date)).toBe(working);
  });

  test('a malformed holiday date is rejected with its value', () => {
    expect(() => makeCalendar([{ date: '2026-02-30' }])).toThrow(/2026-02-30/);
  });
});

describe('makeCalendar: workingDaysAfter', () => {
  test.each([
    // Wed 13 May → Mon 18 May: 14 libur, 15 cuti, 16–17 weekend, 18 counts → 1
    ['2026-05-13', '2026-05-18', 1],
    ['2026-05-13', '2026-05-19', 2],
    // Idul Fitri block, Tue 17 → Wed 25 Mar: 18 cuti, 19 libur, 20 cuti, 21–22 weekend (also
    // listed as libur: must not be subtracted twice), 23–24 cuti, 25 counts → 1
    ['2026-03-17', '2026-03-25', 1],
    // Mon 2 → Fri 6 Nov, no holiday: 3, 4, 5, 6 → 4
    ['2026-11-02', '2026-11-06', 4],
    // across the year end: Thu 31 Dec 2026 → Mon 4 Jan 2027: Fri 1 Jan 2027 is unknown to the
    // 2026 list, so it counts; 2–3 weekend; 4 counts → 2
    ['2026-12-31', '2027-01-04', 2],
    ['2026-05-18', '2026-05-18', 0], // same day
    ['2026-05-19', '2026-05-18', 0], // backwards
  ])('from %s to %s is %i', (from, to, n) => {
    expect(cal.workingDaysAfter(from, to)).toBe(n);
  });

  test('a date listed twice (libur and cuti) is subtracted once', () => {
    const twice = makeCalendar([{ date: '2026-05-14' }, { date: '2026-05-14' }]);
    // Wed 13 → Fri 15: 14 off, 15 counts → 1
    expect(twice.workingDaysAfter('2026-05-13', '2026-05-15')).toBe(1);
  });

  test('matches a day-by-day count for many windows across 2026', () => {
    // The closed form (full weeks × 5 + remainder − weekday holidays) against a plain walk.
    const naive = (from: string, to: string) => {
      let n = 0;
      for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (cal.isWorkingDay(d)) n += 1;
      return n;
    };
    let seed = 7;
    const next = (mod: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % mod;
    };
    for (let i = 0; i < 300; i++) {
      const from = addDays('2025-12-20', next(380));
      const to = addDays(from, next(120));
      expect(cal.workingDaysAfter(from, to), `${from}→${to}`).toBe(naive(from, to));
    }
  });
});

describe('slaMet: working days', () => {
  test.each([
    // Submitted Wed 13 May 10.00 WIB, SLA 1 hari kerja; the next working day is Mon 18 May.
    ['2026-05-18', 23, 59, true],
    ['2026-05-19', 0, 0, false],
    ['2026-05-19', 8, 0, false],
  ])('SLA 1 from Wed 13 May 2026 (holidays 14–15), completed %s %i.%i WIB: on time %s', (d, h, m, ok) => {
    expect(slaMet(at('2026-05-13', 10), at(d, h, m), 1, 'working_days', cal)).toBe(ok);
  });

  test('SLA 0 means the same WIB day: 23.59 on time, 00.00 the next (month-boundary) day late', () => {
    // Tue 30 Jun → Wed 1 Jul 2026, both working days
    const submitted = at('2026-06-30', 9);
    expect(slaMet(submitted, at('2026-06-30', 23, 59), 0, 'working_days', cal)).toBe(true);
    expect(slaMet(submitted, at('2026-07-01', 0, 0), 0, 'working_days', cal)).toBe(false);
  });

  test('23.59 and 00.00 WIB on 31 Oct 2026 are different WIB days though both are 31 Oct in UTC', () => {
    const before = Date.parse('2026-10-31T16:59:00Z'); // Sabtu 31 Oktober 23.59 WIB
    const after = Date.parse('2026-10-31T17:00:00Z'); // Minggu 1 November 00.00 WIB
    expect([wibDate(before), wibDate(after)]).toEqual(['2026-10-31', '2026-11-01']);
    // Submitted Fri 30 Oct, SLA 1: Mon 2 Nov 23.59 WIB is on time, Tue 3 Nov 00.00 WIB is late
    const submitted = at('2026-10-30', 14);
    expect(slaMet(submitted, Date.parse('2026-11-02T16:59:00Z'), 1, 'working_days', cal)).toBe(true);
    expect(slaMet(submitted, Date.parse('2026-11-02T17:00:00Z'), 1, 'working_days', cal)).toBe(false);
  });

  test('a weekend submission counts from the next working day', () => {
    expect(weekdayOf('2026-11-07')).toBe(6); // Sabtu
    const submitted = at('2026-11-07', 11);
    // SLA 1: Mon 9 Nov is working day 1 → on time; Tue 10 Nov is day 2 → late
    expect(slaMet(submitted, at('2026-11-09', 15), 1, 'working_days', cal)).toBe(true);
    expect(slaMet(submitted, at('2026-11-10', 9), 1, 'working_days', cal)).toBe(false);
    // SLA 0: done on the Saturday itself is on time; done on Monday is 1 working day → late
    expect(slaMet(submitted, at('2026-11-07', 13), 0, 'working_days', cal)).toBe(true);
    expect(slaMet(submitted, at('2026-11-09', 8), 0, 'working_days', cal)).toBe(false);
  });

  test('SLA 0: a Friday request finished on Saturday adds no working day, so it is on time', () => {
    // Fri 30 Oct → Sat 31 Oct 2026: no working day in (30 Oct, 31 Oct]
    expect(slaMet(at('2026-10-30', 14), at('2026-10-31', 10), 0, 'working_days', cal)).toBe(true);
  });
});

describe('slaMet: clock time', () => {
  const submitted = Date.parse('2026-10-31T16:59:00Z');
  test.each([
    [24, 'hours', 24 * 3_600_000, true], // exactly on the SLA counts
    [24, 'hours', 24 * 3_600_000 + 1, false],
    [30, 'minutes', 30 * 60_000, true],
    [30, 'minutes', 30 * 60_000 + 1_000, false],
    [0, 'minutes', -60_000, true], // completion stamped before submission (clock skew)
  ] as const)('SLA %i %s, elapsed %i ms: on time %s', (amount, unit, elapsedMs, ok) => {
    expect(slaMet(submitted, submitted + elapsedMs, amount, unit, cal)).toBe(ok);
  });

  test('hours ignore weekends and holidays: Thu 14 May (libur) counts as clock time', () => {
    // Wed 13 May 10.00 → Thu 14 May 09.00 WIB = 23 h ≤ 24 h
    expect(slaMet(at('2026-05-13', 10), at('2026-05-14', 9), 24, 'hours', cal)).toBe(true);
  });
});

describe('durationMin', () => {
  test.each([
    [0, 0],
    [59_999, 0], // 59,999 s is still minute 0
    [60_000, 1],
    [90 * 60_000 + 59_000, 90],
    [-5 * 60_000, 0], // never negative
  ])('%i ms elapsed is %i minutes', (ms, min) => {
    const t0 = at('2026-05-13', 10);
    expect(durationMin(t0, t0 + ms)).toBe(min);
  });
});
