// The reporting month Kepatuhan shows, kept out of the screen's chunk so the start-up prefetch
// (prefetch.ts, in the first chunk) can ask for it before the screen is loaded.

import { monthKey, parseDate, wibDate } from '../../../shared/time';
import type { OverviewInput } from '../../trpc';

/** The month before the as-of date's month, 'YYYY-MM'. */
export function previousMonth(asOf: string): string {
  const { year, month } = parseDate(asOf);
  return month === 1 ? monthKey(year - 1, 12) : monthKey(year, month - 1);
}

/**
 * The as-of date the server will answer with, as server/routers/resolve.ts computes it, from this
 * machine's clock: exact when the URL gives ?asOf=, a guess otherwise (the server's clock decides).
 */
export function expectedAsOf(input: OverviewInput, nowMs: number): string {
  if (input?.asOf) return input.asOf;
  const today = wibDate(nowMs);
  const thisYear = Number(today.slice(0, 4));
  const year = input?.year ?? thisYear;
  return year < thisYear ? `${year}-12-31` : today;
}
