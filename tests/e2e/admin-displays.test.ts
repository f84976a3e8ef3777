// The admin's wall displays in real Chromium against the real server: an admin adds a display
// with two views and reads its URL once, a wall opens it and plays it, a change to the playlist
// reaches the wall live, and revoking turns the open wall into its message without a reload. A bad
// dwell time or a filter the server no longer knows is refused beside its field, writing nothing.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { makeTestDb, type TestDb } from '../helpers/db';
import { type RunningServer, startServer } from '../helpers/server';
import { callerAs, createUser, PASSWORD, principalFor } from '../helpers/users';

const NOW = Date.parse('2026-11-23T03:00:00.000Z');
const CREATE = 'display-create';
let t: TestDb;
let server: RunningServer;
let browser: Browser;
let admin: BrowserContext;
let page: Page;

const counts = () => ({
  displays: t.db.prepare('SELECT COUNT(*) FROM display').pluck().get(),
  tokens: t.db.prepare('SELECT COUNT(*) FROM api_token').pluck().get(),
  audit: t.db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get(),
});

beforeAll(async () => {
  t = makeTestDb({ demo: 'small', nowMs: NOW });
  createUser(t, 'admin-layar', 'admin');
  server = await startServer(t, { client: true });
  browser = await launchChromium();
  admin = await browser.newContext({
    viewport: { width: 1920, height: 1080 },
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
  });
  page = await admin.newPage();
  await page.goto(`${server.url}/masuk?next=/admin`);
  await page.fill('#login-username', 'admin-layar');
  await page.fill('#login-password', PASSWORD);
  await page.click('[data-testid="login-submit"]');
  await page.waitForURL(`${server.url}/admin`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  t?.close();
});

const tid = (id: string) => `[data-testid="${id}"]`;
const text = async (p: Page, id: string) => ((await p.locator(tid(id)).first().textContent()) ?? '').trim();

/** The line under an input: the element its aria-describedby names '<id>-error'. */
async function errorBeside(testId: string): Promise<{ text: string; invalid: string | null }> {
  const input = page.locator(tid(testId));
  const id = await input.getAttribute('id');
  const described = (await input.getAttribute('aria-describedby')) ?? '';
  expect(described.split(' ')).toContain(`${id}-error`);
  // Beside the field: in the same table cell as the input.
  const cell = input.locator('xpath=ancestor::td[1]');
  return {
    text: ((await cell.locator(`[id="${id}-error"]`).textContent()) ?? '').trim(),
    invalid: await input.getAttribute('aria-invalid'),
  };
}

async function freshForm(): Promise<void> {
  // A full load (a same-page hash change would keep the last test's form as it was).
  await page.goto('about:blank');
  await page.goto(`${server.url}/admin#displays-h`);
  await page.waitForSelector(tid(`${CREATE}-form`));
  // The filter choices come from reference data; wait until they are in.
  await page.waitForFunction(() => document.querySelectorAll('option').length > 20);
}

async function openWall(path: string): Promise<Page> {
  const wall = await (
    await browser.newContext({
      viewport: { width: 1920, height: 1080 },
      locale: 'id-ID',
      timezoneId: 'Asia/Jakarta',
    })
  ).newPage();
  await wall.goto(path);
  await wall.waitForSelector(tid('player'), { timeout: 15_000 });
  return wall;
}

describe('admin wall displays in Chromium', () => {
  test('create with two views, read the URL once, play it, change it live, revoke it live', async () => {
    await freshForm();
    await page.fill(tid(`${CREATE}-name`), 'Layar uji admin');
    await page.fill(tid(`${CREATE}-location`), 'Dinding utara');
    await page.fill(tid(`${CREATE}-dwell-0`), '30');
    // Filters appear only where they apply.
    expect(await page.locator(tid(`${CREATE}-pillar-0-na`)).count()).toBe(1);
    await page.click(tid(`${CREATE}-add`));
    await page.selectOption(tid(`${CREATE}-screen-1`), 'pilar');
    await page.selectOption(tid(`${CREATE}-pillar-1`), 'GOV');
    await page.fill(tid(`${CREATE}-dwell-1`), '20');
    expect(await page.locator(tid(`${CREATE}-group-1-na`)).count()).toBe(1);
    await page.click(tid(`${CREATE}-submit`));

    await page.waitForSelector(`${tid('display-url-dialog')}[open]`);
    const url = await page.inputValue(tid('display-url'));
    expect(url).toMatch(new RegExp(`^${server.url}/layar\\?t=[\\w-]{20,}$`));
    expect(await text(page, 'display-url-dialog')).toContain('hanya ditampilkan sekali');
    const row = t.db
      .prepare("SELECT id, location, playlist_json AS playlist FROM display WHERE name = 'Layar uji admin'")
      .get() as { id: number; location: string; playlist: string };
    expect(row.location).toBe('Dinding utara');
    expect(JSON.parse(row.playlist)).toEqual([
      { screen: 'ringkasan', dwellS: 30 },
      { screen: 'pilar', dwellS: 20, pillar: 'GOV' },
    ]);
    await page.click(tid('display-url-close'));
    await page.waitForSelector(`${tid('display-url-dialog')}[open]`, { state: 'detached' });
    // Shown once: the URL is gone from the page once the dialog closes.
    const token = new URL(url).searchParams.get('t') ?? '';
    expect(await page.content()).not.toContain(token);
    await page.waitForSelector(tid(`display-row-${row.id}`));
    expect(await text(page, `display-summary-${row.id}`)).toBe('Ringkasan 30 dtk · Pilar GOV 20 dtk');
    expect(await text(page, `display-state-${row.id}`)).toBe('Aktif');
    expect(await text(page, `display-seen-${row.id}`)).toBe('Belum pernah');

    const wall = await openWall(url);
    const wallErrors: string[] = [];
    wall.on('pageerror', (e) => wallErrors.push(e.message));
    expect(await text(wall, 'player-position')).toBe('1/2');
    expect(await text(wall, 'player-screen')).toBe('ringkasan');
    await wall.evaluate(() => {
      (window as unknown as { marker: number }).marker = 1;
    });
    // The player's first read counts as "seen" (shown in WIB).
    await page.reload();
    await page.waitForSelector(tid(`display-row-${row.id}`));
    expect(await text(page, `display-seen-${row.id}`)).toBe('Senin, 23 November 2026 10.00 WIB');

    // Edit: a third view and a new location reach the open wall without a reload.
    const edit = `display-edit-${row.id}`;
    await page.click(tid(edit));
    await page.waitForSelector(tid(`${edit}-form`));
    expect(await page.inputValue(tid(`${edit}-name`))).toBe('Layar uji admin');
    expect(await page.inputValue(tid(`${edit}-pillar-1`))).toBe('GOV');
    await page.fill(tid(`${edit}-location`), 'Dinding selatan');
    await page.click(tid(`${edit}-add`));
    await page.selectOption(tid(`${edit}-screen-2`), 'layanan');
    await page.selectOption(tid(`${edit}-group-2`), 'adminduk');
    await page.fill(tid(`${edit}-dwell-2`), '15');
    await page.click(tid(`${edit}-submit`));
    await page.waitForSelector(tid('displays-done'));
    expect(await text(page, 'displays-done')).toBe('Layar Layar uji admin disimpan.');
    // The editor is gone; the keyboard focus is back on the row's "Ubah".
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe(edit);
    await expect
      .poll(() => text(page, `display-summary-${row.id}`))
      .toBe('Ringkasan 30 dtk · Pilar GOV 20 dtk · Layanan (Administrasi kependudukan) 15 dtk');
    await wall.waitForFunction(
      () => document.querySelector('[data-testid="player-position"]')?.textContent?.endsWith('/3'),
      undefined,
      { timeout: 8_000 },
    );

    // Revoke, with a confirmation; the open wall turns into its message within a few seconds.
    await page.click(tid(`display-revoke-${row.id}`));
    await page.waitForSelector(`${tid('display-revoke-dialog')}[open]`);
    expect(await text(page, 'display-revoke-dialog')).toContain('Cabut layar Layar uji admin?');
    await page.click(tid('display-revoke-confirm'));
    const revokedAt = Date.now();
    await wall.waitForSelector(tid('player-revoked'), { timeout: 5_000 });
    expect(Date.now() - revokedAt).toBeLessThan(5_000);
    expect(await text(wall, 'player-revoked')).toContain('Layar ini tidak lagi terdaftar.');
    expect(await wall.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    await expect.poll(() => text(page, `display-state-${row.id}`)).toBe('Dicabut');
    expect(await text(page, 'displays-done')).toBe('Layar Layar uji admin dicabut.');
    expect(await page.locator(tid(`display-revoke-${row.id}`)).count()).toBe(0);
    expect(await page.locator(tid(`display-edit-${row.id}`)).count()).toBe(0);
    expect(wallErrors).toEqual([]);
    await wall.context().close();
  }, 60_000);

  test('a 5 s dwell is refused beside its field in Indonesian and nothing is created', async () => {
    await freshForm();
    const before = counts();
    await page.fill(tid(`${CREATE}-name`), 'Layar terlalu cepat');
    await page.fill(tid(`${CREATE}-dwell-0`), '30');
    await page.click(tid(`${CREATE}-add`));
    await page.fill(tid(`${CREATE}-dwell-1`), '5');
    await page.click(tid(`${CREATE}-submit`));
    await page.waitForSelector(tid(`${CREATE}-error`));
    expect(await errorBeside(`${CREATE}-dwell-1`)).toEqual({
      text: 'Durasi tayang minimal 10 detik',
      invalid: 'true',
    });
    expect(await page.locator(`${tid(`${CREATE}-item-0`)} .field-error`).count()).toBe(0);
    // The first wrong field has the focus, and the form still holds what was typed.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      `${CREATE}-dwell-1`,
    );
    expect(await page.inputValue(tid(`${CREATE}-name`))).toBe('Layar terlalu cepat');
    expect(await page.locator(`${tid('display-url-dialog')}[open]`).count()).toBe(0);
    expect(counts()).toEqual(before);
  });

  test('a service group the server no longer has is refused beside its select; nothing is written', async () => {
    await freshForm();
    await page.fill(tid(`${CREATE}-name`), 'Layar kelompok hilang');
    await page.selectOption(tid(`${CREATE}-screen-0`), 'layanan');
    await page.selectOption(tid(`${CREATE}-group-0`), 'sosial');
    // The reference data changes under the open form.
    const ids = t.db.prepare("SELECT id FROM service_type WHERE grp = 'sosial' AND active = 1").pluck().all();
    expect(ids.length).toBeGreaterThan(0);
    const setActive = t.db.prepare('UPDATE service_type SET active = ? WHERE id = ?');
    for (const id of ids) setActive.run(0, id);
    try {
      const before = counts();
      await page.click(tid(`${CREATE}-submit`));
      await page.waitForSelector(tid(`${CREATE}-error`));
      expect(await errorBeside(`${CREATE}-group-0`)).toEqual({
        text: "Tidak ada kelompok layanan 'sosial'",
        invalid: 'true',
      });
      expect(await text(page, `${CREATE}-error`)).toBe('Periksa isian yang ditandai.');
      expect(counts()).toEqual(before);
    } finally {
      for (const id of ids) setActive.run(1, id);
    }
  });

  test('revoking a display someone else revoked first says so and the list catches up', async () => {
    const other = callerAs(t, principalFor(t, 'admin-layar'), undefined, server.bus);
    const created = await other.display.create({
      name: 'Layar rebutan',
      playlist: [{ screen: 'ringkasan', dwellS: 30 }],
    });
    await freshForm();
    await page.waitForSelector(tid(`display-row-${created.id}`));
    await other.display.revoke({ id: created.id });
    const before = counts();
    await page.click(tid(`display-revoke-${created.id}`));
    await page.click(tid('display-revoke-confirm'));
    await page.waitForSelector(tid('display-revoke-error'));
    expect(await text(page, 'display-revoke-error')).toBe(
      "Layar 'Layar rebutan' sudah dicabut; buat layar baru untuk menayangkan lagi",
    );
    await page.click(tid('display-revoke-cancel'));
    await expect.poll(() => text(page, `display-state-${created.id}`)).toBe('Dicabut');
    expect(counts()).toEqual(before);
  });

  test('the playlist editor works from the keyboard and the focus follows the moved view', async () => {
    await freshForm();
    await page.focus(tid(`${CREATE}-add`));
    await page.keyboard.press('Enter');
    // The new view's screen select takes the focus.
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    expect(await focused()).toBe(`${CREATE}-screen-1`);
    await page.selectOption(tid(`${CREATE}-screen-1`), 'spbe');
    await page.focus(tid(`${CREATE}-up-1`));
    await page.keyboard.press('Enter');
    expect(await page.inputValue(tid(`${CREATE}-screen-0`))).toBe('spbe');
    expect(await page.inputValue(tid(`${CREATE}-screen-1`))).toBe('ringkasan');
    // At the top it cannot go up again: its "Turun" button has the focus.
    expect(await focused()).toBe(`${CREATE}-down-0`);
    await page.keyboard.press('Enter');
    expect(await page.inputValue(tid(`${CREATE}-screen-0`))).toBe('ringkasan');
    expect(await focused()).toBe(`${CREATE}-up-1`);
    await page.focus(tid(`${CREATE}-remove-1`));
    await page.keyboard.press('Enter');
    expect(await page.locator(tid(`${CREATE}-item-1`)).count()).toBe(0);
    expect(await focused()).toBe(`${CREATE}-screen-0`);
    // The last view cannot be removed: a playlist holds at least one.
    expect(await page.locator(tid(`${CREATE}-remove-0`)).isDisabled()).toBe(true);
  });
});
