// npx tsx tests/bench/wall-offline.ts [--minutes=60] [--server-down-minutes=1] [--write-every=5000]
// A display player (/layar?t=<token>, ringkasan and anggaran at 10 s each) served in-process from
// a fresh `small` demo database, in Debian's Chromium, through two real outages while figures are
// committed through the real write path every few seconds:
//   1. offline: the browser loses the network (Playwright's offline emulation) for --minutes real
//      minutes, then gets it back;
//   2. server down: the HTTP server closes every connection and stops listening for
//      --server-down-minutes real minutes, then listens again on the same port.
// For each: the requests the page made while cut off (the reconnect backoff should hold it to
// about one attempt per 15 s), whether it stayed on its last figures with the badge dated at the
// drop, the time from reconnect to live and to the latest figures on screen, resync events, and
// the JS heap (after forced GC) and DOM size before and after. Prints a Markdown table and writes
// bench-results/wall-offline.json (rewritten as it goes). See tests/bench/README.md.
import fs from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import express from 'express';
import type { CDPSession, Page } from 'playwright-core';
import { createApp } from '../../server/app';
import { prepareDatabase } from '../../server/boot';
import { ROOT } from '../../server/build';
import { openDb } from '../../server/db/connection';
import { appRouter } from '../../server/routers/_app';
import { createCallerFactory } from '../../server/trpc';
import { saveRealisation } from '../../server/writes';
import { formatPct, formatTimeWib } from '../../shared/format';
import type { PlaylistItem } from '../../shared/schemas';
import { callerAs, createUser, principalFor } from '../helpers/users';
import {
  clientBuildOrLast,
  close,
  id,
  launchBenchChromium,
  listen,
  numArg,
  snapshotClient,
} from './wall-common';

const OUT = path.join(ROOT, 'bench-results');
const MINUTES = numArg('minutes', 60);
const SERVER_DOWN_MINUTES = numArg('server-down-minutes', 1);
const WRITE_EVERY_MS = numArg('write-every', 5000);
const NOW = Date.parse('2026-11-23T03:00:00.000Z');
const YEAR = 2026;
const SAMPLE_EVERY_MS = 15_000;
const PLAYLIST: PlaylistItem[] = [
  { screen: 'ringkasan', dwellS: 10 },
  { screen: 'anggaran', dwellS: 10 },
];
const FIGURE: Record<string, string> = {
  ringkasan: 'value-budget-serapan',
  anggaran: 'value-anggaran-serapan',
};

// ───────────────────────────── database, server, writes ─────────────────────────────

fs.mkdirSync(OUT, { recursive: true });
const dbFile = path.join(OUT, 'offline-small.db');
for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbFile + suffix, { force: true });
const db = openDb(dbFile);
prepareDatabase(db, { seed: 'demo', size: 'small', nowMs: NOW, log: () => {} });
const t = { db, nowMs: NOW };
const build = await clientBuildOrLast();
const client = snapshotClient(OUT);

const { app, context } = createApp({
  db,
  clock: () => NOW,
  clientDir: client.dir,
  buildId: 'offline', // fixed: a rebuild by someone else during the run must not reload the page
  log: (level, msg, extra) => console[level](msg, extra ?? ''),
});
const caller = createCallerFactory(appRouter)(context);
/** Server-side count of requests, by procedure path, since the counters were last reset. */
const served = { total: 0, live: 0 };
const outer = express();
outer.use((req, _res, next) => {
  served.total += 1;
  if (req.path.startsWith('/trpc/live.changes')) served.live += 1;
  next();
});
outer.use(app);
let { server, url } = await listen(outer);
const port = Number(new URL(url).port);

createUser(t, 'admin-offline', 'admin');
const admin = callerAs(t, principalFor(t, 'admin-offline'), undefined, context.bus);
const display = await admin.display.create({ name: 'Layar uji luring', playlist: PLAYLIST });

const subs = db
  .prepare(`SELECT id FROM sub_kegiatan WHERE year = ${YEAR} ORDER BY id`)
  .pluck()
  .all() as number[];
