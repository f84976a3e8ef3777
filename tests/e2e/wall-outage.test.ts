// The wall through an outage, in real Chromium (DESIGN.md: "A wall screen never goes blank: on a
// lost connection it keeps the last data with a visible 'terputus sejak 14.32 WIB' badge,
// reconnects with backoff, catches up, and reloads itself when the server runs a new build. A
// display token never expires on its own.").
//
// 1. The real server process is SIGKILLed for a real minute under an open display player and an
//    open wall: sampled every 2 s, neither goes blank (figures, painted charts, the badge with the
//    time of the kill, the player rotating through its cached screens, no reload); figures change
//    in the database file meanwhile; restarted on the same port, both are live again within the
//    backoff bound and show the new figures by themselves; a server on a new build reloads each
//    page once.
// 2. A display loses the network (Playwright's offline emulation) for an hour of page time (the
//    page's clock is Playwright's, moved on by an hour while offline) while more than 500 changes
//    are committed and the server's clock moves past any session lifetime: back online it
//    catches up with one resync, its token is still accepted, the badge showed the time the
//    network dropped all along and clears, and memory and DOM stayed put.
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RECONNECT_MAX_MS } from '../../client/live/backoff';
import { createApp } from '../../server/app';
import { SESSION_TTL_MS } from '../../server/auth/session';
import { CLIENT_DIST } from '../../server/build';
import { type Db, openDb } from '../../server/db/connection';
import { REPLAY_LIMIT } from '../../server/routers/live';
import { saveRealisation } from '../../server/writes';
import { formatPct, formatTimeWib } from '../../shared/format';
import type { PlaylistItem } from '../../shared/schemas';
import { launchChromium } from '../helpers/browser';
import { paintedShare } from '../helpers/charts';
import { makeTestDb } from '../helpers/db';
import { freePort, type ServerProcess, spawnServer } from '../helpers/process';
import { startServer } from '../helpers/server';
import { callerAs, createUser, principalFor } from '../helpers/users';

const ARTIFACTS = path.resolve('tests/.artifacts');
const NOW = Date.parse('2026-11-23T03:00:00.000Z');
/** DESIGN.md's backoff ceiling, plus a second for the handshake and the browser to show it. */
const BACK_WITHIN_MS = RECONNECT_MAX_MS + 1_000;
const PLAYLIST: PlaylistItem[] = [
  { screen: 'ringkasan', dwellS: 10 },
  { screen: 'anggaran', dwellS: 10 },
  { screen: 'spbe', dwellS: 10 },
];
/** The headline figure each screen of the playlist shows. */
const FIGURE: Record<string, string> = {
  ringkasan: 'value-budget-serapan',
  anggaran: 'value-anggaran-serapan',
  spbe: 'value-spbe-index',
};
const BADGE = /^terputus sejak (\d{2}\.\d{2}) WIB$/;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

interface Opened {
  page: Page;
  context: BrowserContext;
  errors: string[];
  /** Document loads after the first (a reload counts one). */
  reloads: () => number;
  /** Every request the page made, with when (Date.now() in the test). */
  requests: { at: number; url: string }[];
}

