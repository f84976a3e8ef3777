// Hostile text typed by OPD operators, the meeting secretary and admins (markup and script,
// javascript: URLs, template syntax, ECharts rich-text markup, spreadsheet formulas, bidi controls,
// a very long run) is rendered as text on every wall screen, the display player in a running
// meeting, the office pages and the briefing, in real Chromium with the CSP bypassed (so an
// injection would run, not just be blocked): no script runs, no element or handler is injected,
// and the text a reader must see is there, literally. The briefing PDF carries the same text.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LATE_ROWS } from '../../client/pages/wall/tindakLanjutRows';
import { withoutBidiControls } from '../../shared/format';
import { launchChromium } from '../helpers/browser';
import { makeTestDb, type TestDb } from '../helpers/db';
import { type RunningServer, startServer } from '../helpers/server';
import { callerAs, createUser, principalFor } from '../helpers/users';
import { session } from '../server/security/fixtures';
import { HOSTILE, LONG, XSS_FLAG } from '../server/security/hostile';

const NOW = Date.parse('2026-11-23T03:00:00.000Z'); // Senin, 23 November 2026 10.00 WIB
/** A render takes 5–10 s on an idle machine; other suites share the two cores. */
const RENDER_TIMEOUT_MS = 150_000;

let t: TestDb;
let server: RunningServer;
let browser: Browser;
let meetingId = 0;
let displayToken = '';

const OPD_SHORT = 'Dinkes {hl|x}<b>';
const OPD_NAME = `Dinas Kesehatan ${HOSTILE.img}`;
const TITLE = `HLM ${HOSTILE.img}`;
const CHAIR = HOSTILE.script;
/** Follow-up texts, at most what the overdue list shows. */
const FOLLOW_UPS = [
  HOSTILE.img,
  HOSTILE.svg,
  HOSTILE.javascriptUrl,
  HOSTILE.template,
  HOSTILE.echartsRich,
  HOSTILE.hyperlink,
  HOSTILE.rtl,
  LONG,
].slice(0, LATE_ROWS);
const REPORT = `${HOSTILE.svg} ${HOSTILE.template}`;
const NOTE_ARAHAN = HOSTILE.img;
const NOTE_KEPUTUSAN = `${HOSTILE.javascriptUrl} ${HOSTILE.formula}`;

beforeAll(async () => {
  t = makeTestDb({ demo: 'small', nowMs: NOW });
  createUser(t, 'admin-jahat', 'admin');
  createUser(t, 'sekretaris', 'executive');
  createUser(t, 'op-dinkes', 'opd', 'DINKES');
  createUser(t, 'verif-jahat', 'verifier');
  const admin = callerAs(t, principalFor(t, 'admin-jahat'));
  const chair = callerAs(t, principalFor(t, 'sekretaris'));
  const operator = callerAs(t, principalFor(t, 'op-dinkes'));
  const verifier = callerAs(t, principalFor(t, 'verif-jahat'));

  await admin.admin.updateOpd({ code: 'DINKES', name: OPD_NAME, shortName: OPD_SHORT, active: true });
  await admin.admin.createUser({
    username: 'nama-jahat',
    displayName: HOSTILE.img,
    role: 'executive',
    password: 'Sandi-Jahat-12345',
  });
  const display = await admin.display.create({
    name: `Layar ${HOSTILE.script}`,
    location: HOSTILE.svg,
    playlist: [{ screen: 'tindaklanjut', dwellS: 60 }],
  });
  displayToken = display.token;

  meetingId = (
    await chair.meeting.create({
      kind: 'hlm',
      title: TITLE,
      meetingDate: '2026-10-13',
      chair: CHAIR,
      items: [{ kind: 'opd', opdCode: 'DINKES' }],
      displayIds: [display.id],
    })
  ).id;
  const followUpIds: number[] = [];
  for (const text of FOLLOW_UPS)
    followUpIds.push(
      (await chair.meeting.addFollowUp({ meetingId, ownerOpdCode: 'DINKES', text, dueDate: '2026-11-18' }))
        .id,
    );
  await chair.meeting.addNote({ meetingId, kind: 'arahan', text: NOTE_ARAHAN });
  await chair.meeting.addNote({ meetingId, kind: 'keputusan', text: NOTE_KEPUTUSAN });
  await operator.followUp.report({
    id: followUpIds[0] ?? 0,
    state: 'dalam_proses',
    progressPct: 20,
    text: REPORT,
    expectedVersion: 1,
  });
  await chair.meeting.start({ id: meetingId, expectedVersion: 1 });

  const programme = t.db
    .prepare(
      "SELECT p.id FROM programme p JOIN opd o ON o.id = p.coordinator_opd_id WHERE o.code = 'DINKES' ORDER BY p.id LIMIT 1",
    )
    .pluck()
    .get() as number;
  await operator.entry.saveProgress({
    programmeId: programme,
    period: '2026-11',
    physicalPct: 10,
    spentRp: 0,
    kendala: HOSTILE.img,
    tindakLanjut: HOSTILE.script,
    evidenceUrl: null,
  });
  const figure = t.db
    .prepare(
      `SELECT r.id FROM budget_realisation r JOIN sub_kegiatan s ON s.id = r.sub_kegiatan_id JOIN opd o ON o.id = s.opd_id
        WHERE o.code = 'DINKES' AND s.year = 2026 AND r.month = 10 AND r.verification = 'submitted' ORDER BY r.id LIMIT 1`,
    )
    .pluck()
    .get() as number;
  await verifier.verify.decide({ family: 'budget', id: figure, decision: 'returned', note: HOSTILE.img });

  server = await startServer(t, { client: true });
  browser = await launchChromium();
}, RENDER_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  t?.close();
});

