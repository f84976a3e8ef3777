// The deeper wall screens (Anggaran, Layanan, SPBE) in real Chromium at 1920×1080 and 3840×2160:
// every chart paints (non-blank canvas pixels), figures on screen are the API's through the shared
// formatters, and screenshots are kept in tests/.artifacts for a person to look at.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatDurationMin, formatIndex, formatNumber, formatPct, formatPoin } from '../../shared/format';
import { launchChromium } from '../helpers/browser';
import { paintedShare } from '../helpers/charts';
import { callerFor, makeTestDb, type TestDb } from '../helpers/db';
import { type RunningServer, startServer } from '../helpers/server';

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

const SCREENS = {
  anggaran: ['chart-anggaran-scurve', 'chart-anggaran-groups', 'chart-anggaran-sources'],
  layanan: ['chart-layanan-channels'],
  spbe: ['chart-spbe-years', 'chart-spbe-domains', 'chart-spbe-aspects'],
  kepatuhan: [],
  'pilar/GOV': ['chart-pilar-programmes'],
} as const;

/** page-<screen>; every pillar shares page-pilar. */
const pageId = (screen: string) => `page-${screen.split('/')[0]}`;

async function openScreen(screen: keyof typeof SCREENS, width: number, height: number): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height },
    deviceScaleFactor: 1,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}/wall/${screen}`);
  await page.waitForSelector(`[data-testid="${pageId(screen)}"][data-state="ready"]`, { timeout: 20_000 });
  await page.waitForFunction(
    (expected) => {
      const charts = [...document.querySelectorAll('[data-testid^="chart-"]')];
      return charts.length === expected && charts.every((c) => c.getAttribute('data-painted') === 'true');
    },
    SCREENS[screen].length,
    { timeout: 20_000 },
  );
  expect(errors).toEqual([]);
  return page;
}

/** Tiles whose content does not fit their box (the tile or its body would have to scroll). */
async function overflowingTiles(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid^="tile-"]')]
      .filter((tile) => {
        const body = tile.querySelector('.tile-body');
        return (
          tile.scrollHeight > tile.clientHeight + 1 || (body && body.scrollHeight > body.clientHeight + 1)
        );
      })
      .map((el) => el.getAttribute('data-testid') ?? '?'),
  );
}

const text = async (page: Page, id: string) =>
  (await page.locator(`[data-testid="${id}"]`).first().textContent()) ?? '';

describe('deeper wall screens in Chromium', () => {
  for (const [screen, charts] of Object.entries(SCREENS) as [keyof typeof SCREENS, readonly string[]][]) {
    test(`${screen}: every chart paints and no tile overflows, at 1920×1080 and 3840×2160`, async () => {
      for (const [w, h] of [
        [1920, 1080],
        [3840, 2160],
      ] as const) {
        const page = await openScreen(screen, w, h);
        const shares = await paintedShare(page);
        expect(Object.keys(shares).sort()).toEqual([...charts].sort());
        for (const [id, share] of Object.entries(shares))
          expect(share, `${id} looks blank`).toBeGreaterThan(0.01);
        expect(await overflowingTiles(page)).toEqual([]);
        const box = await page.locator(`[data-testid="${pageId(screen)}"]`).boundingBox();
        expect(box?.width).toBeCloseTo(w, -1);
        await page.screenshot({
          path: path.join(ARTIFACTS, `wall-${screen.replace('/', '-')}-${w}x${h}.png`),
        });
        await page.context().close();
      }
    });
  }

  test('anggaran shows the API figures through the shared formatters', async () => {
    const page = await openScreen('anggaran', 1920, 1080);
    const a = await callerFor(t).budget.absorption();
    expect(await text(page, 'value-anggaran-serapan')).toBe(formatPct(a.total.serapanPct, 2));
    expect(await text(page, 'value-anggaran-deviasi')).toBe(formatPoin(a.total.deviasiKeuPoin, 2));
    const worst = a.byOpd[0];
    if (!worst) throw new Error('no OPD');
    expect(await text(page, `opd-${worst.key}-serapan`)).toBe(formatPct(worst.serapanPct, 1));
    expect(await text(page, `opd-${worst.key}-deviasi`)).toBe(formatPoin(worst.deviasiKeuPoin, 1));
    const red = a.byOpd.filter((o) => o.colour === 'merah').length;
    expect(await text(page, 'value-anggaran-redzone')).toBe(`Zona merah: ${formatNumber(red, 0)} OPD`);
    const dak = a.bySource.find((s) => s.key === 'DAK_FISIK');
    expect(await text(page, 'value-dak-serapan')).toBe(formatPct(dak?.serapanPct ?? null, 1));
    expect(await page.locator('[data-testid^="freshness-anggaran-"]').count()).toBe(4);
    await page.context().close();
  });

  test('layanan shows the API figures and all 18 kecamatan on the tile map', async () => {
    const page = await openScreen('layanan', 1920, 1080);
    const s = await callerFor(t).services.summary();
    expect(s.byKecamatan).toHaveLength(18);
    for (const k of s.byKecamatan) {
      expect(await text(page, `kecamatan-${k.code}-value`)).toBe(formatPct(k.onTimePct, 1));
    }
    expect(await text(page, 'value-complaints-24h')).toBe(
      formatPct(s.complaints.total[0]?.firstResponseWithinTargetPct ?? null, 1),
    );
    const shown = page.locator('[data-testid^="service-"][data-colour]');
    const code = (await shown.first().getAttribute('data-testid'))?.replace('service-', '') ?? '';
    const svc = s.services.find((x) => x.serviceCode === code);
    expect(await text(page, `service-${code}-median`)).toBe(formatDurationMin(svc?.medianMin ?? null));
    expect(await text(page, `service-${code}-ontime`)).toBe(formatPct(svc?.onTimePct ?? null, 1));
    for (const tile of ['services', 'kecamatan', 'complaints', 'ikm']) {
      expect(await text(page, `freshness-layanan-${tile}`)).toMatch(/data s\.d\.|data |diperbarui/);
    }
    await page.context().close();
  });

  test('kepatuhan groups every OPD by the previous month budget reporting state, as the API says', async () => {
    const page = await openScreen('kepatuhan', 1920, 1080);
    const a = await callerFor(t).budget.absorption();
    const [y, m] = a.asOf.split('-').map(Number) as [number, number];
    const period = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
    const c = await callerFor(t).compliance.byPeriod({ family: 'budget', period });
    for (const state of ['tepat_waktu', 'terlambat', 'belum_melapor', 'belum'] as const) {
      const n = c.rows.filter((r) => r.state === state).length;
      expect(await text(page, `value-kepatuhan-${state}`)).toBe(`${formatNumber(n, 0)} OPD`);
    }
    expect(await page.locator('[data-testid^="kepatuhan-opd-"]').count()).toBe(c.rows.length);
    await page.context().close();
  });

  test('pilar/GOV shows the pillar and its behind-plan programmes as the API says', async () => {
    const page = await openScreen('pilar/GOV', 1920, 1080);
    const d = await callerFor(t).masterplan.programmes();
    const gov = d.pillars.items.find((p) => p.code === 'GOV');
    if (!gov) throw new Error('no GOV pillar');
    expect(await text(page, 'value-pilar-GOV-progress')).toBe(formatPct(gov.weightedProgressPct, 1));
    expect(await text(page, 'value-pilar-GOV-deviasi')).toBe(formatPoin(gov.deviationPoin, 1));
    const first = gov.behindPlan[0];
    if (first)
      expect(await text(page, `behind-${first.code}-deviasi`)).toBe(formatPoin(first.deviationPoin, 1));
    await page.context().close();
  });

  test('spbe shows the latest index and predikat, and marks its band', async () => {
    const page = await openScreen('spbe', 1920, 1080);
    const r = await callerFor(t).spbe.results();
    // The server's latest result (newest verified, else newest self): the same the summary shows.
    const { latest } = r;
    expect(latest).toEqual((await callerFor(t).dashboard.overview()).spbe.latest);
    expect(await text(page, 'value-spbe-index')).toBe(formatIndex(latest?.index ?? null));
    expect(await text(page, 'value-spbe-predikat')).toBe(latest?.predikat ?? '—');
    expect(await page.locator('[data-testid="spbe-bands"] li[data-current="true"]').count()).toBe(
      latest?.predikat ? 1 : 0,
    );
    await page.context().close();
  });
});
