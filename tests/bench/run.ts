// npm run bench [-- --sizes=kabupaten,stress --reuse]: the performance figures of BENCHMARKS.md.
// See tests/bench/README.md for what each figure means and how it is measured.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';
import express from 'express';
import { createApp } from '../../server/app';
import { CLIENT_DIST, ensureClientBuild, ROOT } from '../../server/build';
import { openDb } from '../../server/db/connection';
import { appRouter } from '../../server/routers/_app';
import type { SeedSize } from '../../server/seed/demo';
import { createCallerFactory } from '../../server/trpc';
import { BENCH_DIR, BENCH_NOW, ensureBenchDbTimed } from './seed-db';
import { procedureSweep, writeCost } from './server-costs';
import { median, quantile } from './stats';

const OUT = path.join(ROOT, 'bench-results');
const args = process.argv.slice(2);
const sizes = (args.find((a) => a.startsWith('--sizes='))?.slice(8) ?? 'kabupaten,triple,stress').split(
  ',',
) as SeedSize[];
if (args.includes('--reseed'))
  for (const size of sizes)
    for (const suffix of ['', '-wal', '-shm'])
      fs.rmSync(path.join(BENCH_DIR, `${size}.db${suffix}`), { force: true });
const NOW = BENCH_NOW; // fixed "now" so every run seeds the same data

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
  const { file, seconds: seedSeconds } = ensureBenchDbTimed(size, (m) => console.log(m));
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
  console.log(`  [${size}] every read procedure, memo off…`);
  const sweep = await procedureSweep(db, NOW);
  db.close();
  console.log(`  [${size}] a realisation saved through the mutation path, on a copy…`);
  const write = await writeCost(file, path.join(OUT, `${size}-write.db`), NOW);

  return {
    sweep,
    write,
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

/** A benchmark of its own process (Chromium, worker threads, a real server it kills), run in turn. */
interface Child {
  key: string;
  title: string;
  script: string;
  args: string[];
}

function runChild(c: Child): Promise<{ code: number | null; seconds: number; tail: string }> {
  return new Promise((resolve) => {
    console.log(`\n## ${c.title}\n\n\`npx tsx tests/bench/${c.script} ${c.args.join(' ')}\`\n`);
    const t0 = performance.now();
    const child = spawn(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', path.join(ROOT, 'tests/bench', c.script), ...c.args],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    const echo = (chunk: Buffer) => {
      process.stdout.write(chunk);
      out = (out + chunk.toString()).slice(-20_000);
    };
    child.stdout.on('data', echo);
    child.stderr.on('data', echo);
    child.on('close', (code) => resolve({ code, seconds: (performance.now() - t0) / 1000, tail: out }));
  });
}

async function main() {
  const only =
    args
      .find((a) => a.startsWith('--only='))
      ?.slice(7)
      .split(',') ?? null;
  const quick = args.includes('--quick');
  const wants = (key: string) => only === null || only.includes(key);
  const started = new Date().toISOString();
  console.log(
    `npm run bench ${args.join(' ')} — ${started}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const results = [];
  let js: ReturnType<typeof wallJs> | null = null;
  let jsScreens: ({ screen: string } & ReturnType<typeof wallJs>)[] = [];
  if (wants('server')) {
    await ensureClientBuild((m) => console.log(m));
    js = wallJs(null);
    jsScreens = [
      'pages/wall/Anggaran.tsx',
      'pages/wall/Layanan.tsx',
      'pages/wall/Spbe.tsx',
      'pages/wall/player/Player.tsx',
    ].map((s) => ({ screen: s, ...wallJs(s) }));
    for (const size of sizes) {
      console.log(`benchmarking ${size}…`);
      results.push(await benchSize(size));
    }
    printServer(results, js, jsScreens);
  }

  const stress = sizes.includes('stress') ? 'stress' : (sizes[sizes.length - 1] ?? 'kabupaten');
  const children: Child[] = [
    {
      key: 'mixed',
      title: `Mixed load at ${stress}: 200 readers, 40 writers, 100 SSE wall clients`,
      script: 'mixed.ts',
      args: [`--size=${stress}`, `--seconds=${quick ? 20 : 60}`],
    },
    {
      key: 'live',
      title: 'A committed change to 100 SSE wall clients, alone',
      script: 'live.ts',
      args: [],
    },
    {
      key: 'import',
      title: 'Import of 100 000 service records (CSV, XLSX, production worker path)',
      script: 'import.ts',
      args: ['--worker'],
    },
    {
      key: 'cold',
      title: `Wall cold load to all charts painted, ${stress} data`,
      script: 'wall-cold-load.ts',
      args: [`--size=${stress}`, `--runs=${quick ? 3 : 9}`],
    },
    {
      key: 'crash',
      title: 'SIGKILL during 40 HTTP writers, repeated',
      script: 'crash.ts',
      args: [`--iterations=${quick ? 5 : 50}`],
    },
    {
      key: 'backup',
      title: 'Online backup while 40 writers write, and restore',
      script: 'backup.ts',
      args: [],
    },
    {
      key: 'lighthouse',
      title: 'Lighthouse: the wall and the entry page',
      script: 'lighthouse.ts',
      args: [],
    },
  ];
  const ran: { key: string; title: string; exit: number | null; seconds: number }[] = [];
  for (const c of children) {
    if (!wants(c.key)) continue;
    if (!fs.existsSync(path.join(ROOT, 'tests/bench', c.script))) {
      console.log(`\n(${c.script} missing: skipped)`);
      ran.push({ key: c.key, title: c.title, exit: null, seconds: 0 });
      continue;
    }
    const r = await runChild(c);
    ran.push({ key: c.key, title: c.title, exit: r.code, seconds: r.seconds });
  }

  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(
    path.join(OUT, 'results.json'),
    JSON.stringify({ at: started, args, load: os.loadavg(), js, jsScreens, results, children: ran }, null, 2),
  );
  if (ran.length > 0) {
    console.log('\n## Benchmarks run (each exits non-zero when its bar is missed)\n');
    console.log('| benchmark | exit | seconds |');
    console.log('|---|---|---|');
    for (const r of ran) console.log(`| ${r.title} | ${r.exit ?? 'not run'} | ${fmt(r.seconds, 0)} |`);
  }
  if (ran.some((r) => r.exit !== 0)) process.exitCode = 1;
}

type SizeResult = Awaited<ReturnType<typeof benchSize>>;

function printServer(
  results: SizeResult[],
  js: ReturnType<typeof wallJs>,
  jsScreens: ({ screen: string } & ReturnType<typeof wallJs>)[],
) {
  console.log(
    '\n| size | seed s | db MB | overview p50 / p95 / max ms (CPU ms per call), memo off | p50 / p95 ms, memo on | HTTP rps overview / static (ratio) | errors | loop delay p99 / max ms: overview vs static | response KB |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    console.log(
      `| ${r.size} | ${r.seedSeconds === null ? 'reused' : fmt(r.seedSeconds, 1)} | ${fmt(r.dbMb, 0)} | ${fmt(r.overviewColdP50)} / ${fmt(r.overviewColdP95)} / ${fmt(r.overviewColdMax, 1)} (${fmt(r.overviewColdCpu)}) | ${fmt(r.overviewWarmP50, 3)} / ${fmt(r.overviewWarmP95, 3)} | ${fmt(r.apiRps, 0)} / ${fmt(r.staticRps, 0)} (${fmt(r.ratio)}) | ${r.httpErrors} | ${fmt(r.loopApi.p99, 1)} / ${fmt(r.loopApi.max, 1)} vs ${fmt(r.loopStatic.p99, 1)} / ${fmt(r.loopStatic.max, 1)} | ${fmt(r.responseKb, 1)} |`,
    );
  }

  // How the cost grows with the data: each size against the first (normally kabupaten).
  const first = results[0];
  if (first) {
    console.log('\nCost growth (medians; ratio to the first size measured in this run):\n');
    console.log(
      '| size | overview p50 memo off (× first) | overview CPU per call (× first) | saveRealisation p50 (× first) | raw UPDATE p50 (baseline) | save ÷ raw |',
    );
    console.log('|---|---|---|---|---|---|');
    for (const r of results) {
      console.log(
        `| ${r.size} | ${fmt(r.overviewColdP50)} ms (${fmt(r.overviewColdP50 / first.overviewColdP50)}) | ${fmt(r.overviewColdCpu)} ms (${fmt(r.overviewColdCpu / first.overviewColdCpu)}) | ${fmt(r.write.save.p50)} ms (${fmt(r.write.save.p50 / first.write.save.p50)}) | ${fmt(r.write.raw.p50, 3)} ms | ${fmt(r.write.save.p50 / r.write.raw.p50, 1)} |`,
      );
    }
  }

  // Every read procedure, memo off: the longest single call is how long it holds the event loop.
  console.log(`\nRead procedures, memo off, 20 calls each: p50 / p95 / max ms per size\n`);
  console.log(`| procedure | ${results.map((r) => r.size).join(' | ')} |`);
  console.log(`|---|${results.map(() => '---|').join('')}`);
  for (const [i, c] of (first?.sweep ?? []).entries()) {
    const cells = results.map((r) => {
      const x = r.sweep[i];
      return !x
        ? '–'
        : x.error
          ? `error: ${x.error.slice(0, 80)}`
          : `${fmt(x.p50, 1)} / ${fmt(x.p95, 1)} / ${fmt(x.max, 1)}`;
    });
    console.log(`| ${c.name} | ${cells.join(' | ')} |`);
  }
  for (const r of results) {
    const worst = r.sweep.reduce((m, x) => (x.max > m.max ? x : m), { name: '–', max: 0 } as {
      name: string;
      max: number;
    });
    console.log(
      `longest single call at ${r.size}: ${worst.name} ${fmt(worst.max, 1)} ms (bar: 50 ms at stress)`,
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
