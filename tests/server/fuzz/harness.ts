// The fuzzing harness: the procedures of the router (walked, never listed by hand), a real server
// on a real SQLite file with one signed-in account per role, HTTP calls that fail on a hung request,
// a database fingerprint, and the oracle — the procedure's own input schema run on the same JSON
// text — that says whether an input is invalid and which fields the answer must name.
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import type { ZodType } from 'zod';
import { sha256 } from '../../../server/auth/session';
import { insertToken, type Role } from '../../../server/db/queries/auth';
import { appRouter } from '../../../server/routers/_app';
import { MAX_FIELD_ERRORS, type Meta } from '../../../server/trpc';
import { makeTestDb, type TestDb } from '../../helpers/db';
import { type RunningServer, startServer } from '../../helpers/server';
import { createUser, PASSWORD } from '../../helpers/users';
import type { Case } from './wire';

export type ProcType = 'query' | 'mutation' | 'subscription';

export interface Proc {
  path: string;
  type: ProcType;
  roles: Meta['roles'];
  /** The input schema (zod), null when the procedure takes no input. */
  input: ZodType | null;
}

type Def = { _def: { type: ProcType; meta?: Meta; inputs: unknown[] } };

export const PROCEDURES: Proc[] = Object.entries(
  (appRouter as unknown as { _def: { procedures: Record<string, Def> } })._def.procedures,
).map(([path, p]) => ({
  path,
  type: p._def.type,
  roles: p._def.meta?.roles ?? [],
  input: (p._def.inputs[0] as ZodType | undefined) ?? null,
}));

/** A stable seed per property, so a failure replays (fast-check prints it with the counterexample). */
export function seedOf(name: string): number {
  return createHash('sha256').update(name).digest().readInt32LE(0);
}

// ---------------------------------------------------------------------------------------------
// Messages

export const ENGLISH =
  /\b(invalid|expected|received|unrecognized|unexpected|must|should|required|too (small|big|large)|not (valid|found|allowed|supported)|unsupported|procedure|request|position|failed|error|missing|exceeds|cannot|needs|input)\b/i;
const INDONESIAN =
  /\b(tidak|harus|wajib|paling|minimal|masukan|kolom|permintaan|prosedur|bukan|jenis|terlalu|silakan|peran|kesalahan|salah|sudah|belum|pilih|ada|berupa)\b/i;

export function expectIndonesian(message: unknown, context: string): void {
  expect(typeof message, `${context}: pesan harus teks`).toBe('string');
  const m = message as string;
  expect(m, `${context}: pesan berbahasa Inggris`).not.toMatch(ENGLISH);
  expect(m, `${context}: pesan tidak berbahasa Indonesia`).toMatch(INDONESIAN);
}

// ---------------------------------------------------------------------------------------------
// The oracle

export const WHOLE_INPUT = '(input)';

/** The field keys a rejection must name, as the error formatter writes them; null when valid. */
export function invalidFields(proc: Proc, json: string | undefined): string[] | null {
  if (!proc.input) return null;
  const value = json === undefined ? undefined : JSON.parse(json);
  const r = proc.input.safeParse(value);
  if (r.success) return null;
  const keys: string[] = [];
  const add = (path: readonly PropertyKey[]) => {
    const key = path.length > 0 ? path.map(String).join('.') : WHOLE_INPUT;
    if (!keys.includes(key)) keys.push(key);
  };
  for (const issue of r.error.issues) {
    if (issue.code === 'unrecognized_keys') for (const k of issue.keys) add([...issue.path, k]);
    else add(issue.path);
  }
  return keys;
}

// ---------------------------------------------------------------------------------------------
// The database fingerprint

/** Bookkeeping of refused sign-ins, not data: a wrong password is recorded by design. */
const NOT_DATA = new Set(['login_attempt']);

/**
 * Every table's content hashed. `PRAGMA data_version` from a second connection moves whenever
 * another connection commits, so the hash is recomputed only when something was written.
 */
export class Fingerprint {
  private readonly watcher: Database.Database;
  private version: number;
  private digest: string;

  constructor(private readonly t: TestDb) {
    this.watcher = new Database(t.file, { readonly: true, fileMustExist: true });
    this.version = this.dataVersion();
    this.digest = this.compute();
  }

  private dataVersion(): number {
    return this.watcher.pragma('data_version', { simple: true }) as number;
  }

  compute(): string {
    const h = createHash('sha256');
    const tables = this.t.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all() as string[];
    for (const name of tables) {
      if (NOT_DATA.has(name)) continue;
      const rows = this.t.db.prepare(`SELECT * FROM "${name}"`).raw().all() as unknown[][];
      const lines = rows.map((r) =>
        JSON.stringify(r, (_k, v) => (Buffer.isBuffer(v) ? v.toString('hex') : v)),
      );
      lines.sort();
      h.update(`${name}:${rows.length}\n${lines.join('\n')}\n`);
    }
    return h.digest('hex');
  }

