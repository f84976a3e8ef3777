// npx tsx tests/bench/wall-soak.ts [--minutes=30] [--dwell=10] [--write-every=2000]
// A display player rotating through every wall screen at the minimum dwell while figures are
// committed through the real write path and published on the bus. After one full warm-up cycle it
// samples, each time the rotation reaches ringkasan (index 0) and pilar GOV (the middle of the
// playlist): JS heap after a forced GC, DOM nodes, ECharts instances (in the document and in the
// whole heap), canvases, listeners on window/document, the server's bus listeners and the SSE
// connections. DESIGN.md: the heap grows by under 10 % and nothing is left behind; start and end
// are compared at the same screen. Exits 1 when a bar is missed. See tests/bench/README.md.
import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import type { CDPSession, Page } from 'playwright-core';
import { createApp } from '../../server/app';
import { prepareDatabase } from '../../server/boot';
import { buildId, ROOT } from '../../server/build';
import { openDb } from '../../server/db/connection';
import type { ChangeRow } from '../../server/db/queries/freshness';
import { recordComplaint, recordServiceRequest, saveProgress, saveRealisation } from '../../server/writes';
import type { PlaylistItem } from '../../shared/schemas';
import { monthKey } from '../../shared/time';
import { callerAs, createUser, principalFor } from '../helpers/users';
import {
  buildIdOf,
  clientBuildOrLast,
  close,
  id,
  launchBenchChromium,
  listen,
  maxOf,
  median,
  minOf,
  numArg,
  snapshotClient,
} from './wall-common';

const OUT = path.join(ROOT, 'bench-results');
const MINUTES = numArg('minutes', 30);
const DWELL_S = numArg('dwell', 10);
const WRITE_EVERY_MS = numArg('write-every', 2000);
const NOW = Date.parse('2026-11-23T03:00:00.000Z');
const YEAR = 2026;
const HEAP_BAR_PCT = 10;

const PILLARS = ['GOV', 'BRA', 'ECO', 'LIV', 'SOC', 'ENV'] as const;
const PLAYLIST: PlaylistItem[] = [
  { screen: 'ringkasan', dwellS: DWELL_S },
  { screen: 'anggaran', dwellS: DWELL_S },
  { screen: 'layanan', dwellS: DWELL_S },
  { screen: 'spbe', dwellS: DWELL_S },
  { screen: 'kepatuhan', dwellS: DWELL_S },
  ...PILLARS.map((pillar) => ({ screen: 'pilar' as const, pillar, dwellS: DWELL_S })),
];
const CYCLE_MS = PLAYLIST.length * DWELL_S * 1000;
/** Sampled screens: ringkasan and the pillar in the middle of the playlist (≈ one sample a minute). */
const SAMPLED = [
  { index: 0, label: 'ringkasan' },
  { index: 5, label: 'pilar GOV' },
] as const;

interface Sample {
  at: string;
  minute: number;
  cycle: number;
  index: number;
  screen: string;
  heapUsedMb: number;
  heapTotalMb: number;
  domElements: number;
  /** Memory.getDOMCounters: every live node (attached or not), documents, JS event listeners. */
  nodes: number;
  documents: number;
  jsEventListeners: number;
  /** Containers whose _echarts_instance_ is non-empty (ECharts sets it to '' on dispose). */
  echartsInDom: number;
  /** Objects in the whole JS heap with the ECharts instance prototype, after GC; and how many disposed. */
  echartsInHeap: number | null;
  echartsDisposedInHeap: number | null;
  chartCanvasesInDom: number;
  canvasesInHeap: number;
  canvasesDetached: number;
  windowListeners: number;
  documentListeners: number;
  windowListenerTypes: Record<string, number>;
  documentListenerTypes: Record<string, number>;
  busListeners: number;
  sseOpen: number;
  sseRequests: number;
  writes: number;
  sampleMs: number;
}

// ───────────────────────────── database, server, writes ─────────────────────────────

