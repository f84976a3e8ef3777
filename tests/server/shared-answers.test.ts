// The walls' read models over real HTTP with their answers shared (server/http/sharedAnswers.ts):
// the same URL in the same data version gets tRPC's very bytes again without running the
// procedure, and a commit or the next WIB minute is always a new answer; only public procedures
// marked shared take part, so nothing that depends on who asks is ever replayed.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../server/app';
import { appendChange } from '../../server/db/queries/freshness';
import { sharedPaths } from '../../server/http/sharedAnswers';
import { appRouter } from '../../server/routers/_app';
import { makeTestDb, type TestDb } from '../helpers/db';
import { createUser, PASSWORD } from '../helpers/users';
import { saveFirstRealisation } from '../helpers/writes';

const START = Date.parse('2026-11-23T03:00:00.000Z');
let t: TestDb;
let app: ReturnType<typeof createApp>;
let http: Server;
let base = '';
beforeAll(async () => {
  t = makeTestDb({ demo: 'small', nowMs: START });
  createUser(t, 'shared-a', 'admin');
  createUser(t, 'shared-b', 'verifier');
  app = createApp({ db: t.db, clock: () => t.nowMs, buildId: 'test', log: () => {} });
  http = await new Promise((resolve) => {
    const s = app.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterAll(async () => {
  http.closeAllConnections();
  await new Promise((r) => http.close(r));
  t.close();
});

/** Forgets every memoised read model: a request that reaches the procedure computes afresh. */
function forgetMemos() {
  app.context.overviewMemo?.clear();
  app.context.memos?.clear();
}

const OVERVIEW = '/trpc/dashboard.overview';
async function get(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}${path}`, { headers });
  return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
}
const pagu = (body: string) =>
  (JSON.parse(body) as { result: { data: { budget: { total: { paguRp: number } } } } }).result.data.budget
    .total.paguRp;

/** A change to the figures that the data version does not see (no change_log row): a raw UPDATE. */
function silentPaguChange(deltaRp: number) {
  t.db
    .prepare(`UPDATE budget_slice_rollup SET pagu_rp = pagu_rp + ? WHERE year = 2026 AND dim = 'total'`)
    .run(deltaRp);
}

describe('shared answers', () => {
  test('the same URL in the same data version is replayed byte for byte, without running the procedure', async () => {
    const first = await get(OVERVIEW);
    expect(first.status).toBe(200);
    // Were the procedure to run again, it would compute afresh and read this; a replay does not.
    silentPaguChange(1_000_000);
    forgetMemos();
    const again = await get(OVERVIEW);
    expect(again).toEqual(first);
    // A commit is a new data version: the next answer is computed, and sees the figures as they are.
    appendChange(t.db, {
      at: new Date(t.nowMs).toISOString(),
      topic: 'budget',
      year: 2026,
      opdId: null,
      summary: 'x',
    });
    const after = await get(OVERVIEW);
    expect(pagu(after.body)).toBe(pagu(first.body) + 1_000_000);
    silentPaguChange(-1_000_000);
  });

  test('a write through the write path is in the very next answer', async () => {
    const before = await get(OVERVIEW);
    saveFirstRealisation(t, { sp2dRp: 987_654_321, fisikPct: 40 }, { bus: app.context.bus });
    const after = await get(OVERVIEW);
    expect(after.body).not.toBe(before.body);
    const real = (b: string) =>
      (JSON.parse(b) as { result: { data: { budget: { total: { realKeuRp: number } } } } }).result.data.budget
        .total.realKeuRp;
    expect(real(after.body)).not.toBe(real(before.body));
  });

  test('the next WIB minute is a new data version (deadlines and "today" move with the clock)', async () => {
    try {
      const first = await get(OVERVIEW);
      silentPaguChange(5_000_000);
      forgetMemos();
      t.nowMs += 60_000;
      expect(pagu((await get(OVERVIEW)).body)).toBe(pagu(first.body) + 5_000_000);
    } finally {
      silentPaguChange(-5_000_000);
      t.nowMs = START;
    }
  });

  test('a batch with a procedure that depends on who asks is never replayed to someone else', async () => {
    const cookieOf = async (username: string) => {
      const res = await fetch(`${base}/trpc/auth.login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: PASSWORD }),
      });
      return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    };
    const url = `/trpc/dashboard.overview,auth.me?batch=1&input=${encodeURIComponent('{}')}`;
    const who = (body: string) =>
      (JSON.parse(body) as { result: { data: { user: { username: string } } | null } }[])[1]?.result.data
        ?.user.username;
    expect(who((await get(url, { cookie: await cookieOf('shared-a') })).body)).toBe('shared-a');
    expect(who((await get(url, { cookie: await cookieOf('shared-b') })).body)).toBe('shared-b');
    expect(who((await get(url)).body)).toBeUndefined();
  });

  test('an answer that is not a success is never kept: the next request asks tRPC again', async () => {
    const url = `/trpc/masterplan.pillar?input=${encodeURIComponent('{"code":"XXX"}')}`;
    const rename = (from: string, to: string) =>
      t.db.prepare('UPDATE pillar SET code = ? WHERE code = ?').run(to, from);
    expect((await get(url)).status).toBe(404);
    // Behind the data version's back, a pillar now has that code: a replayed 404 would hide it.
    rename('GOV', 'XXX');
    forgetMemos();
    try {
      const again = await get(url);
      expect(again.status).toBe(200);
      expect((JSON.parse(again.body) as { result?: { data: { year: number } } }).result?.data.year).toBe(
        2026,
      );
    } finally {
      rename('XXX', 'GOV');
      forgetMemos();
    }
  });

  test('exactly the memoised wall read models are shared, and every one is public', () => {
    const shared = [...sharedPaths(appRouter)].sort();
    expect(shared).toEqual([
      'budget.absorption',
      'dashboard.overview',
      'dashboard.ticker',
      'masterplan.pillar',
      'masterplan.programmes',
      'services.summary',
      'spbe.results',
    ]);
    const procedures = appRouter._def.procedures as unknown as Record<
      string,
      { _def: { meta?: { roles?: unknown } } }
    >;
    for (const p of shared) expect(procedures[p]?._def.meta?.roles, p).toBe('public');
  });
});
