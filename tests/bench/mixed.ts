// npx tsx tests/bench/mixed.ts [--size=stress --seconds=60 --readers=200 --writers=40 --sse=100
//   --write-interval=1000 --baseline-seconds=15]
// The whole product under a mixed load on loopback: readers asking every wall query, OPD operators
// saving figures over HTTP with their own sessions, and wall screens subscribed to live.changes,
// all at once against a copy of the `size` database. Reports per procedure p50/p95/p99/max and
// errors, the delivery of every committed change to every SSE client, the server's event-loop
// delay and utilisation, and memory. The baseline, measured in the same run against the same server
// with the same SSE clients connected: the same readers fetching a static JSON file of the
// overview's bytes, no writers.
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import express from 'express';
import { createApp } from '../../server/app';
import { ROOT } from '../../server/build';
import { openDb } from '../../server/db/connection';
import { appRouter } from '../../server/routers/_app';
import { createCallerFactory } from '../../server/trpc';
import { createUser, PASSWORD } from '../helpers/users';
import { ensureBenchDb } from './seed-db';
import { maxOf, quantile } from './stats';

const arg = (name: string, def: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? def;
const SIZE = arg('size', 'stress');
const SECONDS = Number(arg('seconds', '60'));
const BASELINE_SECONDS = Number(arg('baseline-seconds', '15'));
const READERS = Number(arg('readers', '200'));
const WRITERS = Number(arg('writers', '40'));
const SSE = Number(arg('sse', '100'));
const WRITE_INTERVAL = Number(arg('write-interval', '1000'));
/** Mean pause of a reader between two requests (0: closed loop, as fast as answers come). */
const THINK = Number(arg('think', '0'));
const NOW = Date.parse('2026-11-23T03:00:00.000Z');
const OUT = path.join(ROOT, 'bench-results');

const f = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '–');

// A private copy: the writes must not change the database other benchmarks measure.
const source = await ensureBenchDb(SIZE, (m) => console.log(m));
const file = path.join(OUT, `mixed-${SIZE}.db`);
for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
fs.copyFileSync(source, file);
const db = openDb(file);
const t = { db, nowMs: NOW };

// One operator per OPD, for the 40 OPDs with the most 2026 sub kegiatan; each saves November's
// realisation of its own sub kegiatan (the figures an OPD keeps current in a busy week).
const opds = db
  .prepare(
    `SELECT o.code, count(*) AS n FROM sub_kegiatan s JOIN opd o ON o.id = s.opd_id
      WHERE s.year = 2026 GROUP BY o.id ORDER BY n DESC, o.code LIMIT ?`,
  )
  .all(WRITERS) as { code: string; n: number }[];
if (opds.length < WRITERS) throw new Error(`only ${opds.length} OPDs own 2026 sub kegiatan`);
const writers = opds.map((o, i) => {
  const username = `bench-op-${i}`;
  createUser(t, username, 'opd', o.code);
  const subs = db
    .prepare(
      `SELECT s.id, r.version FROM sub_kegiatan s JOIN opd o ON o.id = s.opd_id
         LEFT JOIN budget_realisation r ON r.sub_kegiatan_id = s.id AND r.month = 11
        WHERE s.year = 2026 AND o.code = ? ORDER BY s.id LIMIT 20`,
    )
    .all(o.code) as { id: number; version: number | null }[];
  return { username, password: PASSWORD, subs };
});

const { app, context } = createApp({ db, clock: () => NOW, log: () => {} });
const caller = createCallerFactory(appRouter)(context);
const overviewBody = JSON.stringify({ result: { data: await caller.dashboard.overview() } });
const staticDir = fs.mkdtempSync(path.join(OUT, 'mixed-static-'));
fs.writeFileSync(path.join(staticDir, 'overview.json'), overviewBody);
const outer = express();
outer.use('/bench-static', express.static(staticDir, { etag: false, lastModified: false }));
outer.use(app);
const server: Server = await new Promise((resolve) => {
  const s = outer.listen(0, '127.0.0.1', () => resolve(s));
});
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const q = (input: unknown) => `?input=${encodeURIComponent(JSON.stringify(input))}`;
const readPaths = [
  ['dashboard.overview', ''],
  ['dashboard.ticker', ''],
  ['budget.absorption', ''],
  ['services.summary', ''],
  ['spbe.results', ''],
  ['masterplan.pillar', q({ code: 'GOV' })],
  ['masterplan.programmes', ''],
  ['compliance.byPeriod', q({ family: 'budget', period: '2026-10' })],
  ['followUp.board', ''],
  ['system.version', ''],
].map(([name, query]) => ({ name: name as string, url: `${base}/trpc/${name}${query}` }));
for (const p of readPaths) {
  const res = await fetch(p.url);
  if (!res.ok) throw new Error(`${p.name} answered ${res.status}: ${await res.text()}`);
}