async function open(url: string, opts: { clock?: boolean } = {}): Promise<Opened> {
  const context = await browser.newContext({
    viewport: { width: 1920, height: 1080 },
    deviceScaleFactor: 1,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Document loads (a reload is one more); history.replaceState (the player hiding its token)
  // navigates the frame but loads nothing.
  let navigations = 0;
  page.on('load', () => {
    navigations += 1;
  });
  const requests: { at: number; url: string }[] = [];
  page.on('request', (r) => requests.push({ at: Date.now(), url: r.url() }));
  if (opts.clock) await page.clock.install();
  // Counts what the live stream delivers: every message, and the 'resync' ones.
  await page.addInitScript(() => {
    const w = window as unknown as { sse: { messages: number; resyncs: number } };
    w.sse = { messages: 0, resyncs: 0 };
    const Native = window.EventSource;
    window.EventSource = class extends Native {
      constructor(url: string | URL, init?: EventSourceInit) {
        super(url, init);
        this.addEventListener('message', (e) => {
          w.sse.messages += 1;
          if (String(e.data).includes('"topic":"resync"')) w.sse.resyncs += 1;
        });
      }
    };
  });
  await page.goto(url);
  return { page, context, errors, reloads: () => Math.max(0, navigations - 1), requests };
}

/** What a wall page shows right now, read in one go. */
interface Look {
  mains: number;
  state: string | null;
  live: string | null;
  badge: string | null;
  errorNoData: boolean;
  playerMessage: boolean;
  screen: string | null;
  index: number | null;
  figures: Record<string, string>;
  charts: number;
  unpainted: number;
  textLength: number;
}

async function look(page: Page): Promise<Look> {
  return page.evaluate((ids) => {
    const main = document.querySelector('main');
    const figures: Record<string, string> = {};
    for (const id of ids) {
      const el = document.querySelector(`[data-testid="${id}"]`);
      if (el) figures[id] = el.textContent ?? '';
    }
    const player = document.querySelector('[data-testid="player"]');
    return {
      mains: document.querySelectorAll('main').length,
      state: main?.getAttribute('data-state') ?? null,
      live: main?.getAttribute('data-live') ?? null,
      badge: document.querySelector('[data-testid="badge-disconnected"]')?.textContent ?? null,
      errorNoData: document.querySelector('[data-testid="error-no-data"]') !== null,
      playerMessage:
        document.querySelector(
          '[data-testid="player-revoked"],[data-testid="player-loading"],[data-testid="player-no-token"]',
        ) !== null,
      screen: document.querySelector('[data-testid="player-screen"]')?.textContent ?? null,
      index: player ? Number(player.getAttribute('data-index')) : null,
      figures,
      charts: document.querySelectorAll('[data-testid^="chart-"]').length,
      unpainted: document.querySelectorAll('[data-testid^="chart-"]:not([data-painted="true"])').length,
      textLength: (document.body.textContent ?? '').trim().length,
    };
  }, Object.values(FIGURE));
}

/** Every chart on the page painted, with something on its canvas (a slide may still be fading in). */
async function chartsPainted(page: Page, timeout = 5_000): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelectorAll('[data-testid^="chart-"]').length > 0 &&
      document.querySelectorAll('[data-testid^="chart-"]:not([data-painted="true"])').length === 0,
    undefined,
    { timeout, polling: 100 },
  );
  const shares = await paintedShare(page);
  for (const [chart, share] of Object.entries(shares)) expect(share, chart).toBeGreaterThan(0);
}

/** The player's screen and its headline figure, once the slide is ready and painted. */
async function settledSlide(page: Page, state: 'ready' | 'stale'): Promise<Look> {
  await page.waitForSelector(`main[data-state="${state}"]`, { timeout: 15_000 });
  await chartsPainted(page);
  return look(page);
}

function firstSub(db: Db): { id: number } {
  return db.prepare('SELECT id FROM sub_kegiatan WHERE year = 2026 ORDER BY id LIMIT 1').get() as {
    id: number;
  };
}

async function overviewSerapan(url: string, headers: Record<string, string> = {}): Promise<string> {
  const res = await fetch(`${url}/trpc/dashboard.overview`, { headers });
  const body = (await res.json()) as { result: { data: { budget: { total: { serapanPct: number } } } } };
  return formatPct(body.result.data.budget.total.serapanPct, 2);
}

async function buildIdOf(url: string): Promise<string> {
  return ((await (await fetch(`${url}/healthz`)).json()) as { buildId: string }).buildId;
}

