// The executive summary in real Chromium: every chart really painted (non-blank canvas pixels),
// the figures on screen are the API's figures through the shared formatters, and screenshots at
// 1920×1080 and 3840×2160 are kept in tests/.artifacts for a person to look at.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatIndex, formatPct, formatPoin, formatRupiahShort } from '../../shared/format';
import { launchChromium } from '../helpers/browser';
import { paintedShare } from '../helpers/charts';
import { callerFor, makeTestDb, type TestDb } from '../helpers/db';
import { type RunningServer, startServer } from '../helpers/server';
import { saveFirstRealisation } from '../helpers/writes';

const ARTIFACTS = path.resolve('tests/.artifacts');
const NOW = Date.parse('2026-11-23T03:00:00.000Z');

let t: TestDb;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  t = makeTestDb({ demo: 'small', nowMs: NOW });
  server = await startServer(t, { client: true });
  browser = await launchChromium();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  t?.close();
});

async function openWall(width: number, height: number): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height },
    deviceScaleFactor: 1,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}/`);
  await page.waitForSelector('[data-testid="page-ringkasan"]');
  // Every chart container flags data-painted once ECharts reports 'finished'.
  await page.waitForFunction(
    () => {
      const charts = [...document.querySelectorAll('[data-testid^="chart-"]')];
      return charts.length > 0 && charts.every((c) => c.getAttribute('data-painted') === 'true');
    },
    undefined,
    { timeout: 20_000 },
  );
  expect(errors).toEqual([]);
  return page;
}

const text = async (page: Page, id: string) =>
  (await page.locator(`[data-testid="${id}"]`).first().textContent()) ?? '';

describe('Ringkasan Eksekutif in Chromium', () => {
  test('every chart paints visible pixels at 1920×1080', async () => {
    const page = await openWall(1920, 1080);
    const shares = await paintedShare(page);
    expect(Object.keys(shares)).toEqual(expect.arrayContaining(['chart-budget-scurve', 'chart-spbe-trend']));
    for (const [id, share] of Object.entries(shares)) {
      expect(share, `${id} looks blank`).toBeGreaterThan(0.01);
    }
    await page.screenshot({ path: path.join(ARTIFACTS, 'ringkasan-1920x1080.png') });
    await page.context().close();
  });

  test('the figures on screen are the API figures through the shared formatters', async () => {
    const page = await openWall(1920, 1080);
    const o = await callerFor(t).dashboard.overview();
    expect(await text(page, 'value-budget-serapan')).toBe(formatPct(o.budget.total.serapanPct, 2));
    expect(await text(page, 'value-budget-target')).toBe(formatPct(o.budget.total.targetKeuPct, 2));
    expect(await text(page, 'value-budget-deviasi')).toBe(formatPoin(o.budget.total.deviasiKeuPoin));
    expect(await text(page, 'value-budget-pagu')).toBe(formatRupiahShort(o.budget.total.paguRp));
    expect(await text(page, 'value-spbe-index')).toBe(formatIndex(o.spbe.latest?.index ?? null));
    expect(await text(page, 'value-spbe-predikat')).toBe(o.spbe.latest?.predikat ?? '—');
    expect(await text(page, 'value-services-ontime')).toBe(formatPct(o.services.onTimePct, 1));
    expect(await text(page, 'value-complaints-24h')).toBe(
      formatPct(o.complaints.total.firstResponseWithinTargetPct, 1),
    );
    expect(await text(page, 'value-ikm')).toBe(formatIndex(o.ikm.value));
    for (const p of o.pillars.items) {
      expect(await text(page, `value-pillar-${p.code}-progress`)).toBe(formatPct(p.weightedProgressPct, 1));
    }
    expect(await page.locator('[data-testid="badge-demo"]').count()).toBeGreaterThan(0);
    for (const tile of ['budget', 'spbe', 'services']) {
      expect(await text(page, `freshness-${tile}`)).toMatch(/data s\.d\.|data TA|diperbarui/);
    }
    await page.context().close();
  });

  test('at 3840×2160 the canvas scales ×2 and still paints', async () => {
    const page = await openWall(3840, 2160);
    const shares = await paintedShare(page);
    for (const [id, share] of Object.entries(shares))
      expect(share, `${id} looks blank`).toBeGreaterThan(0.01);
    const box = await page.locator('[data-testid="page-ringkasan"]').boundingBox();
    expect(box?.width).toBeCloseTo(3840, -1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'ringkasan-3840x2160.png') });
    await page.context().close();
  });
});

describe('verified share on the wall', () => {
  test('the budget tile shows what share of the figures the verifier approved, as the API says', async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.waitForSelector('[data-testid="verified-budget"]');
    const o = await callerFor(t).dashboard.overview();
    expect(await page.locator('[data-testid="verified-budget"]').textContent()).toBe(
      `${formatPct(o.budget.freshness.verifiedPct, 0)} terverifikasi`,
    );
    await context.close();
  });
});

describe('live updates', () => {
  test('a figure committed on the server reaches an open wall without a reload, well before the next poll', async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.waitForSelector('[data-testid="value-budget-serapan"]');
    // Let the SSE subscription open before writing.
    await expect.poll(() => server.bus.listenerCount(), { timeout: 10_000 }).toBeGreaterThan(0);
    const shown = () => page.locator('[data-testid="value-budget-serapan"]').first().textContent();
    const before = await shown();
    const started = Date.now();
    saveFirstRealisation(t, { sp2dRp: 90_000_000_000, fisikPct: 50 }, { bus: server.bus, nowMs: NOW });
    const expected = formatPct((await callerFor(t).dashboard.overview()).budget.total.serapanPct, 2);
    expect(expected).not.toBe(before);
    await expect.poll(shown, { timeout: 5_000, interval: 50 }).toBe(expected);
    // The wall polls every 60 s; this arrived through live.changes.
    expect(Date.now() - started).toBeLessThan(5_000);
    await context.close();
  });
});
