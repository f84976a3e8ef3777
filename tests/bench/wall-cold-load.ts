// npx tsx tests/bench/wall-cold-load.ts [--runs=15] [--size=kabupaten] [--stable=750]
// Cold load of each wall screen in headless Chromium: from navigation start to every chart painted
// (DESIGN.md: within 1,5 s). A new browser context per run (empty cache), 1920×1080; the baseline,
// measured in the same run and the same way, is a trivial static page served by the same Express
// process, so the ratio separates the app from what the browser and the harness cost alone.
// See tests/bench/README.md.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import express from 'express';
import type { Browser } from 'playwright-core';
import { createApp } from '../../server/app';
import { prepareDatabase } from '../../server/boot';
import { buildId, ROOT } from '../../server/build';
import { openDb } from '../../server/db/connection';
import type { SeedSize } from '../../server/seed/demo';
import {
  buildIdOf,
  clientBuildOrLast,
  close,
  id,
  launchBenchChromium,
  listen,
  maxOf,
  median,
  numArg,
  quantile,
  snapshotClient,
  strArg,
} from './wall-common';

const OUT = path.join(ROOT, 'bench-results');
const RUNS = numArg('runs', 15);
const SIZE = strArg('size', 'kabupaten') as SeedSize;
/** The condition must hold this long before a run ends (a chart that appears late resets it). */
const STABLE_MS = numArg('stable', 750);
const TIMEOUT_MS = 30_000;
const NOW = Date.parse('2026-11-23T03:00:00.000Z'); // the same fixed "now" as run.ts
const BAR_MS = 1500;

const SCREENS = [
  '/wall/ringkasan',
  '/wall/anggaran',
  '/wall/layanan',
  '/wall/spbe',
  '/wall/kepatuhan',
  '/wall/pilar/GOV',
] as const;
const BASELINE = '/bench-static/baseline.html';
const BASELINE_HTML = `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>baseline</title></head>
<body><main data-state="ready"><h1>Adiguna</h1><div data-testid="chart-baseline" data-painted="true"></div></main></body></html>`;

interface Run {
  target: string;
  /** ms from navigation start: all charts painted and main ready, for the last time it became so. */
  paintedMs: number;
  /** The first moment the condition held (differs when a chart came late or repainted). */
  firstMs: number;
  readyMs: number | null;
  fcpMs: number | null;
  loadMs: number | null;
  /** When the last JavaScript file and the last tRPC answer (live.changes aside) finished arriving. */
  jsDoneMs: number | null;
  dataDoneMs: number | null;
  charts: number;
  jsFiles: string[];
  jsEncodedBytes: number;
  jsTransferBytes: number;
  /** gzip -9 of the same files, read from the build being served. */
  jsGzip9Bytes: number;
  jsRawBytes: number;
  /** Renderer main-thread busy time up to the end of the run (CDP Performance.getMetrics), ms. */
  taskMs: number | null;
  scriptMs: number | null;
  /** CPU time of the renderer's main thread (ThreadTime): what the host's load inflates least. */
  cpuMs: number | null;
  requests: number;
  errors: string[];
}

/**
 * Runs in the page before any of its scripts: watches the DOM and notes (performance.now(), i.e. ms
 * since navigation start) when main[data-state="ready"] is present and no [data-testid^="chart-"]
 * is still unpainted. The lazy chart placeholders carry data-painted="false", so "none pending"
 * also waits for the chart chunk. A string, not a function: tsx would wrap the inner function in
 * a `__name` helper that does not exist in the page.
 */
const OBSERVE_PAINTED = `(() => {
  const b = { ok: false, flipAt: 0, firstAt: null, readyAt: null, charts: 0 };
  window.__bench = b;
  const check = () => {
    const ready = document.querySelector('main[data-state="ready"]') !== null;
    const charts = document.querySelectorAll('[data-testid^="chart-"]');
    let pending = 0;
    for (const c of charts) if (c.getAttribute('data-painted') !== 'true') pending++;
    const ok = ready && pending === 0;
    const now = performance.now();
    if (ready && b.readyAt === null) b.readyAt = now;
    if (ok !== b.ok) {
      b.ok = ok;
      b.flipAt = now;
      if (ok && b.firstAt === null) b.firstAt = now;
    }
    if (ok) b.charts = charts.length;
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-painted', 'data-state', 'data-testid'],
  });
})();`;

