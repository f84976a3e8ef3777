// Meeting follow-ups in real Chromium against the real server: an operator signs in, finds its
// follow-up late on /opd/tindak-lanjut, an empty report is refused beside the field and changes
// nothing, the report "done" goes through, and the open "Tindak Lanjut HLM" wall drops it within a
// second without a reload. Then, with more follow-ups than fit, the wall counts the rest
// ("+n lainnya") and no tile overflows at 1920×1080, 3840×2160 and 5120×1440.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LATE_ROWS, OPEN_ROWS } from '../../client/pages/wall/tindakLanjutRows';
import { formatPct } from '../../shared/format';
import { launchChromium } from '../helpers/browser';
import { callerFor, makeTestDb, type TestDb } from '../helpers/db';
import { type RunningServer, startServer } from '../helpers/server';
import { callerAs, createUser, PASSWORD, principalFor } from '../helpers/users';

const ARTIFACTS = path.resolve('tests/.artifacts');
// Senin 23 November 2026 10.00 WIB.
const NOW = Date.parse('2026-11-23T03:00:00.000Z');

let t: TestDb;
let server: RunningServer;
let browser: Browser;
let chair: ReturnType<typeof callerAs>;
let meetingId: number;
let followUpId: number;
let contestedId: number;

const written = () => ({
  followUp: t.db
    .prepare('SELECT state, progress_pct, last_report, version FROM follow_up WHERE id = ?')
    .get(followUpId),
  reports: t.db.prepare('SELECT COUNT(*) FROM follow_up_report').pluck().get(),
  audit: t.db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get(),
});

beforeAll(async () => {
  t = makeTestDb({ demo: 'small', nowMs: NOW });
  createUser(t, 'sekda', 'executive');
  createUser(t, 'op-dinkes', 'opd', 'DINKES');
  chair = callerAs(t, principalFor(t, 'sekda'));
  meetingId = (
    await chair.meeting.create({
      kind: 'hlm',
      title: 'HLM Smart City Oktober 2026',
      meetingDate: '2026-10-13',
      chair: 'Bupati',
      items: [{ kind: 'opd', opdCode: 'DINKES' }],
    })
  ).id;
  followUpId = (
    await chair.meeting.addFollowUp({
      meetingId,
      ownerOpdCode: 'DINKES',
      text: 'Susun rencana aksi percepatan penurunan stunting bersama puskesmas',
      dueDate: '2026-11-18',
    })
  ).id;
  contestedId = (
    await chair.meeting.addFollowUp({
      meetingId,
      ownerOpdCode: 'DINKES',
      text: 'Laporkan cakupan imunisasi dasar per puskesmas',
      dueDate: '2026-11-27',
    })
  ).id;
  server = await startServer(t, { client: true });
  browser = await launchChromium();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  t?.close();
});

async function openPage(url: string, width = 1920, height = 1080): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height },
    deviceScaleFactor: 1,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  (page as Page & { errors?: string[] }).errors = errors;
  await page.goto(url);
  return page;
}

/** The DINKES operator signed in, on `next`. */
async function signIn(next: string): Promise<Page> {
  const page = await openPage(`${server.url}/masuk?next=${next}`);
  await page.fill('#login-username', 'op-dinkes');
  await page.fill('#login-password', PASSWORD);
  await page.click('[data-testid="login-submit"]');
  await page.waitForURL(`${server.url}${next}`);
  return page;
}

const errorsOf = (page: Page) => (page as Page & { errors?: string[] }).errors ?? [];
const text = async (page: Page, id: string) =>
  (await page.locator(`[data-testid="${id}"]`).first().textContent()) ?? '';