// SSE clients: every change published on the bus is timed here, just after its commit.
const published: { id: number; at: number }[] = [];
const unsubscribe = context.bus.subscribe((c) =>
  published.push({ id: c.id, at: performance.timeOrigin + performance.now() }),
);
const sse = new Worker(new URL('./live-clients-boot.mjs', import.meta.url), {
  workerData: { url: base, clients: SSE },
});
await new Promise<void>((resolve, reject) => {
  sse.on('message', (m: { ready?: boolean }) => m.ready && resolve());
  sse.once('error', reject);
});

type LoadResult = {
  latencies: Record<string, number[]>;
  errors: { name: string; status: number; message: string }[];
  seconds: number;
  acknowledged?: { subKegiatanId: number; sp2dRp: number; version: number }[];
  fatal?: string;
};
function job(message: Record<string, unknown>): Promise<LoadResult> {
  const w = new Worker(new URL('./mixed-worker.mjs', import.meta.url));
  return new Promise((resolve, reject) => {
    w.once('message', (r: LoadResult) => {
      void w.terminate();
      if (r.fatal) reject(new Error(r.fatal));
      else resolve(r);
    });
    w.once('error', reject);
    w.postMessage(message);
  });
}

interface Phase {
  loop: { p50: number; p99: number; max: number };
  utilisation: number;
  memory: {
    rssStartMb: number;
    rssPeakMb: number;
    rssEndMb: number;
    heapStartMb: number;
    heapPeakMb: number;
    heapEndMb: number;
  };
}
async function phase<T>(run: () => Promise<T>): Promise<Phase & { result: T }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const start = process.memoryUsage();
  let rssPeak = start.rss;
  let heapPeak = start.heapUsed;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    rssPeak = Math.max(rssPeak, m.rss);
    heapPeak = Math.max(heapPeak, m.heapUsed);
  }, 250);
  const h = monitorEventLoopDelay({ resolution: 1 });
  const elu0 = performance.eventLoopUtilization();
  h.enable();
  const result = await run();
  h.disable();
  const elu = performance.eventLoopUtilization(elu0);
  clearInterval(sampler);
  gc?.();
  const end = process.memoryUsage();
  const mb = (n: number) => n / 1024 / 1024;
  return {
    result,
    loop: { p50: h.percentile(50) / 1e6, p99: h.percentile(99) / 1e6, max: h.max / 1e6 },
    utilisation: elu.utilization,
    memory: {
      rssStartMb: mb(start.rss),
      rssPeakMb: mb(rssPeak),
      rssEndMb: mb(end.rss),
      heapStartMb: mb(start.heapUsed),
      heapPeakMb: mb(heapPeak),
      heapEndMb: mb(end.heapUsed),
    },
  };
}

console.log(
  `${SIZE}: ${READERS} readers (pause ${THINK} ms), ${WRITERS} writers (one save every ${WRITE_INTERVAL} ms each), ${SSE} SSE clients`,
);
console.log(`baseline: ${READERS} readers on a static file of the overview's bytes, ${BASELINE_SECONDS} s…`);
const baseline = await phase(() =>
  job({
    kind: 'read',
    paths: [{ name: 'static overview.json', url: `${base}/bench-static/overview.json` }],
    concurrency: READERS,
    durationMs: BASELINE_SECONDS * 1000,
    thinkMs: THINK,
  }),
);
console.log(`mixed load, ${SECONDS} s…`);
const firstChange = published.length;
const mixed = await phase(() =>
  Promise.all([
    job({ kind: 'read', paths: readPaths, concurrency: READERS, durationMs: SECONDS * 1000, thinkMs: THINK }),
    job({ kind: 'write', base, writers, durationMs: SECONDS * 1000, intervalMs: WRITE_INTERVAL }),
  ]),
);
await new Promise((r) => setTimeout(r, 1500)); // the last changes reach the clients
const changes = published.slice(firstChange);
sse.postMessage({ done: changes });
const delivery = await new Promise<{ delays: number[]; errors: number; stopped: number }>((resolve) =>
  sse.on(
    'message',
    (m: { delays?: number[]; errors: number; stopped: number }) => m.delays && resolve(m as never),
  ),
);
unsubscribe();
await sse.terminate();