let writeNo = 0;
/** One realisation through the real write path, published like the tRPC mutation does. */
function commitOne(): void {
  const i = writeNo++;
  const change = saveRealisation(
    db,
    {
      subKegiatanId: subs[(i * 7) % subs.length] as number,
      month: 1 + (i % 11),
      sp2dRp: 50_000_000 + ((i * 7919) % 900) * 1_000_000,
      spjRp: 0,
      fisikPct: (i * 13) % 101,
    },
    { userId: null, source: 'manual' },
    NOW,
  );
  context.bus.publish(change);
}
const writer = setInterval(commitOne, WRITE_EVERY_MS);

async function expectedFigures(): Promise<Record<string, string>> {
  const overview = await caller.dashboard.overview();
  const absorption = await caller.budget.absorption();
  return {
    [FIGURE.ringkasan as string]: formatPct(overview.budget.total.serapanPct, 2),
    [FIGURE.anggaran as string]: formatPct(absorption.total.serapanPct, 2),
  };
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
const requests: { at: number; url: string }[] = [];
let loads = 0;
page.on('pageerror', (e) => pageErrors.push(e.message));
page.on('request', (r) => requests.push({ at: Date.now(), url: r.url() }));
page.on('load', () => {
  loads += 1;
});
await page.addInitScript(() => {
  const w = window as unknown as { sse: { messages: number; resyncs: number } };
  w.sse = { messages: 0, resyncs: 0 };
  const Native = window.EventSource;
  window.EventSource = class extends Native {
    constructor(u: string | URL, init?: EventSourceInit) {
      super(u, init);
      this.addEventListener('message', (e) => {
        w.sse.messages += 1;
        if (String(e.data).includes('"topic":"resync"')) w.sse.resyncs += 1;
      });
    }
  };
});
const cdp: CDPSession = await browserContext.newCDPSession(page);

interface Look {
  state: string | null;
  live: string | null;
  badge: string | null;
  errorNoData: boolean;
  screen: string | null;
  figure: string | null;
}

async function look(): Promise<Look> {
  return page.evaluate((figures) => {
    const main = document.querySelector('main');
    const screen = document.querySelector('[data-testid="player-screen"]')?.textContent ?? null;
    const figureId = screen ? figures[screen] : undefined;
    return {
      state: main?.getAttribute('data-state') ?? null,
      live: main?.getAttribute('data-live') ?? null,
      badge: document.querySelector('[data-testid="badge-disconnected"]')?.textContent ?? null,
      errorNoData: document.querySelector('[data-testid="error-no-data"]') !== null,
      screen,
      figure: figureId ? (document.querySelector(`[data-testid="${figureId}"]`)?.textContent ?? null) : null,
    };
  }, FIGURE);
}

/** JS heap after forced GC, DOM elements and JS listeners, read on ringkasan (the same screen each time). */
async function memory(): Promise<{ heapMb: number; domElements: number; jsEventListeners: number }> {
  await page
    .waitForFunction(
      () =>
        document.querySelector('[data-testid="player-screen"]')?.textContent === 'ringkasan' &&
        document.querySelectorAll('[data-testid^="chart-"]:not([data-painted="true"])').length === 0,
      undefined,
      { timeout: 30_000, polling: 100 },
    )
    .catch(() => console.warn('memory: ringkasan did not come round in 30 s; measuring the screen on'));
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const counters = (await cdp.send('Memory.getDOMCounters')) as { jsEventListeners: number };
  const domElements = await page.evaluate(() => document.getElementsByTagName('*').length);
  return { heapMb: usedSize / 1e6, domElements, jsEventListeners: counters.jsEventListeners };
}

const sse = () =>
  page.evaluate(() => (window as unknown as { sse: { messages: number; resyncs: number } }).sse);

interface Phase {
  name: string;
  minutes: number;
  droppedAt: string;
  badgeExpected: string;
  /** Every distinct badge text seen while cut off. */
  badgesSeen: string[];
  /** Samples that were not "last figures kept": state other than stale, or the no-data message. */
  blankSamples: number;
  samples: number;
  screensSeen: string[];
  writesDuring: number;
  pageRequestsWhileCut: number;
  liveAttemptsWhileCut: number;
  /** Seconds between consecutive live.changes attempts while cut off (after the first minute). */
  attemptGapS: { median: number; max: number };
  otherRequestsWhileCut: number;
  reconnectToLiveMs: number | null;
  reconnectToCaughtUpMs: number | null;
  resyncs: number;
  sseMessagesAfter: number;
  requestsFirstMinuteAfter: number;
  memoryBefore: Awaited<ReturnType<typeof memory>>;
  memoryAfter: Awaited<ReturnType<typeof memory>>;
}

const results: {
  startedAt: string;
  args: { minutes: number; serverDownMinutes: number; writeEveryMs: number };
  buildCurrentAtStart: boolean;
  buildError: string | null;
  phases: Phase[];
  loads: number;
  pageErrors: string[];
  finishedAt: string | null;
} = {
  startedAt: new Date().toISOString(),
  args: { minutes: MINUTES, serverDownMinutes: SERVER_DOWN_MINUTES, writeEveryMs: WRITE_EVERY_MS },
  buildCurrentAtStart: build.current,
  buildError: build.buildError,
  phases: [],
  loads: 0,
  pageErrors,
  finishedAt: null,
};
const save = () => {
  results.loads = loads;
  fs.writeFileSync(path.join(OUT, 'wall-offline.json'), `${JSON.stringify(results, null, 2)}\n`);
};

function gaps(times: number[]): { median: number; max: number } {
  const d = times.slice(1).map((x, i) => (x - (times[i] as number)) / 1000);
  const s = [...d].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)] ?? Number.NaN, max: s[s.length - 1] ?? Number.NaN };
}