describe('an operator reports on its follow-up', () => {
  test('sees it late, an empty report changes nothing, done drops it from the open wall within a second', async () => {
    const wall = await openPage(`${server.url}/wall/tindaklanjut`);
    await wall.waitForSelector('[data-testid="page-tindaklanjut"][data-state="ready"][data-live="open"]');
    await wall.waitForSelector(`[data-testid="tl-late-${followUpId}"]`);
    expect(await text(wall, `tl-late-${followUpId}-days`)).toBe('5 hari');
    expect(await text(wall, `tl-late-${followUpId}-opd`)).toBe('Dinkes');
    expect(await text(wall, `tl-late-${followUpId}-due`)).toBe('batas 18 Nov');
    const lateBefore = Number(await text(wall, 'value-tl-terlambat'));
    const board = await callerFor(t).followUp.board();
    expect(lateBefore).toBe(board.counts.terlambat);
    // Marks this page load: a reload would lose it.
    await wall.evaluate(() => {
      (window as unknown as { __sameLoad: boolean }).__sameLoad = true;
    });

    const page = await signIn('/opd/tindak-lanjut');
    const card = page.locator(`[data-testid="tl-group-terlambat"] [data-testid="tl-card-${followUpId}"]`);
    await card.waitFor();
    expect(await text(page, `tl-state-${followUpId}`)).toBe('Terlambat');
    expect(await text(page, `tl-due-${followUpId}`)).toBe('batas 18 November 2026');
    expect(await text(page, `tl-due-note-${followUpId}`)).toBe('terlambat 5 hari');
    expect(await text(page, `tl-meeting-${followUpId}`)).toBe('HLM Smart City Oktober 2026, 13 Oktober 2026');
    expect(await text(page, `tl-last-${followUpId}`)).toBe('Belum ada laporan.');

    // An empty report: the message beside the field, in Indonesian, and nothing written anywhere.
    const before = written();
    await page.selectOption(`[data-testid="tl-input-state-${followUpId}"]`, 'selesai');
    await page.click(`[data-testid="tl-submit-${followUpId}"]`);
    const error = page.locator(`#tl-text-${followUpId}-error`);
    await error.waitFor();
    expect(await error.textContent()).toBe('Laporan wajib diisi');
    const textarea = page.locator(`[data-testid="tl-input-text-${followUpId}"]`);
    await expect(textarea.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(textarea.getAttribute('aria-describedby')).resolves.toContain(`tl-text-${followUpId}-error`);
    await expect(textarea.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    expect(written()).toEqual(before);
    expect(await wall.locator(`[data-testid="tl-late-${followUpId}"]`).count()).toBe(1);

    // Done: the wall drops it by itself.
    await textarea.fill('Rencana aksi ditetapkan dengan SK Kepala Dinas; <b>22</b> puskesmas ikut');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('followUp.report')),
      page.click(`[data-testid="tl-submit-${followUpId}"]`),
    ]);
    expect(response.status()).toBe(200);
    const committed = Date.now();
    await wall.waitForSelector(`[data-testid="tl-late-${followUpId}"]`, {
      state: 'detached',
      timeout: 5_000,
    });
    const delay = Date.now() - committed;
    expect(delay, `the wall took ${delay} ms`).toBeLessThan(1_000);
    await expect.poll(async () => Number(await text(wall, 'value-tl-terlambat'))).toBe(lateBefore - 1);
    await expect(
      wall.evaluate(() => (window as unknown as { __sameLoad?: boolean }).__sameLoad === true),
    ).resolves.toBe(true);

    // The page moves it to "Selesai" with the report as plain text, and its history has it.
    const done = page.locator(`[data-testid="tl-group-selesai"] [data-testid="tl-card-${followUpId}"]`);
    await done.waitFor();
    expect(await text(page, `tl-state-${followUpId}`)).toBe('Selesai');
    expect(await text(page, `tl-saved-${followUpId}`)).toMatch(/^Laporan terkirim \d{2}\.\d{2} WIB$/);
    expect(await done.locator('b').count()).toBe(0);
    expect(await text(page, `tl-last-${followUpId}`)).toContain('<b>22</b> puskesmas ikut');
    await page.click(`[data-testid="tl-history-toggle-${followUpId}"]`);
    await page.waitForSelector(`[data-testid="tl-history-${followUpId}"]`);
    expect(
      await page.locator(`[data-testid="tl-history-${followUpId}"] [data-testid="tl-history-item"]`).count(),
    ).toBe(1);
    expect(written()).toEqual({
      followUp: {
        state: 'selesai',
        progress_pct: 100,
        last_report: 'Rencana aksi ditetapkan dengan SK Kepala Dinas; <b>22</b> puskesmas ikut',
        version: 2,
      },
      reports: Number(before.reports) + 1,
      audit: Number(before.audit) + 1,
    });
    await page.screenshot({ path: path.join(ARTIFACTS, 'opd-tindak-lanjut-1920x1080.png') });
    expect(errorsOf(page)).toEqual([]);
    expect(errorsOf(wall)).toEqual([]);
    await page.context().close();
    await wall.context().close();
  });
});

