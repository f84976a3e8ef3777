// Turns the optional { year, asOf } input into concrete values from the injected clock (WIB).
import type { AsOfInput } from '../../shared/schemas';
import { wibDate } from '../../shared/time';
import { overviewInput } from '../db/queries/overview';
import { buildOverview, type OverviewInput } from '../kpi/overview';
import type { Overview } from '../kpi/types';
import { dataVersion } from '../memo';
import type { AppContext } from '../trpc';

export function resolveAsOf(input: AsOfInput, nowMs: number): { year: number; asOf: string } {
  const today = wibDate(nowMs);
  const thisYear = Number(today.slice(0, 4));
  const year = input?.year ?? (input?.asOf ? Number(input.asOf.slice(0, 4)) : thisYear);
  // A past year defaults to its last day; the current (or a future) year to today.
  const asOf = input?.asOf ?? (year < thisYear ? `${year}-12-31` : today);
  return { year, asOf };
}

/**
 * The executive summary's inputs for (year, asOf), read once per data version and shared by every
 * read model built on them (summary, ticker, programmes, serapan, SPBE, layanan).
 */
export function summaryInput(ctx: AppContext, year: number, asOf: string): OverviewInput {
  const compute = () => overviewInput(ctx.db, year, asOf, new Date(ctx.clock()).toISOString());
  // Inside a transaction (a meeting freezing its figures) the version could name a change that
  // still rolls back, and a later commit reuse its id: computed, never shared.
  if (!ctx.memos || ctx.db.inTransaction) return compute();
  return ctx.memos.sync('summary-input', `${year}|${asOf}`, dataVersion(ctx.db, ctx.clock()), compute);
}

/** The executive summary built from summaryInput, shared the same way. Callers must not mutate it. */
export function summaryOf(ctx: AppContext, year: number, asOf: string): Overview {
  const compute = () => buildOverview(summaryInput(ctx, year, asOf));
  if (!ctx.memos || ctx.db.inTransaction) return compute();
  return ctx.memos.sync('summary', `${year}|${asOf}`, dataVersion(ctx.db, ctx.clock()), compute);
}