/** One outage: cut, hold for `minutes` sampling, restore, measure the way back. */
async function outage(
  name: string,
  minutes: number,
  cut: () => Promise<void>,
  restore: () => Promise<void>,
): Promise<Phase> {
  const memoryBefore = await memory();
  const writesBefore = writeNo;
  const sseBefore = await sse();
  await cut();
  const droppedAt = await page.evaluate(() => Date.now());
  const cutAt = Date.now();
  const fromRequest = requests.length;
  const badgeExpected = `terputus sejak ${formatTimeWib(droppedAt)}`;
  const badges = new Set<string>();
  const screens = new Set<string>();
  let blank = 0;
  let samples = 0;
  console.log(`[${name}] cut at ${new Date(cutAt).toISOString()} for ${minutes} min`);
  while (Date.now() - cutAt < minutes * 60_000) {
    await new Promise((r) => setTimeout(r, Math.min(SAMPLE_EVERY_MS, cutAt + minutes * 60_000 - Date.now())));
    const seen = await look();
    samples += 1;
    badges.add(seen.badge ?? '(none)');
    if (seen.screen) screens.add(seen.screen);
    if (seen.state !== 'stale' || seen.errorNoData || !seen.figure) blank += 1;
    if (samples % 4 === 0) {
      const mins = (Date.now() - cutAt) / 60_000;
      const cutRequests = requests.slice(fromRequest);
      console.log(
        `[${name}] ${mins.toFixed(1)} min: ${seen.state}/${seen.live} "${seen.badge}" on ${seen.screen}; ` +
          `${cutRequests.length} requests (${cutRequests.filter((r) => r.url.includes('/trpc/live.changes')).length} live)`,
      );
    }
  }
  const cutRequests = requests.slice(fromRequest);
  const liveAttempts = cutRequests.filter((r) => r.url.includes('/trpc/live.changes'));
  const writesDuring = writeNo - writesBefore;
  const restoredAt = Date.now();
  const fromRestore = requests.length;
  await restore();
  let liveMs: number | null = null;
  let caughtUpMs: number | null = null;
  while (Date.now() - restoredAt < 120_000 && caughtUpMs === null) {
    const seen = await look();
    if (liveMs === null && seen.live === 'open') liveMs = Date.now() - restoredAt;
    // Writes go on: the figure on screen must be the server's figure of now.
    const current = (await expectedFigures())[FIGURE[seen.screen ?? ''] ?? ''];
    if (seen.live === 'open' && seen.badge === null && seen.state === 'ready' && seen.figure === current)
      caughtUpMs = Date.now() - restoredAt;
    await new Promise((r) => setTimeout(r, 100));
  }
  // A minute back online, then the counts (requests, SSE messages) of that first minute.
  await new Promise((r) => setTimeout(r, Math.max(0, restoredAt + 60_000 - Date.now())));
  const sseAfter = await sse();
  const phase: Phase = {
    name,
    minutes,
    droppedAt: new Date(droppedAt).toISOString(),
    badgeExpected,
    badgesSeen: [...badges],
    blankSamples: blank,
    samples,
    screensSeen: [...screens],
    writesDuring,
    pageRequestsWhileCut: cutRequests.length,
    liveAttemptsWhileCut: liveAttempts.length,
    attemptGapS: gaps(liveAttempts.filter((r) => r.at - cutAt > 60_000).map((r) => r.at)),
    otherRequestsWhileCut: cutRequests.length - liveAttempts.length,
    reconnectToLiveMs: liveMs,
    reconnectToCaughtUpMs: caughtUpMs,
    resyncs: sseAfter.resyncs - sseBefore.resyncs,
    sseMessagesAfter: sseAfter.messages - sseBefore.messages,
    requestsFirstMinuteAfter: requests.slice(fromRestore).filter((r) => r.at - restoredAt <= 60_000).length,
    memoryBefore,
    memoryAfter: await memory(),
  };
  console.log(`[${name}] ${JSON.stringify(phase)}`);
  results.phases.push(phase);
  save();
  return phase;
}

