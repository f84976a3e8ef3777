// npm run bench [-- --sizes=kabupaten,stress --reuse]: the performance figures of BENCHMARKS.md.
// See tests/bench/README.md for what each figure means and how it is measured.
import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';
import express from 'express';
import { createApp } from '../../server/app';
import { prepareDatabase } from '../../server/boot';
import { CLIENT_DIST, ensureClientBuild, ROOT } from '../../server/build';
import { openDb } from '../../server/db/connection';
import { appRouter } from '../../server/routers/_app';
import type { SeedSize } from '../../server/seed/demo';
import { createCallerFactory } from '../../server/trpc';

const OUT = path.join(ROOT, 'bench-results');
const args = process.argv.slice(2);
const sizes = (args.find((a) => a.startsWith('--sizes='))?.slice(8) ?? 'kabupaten,stress').split(
  ',',
) as SeedSize[];
const reuse = args.includes('--reuse');
const NOW = Date.parse('2026-11-23T03:00:00.000Z'); // fixed "now" so every run seeds the same data

const quantile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? Number.NaN;
};
const median = (xs: number[]) => quantile(xs, 0.5);
const fmt = (n: number, d = 2) => n.toFixed(d);

/** One long-lived load thread: creating a worker per round would stall the server's loop itself. */
const loader = new Worker(new URL('./load-worker.mjs', import.meta.url));
loader.unref();
type LoadResult = { ok: number; errors: number; rps: number; p50: number; p99: number; bytes: number };
function load(url: string, durationMs = 5000, concurrency = 32): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const done = (r: LoadResult) => {
      loader.off('error', fail);
      resolve(r);
    };
    const fail = (e: Error) => {
      loader.off('message', done);
      reject(e);
    };
    loader.once('message', done);
    loader.once('error', fail);
    loader.postMessage({ url, concurrency, durationMs });
  });
}

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
}

/**
 * JavaScript a wall screen loads, from Vite's manifest: the entry and its static imports, plus the
 * lazily loaded chart chunk (needed before the first chart paints) and, for another screen, that
 * screen's chunk. Office pages are never counted: a wall does not load them.
 */
function wallJs(screen: string | null): { files: number; gzipKb: number; rawKb: number } {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(CLIENT_DIST, '.vite', 'manifest.json'), 'utf8'),
  ) as Record<string, ManifestChunk>;
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  visit('index.html');
  visit('charts/EChart.tsx');
  if (screen) visit(screen);
  let gzip = 0;
  let raw = 0;
  for (const f of files) {
    if (!f.endsWith('.js')) continue;
    const bytes = fs.readFileSync(path.join(CLIENT_DIST, f));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return {
    files: [...files].filter((f) => f.endsWith('.js')).length,
    gzipKb: gzip / 1024,
    rawKb: raw / 1024,
  };
}

