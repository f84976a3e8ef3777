// A wall that stays right and calm on its own, in real Chromium: a figure an operator saves through
// the HTTP API appears on the open wall (delay measured) with its tile marked; the ticker runs the
// API's alerts; the real server process is SIGKILLed and restarted on the same port and the wall
// shows "terputus sejak …", keeps its figures, reconnects and catches up without anyone touching
// it; a server on a new build reloads it; narrowed screens show their OPD and service group.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDb } from '../../server/db/connection';
import { saveRealisation } from '../../server/writes';
import { formatPct } from '../../shared/format';
import { launchChromium } from '../helpers/browser';
import { callerFor, makeTestDb, type TestDb } from '../helpers/db';
import { freePort, spawnServer } from '../helpers/process';
import { type RunningServer, startServer } from '../helpers/server';
import { callerAs, createUser, PASSWORD, principalFor } from '../helpers/users';

const ARTIFACTS = path.resolve('tests/.artifacts');
const NOW = Date.parse('2026-11-23T03:00:00.000Z');

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

async function openWall(url: string, width = 1920, height = 1080): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height },
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
  });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/** The first sub kegiatan of 2026 and the code of the OPD that owns it. */
function firstSub(t: Pick<TestDb, 'db'>): { id: number; opdCode: string } {
  return t.db
    .prepare(
      `SELECT s.id, o.code AS opdCode FROM sub_kegiatan s JOIN opd o ON o.id = s.opd_id
       WHERE s.year = 2026 ORDER BY s.id LIMIT 1`,
    )
    .get() as { id: number; opdCode: string };
}