  /** True when no data changed since the last baseline. */
  unchanged(): boolean {
    const v = this.dataVersion();
    if (v === this.version) return true;
    this.version = v;
    return this.compute() === this.digest;
  }

  /** After an accepted (valid) input: what is there now is the new baseline. */
  rebaseline(): void {
    this.version = this.dataVersion();
    this.digest = this.compute();
  }

  close(): void {
    this.watcher.close();
  }
}

// ---------------------------------------------------------------------------------------------
// The server and its accounts

export type Who = Role | 'anonim';

export interface Fuzzer {
  t: TestDb;
  server: RunningServer;
  fp: Fingerprint;
  headers: Record<Who, Record<string, string>>;
  close: () => Promise<void>;
}

async function signIn(url: string, username: string): Promise<Record<string, string>> {
  const res = await fetch(`${url}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  expect(res.status, `masuk sebagai ${username}`).toBe(200);
  const body = (await res.json()) as { result: { data: { csrfToken: string } } };
  return {
    cookie: res.headers.get('set-cookie')?.split(';')[0] ?? '',
    'x-csrf-token': body.result.data.csrfToken,
  };
}

/** The 'reference' dataset (318 rows: a fingerprint costs about 2 ms), one account per role. */
export async function startFuzzer(): Promise<Fuzzer> {
  const t = makeTestDb('reference');
  const adminId = createUser(t, 'admin-fuzz', 'admin');
  createUser(t, 'verif-fuzz', 'verifier');
  createUser(t, 'opd-fuzz', 'opd', 'DINKES');
  createUser(t, 'pimpinan-fuzz', 'executive');
  const displayToken = 'token-layar-fuzz-0123456789';
  insertToken(t.db, {
    name: 'Layar fuzz',
    kind: 'display',
    hash: sha256(displayToken),
    feedSource: null,
    opdId: null,
    at: new Date(t.nowMs).toISOString(),
    by: adminId,
  });
  const server = await startServer(t);
  const headers: Record<Who, Record<string, string>> = {
    anonim: {},
    admin: await signIn(server.url, 'admin-fuzz'),
    verifier: await signIn(server.url, 'verif-fuzz'),
    opd: await signIn(server.url, 'opd-fuzz'),
    executive: await signIn(server.url, 'pimpinan-fuzz'),
    display: { authorization: `Bearer ${displayToken}` },
  };
  // The display token records its first use: let that happen before the baseline.
  await fetch(`${server.url}/trpc/display.config`, { headers: headers.display });
  const fp = new Fingerprint(t);
  return {
    t,
    server,
    fp,
    headers,
    close: async () => {
      fp.close();
      await server.close();
      t.close();
    },
  };
}

/**
 * Who calls a procedure so that its input, not its policy, is what answers: an admin where admins
 * may, else the first role allowed. Signing in and out are called anonymously (a fuzzed logout
 * would end the harness's session).
 */
export function callerOf(proc: Proc): Who {
  if (proc.path === 'auth.login' || proc.path === 'auth.logout') return 'anonim';
  if (proc.roles === 'public') return 'admin';
  if (proc.roles.includes('admin')) return 'admin';
  return proc.roles[0] ?? 'admin';
}

// ---------------------------------------------------------------------------------------------
// HTTP

export interface Answer {
  status: number;
  /** The tRPC error shape when the answer is an error (one call), else null. */
  error: TrpcErrorShape | null;
  /** The parsed JSON (an array for a batch), or undefined when not JSON. */
  json: unknown;
  text: string;
}

export interface TrpcErrorShape {
  message: string;
  code: number;
  data: { code: string; httpStatus: number; fieldErrors: Record<string, string[]> | null };
}

/** No answer in this long is a hung request (a failure), not a slow one. */
const HANG_MS = 20_000;

export async function send(url: string, init: RequestInit = {}): Promise<Answer> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(HANG_MS) });
  } catch (e) {
    throw new Error(`no answer from ${init.method ?? 'GET'} ${url.slice(0, 120)}: ${String(e)}`);
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const error =
    json !== null && typeof json === 'object' && !Array.isArray(json) && 'error' in json
      ? ((json as { error: TrpcErrorShape }).error ?? null)
      : null;
  return { status: res.status, error, json, text };
}

/**
 * A subscription over SSE: tRPC answers 200 and sends a validation error as its first
 * `serialized-error` event, then ends the stream. A valid input keeps the stream open: it is
 * closed once the server said `connected`.
 */
async function subscribe(
  url: string,
  headers: Record<string, string>,
  expectError: boolean,
): Promise<Answer> {
  const ac = new AbortController();
  const timer = setTimeout(() => ac.abort(), HANG_MS);
  try {
    const res = await fetch(url, { headers, signal: ac.signal });
    if (!res.headers.get('content-type')?.includes('text/event-stream')) {
      clearTimeout(timer);
      return send(url, { headers });
    }
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (value) text += decoder.decode(value, { stream: true });
      const m = /event: serialized-error\ndata: (.*)\n/.exec(text);
      if (m?.[1]) {
        ac.abort();
        const error = JSON.parse(m[1]) as TrpcErrorShape;
        return { status: error.data.httpStatus, error, json: { error }, text };
      }
      if (!expectError && text.includes('event: connected')) {
        ac.abort();
        return { status: res.status, error: null, json: undefined, text };
      }
      if (done) return { status: res.status, error: null, json: undefined, text };
    }
  } catch (e) {
    throw new Error(`subscription ${url.slice(0, 120)} hung or failed: ${String(e)}`);
  } finally {
    clearTimeout(timer);
  }
}

export function queryUrl(base: string, path: string, json: string | undefined): string {
  return json === undefined
    ? `${base}/trpc/${path}`
    : `${base}/trpc/${path}?input=${encodeURIComponent(json)}`;
}

/** One call the way the tRPC client makes it: GET for queries and subscriptions, JSON POST for mutations. */
export function call(fz: Fuzzer, proc: Proc, json: string | undefined, who: Who): Promise<Answer> {
  const headers = fz.headers[who];
  if (proc.type === 'mutation')
    return send(`${fz.server.url}/trpc/${proc.path}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: json ?? '{}',
    });
  const url = queryUrl(fz.server.url, proc.path, json);
  if (proc.type === 'subscription') return subscribe(url, headers, invalidFields(proc, json) !== null);
  return send(url, { headers });
}

