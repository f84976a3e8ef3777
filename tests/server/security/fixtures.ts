// Shared by the security tests: the procedures of the router (generated, never listed by hand),
// real cookie sessions and bearer tokens, a raw HTTP tRPC call, and for every mutation a valid
// input built fresh on demand, so that a refusal is proven to be the only thing that stopped it.
import { sha256 } from '../../../server/auth/session';
import { insertSession, insertToken, revokeToken, userByName } from '../../../server/db/queries/auth';
import { appRouter } from '../../../server/routers/_app';
import type { Meta, Role } from '../../../server/trpc';
import type { TestDb } from '../../helpers/db';
import { type RunningServer, startServer } from '../../helpers/server';
import { callerAs, createUser, PASSWORD, principalFor } from '../../helpers/users';

export type ProcType = 'query' | 'mutation' | 'subscription';
export interface Proc {
  path: string;
  type: ProcType;
  roles: readonly Role[] | 'public';
}

type Def = { _def: { type: ProcType; meta?: Meta } };

/** Every procedure of the app router, with its type and declared roles. */
export const PROCEDURES: Proc[] = Object.entries(
  (appRouter as unknown as { _def: { procedures: Record<string, Def> } })._def.procedures,
).map(([path, p]) => ({ path, type: p._def.type, roles: p._def.meta?.roles ?? [] }));

export const MUTATIONS = PROCEDURES.filter((p) => p.type === 'mutation');
/** Mutations a signed-in person makes with the session cookie: all but signing in and out. */
export const COOKIE_MUTATIONS = MUTATIONS.filter((p) => p.roles !== 'public');

/** The roles a user account can have, and the label the policy uses in its refusal. */
export const USER_ROLES = ['admin', 'verifier', 'opd', 'executive'] as const;
export const ROLE_LABEL: Record<Role, string> = {
  admin: 'admin',
  verifier: 'verifikator',
  opd: 'operator OPD',
  executive: 'pimpinan',
  display: 'layar',
};

export const allows = (p: Proc, role: Role) => p.roles === 'public' || p.roles.includes(role);

export interface Auth {
  cookie?: string;
  csrf?: string;
  bearer?: string;
  headers?: Record<string, string>;
}

export interface Outcome {
  status: number;
  message: string | null;
  data: unknown;
  headers: Headers;
}

/** One tRPC call over HTTP without the client library: GET for queries, POST for mutations. */
export async function rpc(
  server: RunningServer,
  p: Pick<Proc, 'path' | 'type'>,
  input: unknown,
  auth: Auth = {},
): Promise<Outcome> {
  const headers: Record<string, string> = { ...(auth.headers ?? {}) };
  if (auth.cookie) headers.cookie = auth.cookie;
  if (auth.csrf !== undefined) headers['x-csrf-token'] = auth.csrf;
  if (auth.bearer) headers.authorization = `Bearer ${auth.bearer}`;
  const q = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  if (p.type === 'subscription') {
    // An SSE stream: the status and the first event tell whether it was accepted.
    const ac = new AbortController();
    const res = await fetch(`${server.url}/trpc/${p.path}${q}`, {
      headers: { ...headers, accept: 'text/event-stream' },
      signal: ac.signal,
    });
    let message: string | null = null;
    if (!res.headers.get('content-type')?.includes('text/event-stream')) {
      message = ((await res.json()) as { error?: { message?: string } }).error?.message ?? null;
    } else {
      const reader = res.body?.getReader();
      const first = reader ? new TextDecoder().decode((await reader.read()).value) : '';
      const err = /event: serialized-error\ndata: (.*)/.exec(first);
      if (err?.[1]) message = (JSON.parse(err[1]) as { message?: string }).message ?? null;
      ac.abort();
    }
    return { status: res.status, message, data: null, headers: res.headers };
  }
  const res =
    p.type === 'query'
      ? await fetch(`${server.url}/trpc/${p.path}${q}`, { headers })
      : await fetch(`${server.url}/trpc/${p.path}`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify(input ?? null),
        });
  const body = (await res.json()) as { result?: { data?: unknown }; error?: { message?: string } };
  return {
    status: res.status,
    message: body.error?.message ?? null,
    data: body.result?.data,
    headers: res.headers,
  };
}

/** Rows changed by the one connection the server and the tests share. */
export const totalChanges = (t: TestDb) => t.db.prepare('SELECT total_changes()').pluck().get() as number;