describe('an open wall follows what OPDs save', () => {
  let t: TestDb;
  let server: RunningServer;
  beforeAll(async () => {
    t = makeTestDb({ demo: 'small', nowMs: NOW });
    server = await startServer(t, { client: true });
  });
  afterAll(async () => {
    await server?.close();
    t?.close();
  });

  test('a realisation saved through the HTTP API shows on the wall within a second, its tile marked', async () => {
    const sub = firstSub(t);
    createUser(t, 'operator-live', 'opd', sub.opdCode);
    const page = await openWall(`${server.url}/wall/ringkasan`);
    await page.waitForSelector('[data-testid="page-ringkasan"][data-state="ready"][data-live="open"]');
    const shown = () => page.locator('[data-testid="value-budget-serapan"]').textContent();
    const before = await shown();

    const post = (p: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${server.url}/trpc/${p}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    const login = await post('auth.login', { username: 'operator-live', password: PASSWORD });
    const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
    const { result } = (await login.json()) as { result: { data: { csrfToken: string } } };
    const save = await post(
      'entry.saveRealisation',
      { subKegiatanId: sub.id, month: 11, sp2dRp: 60_000_000_000, spjRp: 0, fisikPct: 60 },
      { cookie, 'x-csrf-token': result.data.csrfToken },
    );
    const acknowledged = Date.now();
    expect(save.status).toBe(200);
    const expected = formatPct((await callerFor(t).dashboard.overview()).budget.total.serapanPct, 2);
    expect(expected).not.toBe(before);
    await expect.poll(shown, { timeout: 5_000, interval: 20 }).toBe(expected);
    const delayMs = Date.now() - acknowledged;
    console.log(`[wall-live] API write → wall: ${delayMs} ms`);
    // 300 ms of coalescing plus one refetch; the wall's own poll is 60 s away.
    expect(delayMs).toBeLessThan(1_500);
    await expect(page.locator('[data-testid="tile-budget"]').getAttribute('data-changed')).resolves.toBe(
      'true',
    );
    await expect(page.locator('[data-testid="changed-budget"]').textContent()).resolves.toBe(
      'baru diperbarui',
    );
    await page.context().close();
  });

  test('the ticker runs the API alerts, and a tile says which OPDs missed their deadline', async () => {
    const page = await openWall(`${server.url}/wall/anggaran`);
    await page.waitForSelector('[data-testid="page-anggaran"][data-state="ready"]');
    const ticker = await callerFor(t).dashboard.ticker();
    expect(ticker.items.length).toBeGreaterThan(0);
    await page.waitForSelector('[data-testid="ticker-item"]');
    const names = await page
      .locator('.ticker-group:first-child [data-testid="ticker-item"] .ticker-name')
      .allTextContents();
    expect(names).toEqual(ticker.items.map((i) => i.name));
    const total =
      ticker.counts.zona_merah +
      ticker.counts.sla +
      ticker.counts.laporan +
      ticker.counts.program +
      ticker.counts.tindak_lanjut;
    await expect(page.locator('[data-testid="ticker-counts"]').textContent()).resolves.toBe(String(total));

    const overdue = (await callerFor(t).budget.absorption()).freshness.overdue;
    if (overdue && overdue.opds.length > 0) {
      await expect(page.locator('[data-testid="overdue-anggaran-opd"]').textContent()).resolves.toContain(
        `${overdue.opds.length} OPD belum melapor`,
      );
    }
    await page.context().close();
  });

  test('narrowed to one OPD, the S-curve is that OPD and its league row is marked', async () => {
    const absorption = await callerFor(t).budget.absorption();
    const opd = absorption.byOpd[absorption.byOpd.length - 1];
    if (!opd) throw new Error('no OPD in the demo budget');
    const page = await openWall(`${server.url}/wall/anggaran?opd=${opd.key}`);
    await page.waitForSelector('[data-testid="page-anggaran"][data-state="ready"]');
    const focus = (await callerFor(t).budget.absorption({ opdCode: opd.key })).focus;
    expect(focus?.key).toBe(opd.key);
    await expect(page.locator('[data-testid="value-anggaran-serapan"]').textContent()).resolves.toBe(
      formatPct(focus?.serapanPct ?? null, 2),
    );
    await expect(page.locator(`[data-testid="opd-${opd.key}"]`).getAttribute('class')).resolves.toBe(
      'is-focus',
    );
    await expect(page.locator('h1.wall-title').textContent()).resolves.toContain(opd.label);
    await page.context().close();
  });

  test('narrowed to a service group, only its services are listed', async () => {
    const summary = await callerFor(t).services.summary();
    const group = 'adminduk';
    const mine = summary.services.filter((s) => s.group === group).map((s) => s.serviceCode);
    expect(mine.length).toBeGreaterThan(0);
    const page = await openWall(`${server.url}/wall/layanan?group=${group}`);
    await page.waitForSelector('[data-testid="page-layanan"][data-state="ready"]');
    const rows = await page
      .locator('tr[data-testid^="service-"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')?.slice('service-'.length)));
    expect(rows.sort()).toEqual([...mine].sort());
    await expect(page.locator('h1.wall-title').textContent()).resolves.toContain('Administrasi kependudukan');
    await page.context().close();
  });

  test("a display's playlist filters narrow the player's screens: one OPD, one service group, one OPD's pillar", async () => {
    createUser(t, 'admin-live', 'admin');
    const admin = callerAs(t, principalFor(t, 'admin-live'), undefined, server.bus);
    const pillar = await callerFor(t).masterplan.pillar({ code: 'GOV' });
    const opd = pillar.programmes[0]?.opdCode ?? 'DINKOMINFO';
    const created = await admin.display.create({
      name: 'Layar filter',
      playlist: [
        { screen: 'anggaran', dwellS: 10, opdCode: opd },
        { screen: 'layanan', dwellS: 10, serviceGroup: 'adminduk' },
        { screen: 'pilar', dwellS: 10, pillar: 'GOV', opdCode: opd },
      ],
    });
    const page = await openWall(`${server.url}${created.path}`);
    const title = () => page.locator('h1.wall-title').textContent();
    await page.waitForSelector('[data-testid="page-anggaran"][data-state="ready"]');
    const absorption = await callerFor(t).budget.absorption({ opdCode: opd });
    await expect.poll(title).toContain(`Serapan Anggaran · ${absorption.focus?.label}`);
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('[data-testid="page-layanan"][data-state="ready"]');
    await expect.poll(title).toContain('Layanan Publik · Administrasi kependudukan');
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('[data-testid="page-pilar"][data-state="ready"]');
    const narrowed = await callerFor(t).masterplan.pillar({ code: 'GOV', opdCode: opd });
    await expect.poll(title).toContain(`Smart Governance · ${narrowed.programmes[0]?.opdName}`);
    // One live connection for the whole rotation, not one per screen.
    await expect.poll(() => server.bus.listenerCount()).toBe(1);
    await page.context().close();
  });

  test('an unknown OPD filter is a clear message, not a blank screen', async () => {
    await expect(callerFor(t).budget.absorption({ opdCode: 'TIDAKADA' })).rejects.toThrow(
      "Tidak ada OPD dengan kode 'TIDAKADA'",
    );
  });
});

