// The display player (/layar?t=<token>) in real Chromium: it turns through its playlist in order at
// the dwell time, the keys step and pause, a playlist change arrives live, and a revoked or missing
// token shows a clear message instead of screens.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { makeTestDb, type TestDb } from '../helpers/db';
import { type RunningServer, startServer } from '../helpers/server';
import { callerAs, createUser, principalFor } from '../helpers/users';

const ARTIFACTS = path.resolve('tests/.artifacts');
const NOW = Date.parse('2026-11-23T03:00:00.000Z');
const THREE = [
  { screen: 'ringkasan' as const, dwellS: 10 },
  { screen: 'anggaran' as const, dwellS: 10 },
  { screen: 'spbe' as const, dwellS: 10 },
];

let t: TestDb;
let server: RunningServer;
let browser: Browser;
let admin: ReturnType<typeof callerAs>;

beforeAll(async () => {
  t = makeTestDb({ demo: 'small', nowMs: NOW });
  createUser(t, 'admin-layar', 'admin');
  server = await startServer(t, { client: true });
  admin = callerAs(t, principalFor(t, 'admin-layar'), undefined, server.bus);
  browser = await launchChromium();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  t?.close();
});

async function open(
  path: string,
  ready = '[data-testid="player"]',
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 1920, height: 1080 },
    deviceScaleFactor: 1,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}${path}`);
  await page.waitForSelector(ready, { timeout: 15_000 });
  return { page, errors };
}

const text = async (page: Page, id: string) =>
  (await page.locator(`[data-testid="${id}"]`).first().textContent()) ?? '';

/** Waits until player-screen shows something other than `from`; returns the new key. */
async function nextScreen(page: Page, from: string, timeout: number): Promise<string> {
  await page.waitForFunction(
    (prev) => {
      const el = document.querySelector('[data-testid="player-screen"]');
      return el !== null && el.textContent !== prev;
    },
    from,
    { timeout, polling: 50 },
  );
  return text(page, 'player-screen');
}

describe('display player in Chromium', () => {
  test('turns ringkasan → anggaran → spbe, each for its 10 s dwell, and hides the token', async () => {
    const created = await admin.display.create({ name: 'Layar uji urutan', playlist: THREE });
    const { page, errors } = await open(created.path);
    expect(new URL(page.url()).searchParams.has('t')).toBe(false);
    expect(await text(page, 'player-screen')).toBe('ringkasan');
    expect(await text(page, 'player-position')).toBe('1/3');
    // The countdown is the dwell left since the screen came on, whenever the test gets to look
    // (regression: a fixed "10 or 9" failed on a loaded machine that took 2 s to paint).
    const reading = await page.evaluate(() => {
      const player = document.querySelector('[data-testid="player"]');
      const countdown = document.querySelector('[data-testid="player-countdown"]')?.textContent ?? '';
      return { enteredAt: Number(player?.getAttribute('data-entered-at')), now: Date.now(), countdown };
    });
    const left = Math.ceil((reading.enteredAt + 10_000 - reading.now) / 1000);
    // The text trails the clock by at most one 250 ms tick.
    expect([left, left + 1]).toContain(Number(/(\d+)/.exec(reading.countdown)?.[1]));
    expect(left).toBeGreaterThan(0);
    await page.waitForSelector('[data-testid="page-ringkasan"]');

    const seen0 = Date.now();
    expect(await nextScreen(page, 'ringkasan', 12_000)).toBe('anggaran');
    const seen1 = Date.now();
    expect(seen1 - seen0).toBeLessThanOrEqual(11_500);
    expect(await text(page, 'player-position')).toBe('2/3');
    await page.waitForSelector('[data-testid="page-anggaran"]');

    expect(await nextScreen(page, 'anggaran', 12_000)).toBe('spbe');
    const seen2 = Date.now();
    expect(Math.abs(seen2 - seen1 - 10_000)).toBeLessThanOrEqual(1_500);
    expect(await text(page, 'player-position')).toBe('3/3');
    await page.waitForSelector('[data-testid="page-spbe"]');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 40_000);

  test('ArrowRight steps at once and wraps; Space pauses and freezes the countdown', async () => {
    const created = await admin.display.create({ name: 'Layar uji tombol', playlist: THREE });
    const { page, errors } = await open(created.path);
    expect(await text(page, 'player-screen')).toBe('ringkasan');
    await page.keyboard.press('ArrowRight');
    expect(await nextScreen(page, 'ringkasan', 1_000)).toBe('anggaran');
    await page.keyboard.press('ArrowLeft');
    expect(await nextScreen(page, 'anggaran', 1_000)).toBe('ringkasan');
    await page.keyboard.press('ArrowLeft');
    expect(await nextScreen(page, 'ringkasan', 1_000)).toBe('spbe');
    await page.keyboard.press('ArrowRight');
    expect(await nextScreen(page, 'spbe', 1_000)).toBe('ringkasan');
    expect(await text(page, 'player-position')).toBe('1/3');

    await page.keyboard.press('Space');
    await page.waitForSelector('[data-testid="player-paused"]', { timeout: 1_000 });
    expect(await text(page, 'player-paused')).toBe('Dijeda');
    const frozen = await text(page, 'player-countdown');
    await page.waitForTimeout(2_500);
    expect(await text(page, 'player-countdown')).toBe(frozen);
    expect(await text(page, 'player-screen')).toBe('ringkasan');
    await page.screenshot({ path: path.join(ARTIFACTS, 'player-paused-1920x1080.png') });
    await page.keyboard.press('Space');
    await page.waitForSelector('[data-testid="player-paused"]', { state: 'detached', timeout: 1_000 });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('a playlist change reaches an open player without a reload', async () => {
    const created = await admin.display.create({ name: 'Layar uji live', playlist: THREE });
    const { page, errors } = await open(created.path);
    await page.evaluate(() => {
      (window as unknown as { marker: number }).marker = 1;
    });
    await admin.display.update({
      id: created.id,
      name: 'Layar uji live',
      playlist: [{ screen: 'kepatuhan', dwellS: 30 }],
    });
    await page.waitForFunction(
      () => document.querySelector('[data-testid="player-position"]')?.textContent === '1/1',
      undefined,
      { timeout: 8_000 },
    );
    expect(await text(page, 'player-screen')).toBe('kepatuhan');
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('a revoked token shows the "no longer registered" message, and no token explains the URL', async () => {
    const created = await admin.display.create({ name: 'Layar uji cabut', playlist: THREE });
    await admin.display.revoke({ id: created.id });
    const revoked = await open(created.path, '[data-testid="player-revoked"]');
    expect(await text(revoked.page, 'player-revoked')).toContain('Layar ini tidak lagi terdaftar.');
    expect(await text(revoked.page, 'player-revoked')).toContain(
      'Hubungi admin Dinkominfo untuk tautan baru.',
    );
    expect(await revoked.page.locator('[data-testid="player"]').count()).toBe(0);
    await revoked.page.context().close();

    const none = await open('/layar', '[data-testid="player-no-token"]');
    expect(await none.page.locator('[data-testid="player"]').count()).toBe(0);
    await none.page.context().close();
  });
});