async function benchSize(size: SeedSize) {
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `${size}.db`);
  let seedSeconds: number | null = null;
  if (!reuse || !fs.existsSync(file)) {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    const db = openDb(file);
    const t0 = performance.now();
    prepareDatabase(db, { seed: 'demo', size, nowMs: NOW, log: (m) => console.log(`  [${size}] ${m}`) });
    seedSeconds = (performance.now() - t0) / 1000;
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
  }
  const db = openDb(file);
  const dbMb = fs.statSync(file).size / 1024 / 1024;

  // Server time in-process: the procedure as the HTTP adapter calls it, memo off and on.
  const timings = (memo: boolean) => {
    const { context } = createApp({ db, clock: () => NOW, overviewMemo: memo, log: () => {} });
    const caller = createCallerFactory(appRouter)(context);
    return async (n: number) => {
      const cpu0 = process.cpuUsage();
      const ms: number[] = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        await caller.dashboard.overview();
        ms.push(performance.now() - t0);
      }
      const cpu = process.cpuUsage(cpu0);
      cpuPerCall.push((cpu.user + cpu.system) / 1000 / n);
      return ms;
    };
  };
  // Five batches of 100 calls; the figure is the median batch (the host is shared and noisy).
  const batches = async (run: (n: number) => Promise<number[]>) => {
    await run(30);
    const p50s: number[] = [];
    const p95s: number[] = [];
    let max = 0;
    for (let b = 0; b < 5; b++) {
      const ms = await run(100);
      p50s.push(median(ms));
      p95s.push(quantile(ms, 0.95));
      max = Math.max(max, ...ms);
    }
    return { p50: median(p50s), p95: median(p95s), max };
  };
  const cpuPerCall: number[] = [];
  const cold = await batches(timings(false));
  const coldCpu = median(cpuPerCall.splice(0));
  const warm = await batches(timings(true));

  // Throughput over HTTP against a static file of the same bytes, same Express, same run.
  const { app, context } = createApp({ db, clock: () => NOW, log: () => {} });
  const caller = createCallerFactory(appRouter)(context);
  const body = JSON.stringify({ result: { data: await caller.dashboard.overview() } });
  const staticDir = fs.mkdtempSync(path.join(OUT, 'static-'));
  fs.writeFileSync(path.join(staticDir, 'overview.json'), body);
  const outer = express();
  outer.use('/bench-static', express.static(staticDir, { etag: false, lastModified: false }));
  outer.use(app);
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = outer.listen(0, '127.0.0.1', () => resolve(s));
  });
  const port = (server.address() as import('node:net').AddressInfo).port;
  const apiUrl = `http://127.0.0.1:${port}/trpc/dashboard.overview`;
  const staticUrl = `http://127.0.0.1:${port}/bench-static/overview.json`;
  await load(apiUrl, 1000);
  await load(staticUrl, 1000);
  // Event-loop delay while serving each URL, a fresh monitor per phase (a re-enabled monitor counts
  // the gap). The static file is the baseline for what the shared host's scheduling does alone.
  const api: number[] = [];
  const stat: number[] = [];
  const errors: number[] = [];
  const loopApi = { p99: [] as number[], max: 0 };
  const loopStatic = { p99: [] as number[], max: 0 };
  const measured = async (url: string, into: { p99: number[]; max: number }) => {
    const h = monitorEventLoopDelay({ resolution: 1 });
    h.enable();
    const r = await load(url);
    h.disable();
    into.p99.push(h.percentile(99) / 1e6);
    into.max = Math.max(into.max, h.max / 1e6);
    return r;
  };
  for (let round = 0; round < 3; round++) {
    const a = await measured(apiUrl, loopApi);
    const st = await measured(staticUrl, loopStatic);
    api.push(a.rps);
    stat.push(st.rps);
    errors.push(a.errors + st.errors);
  }
  await new Promise<void>((resolve) => server.close(() => resolve()));
  fs.rmSync(staticDir, { recursive: true, force: true });
  db.close();

  return {
    size,
    seedSeconds,
    dbMb,
    responseKb: Buffer.byteLength(body) / 1024,
    overviewColdP50: cold.p50,
    overviewColdP95: cold.p95,
    overviewColdMax: cold.max,
    overviewColdCpu: coldCpu,
    overviewWarmP50: warm.p50,
    overviewWarmP95: warm.p95,
    apiRps: median(api),
    staticRps: median(stat),
    ratio: median(api) / median(stat),
    httpErrors: errors.reduce((s, e) => s + e, 0),
    loopApi: { p99: median(loopApi.p99), max: loopApi.max },
    loopStatic: { p99: median(loopStatic.p99), max: loopStatic.max },
  };
}

async function main() {
  await ensureClientBuild((m) => console.log(m));
  const js = wallJs(null);
  const jsScreens = [
    'pages/wall/Anggaran.tsx',
    'pages/wall/Layanan.tsx',
    'pages/wall/Spbe.tsx',
    'pages/wall/player/Player.tsx',
  ].map((s) => ({
    screen: s,
    ...wallJs(s),
  }));
  const results = [];
  for (const size of sizes) {
    console.log(`benchmarking ${size}…`);
    results.push(await benchSize(size));
  }
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(
    path.join(OUT, 'results.json'),
    JSON.stringify({ at: new Date().toISOString(), js, results }, null, 2),
  );
  console.log(
    '\n| size | seed s | db MB | overview p50 / p95 / max ms (CPU ms per call), memo off | p50 / p95 ms, memo on | HTTP rps overview / static (ratio) | errors | loop delay p99 / max ms: overview vs static | response KB |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    console.log(
      `| ${r.size} | ${r.seedSeconds === null ? 'reused' : fmt(r.seedSeconds, 1)} | ${fmt(r.dbMb, 0)} | ${fmt(r.overviewColdP50)} / ${fmt(r.overviewColdP95)} / ${fmt(r.overviewColdMax, 1)} (${fmt(r.overviewColdCpu)}) | ${fmt(r.overviewWarmP50, 3)} / ${fmt(r.overviewWarmP95, 3)} | ${fmt(r.apiRps, 0)} / ${fmt(r.staticRps, 0)} (${fmt(r.ratio)}) | ${r.httpErrors} | ${fmt(r.loopApi.p99, 1)} / ${fmt(r.loopApi.max, 1)} vs ${fmt(r.loopStatic.p99, 1)} / ${fmt(r.loopStatic.max, 1)} | ${fmt(r.responseKb, 1)} |`,
    );
  }
  console.log(
    `\nWall JavaScript, Ringkasan (entry + static imports + chart chunk): ${js.files} files, ${fmt(js.gzipKb, 1)} KB gzip (${fmt(js.rawKb, 1)} KB raw)`,
  );
  for (const j of jsScreens) console.log(`  with ${j.screen}: ${fmt(j.gzipKb, 1)} KB gzip`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