fs.mkdirSync(OUT, { recursive: true });
const dbFile = path.join(OUT, 'soak-small.db');
for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbFile + suffix, { force: true });
const db = openDb(dbFile);
prepareDatabase(db, { seed: 'demo', size: 'small', nowMs: NOW, log: () => {} });
const t = { db, nowMs: NOW };
const build = await clientBuildOrLast();
// A private copy: a rebuild by someone else (or a clean build removing old chunks) must not change
// what the player loads in the middle of the soak.
const client = snapshotClient(OUT);
const servedBuild = buildIdOf(client.dir);

const { app, context } = createApp({
  db,
  clock: () => NOW,
  clientDir: client.dir,
  buildId: 'soak', // fixed: a rebuild by someone else during the soak must not reload the player
  log: (level, msg, extra) => console[level](msg, extra ?? ''),
});
/** Server side count of live.changes (SSE) requests: open now, and ever. */
const sse = { open: 0, total: 0 };
const outer = express();
outer.use((req, res, next) => {
  if (req.path.startsWith('/trpc/live.changes')) {
    sse.open += 1;
    sse.total += 1;
    res.on('close', () => {
      sse.open -= 1;
    });
  }
  next();
});
outer.use(app);
const { server, url } = await listen(outer);

createUser(t, 'admin-soak', 'admin');
const admin = callerAs(t, principalFor(t, 'admin-soak'), undefined, context.bus);
const display = await admin.display.create({ name: 'Layar uji soak', playlist: PLAYLIST });

const ids = (sql: string) => db.prepare(sql).pluck().all() as number[];
const codes = (sql: string) => db.prepare(sql).pluck().all() as string[];
const subs = ids(`SELECT id FROM sub_kegiatan WHERE year = ${YEAR} ORDER BY id`);
const programmes = ids(`SELECT id FROM programme ORDER BY id`);
const serviceTypes = ids('SELECT id FROM service_type ORDER BY id');
const kecamatan = ids('SELECT id FROM kecamatan ORDER BY id');
const kecamatanCodes = codes('SELECT code FROM kecamatan ORDER BY code');
const channels = codes('SELECT code FROM complaint_channel ORDER BY code');
const topics = codes('SELECT code FROM complaint_topic ORDER BY code');
const categories = codes('SELECT code FROM complaint_category ORDER BY code');
const opdCodes = codes('SELECT code FROM opd ORDER BY code');
if (subs.length === 0 || programmes.length === 0 || serviceTypes.length === 0 || channels.length === 0)
  throw new Error('the small demo database has no figures to write');

const pick = <T>(xs: readonly T[], i: number): T => xs[i % xs.length] as T;
const writes = { realisation: 0, progress: 0, service: 0, complaint: 0, failed: 0, commitMs: [] as number[] };
let writeNo = 0;
let writesPaused = false;
const actor = { userId: null, source: 'manual' };