try {
  await page.goto(`${url}${display.path}`);
  await page.waitForSelector('main[data-state="ready"][data-live="open"]', { timeout: 60_000 });
  // One full cycle online first, so both screens hold data.
  await new Promise((r) => setTimeout(r, PLAYLIST.length * 10_000 + 2_000));

  if (MINUTES > 0) {
    await outage(
      'offline',
      MINUTES,
      () => browserContext.setOffline(true),
      () => browserContext.setOffline(false),
    );
  }
  if (SERVER_DOWN_MINUTES > 0) {
    await outage(
      'server down',
      SERVER_DOWN_MINUTES,
      () => close(server),
      async () => {
        server = await new Promise<Server>((resolve) => {
          const s = outer.listen(port, '127.0.0.1', () => resolve(s));
        });
        url = `http://127.0.0.1:${port}`;
      },
    );
  }
} finally {
  clearInterval(writer);
  results.finishedAt = new Date().toISOString();
  save();
  await browser.close();
  await close(server).catch(() => {});
  db.close();
  client.dispose();
}

const ms = (n: number | null) => (n === null ? '—' : `${id(n / 1000, 1)} s`);
console.log(
  `\nWall display through outages (player, 2 screens, a realisation every ${id(WRITE_EVERY_MS / 1000)} s; build ${build.current ? 'current' : 'last good'})\n`,
);
console.log(
  '| outage | length | writes meanwhile | requests while cut (live attempts / other) | gap between attempts, median / max | badge | blank samples | reconnect → live | → latest figures | resyncs | heap before → after | DOM elements before → after |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const p of results.phases) {
  const badgeOk = p.badgesSeen.length === 1 && p.badgesSeen[0] === p.badgeExpected;
  console.log(
    `| ${p.name} | ${p.minutes} min | ${p.writesDuring} | ${p.pageRequestsWhileCut} (${p.liveAttemptsWhileCut} / ${p.otherRequestsWhileCut}) | ${id(p.attemptGapS.median, 1)} / ${id(p.attemptGapS.max, 1)} s | ${badgeOk ? `"${p.badgeExpected}" throughout` : p.badgesSeen.join(', ')} | ${p.blankSamples} of ${p.samples} | ${ms(p.reconnectToLiveMs)} | ${ms(p.reconnectToCaughtUpMs)} | ${p.resyncs} | ${id(p.memoryBefore.heapMb, 1)} → ${id(p.memoryAfter.heapMb, 1)} MB | ${p.memoryBefore.domElements} → ${p.memoryAfter.domElements} |`,
  );
}
console.log(`\ndocument loads: ${loads} (1 = no reload); page errors: ${pageErrors.length}`);
console.log(`served: ${served.total} requests, ${served.live} live.changes`);
