// tRPC is initialised once, here: the request context, the error formatter that hands zod field
// errors to forms, the procedure builders and the caller factory used by tests.
import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import type { Db } from './db/connection';
import type { ChangeBus } from './live';

export interface AppContext {
  db: Db;
  /** Injected clock: every "now" comes from here so tests can freeze time. */
  clock: () => number;
  bus: ChangeBus;
  buildId: string;
}

/** Field → Indonesian messages, for forms to show next to each field. */
export type FieldErrors = Record<string, string[]>;

function fieldErrors(error: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join('.') : '(input)';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

const t = initTRPC.context<AppContext>().create({
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
