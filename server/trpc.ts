// tRPC is initialised once, here: the request context, the error formatter that hands zod field
// errors to forms, the procedure builders and the caller factory used by tests.
import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import type { Db } from './db/connection';
import type { Overview } from './kpi/types';
import type { ChangeBus } from './live';
import type { ChangeKeyedMemo } from './memo';

export interface AppContext {
  db: Db;
  /** Injected clock: every "now" comes from here so tests can freeze time. */
  clock: () => number;
  bus: ChangeBus;
  buildId: string;
  /** Executive summaries by (year, asOf, last change id); null disables the memo (benchmarks). */
  overviewMemo: ChangeKeyedMemo<Overview> | null;
}

/** Field → Indonesian messages, for forms to show next to each field. */
export type FieldErrors = Record<string, string[]>;

function fieldErrors(error: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join('.') : '(input)';
    const list = out[key] ?? [];
    list.push(issue.message);
    out[key] = list;
  }
  return out;
}

const t = initTRPC.context<AppContext>().create({
  // Never send stack traces to clients, whatever NODE_ENV says (tRPC's default follows it).
  isDev: false,
  sse: {
    ping: { enabled: true, intervalMs: 10_000 },
    client: { reconnectAfterInactivityMs: 25_000 },
  },
  errorFormatter({ shape, error }) {
    const zod = error.cause instanceof ZodError ? error.cause : null;
    if (zod) {
      const fields = fieldErrors(zod);
      const first = Object.entries(fields)[0];
      return {
        ...shape,
        message: first ? `Masukan tidak valid: ${first[0]}: ${first[1][0]}` : 'Masukan tidak valid',
        data: { ...shape.data, fieldErrors: fields },
      };
    }
    return { ...shape, data: { ...shape.data, fieldErrors: null as FieldErrors | null } };
  },
});

export const router = t.router;
export const publicProcedure = t.procedure;
export const createCallerFactory = t.createCallerFactory;
export { TRPCError };
