// The OPD write side in real Chromium against the real server: an operator signs in, enters a
// month's realisation and the executive summary shows it; a malformed spreadsheet is refused
// with its errors and changes nothing; a locked period refuses the entry; and one OPD cannot
// write another's figures through the API.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatPct } from '../../shared/format';
import { launchChromium } from '../helpers/browser';
import { callerFor, makeTestDb, type TestDb } from '../helpers/db';
import { type RunningServer, startServer } from '../helpers/server';
import { createUser, PASSWORD } from '../helpers/users';

// Senin 23 November 2026 10.00 WIB: November is open, October locked since 10 November 23.59 WIB.
const NOW = Date.parse('2026-11-23T03:00:00.000Z');
let t: TestDb;
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

const counts = () => ({
  realisation: t.db.prepare('SELECT COUNT(*) FROM budget_realisation').pluck().get(),
  sum: t.db.prepare('SELECT SUM(sp2d_rp) FROM budget_realisation').pluck().get(),
  audit: t.db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get(),
});

beforeAll(async () => {
  t = makeTestDb({ demo: 'small', nowMs: NOW });
  createUser(t, 'op-dinkes', 'opd', 'DINKES');
  server = await startServer(t, { client: true });
  browser = await launchChromium();
  context = await browser.newContext({
    viewport: { width: 1920, height: 1080 },
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
  });
  page = await context.newPage();
  await page.goto(`${server.url}/masuk?next=/opd`);
  await page.fill('#login-username', 'op-dinkes');
  await page.fill('#login-password', PASSWORD);
  await page.click('[data-testid="login-submit"]');
  await page.waitForURL(`${server.url}/opd`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  t?.close();
});

/** tRPC over the page's own session (cookie) with the CSRF token from auth.me. */
async function apiAsPage(path: string, input: unknown): Promise<{ status: number; message: string }> {
  const me = (await (await page.request.get(`${server.url}/trpc/auth.me`)).json()) as {
    result: { data: { csrfToken: string } };
  };
  const res = await page.request.post(`${server.url}/trpc/${path}`, {
    data: input,
    headers: { 'x-csrf-token': me.result.data.csrfToken },
  });
  const body = (await res.json()) as { error?: { message: string } };
  return { status: res.status(), message: body.error?.message ?? '' };
}

describe('OPD operator in the browser', () => {
  test('enters November realisation and the executive summary shows the new figure', async () => {
    const before = await callerFor(t).dashboard.overview();
    await page.goto(`${server.url}/opd/realisasi?year=2026&month=11`);
    const row = page.locator('[data-testid^="realisasi-row-"]').first();
    await row.waitFor();
    const id = ((await row.getAttribute('data-testid')) ?? '').replace('realisasi-row-', '');
    await page.fill(`[data-testid="input-sp2d-${id}"]`, '1.250.000.000');
    await page.fill(`[data-testid="input-spj-${id}"]`, '0');
    await page.fill(`[data-testid="input-fisik-${id}"]`, '55,5');
    await page.click(`[data-testid="save-${id}"]`);
    await page.waitForFunction(
      (rowId) =>
        /menunggu|tersimpan|terkirim/i.test(
          document.querySelector(`[data-testid="row-status-${rowId}"]`)?.textContent ?? '',
        ),
      id,
    );
    const stored = t.db
      .prepare('SELECT sp2d_rp, fisik_pct FROM budget_realisation WHERE sub_kegiatan_id = ? AND month = 11')
      .get(Number(id));
    expect(stored).toEqual({ sp2d_rp: 1_250_000_000, fisik_pct: 55.5 });

    const after = await callerFor(t).dashboard.overview();
    expect(after.budget.asOfMonth).toBe(11);
    expect(after.budget.total.realKeuRp - before.budget.total.realKeuRp).toBe(1_250_000_000);
    const wall = await context.newPage();
    await wall.goto(`${server.url}/`);
    await wall.waitForSelector('[data-testid="value-budget-serapan"]');
    await expect
      .poll(async () => wall.locator('[data-testid="value-budget-serapan"]').first().textContent())
      .toBe(formatPct(after.budget.total.serapanPct, 2));
    expect(await wall.locator('[data-testid="freshness-budget"]').first().textContent()).toContain(
      'November 2026',
    );
    await wall.close();
  });

  test('a malformed spreadsheet is refused with every error listed and nothing changes', async () => {
    const before = counts();
    await page.goto(`${server.url}/opd/impor?jenis=realisasi`);
    const code = t.db
      .prepare(
        `SELECT s.code FROM sub_kegiatan s JOIN opd o ON o.id = s.opd_id WHERE o.code = 'DINKES' AND s.year = 2026 LIMIT 1`,
      )
      .pluck()
      .get() as string;
    const csv = [
      'Kode Sub Kegiatan;Tahun;Bulan;Realisasi Keuangan SP2D (Rp);SPJ (Rp);Realisasi Fisik (%)',
      `${code};2026;11;satu juta;0;50`,
      `${code};2026;14;1000;0;150`,
      'BUKAN.KODE;2026;11;1000;0;10',
    ].join('\n');
    await page.setInputFiles('[data-testid="import-file"]', {
      name: 'realisasi-rusak.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.click('[data-testid="import-submit"]');
    await page.waitForSelector('[data-testid="import-errors"]', { timeout: 20_000 });
    const errors = await page.locator('[data-testid="import-error"]').allTextContents();
    expect(errors.length).toBeGreaterThanOrEqual(4);
    const all = errors.join('\n');
    expect(all).toContain('Bulan');
    expect(all).toContain('BUKAN.KODE');
    expect(counts()).toEqual(before);
  });

  test('a locked period shows why and refuses the entry, in the page and through the API', async () => {
    await page.goto(`${server.url}/opd/realisasi?year=2026&month=10`);
    await expect
      .poll(async () => page.locator('[data-testid="locked-reason"]').textContent())
      .toContain('sudah dikunci');
    const row = page.locator('[data-testid^="realisasi-row-"]').first();
    const id = Number(((await row.getAttribute('data-testid')) ?? '').replace('realisasi-row-', ''));
    expect(await page.locator(`[data-testid="input-sp2d-${id}"]`).isDisabled()).toBe(true);
    const version = t.db
      .prepare('SELECT version FROM budget_realisation WHERE sub_kegiatan_id = ? AND month = 10')
      .pluck()
      .get(id) as number | undefined;
    const before = counts();
    const r = await apiAsPage('entry.saveRealisation', {
      subKegiatanId: id,
      month: 10,
      sp2dRp: 1,
      spjRp: 0,
      fisikPct: 1,
      expectedVersion: version ?? null,
    });
    expect(r.status).toBe(403);
    expect(r.message).toContain('Periode Oktober 2026 sudah dikunci');
    expect(counts()).toEqual(before);
  });

  test('one OPD cannot write another OPD figure through the API', async () => {
    const dpupr = t.db
      .prepare(
        `SELECT s.id FROM sub_kegiatan s JOIN opd o ON o.id = s.opd_id WHERE o.code = 'DPUPR' AND s.year = 2026 LIMIT 1`,
      )
      .pluck()
      .get() as number;
    const before = counts();
    const r = await apiAsPage('entry.saveRealisation', {
      subKegiatanId: dpupr,
      month: 11,
      sp2dRp: 1,
      spjRp: 0,
      fisikPct: 1,
    });
    expect(r.status).toBe(403);
    expect(r.message).toBe('Akun ini hanya boleh mengisi data DINKES, bukan DPUPR');
    expect(counts()).toEqual(before);
  });
});