/** One figure through the real write path, published like the tRPC mutation does; the kinds rotate. */
function commitOne(): void {
  const i = writeNo++;
  const t0 = performance.now();
  let change: ChangeRow;
  try {
    switch (i % 4) {
      case 0:
      case 2: {
        // Budget every other write: vary sub kegiatan and month so the S-curve really moves.
        const month = 1 + (Math.floor(i / 2) % 11);
        change = saveRealisation(
          db,
          {
            subKegiatanId: pick(subs, i * 7),
            month,
            sp2dRp: 50_000_000 + ((i * 7919) % 900) * 1_000_000,
            spjRp: ((i * 104_729) % 50) * 1_000_000,
            fisikPct: (i * 13) % 101,
          },
          actor,
          NOW,
        );
        writes.realisation += 1;
        break;
      }
      case 1: {
        if (Math.floor(i / 4) % 2 === 0) {
          const submittedMs = NOW - (2 + (i % 30)) * 86_400_000;
          change = recordServiceRequest(
            db,
            {
              serviceId: pick(serviceTypes, i),
              kecamatanId: pick(kecamatan, i * 3),
              submittedMs,
              completedMs: submittedMs + (1 + (i % 10)) * 3_600_000,
              sourceId: `soak-svc-${i}`,
            },
            actor,
            NOW,
          );
          writes.service += 1;
        } else {
          const receivedMs = NOW - (1 + (i % 20)) * 3_600_000;
          change = recordComplaint(
            db,
            {
              channel: pick(channels, i),
              topic: pick(topics, i * 5),
              category: pick(categories, i),
              opdCode: pick(opdCodes, i * 11),
              kecamatanCode: pick(kecamatanCodes, i * 3),
              receivedMs,
              firstResponseMs: receivedMs + (i % 48) * 1_800_000,
              resolvedMs: null,
              sourceId: `soak-adu-${i}`,
            },
            actor,
            NOW,
          );
          writes.complaint += 1;
        }
        break;
      }
      default: {
        change = saveProgress(
          db,
          {
            programmeId: pick(programmes, i * 3),
            period: monthKey(YEAR, 10 + (i % 2)),
            physicalPct: (i * 17) % 101,
            spentRp: ((i * 31) % 500) * 1_000_000,
            indicatorValue: null,
            status: 'berjalan',
            kendala: null,
            tindakLanjut: null,
            evidenceUrl: null,
          },
          actor,
          NOW,
        );
        writes.progress += 1;
      }
    }
  } catch (err) {
    writes.failed += 1;
    if (writes.failed <= 3) console.error('write failed:', (err as Error).message);
    return;
  }
  writes.commitMs.push(performance.now() - t0);
  context.bus.publish(change);
}

// ───────────────────────────── the browser ─────────────────────────────

const browser = await launchBenchChromium();
const browserContext = await browser.newContext({
  viewport: { width: 1920, height: 1080 },
  deviceScaleFactor: 1,
  locale: 'id-ID',
  timezoneId: 'Asia/Jakarta',
});
const page: Page = await browserContext.newPage();
const pageErrors: string[] = [];
let liveRequests = 0;
let navigations = 0;
let crashed = false;
page.on('pageerror', (e) => pageErrors.push(e.message));
page.on('console', (m) => {
  if (m.type() === 'error') pageErrors.push(`console: ${m.text()}`);
});
page.on('request', (r) => {
  if (new URL(r.url()).pathname.startsWith('/trpc/live.changes')) liveRequests += 1;
});
// Document loads only (the player's replaceState that hides the token is no load).
page.on('load', () => {
  navigations += 1;
});
page.on('crash', () => {
  crashed = true;
});
const cdp: CDPSession = await browserContext.newCDPSession(page);

const playerIndex = () =>
  page.evaluate(() => document.querySelector('[data-testid="player"]')?.getAttribute('data-index') ?? null);

async function waitForIndex(index: number): Promise<void> {
  await page.waitForFunction(
    (i) => document.querySelector('[data-testid="player"]')?.getAttribute('data-index') === String(i),
    index,
    { timeout: CYCLE_MS + 60_000, polling: 100 },
  );
}

/** The slide on screen is ready and every chart in it painted, and has stayed so for `stableMs`. */
async function settled(stableMs: number, timeout: number): Promise<boolean> {
  try {
    await page.waitForFunction(
      (stable) => {
        const w = window as unknown as { __soakOkSince?: number | null };
        const slide = document.querySelector('.player-slide');
        const ready = slide?.querySelector('main[data-state="ready"]') != null;
        const pending = [...document.querySelectorAll('[data-testid^="chart-"]')].some(
          (c) => c.getAttribute('data-painted') !== 'true',
        );
        const ok = ready && !pending && slide !== null && getComputedStyle(slide).opacity === '1';
        if (!ok) w.__soakOkSince = null;
        else if (w.__soakOkSince == null) w.__soakOkSince = performance.now();
        return ok && performance.now() - (w.__soakOkSince ?? 0) >= stable;
      },
      stableMs,
      { timeout, polling: 100 },
    );
    return true;
  } catch {
    return false;
  }
}