async function measure(browser: Browser, base: string, target: string, clientDir: string): Promise<Run> {
  const context = await browser.newContext({
    viewport: { width: 1920, height: 1080 },
    deviceScaleFactor: 1,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
  });
  try {
    await context.addInitScript({ content: OBSERVE_PAINTED });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}${target}`, { waitUntil: 'commit' });
    await page.waitForFunction(
      (stable) => {
        const b = (window as unknown as { __bench?: { ok: boolean; flipAt: number } }).__bench;
        return b?.ok && performance.now() - b.flipAt >= stable;
      },
      STABLE_MS,
      { timeout: TIMEOUT_MS, polling: 50 },
    );
    const r = await page.evaluate(() => {
      const b = (
        window as unknown as {
          __bench: { flipAt: number; firstAt: number | null; readyAt: number | null; charts: number };
        }
      ).__bench;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const js = resources.filter((e) => new URL(e.name).pathname.endsWith('.js'));
      const data = resources.filter((e) => {
        const p = new URL(e.name).pathname;
        return p.startsWith('/trpc/') && !p.startsWith('/trpc/live.changes') && e.responseEnd > 0;
      });
      // No named inner functions here: tsx would wrap them in a `__name` helper the page lacks.
      const jsEnds = js.map((e) => e.responseEnd);
      const dataEnds = data.map((e) => e.responseEnd);
      return {
        paintedMs: b.flipAt,
        firstMs: b.firstAt ?? b.flipAt,
        readyMs: b.readyAt,
        fcpMs: fcp ? fcp.startTime : null,
        loadMs: nav && nav.loadEventEnd > 0 ? nav.loadEventEnd : null,
        jsDoneMs: jsEnds.length ? maxOf(jsEnds) : null,
        dataDoneMs: dataEnds.length ? maxOf(dataEnds) : null,
        charts: b.charts,
        jsFiles: js.map((e) => new URL(e.name).pathname),
        jsEncodedBytes: js.reduce((s, e) => s + e.encodedBodySize, 0),
        jsTransferBytes: js.reduce((s, e) => s + e.transferSize, 0),
        requests: resources.length + 1,
      };
    });
    const metrics = new Map(
      (await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value] as const),
    );
    const ms = (name: string) => {
      const v = metrics.get(name);
      return v === undefined ? null : v * 1000;
    };
    const g = gzipOf(clientDir, r.jsFiles);
    return {
      target,
      ...r,
      jsGzip9Bytes: g.gzip,
      jsRawBytes: g.raw,
      taskMs: ms('TaskDuration'),
      scriptMs: ms('ScriptDuration'),
      cpuMs: ms('ThreadTime'),
      errors,
    };
  } catch (err) {
    return {
      target,
      paintedMs: Number.NaN,
      firstMs: Number.NaN,
      readyMs: null,
      fcpMs: null,
      loadMs: null,
      jsDoneMs: null,
      dataDoneMs: null,
      charts: 0,
      jsFiles: [],
      jsEncodedBytes: 0,
      jsTransferBytes: 0,
      jsGzip9Bytes: 0,
      jsRawBytes: 0,
      taskMs: null,
      scriptMs: null,
      cpuMs: null,
      requests: 0,
      errors: [(err as Error).message.split('\n')[0] ?? 'error'],
    };
  } finally {
    await context.close();
  }
}

/** gzip -9 of the JavaScript files a page loaded, read from the build (as run.ts counts them). */
const gzipCache = new Map<string, { gzip: number; raw: number }>();
function gzipOf(clientDir: string, files: readonly string[]): { gzip: number; raw: number } {
  let gzip = 0;
  let raw = 0;
  for (const f of new Set(files)) {
    const file = path.join(clientDir, f.replace(/^\//, ''));
    let sizes = gzipCache.get(file);
    if (!sizes) {
      if (!fs.existsSync(file)) continue;
      const bytes = fs.readFileSync(file);
      sizes = { gzip: gzipSync(bytes, { level: 9 }).length, raw: bytes.length };
      gzipCache.set(file, sizes);
    }
    gzip += sizes.gzip;
    raw += sizes.raw;
  }
  return { gzip, raw };
}

async function main() {
  const build = await clientBuildOrLast();
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `${SIZE}.db`);
  const reused = fs.existsSync(file);
  if (!reused) console.log(`seeding ${SIZE} into ${path.relative(ROOT, file)}…`);
  const db = openDb(file);
  prepareDatabase(db, { seed: 'demo', size: SIZE, nowMs: NOW, log: (m) => console.log(`  [${SIZE}] ${m}`) });

  const client = snapshotClient(OUT);
  const servedBuild = buildIdOf(client.dir);
  const { app } = createApp({
    db,
    clock: () => NOW,
    clientDir: client.dir,
    buildId: servedBuild,
    log: () => {},
  });
  const staticDir = fs.mkdtempSync(path.join(OUT, 'static-'));
  fs.writeFileSync(path.join(staticDir, 'baseline.html'), BASELINE_HTML);
  const outer = express();
  outer.use('/bench-static', express.static(staticDir, { etag: false, lastModified: false }));
  outer.use(app);
  const { server, url } = await listen(outer);

  // Does the server compress JavaScript? (Resource Timing's encodedBodySize is what went over the wire.)
  const entry = /src="([^"]+\.js)"/.exec(fs.readFileSync(path.join(client.dir, 'index.html'), 'utf8'))?.[1];
  const probe = entry ? await fetch(`${url}${entry}`, { headers: { 'accept-encoding': 'gzip, br' } }) : null;
  const contentEncoding = probe?.headers.get('content-encoding') ?? 'none';
  await probe?.arrayBuffer();

  const browser = await launchBenchChromium();
  const targets = [BASELINE, ...SCREENS];
  console.log(`warm-up round (not counted), then ${RUNS} runs × ${targets.length} targets…`);
  for (const t of targets) await measure(browser, url, t, client.dir);
  const runs: Run[] = [];
  const t0 = performance.now();
  for (let i = 0; i < RUNS; i++) {
    // Round-robin: every target sees the same stretch of the shared host's noise.
    for (const t of targets) {
      const r = await measure(browser, url, t, client.dir);
      runs.push(r);
      if (r.errors.length > 0) console.log(`  run ${i + 1} ${t}: ${r.errors.join('; ')}`);
    }
    process.stdout.write(`  ${i + 1}/${RUNS}\r`);
  }
  const seconds = (performance.now() - t0) / 1000;
  await browser.close();
  await close(server);
  fs.rmSync(staticDir, { recursive: true, force: true });
  client.dispose();
  db.close();

  const summarise = (target: string) => {
    const rs = runs.filter((r) => r.target === target);
    const ok = rs.filter((r) => Number.isFinite(r.paintedMs));
    const painted = ok.map((r) => r.paintedMs);
    return {
      target,
      runs: rs.length,
      failed: rs.length - ok.length,
      paintedP50: median(painted),
      paintedP90: quantile(painted, 0.9),
      paintedMax: maxOf(painted),
      firstP50: median(ok.map((r) => r.firstMs)),
      readyP50: median(ok.flatMap((r) => (r.readyMs === null ? [] : [r.readyMs]))),
      fcpP50: median(ok.flatMap((r) => (r.fcpMs === null ? [] : [r.fcpMs]))),
      loadP50: median(ok.flatMap((r) => (r.loadMs === null ? [] : [r.loadMs]))),
      jsDoneP50: median(ok.flatMap((r) => (r.jsDoneMs === null ? [] : [r.jsDoneMs]))),
      dataDoneP50: median(ok.flatMap((r) => (r.dataDoneMs === null ? [] : [r.dataDoneMs]))),
      taskP50: median(ok.flatMap((r) => (r.taskMs === null ? [] : [r.taskMs]))),
      scriptP50: median(ok.flatMap((r) => (r.scriptMs === null ? [] : [r.scriptMs]))),
      cpuP50: median(ok.flatMap((r) => (r.cpuMs === null ? [] : [r.cpuMs]))),
      charts: median(ok.map((r) => r.charts)),
      requests: median(ok.map((r) => r.requests)),
      jsFiles: median(ok.map((r) => r.jsFiles.length)),
      jsEncodedKb: median(ok.map((r) => r.jsEncodedBytes)) / 1024,
      jsTransferKb: median(ok.map((r) => r.jsTransferBytes)) / 1024,
      jsGzip9Kb: median(ok.map((r) => r.jsGzip9Bytes)) / 1024,
      jsRawKb: median(ok.map((r) => r.jsRawBytes)) / 1024,
      errors: [...new Set(rs.flatMap((r) => r.errors))],
    };
  };
  const baseline = summarise(BASELINE);
  const screens = SCREENS.map((s) => {
    const r = summarise(s);
    return {
      ...r,
      ratio: r.paintedP50 / baseline.paintedP50,
      overBaselineMs: r.paintedP50 - baseline.paintedP50,
    };
  });
  const result = {
    at: new Date().toISOString(),
    size: SIZE,
    databaseReused: reused,
    buildId: servedBuild,
    // Whether the build served was that of the sources at the start, and whether someone
    // rebuilt the client while this ran (the run still served its private copy throughout).
    buildCurrentAtStart: build.current,
    rebuiltDuringRun: servedBuild !== buildId(),
    buildError: build.buildError,
    runsPerTarget: RUNS,
    stableMs: STABLE_MS,
    seconds,
    contentEncoding,
    barMs: BAR_MS,
    baseline,
    screens,
    runs,
  };
  fs.writeFileSync(path.join(OUT, 'wall-cold-load.json'), JSON.stringify(result, null, 2));

  console.log(
    `\nCold load, ${SIZE}, ${RUNS} runs per target, new context each, 1920×1080 (${id(seconds, 0)} s; JS served with content-encoding: ${contentEncoding}; build ${servedBuild}${build.current ? '' : ', NOT the current sources'})\n`,
  );
  console.log(
    '| screen | charts | all painted p50 / p90 / max | ratio to baseline (p50) | last JS / last data / main ready / FCP, p50 | main thread busy / script / CPU, p50 | JS files | JS transferred (encoded body) | same files gzip -9 | failed |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  const row = (r: ReturnType<typeof summarise>, ratio: string) =>
    `| \`${r.target}\` | ${r.charts} | ${id(r.paintedP50)} / ${id(r.paintedP90)} / ${id(r.paintedMax)} ms | ${ratio} | ${id(r.jsDoneP50)} / ${id(r.dataDoneP50)} / ${id(r.readyP50)} / ${id(r.fcpP50)} ms | ${id(r.taskP50)} / ${id(r.scriptP50)} / ${id(r.cpuP50)} ms | ${r.jsFiles} | ${id(r.jsEncodedKb, 1)} KB | ${id(r.jsGzip9Kb, 1)} KB | ${r.failed} |`;
  console.log(row(baseline, '1 (baseline)'));
  for (const s of screens) console.log(row(s, `${id(s.ratio, 1)}× (+${id(s.overBaselineMs)} ms)`));
  const slow = screens.filter((s) => !(s.paintedP50 <= BAR_MS) || s.failed > 0);
  console.log(
    slow.length === 0
      ? `\nDESIGN.md bar (all charts painted within ${BAR_MS} ms, median): met on every screen.`
      : `\nDESIGN.md bar missed (median over ${BAR_MS} ms or a failed run): ${slow.map((s) => s.target).join(', ')}`,
  );
  for (const s of [baseline, ...screens])
    if (s.errors.length) console.log(`${s.target}: ${s.errors.join('; ')}`);
  process.exitCode = slow.length === 0 ? 0 : 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