let sessionCounter = 0;
/** A fresh cookie session of `username`, as login would make it (the token's hash stored). */
export function session(t: TestDb, username: string): { cookie: string; csrf: string; token: string } {
  const user = userByName(t.db, username);
  if (!user) throw new Error(`no user ${username}`);
  sessionCounter += 1;
  const token = `sesi-${username}-${sessionCounter}-${Math.random().toString(36).slice(2)}`;
  const csrf = `csrf-${sessionCounter}-${Math.random().toString(36).slice(2)}`;
  insertSession(t.db, {
    idHash: sha256(token),
    userId: user.id,
    csrfToken: csrf,
    at: new Date(t.nowMs).toISOString(),
    expiresAt: new Date(t.nowMs + 12 * 3_600_000).toISOString(),
    ip: null,
  });
  return { cookie: `adiguna_sesi=${encodeURIComponent(token)}`, csrf, token };
}

/** A bearer token of a kind, stored by its hash; `revoked` makes it a revoked one. */
export function bearer(
  t: TestDb,
  kind: 'display' | 'feed',
  by: number,
  opts: { revoked?: boolean } = {},
): { token: string; id: number } {
  const token = `${kind}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
  const id = insertToken(t.db, {
    name: `Uji ${kind}`,
    kind,
    hash: sha256(token),
    feedSource: kind === 'feed' ? 'antrean-uji' : null,
    opdId: null,
    at: new Date(t.nowMs).toISOString(),
    by,
  });
  if (opts.revoked) revokeToken(t.db, id, new Date(t.nowMs).toISOString());
  return { token, id };
}

export interface World {
  t: TestDb;
  server: RunningServer;
  adminId: number;
  users: Record<(typeof USER_ROLES)[number], string>;
  /** A second OPD operator, of another OPD than `users.opd`. */
  otherOpd: string;
  display: string;
  feed: string;
  revoked: string;
  /** A valid input for `path`, built fresh (new meeting, new follow-up, unused figure …). */
  prepare: (path: string) => Promise<Prepared>;
}

export interface Prepared {
  input: unknown;
  /** The account that may make this call (a fresh one where the call changes the account). */
  as: string;
  /** The same call aimed at another OPD's figure, for an OPD-scoped mutation. */
  crossOpd?: unknown;
}

export const OPD = 'DINKES';
export const OTHER_OPD = 'DINKOMINFO';

export async function makeWorld(t: TestDb): Promise<World> {
  const adminId = createUser(t, 'sec-admin', 'admin');
  createUser(t, 'sec-verif', 'verifier');
  createUser(t, 'sec-opd', 'opd', OPD);
  createUser(t, 'sec-opd-lain', 'opd', OTHER_OPD);
  createUser(t, 'sec-pimpinan', 'executive');
  const server = await startServer(t);
  const display = bearer(t, 'display', adminId).token;
  const feed = bearer(t, 'feed', adminId).token;
  const revoked = bearer(t, 'display', adminId, { revoked: true }).token;
  const admin = () => callerAs(t, principalFor(t, 'sec-admin'));
  const one = <T>(sql: string, ...args: unknown[]) =>
    t.db
      .prepare(sql)
      .pluck()
      .get(...args) as T;
  const opdId = (code: string) => one<number>('SELECT id FROM opd WHERE code = ?', code);
  let n = 0;
  const next = () => {
    n += 1;
    return n;
  };
  const freshUser = (role: (typeof USER_ROLES)[number], opd: string | null = null) => {
    const name = `sec-baru-${next()}`;
    return { name, id: createUser(t, name, role, opd) };
  };
  const meeting = async (start: boolean) => {
    const { id } = await admin().meeting.create({
      kind: 'hlm',
      title: `HLM uji ${next()}`,
      meetingDate: '2026-11-23',
      chair: 'Sekda',
      items: [{ kind: 'pillar', pillarCode: 'GOV' }],
      displayIds: [],
    });
    if (start) await admin().meeting.start({ id, expectedVersion: 1 });
    const m = await admin().meeting.view({ id });
    return { id, version: m.meeting.version, itemId: m.items[0]?.id ?? 0 };
  };
  const followUp = async (owner: string) => {
    const m = await meeting(false);
    const { id } = await admin().meeting.addFollowUp({
      meetingId: m.id,
      ownerOpdCode: owner,
      text: 'Tindak lanjut uji',
      dueDate: '2026-12-15',
    });
    return id;
  };
  const freeSub = (code: string) =>
    one<number>(
      `SELECT s.id FROM sub_kegiatan s JOIN opd o ON o.id = s.opd_id
        WHERE o.code = ? AND s.year = 2026
          AND NOT EXISTS (SELECT 1 FROM budget_realisation r WHERE r.sub_kegiatan_id = s.id AND r.month = 11)
        ORDER BY s.id LIMIT 1`,
      code,
    );
  const freeProgramme = (code: string) =>
    one<number>(
      `SELECT p.id FROM programme p JOIN opd o ON o.id = p.coordinator_opd_id
        WHERE o.code = ? AND NOT EXISTS
          (SELECT 1 FROM programme_progress g WHERE g.programme_id = p.id AND g.period = '2026-11')
        ORDER BY p.id LIMIT 1`,
      code,
    );
  const serviceOf = (code: string) =>
    one<string>(
      'SELECT s.code FROM service_type s JOIN opd o ON o.id = s.opd_id WHERE o.code = ? ORDER BY s.id LIMIT 1',
      code,
    );
  const codes = (kind: string) => one<string>(`SELECT code FROM complaint_${kind} ORDER BY code LIMIT 1`);
  const ikmElements = t.db.prepare('SELECT name FROM ikm_element ORDER BY sort').pluck().all() as string[];
  const ikmPeriod = (code: string) => {
    for (const year of [2019, 2020, 2021, 2022, 2023])
      for (const p of ['TW1', 'TW2', 'TW3', 'TW4']) {
        const period = `${year}-${p}`;
        if (
          !one<number>('SELECT COUNT(*) FROM ikm_survey WHERE opd_id = ? AND period = ?', opdId(code), period)
        )
          return period;
      }
    throw new Error('no free IKM period');
  };
  const ikm = (code: string) => ({
    opdId: opdId(code),
    period: ikmPeriod(code),
    respondents: 120,
    elements: ikmElements.map((name) => ({ name, nrr: 3.2 })),
  });
  const realisation = (code: string) => ({
    subKegiatanId: freeSub(code),
    month: 11,
    sp2dRp: 1_000_000,
    spjRp: 0,
    fisikPct: 50,
  });
  const progress = (code: string) => ({
    programmeId: freeProgramme(code),
    period: '2026-11',
    physicalPct: 40,
    spentRp: 1_000_000,
    kendala: 'Uji',
  });
  const service = (code: string) => ({
    serviceCode: serviceOf(code),
    submittedAt: '2026-11-20T09:00:00+07:00',
    completedAt: null,
    sourceId: `sec-${next()}`,
  });
  const complaint = (code: string) => ({
    channel: codes('channel'),
    topic: codes('topic'),
    category: codes('category'),
    opdCode: code,
    receivedAt: '2026-11-20T09:00:00+07:00',
    sourceId: `sec-${next()}`,
  });
  const submittedFigure = () =>
    one<number>("SELECT id FROM budget_realisation WHERE verification = 'submitted' ORDER BY id LIMIT 1");
  const newDisplay = async () =>
    (
      await admin().display.create({
        name: `Layar ${next()}`,
        playlist: [{ screen: 'ringkasan', dwellS: 30 }],
      })
    ).id;

  const prepare = async (path: string): Promise<Prepared> => {
    const as = 'sec-admin';
    switch (path) {
      case 'auth.login':
        return { input: { username: 'sec-verif', password: PASSWORD }, as };
      case 'auth.logout':
        return { input: undefined, as };
      case 'auth.changePassword':
        return { input: { current: PASSWORD, next: 'Sandi-Baru-Sekali-123' }, as: freshUser('admin').name };
      case 'entry.saveRealisation':
        return { input: realisation(OPD), as, crossOpd: realisation(OTHER_OPD) };
      case 'entry.saveProgress':
        return { input: progress(OPD), as, crossOpd: progress(OTHER_OPD) };
      case 'entry.saveServiceRecord':
        return { input: service(OPD), as, crossOpd: service(OTHER_OPD) };
      case 'entry.saveComplaint':
        return { input: complaint(OPD), as, crossOpd: complaint(OTHER_OPD) };
      case 'entry.saveIkm':
        return { input: ikm(OPD), as, crossOpd: ikm(OTHER_OPD) };
      case 'entry.saveSpbeLevel': {
        const rows = (await admin().entry.spbe({ year: 2026 })).rows as {
          no: number;
          version?: number | null;
        }[];
        const row = rows.find((r) => r.no === 1);
        return {
          input: {
            year: 2026,
            indicatorNo: 1,
            level: 3,
            evidence: 'Uji',
            expectedVersion: row?.version ?? null,
          },
          as,
        };
      }
      case 'verify.decide':
        return { input: { family: 'budget', id: submittedFigure(), decision: 'verified' }, as };
      case 'admin.createUser':
        return {
          input: {
            username: `sec-dibuat-${next()}`,
            displayName: 'Dibuat',
            role: 'executive',
            password: 'Sandi-Baru-Sekali-123',
          },
          as,
        };
      case 'admin.updateUser':
        return {
          input: { id: freshUser('executive').id, displayName: 'Diubah', role: 'executive', active: true },
          as,
        };
      case 'admin.resetPassword':
        return { input: { id: freshUser('executive').id, password: 'Sandi-Baru-Sekali-123' }, as };
      case 'admin.updateOpd':
        return {
          input: { code: 'DLH', name: `Dinas Lingkungan Hidup ${next()}`, shortName: 'DLH', active: true },
          as,
        };
      case 'admin.createToken':
        return { input: { name: `Token ${next()}`, kind: 'feed', feedSource: 'antrean' }, as };
      case 'admin.revokeToken':
        return { input: { id: bearer(t, 'feed', adminId).id }, as };
      case 'admin.setDeadline':
        return {
          input: {
            family: 'budget',
            period: '2026-12',
            deadlineAt: `2027-01-${String(10 + (next() % 10))}T23:59:00+07:00`,
          },
          as,
        };
      case 'admin.reopenPeriod':
        return {
          input: {
            family: 'budget',
            period: '2026-09',
            opdCode: OPD,
            untilAt: '2026-12-01T23:59:00+07:00',
            reason: `Koreksi data ${next()}`,
          },
          as,
        };
      case 'display.create':
        return { input: { name: `Layar ${next()}`, playlist: [{ screen: 'ringkasan', dwellS: 30 }] }, as };
      case 'display.update':
        return {
          input: {
            id: await newDisplay(),
            name: `Layar ${next()}`,
            playlist: [{ screen: 'spbe', dwellS: 30 }],
          },
          as,
        };
      case 'display.revoke':
        return { input: { id: await newDisplay() }, as };
      case 'meeting.create':
        return {
          input: {
            kind: 'hlm',
            title: `HLM ${next()}`,
            meetingDate: '2026-11-24',
            chair: 'Sekda',
            items: [{ kind: 'pillar', pillarCode: 'ECO' }],
            displayIds: [],
          },
          as,
        };
      case 'meeting.setAgenda': {
        const m = await meeting(false);
        return {
          input: {
            id: m.id,
            expectedVersion: m.version,
            items: [{ kind: 'opd', opdCode: 'DLH' }],
            displayIds: [],
          },
          as,
        };
      }
      case 'meeting.start': {
        const m = await meeting(false);
        return { input: { id: m.id, expectedVersion: m.version }, as };
      }
      case 'meeting.navigate': {
        const m = await meeting(true);
        return { input: { id: m.id, itemId: m.itemId, focus: 'DLH', expectedVersion: m.version }, as };
      }
      case 'meeting.close': {
        const m = await meeting(true);
        return { input: { id: m.id, expectedVersion: m.version }, as };
      }
      case 'meeting.addNote': {
        const m = await meeting(true);
        return { input: { meetingId: m.id, kind: 'arahan', text: 'Arahan uji' }, as };
      }
      case 'meeting.addFollowUp': {
        const m = await meeting(true);
        return {
          input: { meetingId: m.id, ownerOpdCode: OPD, text: 'Tindak lanjut uji', dueDate: '2026-12-01' },
          as,
        };
      }
      case 'followUp.report': {
        const report = (id: number) => ({
          id,
          state: 'dalam_proses',
          progressPct: 30,
          text: 'Laporan uji',
          expectedVersion: 1,
        });
        return { input: report(await followUp(OPD)), as, crossOpd: report(await followUp(OTHER_OPD)) };
      }
      default:
        throw new Error(`no sample input for ${path}: add one to tests/server/security/fixtures.ts`);
    }
  };

  return {
    t,
    server,
    adminId,
    users: { admin: 'sec-admin', verifier: 'sec-verif', opd: 'sec-opd', executive: 'sec-pimpinan' },
    otherOpd: 'sec-opd-lain',
    display,
    feed,
    revoked,
    prepare,
  };
}