async function evalHandle(expression: string, objectGroup: string): Promise<string | null> {
  const r = await cdp.send('Runtime.evaluate', { expression, objectGroup });
  return r.result.objectId ?? null;
}

async function callOn<T>(objectId: string, fn: string): Promise<T> {
  const r = await cdp.send('Runtime.callFunctionOn', {
    objectId,
    functionDeclaration: fn,
    returnByValue: true,
  });
  return r.result.value as T;
}

/** How many objects in the whole heap have this prototype (Runtime.queryObjects), and `summary` of them. */
async function queryObjects<T>(prototypeId: string, summary: string, group: string): Promise<T> {
  const r = await cdp.send('Runtime.queryObjects', { prototypeObjectId: prototypeId, objectGroup: group });
  if (!r.objects.objectId) throw new Error('queryObjects returned nothing');
  return callOn<T>(r.objects.objectId, summary);
}

// The ECharts instance prototype, found through a mounted chart's React fiber (EChart.tsx keeps the
// instance in a ref): echarts/core is bundled and exposes no global to count instances with.
const ECHARTS_PROTOTYPE = `(() => {
  for (const el of document.querySelectorAll('[_echarts_instance_]')) {
    const key = Object.keys(el).find((k) => k.startsWith('__reactFiber$'));
    let f = key ? el[key] : null;
    for (let depth = 0; f && depth < 4; depth++, f = f.return) {
      for (let h = f.memoizedState; h && typeof h === 'object' && 'next' in h; h = h.next) {
        const v = h.memoizedState;
        if (v && typeof v === 'object' && 'current' in v && v.current && typeof v.current.getZr === 'function'
            && typeof v.current.isDisposed === 'function')
          return Object.getPrototypeOf(v.current);
      }
    }
  }
  return null;
})()`;
let echartsProtoId: string | null = null;

function byType(listeners: { type: string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const l of listeners) out[l.type] = (out[l.type] ?? 0) + 1;
  return out;
}

let startedAt = 0;
async function sample(index: number, cycle: number): Promise<Sample> {
  const t0 = performance.now();
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const counters = await cdp.send('Memory.getDOMCounters');
  const dom = await page.evaluate(() => ({
    domElements: document.getElementsByTagName('*').length,
    echartsInDom: [...document.querySelectorAll('[_echarts_instance_]')].filter(
      (el) => el.getAttribute('_echarts_instance_') !== '',
    ).length,
    chartCanvasesInDom: document.querySelectorAll('[data-testid^="chart-"] canvas').length,
  }));
  const group = `soak-${Date.now()}`;
  const windowId = await evalHandle('window', group);
  const documentId = await evalHandle('document', group);
  const wl = windowId
    ? (await cdp.send('DOMDebugger.getEventListeners', { objectId: windowId })).listeners
    : [];
  const dl = documentId
    ? (await cdp.send('DOMDebugger.getEventListeners', { objectId: documentId })).listeners
    : [];
  const canvasProto = await evalHandle('HTMLCanvasElement.prototype', group);
  const canvases = canvasProto
    ? await queryObjects<{ n: number; attached: number }>(
        canvasProto,
        'function () { return { n: this.length, attached: this.filter((c) => c.isConnected).length }; }',
        group,
      )
    : { n: -1, attached: -1 };
  // The prototype lives as long as the page: found once, kept in its own object group.
  if (!echartsProtoId) echartsProtoId = await evalHandle(ECHARTS_PROTOTYPE, 'soak-echarts-proto');
  const echarts = echartsProtoId
    ? await queryObjects<{ n: number; disposed: number }>(
        echartsProtoId,
        'function () { return { n: this.length, disposed: this.filter((c) => c.isDisposed()).length }; }',
        group,
      )
    : null;
  await cdp.send('Runtime.releaseObjectGroup', { objectGroup: group });
  const item = PLAYLIST[index] as PlaylistItem;
  return {
    at: new Date().toISOString(),
    minute: (Date.now() - startedAt) / 60_000,
    cycle,
    index,
    screen: item.pillar ? `${item.screen} ${item.pillar}` : item.screen,
    heapUsedMb: heap.usedSize / 1024 / 1024,
    heapTotalMb: heap.totalSize / 1024 / 1024,
    ...dom,
    nodes: counters.nodes,
    documents: counters.documents,
    jsEventListeners: counters.jsEventListeners,
    echartsInHeap: echarts?.n ?? null,
    echartsDisposedInHeap: echarts?.disposed ?? null,
    canvasesInHeap: canvases.n,
    canvasesDetached: canvases.n - canvases.attached,
    windowListeners: wl.length,
    documentListeners: dl.length,
    windowListenerTypes: byType(wl),
    documentListenerTypes: byType(dl),
    busListeners: context.bus.listenerCount(),
    sseOpen: sse.open,
    sseRequests: liveRequests,
    writes: writeNo,
    sampleMs: performance.now() - t0,
  };
}

