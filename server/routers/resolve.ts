// Turns the optional { year, asOf } input into concrete values from the injected clock (WIB).
import type { AsOfInput } from '../../shared/schemas';
import { wibDate } from '../../shared/time';

export function resolveAsOf(input: AsOfInput, nowMs: number): { year: number; asOf: string } {
  const today = wibDate(nowMs);
  const thisYear = Number(today.slice(0, 4));
  const year = input?.year ?? (input?.asOf ? Number(input.asOf.slice(0, 4)) : thisYear);
  // A past year defaults to its last day; the current (or a future) year to today.
  const asOf = input?.asOf ?? (year < thisYear ? `${year}-12-31` : today);
  return { year, asOf };
}