describe('a wall and a display player while the server is gone for a real minute', () => {
  test('SIGKILL for 60 s: never blank, the badge dated at the kill, rotating on cached data; back within the backoff bound with the new figures; a new build reloads each page once', async () => {
    const t = makeTestDb({ demo: 'small', nowMs: NOW });
    createUser(t, 'admin-outage', 'admin');
    const admin = callerAs(t, principalFor(t, 'admin-outage'));
    const display = await admin.display.create({ name: 'Layar uji padam', playlist: PLAYLIST });
    const file = t.file;
    t.db.close();
    const port = await freePort();
    let proc: ServerProcess | null = await spawnServer({ port, databasePath: file });
    let nextBuild: Awaited<ReturnType<typeof startServer>> | null = null;
    let nextDb: Db | null = null;
    const wall = await open(`${proc.url}/wall/ringkasan`);
    const player = await open(`${proc.url}${display.path}`);
    try {
      const firstBuild = await buildIdOf(proc.url);
      await wall.page.waitForSelector('main[data-state="ready"][data-live="open"]', { timeout: 30_000 });
      await chartsPainted(wall.page);
      const wallBefore = (await look(wall.page)).figures[FIGURE.ringkasan as string];
      expect(wallBefore).toBeTruthy();

      // The player goes once round its playlist, paused (Space) and stepped by the keys at the
      // test's pace, so every screen has data; then it runs on its own again.
      await player.page.waitForSelector('[data-testid="player"] main[data-live="open"]', { timeout: 30_000 });
      await player.page.keyboard.press('Space');
      await player.page.waitForSelector('[data-testid="player-paused"]', { timeout: 5_000 });
      const playerBefore: Record<string, string> = {};
      for (let i = 0; i < PLAYLIST.length; i++) {
        const item = PLAYLIST[i] as PlaylistItem;
        await player.page.waitForSelector(`[data-testid="page-${item.screen}"][data-state="ready"]`, {
          timeout: 20_000,
        });
        const seen = await settledSlide(player.page, 'ready');
        expect(seen.screen).toBe(item.screen);
        const figure = seen.figures[FIGURE[item.screen] as string];
        expect(figure, item.screen).toBeTruthy();
        playerBefore[item.screen] = figure as string;
        await player.page.keyboard.press('ArrowRight');
      }
      await player.page.waitForSelector('[data-testid="page-ringkasan"]', { timeout: 10_000 });
      await player.page.keyboard.press('Space');
      await player.page.waitForSelector('[data-testid="player-paused"]', {
        state: 'detached',
        timeout: 5_000,
      });

      await proc.kill('SIGKILL');
      proc = null;
      const killedAt = Date.now();
      for (const p of [wall, player]) {
        await p.page.waitForSelector('[data-testid="badge-disconnected"]', { timeout: 5_000 });
      }
      const noticedAt = Date.now();
      // Dated when the connection dropped (the kill), whichever minute the test noticed it in.
      const dropMinutes = new Set([formatTimeWib(killedAt), formatTimeWib(noticedAt)]);

      // While it is down an OPD's figure lands in the database file (another process, an import).
      const db = openDb(file);
      saveRealisation(
        db,
        { subKegiatanId: firstSub(db).id, month: 11, sp2dRp: 70_000_000_000, spjRp: 0, fisikPct: 70 },
        { userId: null, source: 'manual' },
        Date.now(),
      );
      db.close();

      // A real minute, sampled every 2 s.
      const visited: number[] = [];
      let samples = 0;
      while (Date.now() - killedAt < 60_000) {
        for (const [name, p] of [
          ['wall', wall],
          ['player', player],
        ] as const) {
          const seen = await look(p.page);
          const where = `${name} at ${Math.round((Date.now() - killedAt) / 1000)} s: ${JSON.stringify(seen)}`;
          expect(seen.mains, where).toBe(1);
          expect(seen.state, where).toBe('stale');
          expect(seen.live, where).toBe('down');
          expect(seen.errorNoData, where).toBe(false);
          expect(seen.playerMessage, where).toBe(false);
          expect(seen.textLength, where).toBeGreaterThan(100);
          const minute = BADGE.exec(seen.badge ?? '')?.[1];
          expect(minute && dropMinutes.has(`${minute} WIB`), where).toBe(true);
          const screen = name === 'wall' ? 'ringkasan' : (seen.screen ?? '');
          const before = name === 'wall' ? wallBefore : playerBefore[screen];
          expect(seen.figures[FIGURE[screen] as string], where).toBe(before);
          if (seen.unpainted > 0) await chartsPainted(p.page);
          if (name === 'player' && seen.index !== null) visited.push(seen.index);
        }
        samples += 1;
        if (samples === 5) {
          await wall.page.screenshot({ path: path.join(ARTIFACTS, 'outage-wall-1920x1080.png') });
          await player.page.screenshot({ path: path.join(ARTIFACTS, 'outage-player-1920x1080.png') });
        }
        await new Promise((r) => setTimeout(r, 2_000));
      }
      // The player kept turning through its cached screens, in order, skipping none.
      const turns = visited.filter((v, i) => i > 0 && v !== visited[i - 1]);
      expect(turns.length, JSON.stringify(visited)).toBeGreaterThanOrEqual(4);
      for (let i = 1; i < visited.length; i++) {
        const prev = visited[i - 1] as number;
        const cur = visited[i] as number;
        if (cur !== prev) expect(cur, JSON.stringify(visited)).toBe((prev + 1) % PLAYLIST.length);
      }
      for (const p of [wall, player]) {
        expect(p.reloads()).toBe(0);
        expect(p.errors).toEqual([]);
      }

      // Back on the same port: live again within the backoff bound, the new figures by themselves.
      proc = await spawnServer({ port, databasePath: file });
      const restartedAt = Date.now();
      const sameBuild = (await buildIdOf(proc.url)) === firstBuild;
      if (!sameBuild) console.log('[wall-outage] the client was rebuilt meanwhile: the pages reload');
      for (const [name, p] of [
        ['wall', wall],
        ['player', player],
      ] as const) {
        await p.page.waitForSelector('main[data-live="open"]', {
          timeout: Math.max(1, restartedAt + BACK_WITHIN_MS - Date.now()),
        });
        console.log(`[wall-outage] server back → ${name} live again: ${Date.now() - restartedAt} ms`);
      }
      const expected = await overviewSerapan(proc.url);
      expect(expected).not.toBe(wallBefore);
      for (const p of [wall, player]) {
        await p.page.waitForSelector('[data-testid="page-ringkasan"]', { timeout: 35_000 });
        await expect
          .poll(async () => (await look(p.page)).figures[FIGURE.ringkasan as string], { timeout: 10_000 })
          .toBe(expected);
        // The badge goes with the render after the answer (the frame's failing-since clears in an effect).
        await p.page.waitForSelector('[data-testid="badge-disconnected"]', {
          state: 'detached',
          timeout: 5_000,
        });
        expect((await look(p.page)).state).toBe('ready');
        expect(p.reloads()).toBe(sameBuild ? 0 : 1);
        expect(p.errors).toEqual([]);
      }

      // A server back on a new build: each page reloads itself, once, and is live on it.
      const reloadsBefore = [wall.reloads(), player.reloads()];
      await proc.kill('SIGKILL');
      proc = null;
      nextDb = openDb(file);
      nextBuild = await startServer(
        { db: nextDb, nowMs: NOW },
        { client: true, buildId: 'outage-next', port },
      );
      for (const [i, p] of [wall, player].entries()) {
        await expect.poll(() => p.reloads(), { timeout: 40_000 }).toBe((reloadsBefore[i] as number) + 1);
        await p.page.waitForSelector('main[data-state="ready"][data-live="open"]', { timeout: 30_000 });
      }
      // Settled on the new build: no second reload.
      await new Promise((r) => setTimeout(r, 3_000));
      for (const [i, p] of [wall, player].entries()) {
        expect(p.reloads()).toBe((reloadsBefore[i] as number) + 1);
        expect(p.errors).toEqual([]);
      }
      // The player still knows its token after the reload.
      await player.page.waitForSelector('[data-testid="player"]', { timeout: 10_000 });
    } finally {
      await wall.context.close();
      await player.context.close();
      await proc?.kill('SIGKILL');
      await nextBuild?.close();
      nextDb?.close();
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  }, 480_000);
});

/** The app in this process with a clock the test moves: the server's "now" for the offline hour. */
async function serveWithClock(db: Db, clock: () => number) {
  const { app, context } = createApp({
    db,
    clock,
    clientDir: CLIENT_DIST,
    buildId: 'offline-hour',
    log: () => {},
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    bus: context.bus,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function sseCounts(page: Page): Promise<{ messages: number; resyncs: number }> {
  return page.evaluate(() => (window as unknown as { sse: { messages: number; resyncs: number } }).sse);
}

async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 1e6;
}

/** Requests for one tRPC procedure: a batch names several, comma-separated, in its path. */
function callsOf(requests: { url: string }[], procedure: string): number {
  return requests.filter((r) => {
    const m = /\/trpc\/([^?]+)/.exec(r.url);
    return m?.[1]?.split(',').includes(procedure) ?? false;
  }).length;
}

describe('a display that loses the network for an hour', () => {
  test('offline for an hour of page time with >500 changes meanwhile: back online it catches up with one resync, its token still accepted, the badge dated at the drop', async () => {
    const t = makeTestDb({ demo: 'small', nowMs: NOW });
    let serverNow = Date.now();
    const server = await serveWithClock(t.db, () => serverNow);
    createUser(t, 'admin-offline', 'admin');
    const admin = callerAs(t, principalFor(t, 'admin-offline'), undefined, server.bus);
    const display = await admin.display.create({ name: 'Layar uji luring', playlist: PLAYLIST.slice(0, 2) });
    const p = await open(`${server.url}${display.path}`, { clock: true });
    const cdp = await p.context.newCDPSession(p.page);
    try {
      // Online first: both screens seen once (the clock moves the rotation), the live stream open.
      await p.page.waitForSelector('[data-testid="page-ringkasan"][data-state="ready"][data-live="open"]', {
        timeout: 30_000,
      });
      await settledSlide(p.page, 'ready');
      await p.page.clock.fastForward(10_000);
      await p.page.waitForSelector('[data-testid="page-anggaran"][data-state="ready"]', { timeout: 15_000 });
      await settledSlide(p.page, 'ready');
      await p.page.clock.fastForward(10_000);
      await p.page.waitForSelector('[data-testid="page-ringkasan"][data-state="ready"]', { timeout: 15_000 });
      // One change while online, so the display holds an event id to resume after.
      const sub = firstSub(t.db);
      const shownBefore = (await look(p.page)).figures[FIGURE.ringkasan as string];
      server.bus.publish(
        saveRealisation(
          t.db,
          { subKegiatanId: sub.id, month: 11, sp2dRp: 45_000_000_000, spjRp: 0, fisikPct: 45 },
          { userId: null, source: 'manual' },
          serverNow,
        ),
      );
      await expect
        .poll(async () => (await look(p.page)).figures[FIGURE.ringkasan as string], { timeout: 10_000 })
        .not.toBe(shownBefore);
      const before = await settledSlide(p.page, 'ready');
      const heapBefore = await heapMb(cdp);
      const domBefore = await p.page.evaluate(() => document.getElementsByTagName('*').length);

      await p.context.setOffline(true);
      const droppedAt = await p.page.evaluate(() => Date.now());
      const requestsBefore = p.requests.length;
      await p.page.waitForSelector('[data-testid="badge-disconnected"]', { timeout: 5_000 });
      const dropped = formatTimeWib(droppedAt);
      expect((await look(p.page)).badge).toBe(`terputus sejak ${dropped}`);

      // Meanwhile the OPDs keep writing: more changes than the server replays one by one.
      for (let i = 0; i < REPLAY_LIMIT + 20; i++) {
        const change = saveRealisation(
          t.db,
          {
            subKegiatanId: sub.id,
            month: 11,
            sp2dRp: 50_000_000_000 + i * 10_000_000,
            spjRp: 0,
            fisikPct: 50,
          },
          { userId: null, source: 'manual' },
          serverNow,
        );
        server.bus.publish(change);
      }
      // The server's clock goes past any session lifetime since the token was issued.
      serverNow += SESSION_TTL_MS + 60 * 60_000;

      // An hour of page time, a minute at a step, each step given a moment of real time so the
      // retries it fires fail (offline) and schedule the next, as they would over a real hour.
      const badgeSeen = new Set<string | null>();
      for (let minute = 1; minute <= 60; minute++) {
        await p.page.clock.fastForward(60_000);
        await p.page.waitForTimeout(100);
        if (minute % 10 === 0) {
          const seen = await look(p.page);
          const where = `minute ${minute}: ${JSON.stringify(seen)}`;
          badgeSeen.add(seen.badge);
          expect(seen.mains, where).toBe(1);
          expect(seen.state, where).toBe('stale');
          expect(seen.errorNoData, where).toBe(false);
          expect(seen.playerMessage, where).toBe(false);
          const screen = seen.screen ?? '';
          expect(seen.figures[FIGURE[screen] as string], where).toBeTruthy();
          if (screen === 'ringkasan') {
            expect(seen.figures[FIGURE.ringkasan as string], where).toBe(
              before.figures[FIGURE.ringkasan as string],
            );
          }
        }
      }
      // The badge said when the network dropped the whole hour, not when it was last retried.
      expect([...badgeSeen]).toEqual([`terputus sejak ${dropped}`]);
      const offlineRequests = p.requests.slice(requestsBefore);
      // Bounded: at most an attempt per step (a minute of page time), no storm of queued refetches.
      expect(offlineRequests.length, JSON.stringify(offlineRequests.map((r) => r.url))).toBeLessThanOrEqual(
        70,
      );
      const heapOffline = await heapMb(cdp);

      // Back online.
      const sseBefore = await sseCounts(p.page);
      const onlineAt = Date.now();
      const requestsAtOnline = p.requests.length;
      await p.context.setOffline(false);
      await p.page.waitForSelector('main[data-live="open"]', { timeout: BACK_WITHIN_MS });
      console.log(`[wall-outage] network back → display live again: ${Date.now() - onlineAt} ms`);
      const expectedSerapan = await overviewSerapan(server.url);
      expect(expectedSerapan).not.toBe(before.figures[FIGURE.ringkasan as string]);
      // The latest figures, whichever screen is on: wait for ringkasan to come round.
      await p.page.clock.fastForward(10_000);
      await p.page.waitForSelector('[data-testid="page-ringkasan"]', { timeout: 15_000 }).catch(async () => {
        await p.page.clock.fastForward(10_000);
        await p.page.waitForSelector('[data-testid="page-ringkasan"]', { timeout: 15_000 });
      });
      await expect
        .poll(async () => (await look(p.page)).figures[FIGURE.ringkasan as string], { timeout: 10_000 })
        .toBe(expectedSerapan);
      await p.page.waitForSelector('[data-testid="badge-disconnected"]', {
        state: 'detached',
        timeout: 5_000,
      });
      const after = await settledSlide(p.page, 'ready');
      expect(after.badge).toBeNull();
      expect(after.playerMessage).toBe(false);
      // One resync for the >500 changes missed, and a refetch or two per query, not hundreds.
      const sseAfter = await sseCounts(p.page);
      expect(sseAfter.resyncs - sseBefore.resyncs).toBe(1);
      expect(sseAfter.messages - sseBefore.messages).toBeLessThan(10);
      const sinceOnline = p.requests.slice(requestsAtOnline);
      for (const procedure of ['dashboard.overview', 'dashboard.ticker', 'display.config']) {
        expect(callsOf(sinceOnline, procedure), procedure).toBeLessThanOrEqual(3);
      }
      // The token, issued more than a session lifetime ago by the server's clock, still works:
      // the server resolved it after the hour (last used is stamped with the server's new "now").
      const used = t.db
        .prepare('SELECT last_used_at FROM api_token WHERE revoked_at IS NULL ORDER BY id DESC LIMIT 1')
        .pluck()
        .get() as string | null;
      expect(used && Date.parse(used)).toBeGreaterThanOrEqual(serverNow - 60_000);
      // Memory and DOM did not balloon over the hour (a sanity bound, not a benchmark).
      const heapAfter = await heapMb(cdp);
      const domAfter = await p.page.evaluate(() => document.getElementsByTagName('*').length);
      console.log(
        `[wall-outage] heap ${heapBefore.toFixed(1)} → ${heapOffline.toFixed(1)} (offline) → ${heapAfter.toFixed(1)} MB; DOM ${domBefore} → ${domAfter}`,
      );
      expect(heapOffline).toBeLessThan(heapBefore * 1.5);
      expect(heapAfter).toBeLessThan(heapBefore * 1.5);
      expect(domAfter).toBeLessThan(domBefore * 1.5);
      expect(p.reloads()).toBe(0);
      expect(p.errors).toEqual([]);
    } finally {
      await p.context.close();
      await server.close();
      t.close();
    }
  }, 240_000);
});
