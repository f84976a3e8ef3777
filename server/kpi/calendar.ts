// Working days (hari kerja) and SLA checks for public services. A working day is Monday–Friday
// and not in the holiday calendar; libur nasional and cuti bersama both count as days off
// (DOMAIN.md §4, reference/holidays.md). The calendar is data handed in, never built in here.
import { addDays, daysBetween, parseDate, weekdayOf, wibDate } from '../../shared/time';
import type { SlaUnit } from './types';

export interface WorkingCalendar {
  isWorkingDay(date: string): boolean;
  /** Working days d with fromDate < d ≤ toDate; 0 when toDate ≤ fromDate. */
  workingDaysAfter(fromDate: string, toDate: string): number;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

const isWeekend = (date: string): boolean => {
  const wd = weekdayOf(date);
  return wd === 0 || wd === 6;
};

/** Mon–Fri among the days after `from`, up to and including `to` (to > from). */
function weekdaysAfter(from: string, to: string): number {
  const days = daysBetween(from, to);
  const fullWeeks = Math.floor(days / 7);
  let count = fullWeeks * 5;
  // The remainder is under a week, so walking it is cheap and avoids weekday arithmetic slips.
  for (let d = addDays(from, fullWeeks * 7 + 1); d <= to; d = addDays(d, 1)) {
    if (!isWeekend(d)) count += 1;
  }
  return count;
}

export function makeCalendar(holidays: readonly { date: string }[]): WorkingCalendar {
  for (const h of holidays) parseDate(h.date); // throws RangeError naming a malformed date
  // Holidays on a weekend change nothing, and a date listed twice (libur nasional and cuti
  // bersama on the same day, or a re-import) must be subtracted once.
  const offWeekdays = [...new Set(holidays.map((h) => h.date))].filter((d) => !isWeekend(d)).sort();
  const offSet = new Set(offWeekdays);

  return {
    isWorkingDay(date: string): boolean {
      return !isWeekend(date) && !offSet.has(date);
    },
    workingDaysAfter(fromDate: string, toDate: string): number {
      if (daysBetween(fromDate, toDate) <= 0) return 0;
      // 'YYYY-MM-DD' strings order like dates, so the window test is a string comparison.
      const holidaysInside = offWeekdays.filter((d) => d > fromDate && d <= toDate).length;
      return weekdaysAfter(fromDate, toDate) - holidaysInside;
    },
  };
}

/**
 * Was a request completed within its SLA?
 * - 'minutes' / 'hours': elapsed clock time ≤ SLA (the office hours do not stop the clock).
 * - 'working_days': working days after the WIB submission date up to the WIB completion date
 *   ≤ SLA. So SLA 0 = the same WIB day, SLA 1 = by the end of the next working day. A request
 *   submitted on a weekend or holiday starts counting from that calendar date, so the first
 *   working day after it is day 1. With SLA 0 that makes a Saturday request finished on Monday
 *   late; a completion on any non-working day after the submission day adds nothing, so a Friday
 *   request finished on Saturday still meets SLA 0.
 * A completion stamped before its submission (clock skew in a source system) counts as on time:
 * elapsed ≤ 0 is within any SLA ≥ 0. Catching such rows is the importer's job.
 */
export function slaMet(
  submittedMs: number,
  completedMs: number,
  slaAmount: number,
  slaUnit: SlaUnit,
  cal: WorkingCalendar,
): boolean {
  const elapsedMs = completedMs - submittedMs;
  switch (slaUnit) {
    case 'minutes':
      return elapsedMs <= slaAmount * MINUTE_MS;
    case 'hours':
      return elapsedMs <= slaAmount * HOUR_MS;
    case 'working_days':
      return cal.workingDaysAfter(wibDate(submittedMs), wibDate(completedMs)) <= slaAmount;
  }
}

/** Whole minutes elapsed (floor), the unit of the duration histogram; never negative. */
export function durationMin(submittedMs: number, completedMs: number): number {
  return Math.max(0, Math.floor((completedMs - submittedMs) / MINUTE_MS));
}