// ---------------------------------------------------------------------------------------------
// The check of one case

export type Outcome = 'rejected' | 'refused' | 'accepted';

export interface Tally {
  rejected: number;
  refused: number;
  accepted: number;
}

export const emptyTally = (): Tally => ({ rejected: 0, refused: 0, accepted: 0 });

/**
 * Checks one answer against the oracle. `rejected`: invalid input, refused with 400 naming the
 * fields; `refused`: a valid input some rule turned down (4xx); `accepted`: 2xx. Never a 5xx,
 * always an Indonesian message, and nothing written unless accepted.
 */
export function judge(fz: Fuzzer, proc: Proc, c: Case, who: Who, answer: Answer): Outcome {
  const ctx = `${proc.path} as ${who}, ${c.label}`;
  expect(answer.status, `${ctx}: 5xx\n${answer.text.slice(0, 500)}`).toBeLessThan(500);
  const bad = invalidFields(proc, proc.type === 'mutation' ? (c.json ?? '{}') : c.json);
  const mayCall = proc.roles === 'public' || (who !== 'anonim' && proc.roles.includes(who));
  if (answer.status >= 400) {
    expect(
      answer.error,
      `${ctx}: a refusal carries tRPC's error shape\n${answer.text.slice(0, 300)}`,
    ).not.toBeNull();
    expectIndonesian(answer.error?.message, ctx);
    expect(fz.fp.unchanged(), `${ctx}: a refused input changed data`).toBe(true);
  }
  if (!mayCall) {
    expect(answer.status, ctx).toBe(who === 'anonim' ? 401 : 403);
    return 'refused';
  }
  if (bad) {
    expect(answer.status, `${ctx}: invalid input must be a 400\n${answer.text.slice(0, 300)}`).toBe(400);
    const fields = answer.error?.data.fieldErrors ?? null;
    expect(fields, `${ctx}: fieldErrors`).not.toBeNull();
    // Every field at fault is named, in zod's order, up to the formatter's cap.
    // (JSON objects put integer-like keys such as "4" first, so the order is not compared.)
    const keys = Object.keys(fields ?? {});
    expect([...keys].sort(), `${ctx}: fields named`).toEqual(bad.slice(0, MAX_FIELD_ERRORS).sort());
    const first = keys[0] as string;
    expect(answer.error?.message, ctx).toBe(
      first === WHOLE_INPUT
        ? `Masukan tidak valid: ${fields?.[first]?.[0]}`
        : `Masukan tidak valid: ${first}: ${fields?.[first]?.[0]}`,
    );
    for (const [key, list] of Object.entries(fields ?? {}))
      for (const m of list) expect(m, `${ctx}: English message for ${key}`).not.toMatch(ENGLISH);
    return 'rejected';
  }
  if (answer.status >= 400) return 'refused';
  fz.fp.rebaseline();
  return 'accepted';
}