// Every acknowledged save is in the database with the value and version the server answered.
const [reads, writes] = mixed.result;
const check = db.prepare(
  'SELECT sp2d_rp AS sp2dRp, version FROM budget_realisation WHERE sub_kegiatan_id = ? AND month = 11',
);
const missing = (writes.acknowledged ?? []).filter((a) => {
  const row = check.get(a.subKegiatanId) as { sp2dRp: number; version: number } | undefined;
  return !row || row.sp2dRp !== a.sp2dRp || row.version !== a.version;
});

await new Promise<void>((resolve) => {
  server.closeAllConnections();
  server.close(() => resolve());
});
fs.rmSync(staticDir, { recursive: true, force: true });
db.close();
for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });

const rows = (r: LoadResult) =>
  Object.entries(r.latencies).map(([name, ms]) => ({
    name,
    calls: ms.length,
    perSecond: ms.length / r.seconds,
    errors: r.errors.filter((e) => e.name === name).length,
    p50: quantile(ms, 0.5),
    p95: quantile(ms, 0.95),
    p99: quantile(ms, 0.99),
    max: maxOf(ms),
  }));
const procedures = [...rows(reads), ...rows(writes)];
const base0 = rows(baseline.result)[0];
const allErrors = [...baseline.result.errors, ...reads.errors, ...writes.errors];
const result = {
  at: new Date().toISOString(),
  size: SIZE,
  seconds: SECONDS,
  readers: READERS,
  writers: WRITERS,
  sse: SSE,
  procedures,
  baseline: {
    static: base0,
    loop: baseline.loop,
    utilisation: baseline.utilisation,
    memory: baseline.memory,
  },
  mixed: { loop: mixed.loop, utilisation: mixed.utilisation, memory: mixed.memory },
  live: {
    changes: changes.length,
    expected: changes.length * SSE,
    delivered: delivery.delays.length,
    p50: quantile(delivery.delays, 0.5),
    p99: quantile(delivery.delays, 0.99),
    max: maxOf(delivery.delays),
    errors: delivery.errors,
    stopped: delivery.stopped,
  },
  acknowledged: writes.acknowledged?.length ?? 0,
  missingAcknowledged: missing.length,
  errors: allErrors.length,
  errorSamples: allErrors.slice(0, 10),
};
fs.mkdirSync(OUT, { recursive: true });
fs.writeFileSync(path.join(OUT, `mixed-${SIZE}.json`), JSON.stringify(result, null, 2));

console.log(
  '\n| procedure | calls | per s | errors | p50 ms | p95 ms | p99 ms | max ms | p99 ÷ static p99 |',
);
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of [base0, ...procedures]) {
  if (!r) continue;
  console.log(
    `| ${r.name} | ${r.calls} | ${f(r.perSecond, 0)} | ${r.errors} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.p99)} | ${f(r.max)} | ${base0 ? f(r.p99 / base0.p99, 2) : '–'} |`,
  );
}
const l = result.live;
console.log(
  `\nlive.changes: ${l.changes} changes × ${SSE} clients: ${l.delivered} of ${l.expected} delivered; delay after commit p50 ${f(l.p50)} / p99 ${f(l.p99)} / max ${f(l.max)} ms; ${l.errors} client errors, ${l.stopped} stopped`,
);
for (const [name, p] of [
  ['baseline (static)', baseline],
  ['mixed', mixed],
] as const) {
  console.log(
    `${name}: event-loop delay p50 ${f(p.loop.p50)} / p99 ${f(p.loop.p99)} / max ${f(p.loop.max)} ms, utilisation ${f(p.utilisation * 100, 0)} %; RSS ${f(p.memory.rssStartMb, 0)} → peak ${f(p.memory.rssPeakMb, 0)} → ${f(p.memory.rssEndMb, 0)} MB; heap ${f(p.memory.heapStartMb, 0)} → peak ${f(p.memory.heapPeakMb, 0)} → ${f(p.memory.heapEndMb, 0)} MB`,
  );
}
console.log(
  `acknowledged saves checked in the database afterwards: ${result.acknowledged} (last value per sub kegiatan), ${missing.length} missing or different; errors: ${allErrors.length}`,
);
for (const e of result.errorSamples) console.log(`  ${e.name}: ${e.status} ${e.message}`);
process.exitCode = allErrors.length === 0 && missing.length === 0 && l.delivered === l.expected ? 0 : 1;
