// tRPC is initialised once, here: the request context, the error formatter that hands zod field
// errors to forms, the procedure builders and the caller factory used by tests.
import { initTRPC, TRPCError } from '@trpc/server';
import type { Request, Response } from 'express';
import { ZodError } from 'zod';
import '../shared/zodMessages';
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
  /**
   * The answer depends only on the input and the data version (memo.ts), never on who asks: over
   * HTTP it may be replayed to anyone while the data version holds (server/http/sharedAnswers.ts).
   */
  shared?: true;
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

/** The key of the input as a whole (a wrong type at the top, a batch entry that is not an object). */
export const WHOLE_INPUT = '(input)';

/**
 * A form shows a handful of fields; an array of 100 000 bad items would otherwise answer a
 * 1 MB request with tens of megabytes of field errors.
 */
export const MAX_FIELD_ERRORS = 50;

function fieldErrors(error: ZodError): FieldErrors {
  // A Map, not a plain object: a field named `__proto__` or `constructor` must stay an entry
  // (regression: `out['constructor']` read Object's constructor and the formatter threw).
  const out = new Map<string, string[]>();
  const add = (path: readonly PropertyKey[], message: string) => {
    const key = path.length > 0 ? path.map(String).join('.') : WHOLE_INPUT;
    const list = out.get(key);
    if (list) {
      if (list.length < 5) list.push(message);
    } else if (out.size < MAX_FIELD_ERRORS) out.set(key, [message]);
  };
  for (const issue of error.issues) {
    // An unknown key is the field at fault: name it (regression: every one landed on '(input)').
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) add([...issue.path, k], 'Kolom tidak dikenal');
    } else add(issue.path, issue.message);
  }
  return Object.fromEntries(out);
}

/**
 * tRPC's own refusals (malformed JSON, wrong method, unknown procedure, oversized body, a batch
 * that is not an object) come in English: every message reaching a user is Indonesian.
 */
function transportMessage(error: TRPCError, path: string | undefined): string | null {
  const where = path ? ` '${path}'` : '';
  if (error.cause instanceof SyntaxError || error.code === 'PARSE_ERROR')
    return 'Masukan bukan JSON yang valid';
  switch (error.code) {
    case 'METHOD_NOT_SUPPORTED':
      return `Metode HTTP tidak didukung untuk prosedur${where}: query memakai GET, mutation memakai POST`;
    case 'UNSUPPORTED_MEDIA_TYPE':
      return 'Jenis isi permintaan (Content-Type) harus application/json';
    case 'PAYLOAD_TOO_LARGE':
      return 'Permintaan terlalu besar (paling besar 1 MB)';
    case 'NOT_FOUND':
      return error.message.startsWith('No procedure found') ? `Prosedur${where} tidak ditemukan` : null;
    case 'BAD_REQUEST': {
      const m = error.message;
      if (m.includes('needs to be an object when doing a batch call'))
        return 'Masukan panggilan batch harus berupa objek {"0": …}';
      if (m.startsWith('Batch call exceeds')) return 'Terlalu banyak panggilan dalam satu batch';
      if (m.startsWith('Cannot mix procedure types'))
        return 'Satu batch tidak boleh mencampur jenis prosedur (query, mutation, langganan)';
      if (m.startsWith('Cannot batch subscription') || m.startsWith('Streaming requests must be batched'))
        return 'Langganan tidak dapat digabung dalam batch';
      if (m.startsWith('Batching is not enabled')) return 'Panggilan batch tidak didukung';
      if (m.startsWith('Invalid URL')) return 'Alamat prosedur tidak valid';
      if (m === 'Invalid input') return 'Masukan tidak valid';
      return null;
    }
    case 'INTERNAL_SERVER_ERROR':
      // A thrown Error's own text (a stack overflow, an SQL message) is for the log, not the user.
      return error.cause ? 'Kesalahan server; coba lagi atau hubungi admin' : null;
    default:
      return null;
  }
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
    errorFormatter({ shape, error, path }) {
      const zod = error.cause instanceof ZodError ? error.cause : null;
      if (zod) {
        const fields = fieldErrors(zod);
        const first = Object.entries(fields)[0];
        return {
          ...shape,
          // "Masukan tidak valid: asOf: Tanggal tidak ada di kalender"; the input as a whole has no
          // field to name ("Masukan tidak valid: Harus berupa objek").
          message: !first
            ? 'Masukan tidak valid'
            : first[0] === WHOLE_INPUT
              ? `Masukan tidak valid: ${first[1]?.[0]}`
              : `Masukan tidak valid: ${first[0]}: ${first[1]?.[0]}`,
          data: { ...shape.data, fieldErrors: fields, conflict: null },
        };
      }
      const conflict =
        error.cause instanceof ConflictError
          ? { current: error.cause.current, version: error.cause.version }
          : null;
      return {
        ...shape,
        message: transportMessage(error, path) ?? shape.message,
        data: { ...shape.data, fieldErrors: null as FieldErrors | null, conflict },
      };
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
/** A wall read model: public, memoised per data version, and its HTTP answer shared (Meta.shared). */
export const sharedProcedure = procedure.meta({ roles: 'public', shared: true });
export const createCallerFactory = t.createCallerFactory;
export { TRPCError };