describe('a wall whose server goes away', () => {
  test('SIGKILL and a restart on the same port: "terputus sejak", the last figures kept, then back on its own and caught up', async () => {
    const t = makeTestDb({ demo: 'small', nowMs: NOW });
    const file = t.file;
    t.db.close();
    const port = await freePort();
    let proc = await spawnServer({ port, databasePath: file });
    const page = await openWall(`${proc.url}/wall/ringkasan`);
    try {
      await page.waitForSelector('[data-testid="page-ringkasan"][data-state="ready"][data-live="open"]', {
        timeout: 30_000,
      });
      const serapan = () => page.locator('[data-testid="value-budget-serapan"]').textContent();
      const before = await serapan();

      await proc.kill('SIGKILL');
      const killedAt = Date.now();
      await page.waitForSelector('[data-testid="badge-disconnected"]', { timeout: 5_000 });
      const noticedMs = Date.now() - killedAt;
      console.log(`[wall-live] server killed → "terputus" badge: ${noticedMs} ms`);
      expect(noticedMs).toBeLessThan(3_000);
      await expect(page.locator('[data-testid="badge-disconnected"]').textContent()).resolves.toMatch(
        /^terputus sejak \d{2}\.\d{2} WIB$/,
      );
      // Never blank: the figures are still on screen.
      await expect(page.locator('[data-testid="page-ringkasan"]').getAttribute('data-state')).resolves.toBe(
        'stale',
      );
      expect(await serapan()).toBe(before);
      await page.screenshot({ path: path.join(ARTIFACTS, 'wall-disconnected-1920x1080.png') });

      // While it is down an OPD's figure lands in the database (another process, say an import).
      const db = openDb(file);
      const sub = firstSub({ db });
      saveRealisation(
        db,
        { subKegiatanId: sub.id, month: 11, sp2dRp: 70_000_000_000, spjRp: 0, fisikPct: 70 },
        { userId: null, source: 'manual' },
        Date.now(),
      );
      db.close();
      await new Promise((r) => setTimeout(r, 3_000));

      proc = await spawnServer({ port, databasePath: file });
      const restartedAt = Date.now();
      await page.waitForSelector('[data-testid="page-ringkasan"][data-state="ready"][data-live="open"]', {
        timeout: 30_000,
      });
      console.log(`[wall-live] server back → wall live again: ${Date.now() - restartedAt} ms`);
      await expect(page.locator('[data-testid="badge-disconnected"]').count()).resolves.toBe(0);
      const overview = (await (await fetch(`${proc.url}/trpc/dashboard.overview`)).json()) as {
        result: { data: { budget: { total: { serapanPct: number } } } };
      };
      const expected = formatPct(overview.result.data.budget.total.serapanPct, 2);
      expect(expected).not.toBe(before);
      await expect.poll(serapan, { timeout: 5_000 }).toBe(expected);
    } finally {
      await page.context().close();
      await proc.kill('SIGKILL');
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });

  test('a server back on a new build reloads the wall by itself', async () => {
    const t = makeTestDb({ demo: 'small', nowMs: NOW });
    const port = await freePort();
    let server = await startServer(t, { client: true, buildId: 'build-a', port });
    const page = await openWall(`${server.url}/wall/spbe`);
    try {
      await page.waitForSelector('[data-testid="page-spbe"][data-state="ready"][data-live="open"]');
      await page.evaluate(() => {
        (window as unknown as { beforeReload: boolean }).beforeReload = true;
      });
      await server.close();
      await page.waitForSelector('[data-testid="badge-disconnected"]', { timeout: 5_000 });
      server = await startServer(t, { client: true, buildId: 'build-b', port });
      await page.waitForFunction(
        () => (window as unknown as { beforeReload?: boolean }).beforeReload === undefined,
        undefined,
        { timeout: 30_000 },
      );
      await page.waitForSelector('[data-testid="page-spbe"][data-state="ready"]', { timeout: 20_000 });
    } finally {
      await page.context().close();
      await server.close();
      t.close();
    }
  });
});