describe('two reports on the same follow-up', () => {
  test('the later one shows the conflict with the follow-up as it stands now, keeps the draft, and can be sent', async () => {
    const page = await signIn('/opd/tindak-lanjut');
    await page
      .locator(`[data-testid="tl-group-dalam_proses"] [data-testid="tl-card-${contestedId}"]`)
      .waitFor();
    expect(await text(page, `tl-due-note-${contestedId}`)).toBe('4 hari lagi');
    // Someone else (an admin, for the OPD) reports while the operator is typing.
    createUser(t, 'admin-uji', 'admin');
    await callerAs(t, principalFor(t, 'admin-uji')).followUp.report({
      id: contestedId,
      state: 'dalam_proses',
      progressPct: 35,
      text: 'Dilaporkan admin lebih dulu',
      expectedVersion: 1,
    });
    await page.fill(`[data-testid="tl-input-progress-${contestedId}"]`, '50');
    await page.fill(`[data-testid="tl-input-text-${contestedId}"]`, 'Data 20 dari 22 puskesmas sudah masuk');
    await page.click(`[data-testid="tl-submit-${contestedId}"]`);
    await page.waitForSelector(`[data-testid="tl-conflict-${contestedId}"]`);
    const box = await text(page, `tl-error-${contestedId}`);
    expect(box).toContain('baru saja dilaporkan orang lain');
    expect(box).toContain(
      `Keadaan terbaru: Dalam proses · progres ${formatPct(35, 0)} · dilaporkan Senin, 23 November 2026 10.00 WIB`,
    );
    expect(box).toContain('Dilaporkan admin lebih dulu');
    await expect(page.locator(`[data-testid="tl-input-text-${contestedId}"]`).inputValue()).resolves.toBe(
      'Data 20 dari 22 puskesmas sudah masuk',
    );
    const row = () =>
      t.db
        .prepare('SELECT progress_pct AS pct, last_report AS report, version FROM follow_up WHERE id = ?')
        .get(contestedId);
    expect(row()).toEqual({ pct: 35, report: 'Dilaporkan admin lebih dulu', version: 2 });

    await page.click(`[data-testid="tl-keep-mine-${contestedId}"]`);
    await page.waitForSelector(`[data-testid="tl-saved-${contestedId}"]`);
    expect(row()).toEqual({ pct: 50, report: 'Data 20 dari 22 puskesmas sudah masuk', version: 3 });
    expect(await page.locator(`[data-testid="tl-conflict-${contestedId}"]`).count()).toBe(0);
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  });
});

