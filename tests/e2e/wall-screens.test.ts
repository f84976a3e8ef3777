// The deeper wall screens (Anggaran, Layanan, SPBE) in real Chromium at 1920×1080 and 3840×2160:
// every chart paints (non-blank canvas pixels), figures on screen are the API's through the shared
// formatters, and screenshots are kept in tests/.artifacts for a person to look at.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BEHIND_ROWS, PROGRAMME_ROWS } from '../../client/pages/wall/pilarRows';
import {
  formatDurationMin,
  formatIndex,
  formatIndexLoss,
  formatNumber,
  formatPct,
  formatPoin,
  formatRupiahShort,
} from '../../shared/format';
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
  ringkasan: ['chart-budget-scurve', 'chart-spbe-trend'],
  anggaran: ['chart-anggaran-scurve', 'chart-anggaran-groups', 'chart-anggaran-sources'],
  layanan: ['chart-layanan-channels'],
  spbe: ['chart-spbe-years', 'chart-spbe-domains', 'chart-spbe-aspects'],
  kepatuhan: [],
  'pilar/GOV': ['chart-pilar-programmes', 'chart-pilar-curve'],
  tindaklanjut: [],
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
    test(`${screen}: every chart paints and no tile overflows, at 1920×1080, 3840×2160 and 5120×1440`, async () => {
      for (const [w, h] of [
        [1920, 1080],
        [3840, 2160],
        // A 32:9 video wall: the canvas widens to 3840 logical pixels and takes the wide layout.
        [5120, 1440],
      ] as const) {
        const page = await openScreen(screen, w, h);
        const shares = await paintedShare(page);
        expect(Object.keys(shares).sort()).toEqual([...charts].sort());
        for (const [id, share] of Object.entries(shares))
          expect(share, `${id} looks blank`).toBeGreaterThan(0.01);
        expect(await overflowingTiles(page)).toEqual([]);
        const box = await page.locator(`[data-testid="${pageId(screen)}"]`).boundingBox();
        expect(box?.width).toBeCloseTo(w, -1);
        expect(box?.height).toBeCloseTo(h, -1);
        const stage = page.locator('.stage');
        await expect(stage.getAttribute('data-width')).resolves.toBe(w / h > 3 ? '3840' : '1920');
        await expect(stage.evaluate((el) => el.classList.contains('stage--wide'))).resolves.toBe(w / h > 3);
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

  test('pilar/GOV shows the pillar, its programmes with their status, the curve, the budget and the behind-plan list as the API says', async () => {
    const page = await openScreen('pilar/GOV', 1920, 1080);
    const d = await callerFor(t).masterplan.pillar({ code: 'GOV' });
    const gov = d.pillar;
    // The same pillar figures as every other screen shows.
    const m = await callerFor(t).masterplan.programmes();
    expect(gov).toEqual(m.pillars.items.find((p) => p.code === 'GOV'));
    expect(await text(page, 'value-pilar-GOV-progress')).toBe(formatPct(gov.weightedProgressPct, 1));
    expect(await text(page, 'value-pilar-GOV-deviasi')).toBe(formatPoin(gov.deviationPoin, 1));

    // Every programme (they fit) with its status word, as the chart draws it.
    expect(d.programmes.length).toBeGreaterThan(0);
    expect(d.programmes.length).toBeLessThanOrEqual(PROGRAMME_ROWS);
    const words = {
      belum_mulai: 'Belum mulai',
      berjalan: 'Berjalan',
      selesai: 'Selesai',
      tertunda: 'Tertunda',
    };
    for (const p of d.programmes) {
      expect(await page.locator(`[data-testid="programme-${p.code}"]`).getAttribute('data-status')).toBe(
        p.status,
      );
      expect(await text(page, `programme-${p.code}-status`)).toBe(words[p.status]);
    }

    // The curve: plan for every month, progress up to the as-of month, meeting the pillar figures there.
    const asOf = d.curve.asOfMonth;
    if (asOf === null) throw new Error('no as-of month on the curve');
    for (const p of d.curve.points) {
      expect(await text(page, `curve-${p.month}-plan`)).toBe(formatPct(p.planPct, 1));
      expect(await text(page, `curve-${p.month}-actual`)).toBe(formatPct(p.actualPct, 1));
    }
    expect(await text(page, `curve-${asOf}-actual`)).toBe(formatPct(gov.weightedProgressPct, 1));
    expect(await text(page, `curve-${asOf}-plan`)).toBe(formatPct(gov.weightedPlanPct, 1));
    expect(await text(page, `curve-${asOf + 1}-actual`)).toBe('—');

    // The budget of the sub kegiatan behind the pillar's programmes.
    const b = d.budget.total;
    expect(b.paguRp).toBeGreaterThan(0);
    expect(await text(page, 'value-pilar-budget-pagu')).toBe(formatRupiahShort(b.paguRp));
    expect(await text(page, 'value-pilar-budget-serapan')).toBe(formatPct(b.serapanPct, 2));
    expect(await text(page, 'value-pilar-budget-target')).toBe(formatPct(b.targetKeuPct, 2));
    expect(await text(page, 'value-pilar-budget-deviasi')).toBe(formatPoin(b.deviasiKeuPoin, 2));
    expect(await text(page, 'value-pilar-budget-fisik')).toBe(formatPct(b.fisikPct, 1));
    expect(await page.locator('[data-testid="tile-pilar-budget"] .status').getAttribute('data-colour')).toBe(
      b.colour,
    );

    // Behind plan by name and OPD, worst first.
    const shown = gov.behindPlan.slice(0, BEHIND_ROWS);
    expect(shown.length).toBeGreaterThan(0);
    for (const p of shown) {
      expect(await text(page, `behind-${p.code}-deviasi`)).toBe(formatPoin(p.deviationPoin, 1));
      expect(await text(page, `behind-${p.code}-opd`)).toBe(p.opdName);
    }

    // Readable from 4 m: no visible text on the 1920×1080 canvas under 20 px.
    const small = await page.locator('[data-testid="page-pilar"] .screen-body').evaluate((body) =>
      [...body.querySelectorAll('*')]
        .filter((el) => !el.closest('.sr-only'))
        .filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent?.trim()))
        .filter((el) => Number.parseFloat(getComputedStyle(el).fontSize) < 20)
        .map((el) => el.textContent),
    );
    expect(small).toEqual([]);
    await page.context().close();
  });

  test('pilar with an unknown code says so, without a lost-connection badge', async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'id-ID' });
    const page = await context.newPage();
    await page.goto(`${server.url}/wall/pilar/XYZ`);
    await page.waitForSelector('[data-testid="pilar-unknown"]', { timeout: 20_000 });
    expect(await text(page, 'pilar-unknown')).toBe('Pilar XYZ tidak ada');
    expect(await page.locator('[data-testid="page-pilar"]').getAttribute('data-state')).toBe('ready');
    expect(await page.locator('[data-testid="badge-disconnected"]').count()).toBe(0);
    await context.close();
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

  test('spbe lists the weakest indicators in the API order with level, points lost and owner', async () => {
    const page = await openScreen('spbe', 1920, 1080);
    const { weakest } = await callerFor(t).spbe.results();
    expect(weakest).toHaveLength(8); // the demo's latest result has more than 8 indicators below 5
    expect(weakest.every((w) => w.owner !== null)).toBe(true); // the reference data names every owner
    const rows = page.locator('[data-testid="spbe-weakest"] > li');
    expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))).toEqual(
      weakest.map((w) => `weakest-${w.no}`),
    );
    for (const w of weakest) {
      expect(await text(page, `weakest-${w.no}-no`)).toBe(formatNumber(w.no, 0));
      // The wall drops the "Tingkat Kematangan" every SPBE indicator name starts with.
      expect(await text(page, `weakest-${w.no}-name`)).toBe(w.name.replace(/^Tingkat Kematangan /, ''));
      expect(await text(page, `weakest-${w.no}-level`)).toBe(
        w.level === null ? 'Belum dinilai' : `Level ${w.level}${w.levelName ? ` · ${w.levelName}` : ''}`,
      );
      expect(await text(page, `weakest-${w.no}-lost`)).toBe(formatIndexLoss(w.pointsLost));
      expect(await text(page, `weakest-${w.no}-owner`)).toBe(w.owner?.shortName);
    }
    // Readable from 4 m: no text in the tile under 20 px on the 1920×1080 canvas, none cut off.
    const small = await page.locator('[data-testid="tile-spbe-weakest"]').evaluate((tile) =>
      [...tile.querySelectorAll('*')]
        .filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent?.trim()))
        .filter((el) => Number.parseFloat(getComputedStyle(el).fontSize) < 20)
        .map((el) => el.textContent),
    );
    expect(small).toEqual([]);
    const cut = await page
      .locator('.s-weak-name, .s-weak-owner, .s-weak-lost')
      .evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent));
    expect(cut).toEqual([]);
    await page.context().close();
  });
});
