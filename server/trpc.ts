// tRPC is initialised once, here: the request context, the error formatter that hands zod field
// errors to forms, the procedure builders and the caller factory used by tests.
import { initTRPC, TRPCError } from '@trpc/server';
import type { Request, Response } from 'express';
import { ZodError } from 'zod';
import { ConflictError } from './auth/policy';
import { csrfMatches } from './auth/session';
import type { Db } from './db/connection';
import type { Role, TokenRow, UserRow } from './db/queries/auth';
import type { Ticker } from './kpi/ticker';
import type { Overview } from './kpi/types';
import type { ChangeBus } from './live';
import type { ChangeKeyedMemo, ReadMemos } from './memo';

/** dashboard.ticker's answer. */
export interface TickerView extends Ticker {
  year: number;
  asOf: string;
  generatedAt: string;
  demo: boolean;
}

export interface AppContext {
  db: Db;
  /** Injected clock: every "now" comes from here so tests can freeze time. */
  clock: () => number;
  bus: ChangeBus;
  buildId: string;
  /** Executive summaries by (year, asOf, last change id); null disables the memo (benchmarks). */
  overviewMemo: ChangeKeyedMemo<Overview> | null;
  /** Other read models every wall asks for after every change (ticker, pillars), memoised the same way. */
  memos: ReadMemos | null;
  /** Who is asking: a signed-in user (cookie session) or a token; null when anonymous. */
  principal: Principal | null;
  /** The x-csrf-token header of the request (cookie-authenticated mutations must echo it). */
  csrfHeader: string | undefined;
  req?: Request;
  res?: Response;
}

export type Principal =
  | { kind: 'user'; user: UserRow; csrfToken: string; sessionHash: string }
  | { kind: 'token'; token: TokenRow };

export type { Role } from './db/queries/auth';

/** Every procedure states who may call it; the authorize middleware enforces it. */
export interface Meta {
  roles: readonly Role[] | 'public';
}

export function roleOf(p: Principal | null): Role | null {
  if (!p) return null;
  if (p.kind === 'user') return p.user.role;
  return p.token.kind === 'display' ? 'display' : null;
}

const ROLE_LABEL: Record<Role, string> = {
  admin: 'admin',
  verifier: 'verifikator',
  opd: 'operator OPD',
  executive: 'pimpinan',
  display: 'layar',
};

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

const t = initTRPC
  .context<AppContext>()
  .meta<Meta>()
  .create({
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
          data: { ...shape.data, fieldErrors: fields, conflict: null },
        };
      }
      const conflict =
        error.cause instanceof ConflictError
          ? { current: error.cause.current, version: error.cause.version }
          : null;
      return { ...shape, data: { ...shape.data, fieldErrors: null as FieldErrors | null, conflict } };
    },
  });

const authorize = t.middleware(({ ctx, meta, type, path, next }) => {
  const roles = meta?.roles;
  if (roles === undefined) {
    // A procedure without a policy is a programming error; the policy test catches it first.
    throw new TRPCError({
      code: 'INTERNAL_SERVER_ERROR',
      message: `Prosedur ${path} tidak memiliki kebijakan akses`,
    });
  }
  if (roles === 'public') return next();
  const role = roleOf(ctx.principal);
  if (role === null || ctx.principal === null) {
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Silakan masuk terlebih dahulu' });
  }
  if (!roles.includes(role)) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: `Peran ${ROLE_LABEL[role]} tidak berwenang untuk ${path}`,
    });
  }
  if (
    type === 'mutation' &&
    ctx.principal.kind === 'user' &&
    !csrfMatches(ctx.principal.csrfToken, ctx.csrfHeader)
  ) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: 'Token keamanan (CSRF) tidak cocok; muat ulang halaman lalu coba lagi',
    });
  }
  return next({ ctx: { ...ctx, principal: ctx.principal } });
});

export const router = t.router;
/** Every procedure starts here and must declare .meta({ roles }). */
export const procedure = t.procedure.use(authorize);
/** Readable without signing in (the executive summary and reference data). */
export const publicProcedure = procedure.meta({ roles: 'public' });
export const createCallerFactory = t.createCallerFactory;
export { TRPCError };
