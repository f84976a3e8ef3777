// Server-side costs for tests/bench/run.ts, in-process through the tRPC caller (what the HTTP
// adapter calls): every read a wall or an office page makes, with the memos off (the cost after a
// write), and the cost of a write through the whole mutation path against a raw SQLite update.
import fs from 'node:fs';
import { createApp } from '../../server/app';
import { type Db, openDb } from '../../server/db/connection';
import { userByName } from '../../server/db/queries/auth';
import { appRouter } from '../../server/routers/_app';
import { createCallerFactory } from '../../server/trpc';
import { callerAs, createUser, principalFor } from '../helpers/users';
import { maxOf, quantile } from './stats';

export interface Cost {
  name: string;
  p50: number;
  p95: number;
  max: number;
  error?: string;
}

async function timeCalls(name: string, n: number, call: () => unknown): Promise<Cost> {
  try {
    for (let i = 0; i < 3; i++) await call();
    const ms: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      await call();
      ms.push(performance.now() - t0);
    }
    return { name, p50: quantile(ms, 0.5), p95: quantile(ms, 0.95), max: maxOf(ms) };
  } catch (err) {
    return { name, p50: Number.NaN, p95: Number.NaN, max: Number.NaN, error: String(err) };
  }
}

/**
 * Every query procedure a wall or an office page asks for, with real inputs, memos off: p50, p95
 * and the longest single call. better-sqlite3 is synchronous, so a call's time is how long it
 * holds the event loop (DESIGN.md: no request path over 50 ms at `stress` size).
 */
export async function procedureSweep(db: Db, nowMs: number, n = 20): Promise<Cost[]> {
  // The seed's first admin, as a principal held in memory: the benchmark database is not written.
  const user = userByName(db, 'admin');
  if (!user) throw new Error('the benchmark database has no admin account');
  const { context } = createApp({ db, clock: () => nowMs, overviewMemo: false, log: () => {} });
  const c = createCallerFactory(appRouter)({
    ...context,
    principal: { kind: 'user', user, csrfToken: 'bench', sessionHash: 'bench' },
    csrfHeader: 'bench',
  });
  const opd = db
    .prepare(
      `SELECT o.code FROM sub_kegiatan s JOIN opd o ON o.id = s.opd_id WHERE s.year = 2026
        GROUP BY o.id ORDER BY COUNT(*) DESC LIMIT 1`,
    )
    .pluck()
    .get() as string;
  const meeting = db.prepare('SELECT id FROM meeting ORDER BY id LIMIT 1').pluck().get() as
    | number
    | undefined;
  const calls: [string, () => unknown][] = [
    ['dashboard.overview', () => c.dashboard.overview()],
    ['dashboard.ticker', () => c.dashboard.ticker()],
    ['budget.absorption', () => c.budget.absorption()],
    ['budget.absorption (one OPD)', () => c.budget.absorption({ opdCode: opd })],
    ['services.summary', () => c.services.summary()],
    ['spbe.results', () => c.spbe.results()],
    ['masterplan.pillar', () => c.masterplan.pillar({ code: 'GOV' })],
    ['masterplan.programmes', () => c.masterplan.programmes()],
    ['compliance.byPeriod', () => c.compliance.byPeriod({ family: 'budget', period: '2026-10' })],
    ['followUp.board', () => c.followUp.board()],
    ['reference.opds', () => c.reference.opds()],
    ['entry.home', () => c.entry.home({ opdCode: opd })],
    ['entry.subKegiatan', () => c.entry.subKegiatan({ opdCode: opd, year: 2026, month: 11 })],
    ['entry.programmes', () => c.entry.programmes({ opdCode: opd, period: '2026-10' })],
    ['verify.queue', () => c.verify.queue({ family: 'budget' })],
    ['audit.byOpd', () => c.audit.byOpd({ opdCode: opd })],
    ['meeting.list', () => c.meeting.list()],
    ...(meeting === undefined
      ? []
      : ([['meeting.view', () => c.meeting.view({ id: meeting })]] as [string, () => unknown][])),
  ];
  const out: Cost[] = [];
  for (const [name, call] of calls) out.push(await timeCalls(name, n, call));
  return out;
}

/**
 * The cost of saving one realisation through the whole mutation path (authorisation, version
 * check, the figure, its audit row, every rollup, change_log) on a copy of the database, against
 * the baseline of a raw one-row UPDATE in its own transaction on the same file.
 */
export async function writeCost(
  source: string,
  copy: string,
  nowMs: number,
  n = 200,
): Promise<{ save: Cost; raw: Cost }> {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(copy + suffix, { force: true });
  fs.copyFileSync(source, copy);
  const db = openDb(copy);
  try {
    const t = { db, nowMs };
    const opd = db
      .prepare(
        `SELECT o.code FROM sub_kegiatan s JOIN opd o ON o.id = s.opd_id WHERE s.year = 2026
          GROUP BY o.id ORDER BY COUNT(*) DESC LIMIT 1`,
      )
      .pluck()
      .get() as string;
    createUser(t, 'bench-writer', 'opd', opd);
    const caller = callerAs(t, principalFor(t, 'bench-writer'));
    const subs = db
      .prepare(
        `SELECT s.id, r.version FROM sub_kegiatan s JOIN opd o ON o.id = s.opd_id
           LEFT JOIN budget_realisation r ON r.sub_kegiatan_id = s.id AND r.month = 11
          WHERE s.year = 2026 AND o.code = ? ORDER BY s.id LIMIT 50`,
      )
      .all(opd) as { id: number; version: number | null }[];
    let i = 0;
    const save = await timeCalls('entry.saveRealisation', n, async () => {
      const sub = subs[i++ % subs.length] as { id: number; version: number | null };
      const r = await caller.entry.saveRealisation({
        subKegiatanId: sub.id,
        month: 11,
        sp2dRp: 1_000_000 + i,
        spjRp: 0,
        fisikPct: 50,
        expectedVersion: sub.version,
      });
      sub.version = r.version;
    });
    const update = db.prepare('UPDATE budget_realisation SET spj_rp = spj_rp + 1 WHERE id = ?');
    const ids = db
      .prepare('SELECT id FROM budget_realisation ORDER BY id LIMIT 50')
      .pluck()
      .all() as number[];
    const tx = db.transaction((id: number) => update.run(id));
    let k = 0;
    const raw = await timeCalls('raw UPDATE (baseline)', n, () => tx(ids[k++ % ids.length] as number));
    return { save, raw };
  } finally {
    db.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(copy + suffix, { force: true });
  }
}