describe('the wall with more follow-ups than fit', () => {
  beforeAll(async () => {
    const opds = ['DINKES', 'DPUPR', 'DLH', 'DINPENDUKCAPIL', 'DINKOMINFO', 'DINHUB', 'BAPPELITBANGDA'];
    for (let i = 0; i < 40; i++) {
      const late = i % 2 === 0;
      const day = late ? 1 + (i % 22) : 24 + (i % 7);
      await chair.meeting.addFollowUp({
        meetingId,
        ownerOpdCode: opds[i % opds.length] ?? 'DINKES',
        text: `Tindak lanjut nomor ${i + 1}: percepat pelaksanaan kegiatan prioritas dan laporkan hasilnya kepada Bupati`,
        dueDate: `2026-11-${String(day).padStart(2, '0')}`,
      });
    }
  });

  test('counts the rest ("+n lainnya"), keeps text readable and no tile overflows, at three sizes', async () => {
    const board = await callerFor(t).followUp.board();
    const late = board.items.filter((f) => f.state === 'terlambat');
    const open = board.items.filter((f) => f.state === 'dalam_proses');
    expect(late.length).toBeGreaterThan(2 * LATE_ROWS);
    expect(open.length).toBeGreaterThan(2 * OPEN_ROWS);
    for (const [w, h, columns] of [
      [1920, 1080, 1],
      [3840, 2160, 1],
      // The 32:9 wall takes the wide layout: the lists run in two columns.
      [5120, 1440, 2],
    ] as const) {
      const wall = await openPage(`${server.url}/wall/tindaklanjut`, w, h);
      await wall.waitForSelector('[data-testid="page-tindaklanjut"][data-state="ready"]');
      await expect
        .poll(() => wall.locator('[data-testid="tl-late-list"]').getAttribute('data-columns'))
        .toBe(String(columns));
      await expect
        .poll(() => wall.locator('[data-testid="tl-open-list"]').getAttribute('data-columns'))
        .toBe(String(columns));
      // Longest overdue first, as the board orders them; then the rest counted.
      const shownLate = await wall
        .locator('[data-testid="tl-late-list"] > li')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
      expect(shownLate).toEqual(late.slice(0, LATE_ROWS * columns).map((f) => `tl-late-${f.id}`));
      expect(await text(wall, 'tl-late-more')).toBe(`+${late.length - LATE_ROWS * columns} lainnya`);
      const shownOpen = await wall.locator('[data-testid="tl-open-list"] > li').count();
      expect(shownOpen).toBe(OPEN_ROWS * columns);
      expect(await text(wall, 'tl-open-more')).toBe(`+${open.length - OPEN_ROWS * columns} lainnya`);
      expect(await text(wall, 'value-tl-terlambat')).toBe(String(board.counts.terlambat));
      expect(await text(wall, 'value-tl-dalam_proses')).toBe(String(board.counts.dalam_proses));

      // Nothing spills: no tile, tile body or list row is taller than its box, and every row
      // lies inside its tile.
      const overflowing = await wall.evaluate(() =>
        [...document.querySelectorAll('[data-testid^="tile-"], .tile-body, .tl-row')]
          .filter((el) => el.scrollHeight > el.clientHeight + 1)
          .map((el) => el.getAttribute('data-testid') ?? el.className),
      );
      expect(overflowing).toEqual([]);
      const outside = await wall.evaluate(() =>
        [...document.querySelectorAll('.tl-row, .tl-more, .tl-opds li')]
          .filter((el) => {
            const tile = el.closest('.tile')?.getBoundingClientRect();
            const r = el.getBoundingClientRect();
            return !tile || r.bottom > tile.bottom + 0.5 || r.right > tile.right + 0.5;
          })
          .map((el) => el.getAttribute('data-testid') ?? el.className),
      );
      expect(outside).toEqual([]);
      // Readable from 4 m: no visible text under 20 logical px.
      const small = await wall.locator('[data-testid="page-tindaklanjut"] .screen-body').evaluate((body) =>
        [...body.querySelectorAll('*')]
          .filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent?.trim()))
          .filter((el) => Number.parseFloat(getComputedStyle(el).fontSize) < 20)
          .map((el) => el.textContent),
      );
      expect(small).toEqual([]);
      await wall.screenshot({ path: path.join(ARTIFACTS, `wall-tindaklanjut-many-${w}x${h}.png`) });
      expect(errorsOf(wall)).toEqual([]);
      await wall.context().close();
    }
  });
});