interface Injected {
  flag: unknown;
  images: number;
  handlers: string[];
  scripts: number;
  jsLinks: number;
  frames: number;
}

/** What a successful injection would leave in the page. */
const injected = (page: Page) =>
  page.evaluate((flag): Injected => {
    const all = [...document.querySelectorAll('*')];
    return {
      flag: (window as unknown as Record<string, unknown>)[flag] ?? null,
      images: [...document.images].filter((i) => i.getAttribute('src') === 'x').length,
      handlers: all.flatMap((el) =>
        [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`),
      ),
      scripts: [...document.scripts].filter((s) => (s.textContent ?? '').includes(flag)).length,
      jsLinks: [...document.querySelectorAll('a[href]')].filter((a) =>
        /^\s*javascript:/i.test(a.getAttribute('href') ?? ''),
      ).length,
      frames: document.querySelectorAll('iframe, object, embed').length,
    };
  }, XSS_FLAG);

const CLEAN: Injected = { flag: null, images: 0, handlers: [], scripts: 0, jsLinks: 0, frames: 0 };

async function open(url: string, as: string | null, width = 1920, height = 1080): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height },
    deviceScaleFactor: 1,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    // With the CSP out of the way an injected handler would run: the rendering itself must be inert.
    bypassCSP: true,
  });
  if (as) {
    const { token } = session(t, as);
    await context.addCookies([{ name: 'adiguna_sesi', value: token, url: server.url }]);
  }
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  (page as Page & { errors?: string[] }).errors = errors;
  await page.goto(`${server.url}${url}`);
  return page;
}

/** Waits until every string is in the page's visible text, literally. */
async function shows(page: Page, texts: readonly string[]): Promise<void> {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  await page
    .waitForFunction(
      (want) => {
        // biome-ignore lint/performance/useDomNodeTextContent: the rendered text a reader sees is the point
        const body = (document.body.innerText ?? '').replace(/\s+/g, ' ');
        return want.every((w) => body.includes(w));
      },
      texts.map(norm),
      { timeout: 30_000 },
    )
    .catch(async () => {
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text a reader sees is the point
      const body = norm((await page.evaluate(() => document.body.innerText)) ?? '');
      throw new Error(
        `missing on ${page.url()}: ${texts.filter((s) => !body.includes(norm(s))).join(' | ')}`,
      );
    });
}

async function check(page: Page, texts: readonly string[], ready?: string): Promise<void> {
  if (ready) await page.waitForSelector(ready, { timeout: 30_000 });
  await shows(page, texts);
  expect(await injected(page)).toEqual(CLEAN);
  expect((page as Page & { errors?: string[] }).errors ?? []).toEqual([]);
  await page.context().close();
}

const wall = (screen: string) => `[data-testid="page-${screen}"][data-state="ready"]`;

describe('hostile text on the wall screens is text', () => {
  test('Tindak Lanjut HLM: every overdue follow-up, its OPD and meeting, literally', async () => {
    // A long text may be cut short on the wall; its beginning is there as text. Bidi controls are
    // dropped when the text is saved (shared/format.ts), so none reaches the wall.
    const texts = FOLLOW_UPS.map((s) => (s === LONG ? LONG.slice(0, 40) : withoutBidiControls(s)));
    const page = await open('/wall/tindaklanjut', null);
    await page.waitForSelector(wall('tindaklanjut'), { timeout: 30_000 });
    await shows(page, [...texts, OPD_SHORT]);
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text a reader sees is the point
    expect(await page.evaluate(() => /[\u202A-\u202E\u2066-\u2069]/.test(document.body.innerText))).toBe(
      false,
    );
    await check(page, [...texts, OPD_SHORT]);
  });

  test.each([
    ['ringkasan', '/wall/ringkasan'],
    ['anggaran', '/wall/anggaran?opd=DINKES'],
    ['layanan', '/wall/layanan'],
    ['spbe', '/wall/spbe'],
    ['kepatuhan', '/wall/kepatuhan'],
    ['pilar', '/wall/pilar/LIV'],
  ])('%s (charts, tiles and the ticker)', async (screen, url) => {
    const page = await open(url, null);
    await page.waitForSelector(wall(screen), { timeout: 30_000 });
    // The ticker names overdue follow-ups; the kepatuhan wall names the OPD.
    await check(page, screen === 'kepatuhan' ? [OPD_SHORT] : screen === 'ringkasan' ? [HOSTILE.img] : []);
  });

  test('the display player while the meeting runs on it', async () => {
    const page = await open(`/layar?t=${displayToken}`, null);
    await page.waitForSelector('[data-testid^="page-"], [data-testid*="room"]', { timeout: 30_000 });
    await check(page, [OPD_SHORT]);
  });
});

describe('hostile text on the office pages is text', () => {
  test.each([
    ['the OPD home (returned figure with its note)', '/opd', 'op-dinkes', [HOSTILE.img]],
    [
      'the OPD follow-ups with the latest report',
      '/opd/tindak-lanjut',
      'op-dinkes',
      [REPORT, HOSTILE.svg, TITLE],
    ],
    ['programme progress', '/opd/progres', 'op-dinkes', []],
    ['verification', '/verifikasi', 'verif-jahat', []],
    ['the meeting list', '/rapat', 'sekretaris', [TITLE]],
    ['the meeting page', `/rapat/{id}`, 'sekretaris', [TITLE, NOTE_ARAHAN, NOTE_KEPUTUSAN, HOSTILE.template]],
    ['the briefing print view', `/rapat/{id}/briefing`, 'sekretaris', [TITLE, CHAIR, NOTE_ARAHAN]],
    ['administration (users, displays)', '/admin', 'admin-jahat', [HOSTILE.img, `Layar ${HOSTILE.script}`]],
    ['compliance', '/kepatuhan', 'admin-jahat', []],
    ['the audit trail', '/audit', 'admin-jahat', []],
  ] as const)('%s', async (_name, url, as, texts) => {
    const page = await open(url.replace('{id}', String(meetingId)), as);
    await page.waitForSelector('main, [data-briefing-ready], body[data-ready]', { timeout: 30_000 });
    if (url === '/opd/progres')
      // The operator's own kendala comes back into its form field, as a value.
      await page.waitForFunction(
        (want) =>
          [...document.querySelectorAll('textarea, input')].some(
            (e) => (e as HTMLInputElement).value === want,
          ),
        HOSTILE.img,
        { timeout: 30_000 },
      );
    await check(page, texts);
  });
});

describe('the briefing PDF', () => {
  test(
    'prints the hostile meeting text literally, in the body and in the page footer',
    async () => {
      const { cookie } = session(t, 'sekretaris');
      const res = await fetch(`${server.url}/api/meetings/${meetingId}/briefing.pdf`, {
        headers: { cookie },
      });
      expect(res.status).toBe(200);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'adiguna-inert-'));
      try {
        const file = path.join(dir, 'briefing.pdf');
        fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
        const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
        for (const s of [TITLE, CHAIR, NOTE_ARAHAN, HOSTILE.template])
          expect(text, s).toContain(s.replace(/\s+/g, ' '));
        // The footer template is HTML: the title is in it as text, on every page.
        const pages = Number(res.headers.get('x-page-count'));
        expect(text.split(TITLE).length - 1).toBeGreaterThanOrEqual(pages);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    RENDER_TIMEOUT_MS,
  );
});