// ───────────────────────────── the soak ─────────────────────────────

const samples: Sample[] = [];
const skipped: { cycle: number; index: number; why: string }[] = [];
const resultFile = path.join(OUT, 'wall-soak.json');
const writeResult = (extra: Record<string, unknown> = {}) =>
  fs.writeFileSync(
    resultFile,
    JSON.stringify(
      {
        at: new Date().toISOString(),
        minutes: MINUTES,
        buildId: servedBuild,
        // Whether the build served was that of the sources at the start, and whether someone
        // rebuilt the client while this ran (the run still served its private copy throughout).
        buildCurrentAtStart: build.current,
        rebuiltDuringRun: servedBuild !== buildId(),
        buildError: build.buildError,
        dwellS: DWELL_S,
        writeEveryMs: WRITE_EVERY_MS,
        playlist: PLAYLIST,
        writes: { ...writes, commitMs: undefined, commitP50Ms: median(writes.commitMs) },
        navigations,
        sseServerTotal: sse.total,
        pageErrors,
        skipped,
        samples,
        ...extra,
      },
      null,
      2,
    ),
  );

console.log(
  `soak: ${PLAYLIST.length} screens × ${DWELL_S} s (cycle ${CYCLE_MS / 1000} s), a write every ${WRITE_EVERY_MS} ms, ${MINUTES} min after one warm-up cycle`,
);
await cdp.send('HeapProfiler.enable');
await page.goto(`${url}${display.path}`);
await page.waitForSelector('[data-testid="player"]', { timeout: 30_000 });
const writer = setInterval(() => {
  if (!writesPaused) commitOne();
}, WRITE_EVERY_MS);

