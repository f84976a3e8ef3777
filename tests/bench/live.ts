// npx tsx tests/bench/live.ts [--clients=100 --changes=200]: change-to-screen latency of
// live.changes with N connected SSE clients (DESIGN.md: p99 under 250 ms with 100 screens).
// A realisation is saved through the write path at a steady pace; each client records when it
// received each change; the delay is measured from just before the commit.
import { Worker } from 'node:worker_threads';
import { saveRealisation } from '../../server/writes';
import { makeTestDb } from '../helpers/db';
import { startServer } from '../helpers/server';
import { maxOf, quantile } from './stats';

const arg = (name: string, def: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? def);
const CLIENTS = arg('clients', 100);
const CHANGES = arg('changes', 200);
const NOW = Date.parse('2026-11-23T03:00:00.000Z');

const t = makeTestDb({ demo: 'small', nowMs: NOW });
const server = await startServer(t);
const worker = new Worker(new URL('./live-clients-boot.mjs', import.meta.url), {
  workerData: { url: server.url, clients: CLIENTS },
});
await new Promise<void>((resolve, reject) => {
  worker.on('message', (m: { ready?: boolean }) => m.ready && resolve());
  worker.once('error', reject);
});
const subs = t.db
  .prepare('SELECT id FROM sub_kegiatan WHERE year = 2026 ORDER BY id LIMIT 50')
  .pluck()
  .all() as number[];
const commitMs: number[] = [];
const commits: { id: number; at: number }[] = [];
for (let i = 0; i < CHANGES; i++) {
  const at = performance.timeOrigin + performance.now();
  const change = saveRealisation(
    t.db,
    {
      subKegiatanId: subs[i % subs.length] as number,
      month: 11,
      sp2dRp: 1_000_000 + i,
      spjRp: 0,
      fisikPct: 50,
    },
    { userId: null, source: 'manual' },
    NOW,
  );
  commitMs.push(performance.timeOrigin + performance.now() - at);
  commits.push({ id: change.id, at });
  server.bus.publish(change);
  await new Promise((r) => setTimeout(r, 25)); // 40 changes a second, a busy morning
}
await new Promise((r) => setTimeout(r, 1000));
worker.postMessage({ done: commits });
const { delays } = await new Promise<{ delays: number[] }>((resolve) =>
  worker.on('message', (m: { delays?: number[] }) => m.delays && resolve({ delays: m.delays })),
);
console.log(`| clients | changes | deliveries (expected) | delay p50 | p99 | max | commit p50 |`);
console.log(`|---|---|---|---|---|---|---|`);
console.log(
  `| ${CLIENTS} | ${CHANGES} | ${delays.length} (${CLIENTS * CHANGES}) | ${quantile(delays, 0.5).toFixed(1)} ms | ${quantile(delays, 0.99).toFixed(1)} ms | ${maxOf(delays).toFixed(1)} ms | ${quantile(commitMs, 0.5).toFixed(2)} ms |`,
);
await worker.terminate();
await server.close();
t.close();
// DESIGN.md: a committed change reaches 100 wall screens with p99 under 250 ms; every one arrives.
const p99 = quantile(delays, 0.99);
if (delays.length !== CLIENTS * CHANGES || !(p99 < 250)) {
  console.log(
    `bar missed: ${delays.length} of ${CLIENTS * CHANGES} delivered, p99 ${p99.toFixed(1)} ms (bar 250 ms)`,
  );
  process.exitCode = 1;
}