// Warm-up: one full cycle, so every screen's chunk, queries and charts have been created once.
await waitForIndex(1);
await waitForIndex(0);
startedAt = Date.now();
let cycle = 0;
let done = false;
console.log(
  '| min | screen | heap after GC MB | DOM elements | nodes (all) | ECharts dom / heap (disposed) | canvases heap (detached) | listeners window / document / all JS | bus | SSE open / requests | writes |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
while (!done && !crashed) {
  for (const s of SAMPLED) {
    if (s.index !== 0) await waitForIndex(s.index);
    else if (cycle > 0) await waitForIndex(0);
    // Settle with writes held for a moment, so the sample sees a painted screen, not a refetch.
    writesPaused = true;
    const ok = await settled(1000, DWELL_S * 1000 - 2500);
    const still = (await playerIndex()) === String(s.index);
    if (!ok || !still) {
      writesPaused = false;
      skipped.push({ cycle, index: s.index, why: !ok ? 'did not settle within the dwell' : 'rotated away' });
      console.log(`  (cycle ${cycle}, ${s.label}: sample skipped, ${!ok ? 'not settled' : 'rotated away'})`);
      continue;
    }
    const x = await sample(s.index, cycle);
    writesPaused = false;
    if ((await playerIndex()) !== String(s.index)) x.screen += ' (rotated during the sample)';
    samples.push(x);
    writeResult();
    console.log(
      `| ${id(x.minute, 1)} | ${x.screen} | ${id(x.heapUsedMb, 2)} | ${x.domElements} | ${x.nodes} | ${x.echartsInDom} / ${x.echartsInHeap ?? '?'} (${x.echartsDisposedInHeap ?? '?'}) | ${x.canvasesInHeap} (${x.canvasesDetached}) | ${x.windowListeners} / ${x.documentListeners} / ${x.jsEventListeners} | ${x.busListeners} | ${x.sseOpen} / ${x.sseRequests} | ${x.writes} |`,
    );
  }
  cycle += 1;
  // The last cycle is the one that starts after the time is up: it gives the "end" samples.
  if (Date.now() - startedAt >= MINUTES * 60_000) done = samples.filter((x) => x.index === 0).length >= 2;
}
clearInterval(writer);

// ───────────────────────────── compare start and end ─────────────────────────────

type Key =
  | 'heapUsedMb'
  | 'domElements'
  | 'nodes'
  | 'jsEventListeners'
  | 'echartsInDom'
  | 'echartsInHeap'
  | 'canvasesInHeap'
  | 'canvasesDetached'
  | 'windowListeners'
  | 'documentListeners'
  | 'busListeners'
  | 'sseOpen'
  | 'sseRequests';
/**
 * heap: under 10 % growth start → end. equal: end = start. one / zero: every sample 1 / the end 0.
 * flat: no growth — the largest value of the last third of the samples is at most the largest of
 * the first third. Used where the count moves with the data or with requests in flight (a
 * programme list changes length; an AbortSignal listener lives while its fetch does), so that
 * a leak (growth every cycle) fails while the data's own movement does not.
 */
type Bar = 'heap' | 'equal' | 'one' | 'zero' | 'flat' | null;
const KEYS: { key: Key; label: string; bar: Bar }[] = [
  { key: 'heapUsedMb', label: 'JS heap used after GC (MB)', bar: 'heap' },
  { key: 'domElements', label: 'DOM elements in the document', bar: 'flat' },
  { key: 'nodes', label: 'DOM nodes alive, attached or not (Memory.getDOMCounters)', bar: 'flat' },
  { key: 'jsEventListeners', label: 'JS event listeners, every target (Memory.getDOMCounters)', bar: 'flat' },
  { key: 'echartsInDom', label: 'ECharts instances in the document', bar: 'equal' },
  { key: 'echartsInHeap', label: 'ECharts instances in the heap', bar: 'equal' },
  { key: 'canvasesInHeap', label: 'canvases in the heap', bar: 'equal' },
  { key: 'canvasesDetached', label: 'detached canvases in the heap', bar: 'zero' },
  { key: 'windowListeners', label: 'listeners on window', bar: 'equal' },
  { key: 'documentListeners', label: 'listeners on document', bar: 'equal' },
  { key: 'busListeners', label: 'server bus listeners', bar: 'one' },
  { key: 'sseOpen', label: 'SSE connections open (server)', bar: 'one' },
  { key: 'sseRequests', label: 'live.changes requests by the page, ever', bar: 'one' },
];

const slope = (xs: number[], ys: number[]) => {
  const n = xs.length;
  if (n < 2) return Number.NaN;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  const num = xs.reduce((s, x, i) => s + (x - mx) * ((ys[i] as number) - my), 0);
  const den = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  return den === 0 ? Number.NaN : num / den;
};

const failures: string[] = [];
const series = SAMPLED.map((s) => {
  const xs = samples.filter((x) => x.index === s.index && !x.screen.includes('rotated'));
  const first = xs[0];
  const last = xs[xs.length - 1];
  const rows = KEYS.map(({ key, label, bar }) => {
    const values = xs.map((x) => x[key]).filter((v): v is number => typeof v === 'number');
    const start = first ? (first[key] as number | null) : null;
    const end = last ? (last[key] as number | null) : null;
    let ok = true;
    if (start === null || end === null) ok = bar === null;
    else if (bar === 'heap') ok = ((end - start) / start) * 100 < HEAP_BAR_PCT;
    else if (bar === 'equal') ok = end === start;
    else if (bar === 'one') ok = values.every((v) => v === 1);
    else if (bar === 'zero') ok = end === 0;
    else if (bar === 'flat') {
      const third = Math.max(1, Math.floor(values.length / 3));
      ok = maxOf(values.slice(-third)) <= maxOf(values.slice(0, third));
    }
    if (!ok) failures.push(`${s.label}: ${label} ${start} → ${end}`);
    return {
      key,
      label,
      bar,
      perCycle: slope(
        xs.map((x) => x.cycle),
        xs.map((x) => (x[key] as number | null) ?? Number.NaN),
      ),
      start,
      end,
      min: values.length ? minOf(values) : null,
      max: values.length ? maxOf(values) : null,
      ok,
    };
  });
  const heapStart = first?.heapUsedMb ?? Number.NaN;
  const heapEnd = last?.heapUsedMb ?? Number.NaN;
  return {
    screen: s.label,
    index: s.index,
    samples: xs.length,
    minutes: first && last ? last.minute - first.minute : 0,
    cycles: first && last ? last.cycle - first.cycle : 0,
    heapGrowthPct: ((heapEnd - heapStart) / heapStart) * 100,
    heapSlopeKbPerCycle:
      slope(
        xs.map((x) => x.cycle),
        xs.map((x) => x.heapUsedMb),
      ) * 1024,
    rows,
  };
});
if (crashed) failures.push('the page crashed');
if (navigations !== 1) failures.push(`the player navigated ${navigations} times (a reload resets the heap)`);
if (sse.total !== 1)
  failures.push(`the server saw ${sse.total} live.changes requests (one connection expected)`);
if (series.some((s) => s.samples < 2)) failures.push('fewer than two samples on a screen');

await cdp.detach().catch(() => {});
await browser.close();
await close(server);
client.dispose();
db.close();
writeResult({ series, failures, sseServerTotal: sse.total, navigations, crashed });

const BAR_TEXT: Record<Exclude<Bar, null>, string> = {
  heap: `growth < ${HEAP_BAR_PCT} %`,
  equal: 'end = start',
  one: '1 throughout',
  zero: '0 at the end',
  flat: 'no growth',
};
const fmt = (v: number | null, key: Key) => (v === null ? '—' : key === 'heapUsedMb' ? id(v, 2) : String(v));
for (const s of series) {
  console.log(
    `\n${s.screen}: ${s.samples} samples over ${id(s.minutes, 1)} min (${s.cycles} cycles); heap ${id(s.heapGrowthPct, 1)} % start → end, trend ${id(s.heapSlopeKbPerCycle, 1)} KB per cycle\n`,
  );
  console.log('| measure | start | end | min | max | trend per cycle | bar |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of s.rows)
    console.log(
      `| ${r.label} | ${fmt(r.start, r.key)} | ${fmt(r.end, r.key)} | ${fmt(r.min, r.key)} | ${fmt(r.max, r.key)} | ${id(r.perCycle, r.key === 'heapUsedMb' ? 3 : 2)} | ${r.bar === null ? '—' : `${r.ok ? 'met' : 'MISSED'} (${BAR_TEXT[r.bar]})`} |`,
    );
}
console.log(
  `\nwrites: ${writes.realisation} realisation, ${writes.progress} progress, ${writes.service} service records, ${writes.complaint} complaints (${writes.failed} failed), commit p50 ${id(median(writes.commitMs), 2)} ms; page navigations ${navigations}; live.changes requests seen by the server ${sse.total}; page errors ${pageErrors.length}; skipped samples ${skipped.length}`,
);
if (pageErrors.length) console.log(`page errors: ${[...new Set(pageErrors)].slice(0, 5).join(' | ')}`);
console.log(failures.length === 0 ? '\nAll bars met.' : `\nBars missed:\n- ${failures.join('\n- ')}`);
process.exit(failures.length === 0 ? 0 : 1);
