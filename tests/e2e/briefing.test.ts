// The briefing of a meeting, over real HTTP and real Chromium: the demo seed's HLM (closed, its
// figures frozen) downloaded as a PDF by a signed-in executive, checked with poppler (page count,
// A4, the text a reader must find, no empty page) and rendered page by page to PNG for a person to
// look at (tests/.artifacts/briefing/, /tmp/shots-briefing/); the planned meeting's preview; who
// is refused and how; one render at a time; the print view itself for a signed-in reader.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../server/app';
import {
  BriefingTimeoutError,
  briefingBusy,
  meetingViewFor,
  pdfPageCount,
  renderBriefingPdf,
} from '../../server/briefing';
import { listMeetings } from '../../server/db/queries/meetings';
import { launchChromium } from '../helpers/browser';
import { paintedShare } from '../helpers/charts';
import { makeTestDb, type TestDb } from '../helpers/db';
import { type RunningServer, startServer } from '../helpers/server';
import { callerAs, createUser, PASSWORD, principalFor } from '../helpers/users';

const NOW = Date.parse('2026-11-23T03:00:00.000Z'); // Senin, 23 November 2026 10.00 WIB
const ARTIFACTS = path.resolve('tests/.artifacts/briefing');
const SHOTS = '/tmp/shots-briefing';
/** A render takes 5–10 s on an idle machine; other suites share the two cores. */
const RENDER_TIMEOUT_MS = 150_000;

function poppler(tool: 'pdfinfo' | 'pdftotext' | 'pdftoppm', args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error(`${tool} is missing: apt-get install -y poppler-utils`);
    throw err;
  }
}

/** Chromium processes this test process still has running (a render must leave none). */
function chromiumChildren(): string[] {
  let out = '';
  try {
    out = execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(process.pid)], { encoding: 'utf8' });
  } catch {
    // ps exits 1 when the process has no children at all.
  }
  return out
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /chrom/i.test(l));
}

const pdfText = (file: string, page?: number) =>
  execFileSync(
    'pdftotext',
    [...(page ? ['-f', String(page), '-l', String(page)] : []), '-layout', file, '-'],
    {
      encoding: 'utf8',
    },
  );

let t: TestDb;
let server: RunningServer;
let cookies: Record<string, string>;
let displayToken: string;
let hlm: ReturnType<typeof listMeetings>[number];
let planned: ReturnType<typeof listMeetings>[number];

async function login(username: string): Promise<string> {
  const res = await fetch(`${server.url}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  expect(res.status, `login ${username}`).toBe(200);
  return res.headers.get('set-cookie')?.split(';')[0] ?? '';
}

const pdfOf = (id: number | string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/meetings/${id}/briefing.pdf`, { headers });

beforeAll(async () => {
  t = makeTestDb({ demo: 'small', nowMs: NOW });
  createUser(t, 'pimpinan', 'executive');
  createUser(t, 'verifikator', 'verifier');
  createUser(t, 'operator-dlh', 'opd', 'DLH');
  createUser(t, 'admin-layar', 'admin');
  const display = await callerAs(t, principalFor(t, 'admin-layar')).display.create({
    name: 'OR Graha Adiguna',
    playlist: [{ screen: 'ringkasan', dwellS: 30 }],
  });
  displayToken = display.token;
  const meetings = listMeetings(t.db, 10);
  const first = meetings.find((m) => m.kind === 'hlm' && m.state === 'closed');
  const next = meetings.find((m) => m.state === 'planned');
  if (!first || !next)
    throw new Error(`demo meetings missing: ${JSON.stringify(meetings.map((m) => m.title))}`);
  hlm = first;
  planned = next;
  server = await startServer(t, { client: true });
  cookies = {
    pimpinan: await login('pimpinan'),
    verifikator: await login('verifikator'),
    operator: await login('operator-dlh'),
  };
  fs.rmSync(ARTIFACTS, { recursive: true, force: true });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.rmSync(SHOTS, { recursive: true, force: true });
  fs.mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await server?.close();
  t?.close();
});

describe('the demo meetings', () => {
  test('the small demo holds a closed HLM with frozen figures, GOV, ENV and DLH, and three follow-ups', async () => {
    const chair = callerAs(t, principalFor(t, 'pimpinan'));
    const view = await chair.meeting.view({ id: hlm.id });
    expect(view.frozen).toBe(true);
    expect(view.snapshot.asOf).toBe(hlm.meetingDate);
    expect(hlm.meetingDate < '2026-11-23').toBe(true);
    expect(view.items.map((i) => [i.kind, i.pillarCode ?? i.opdCode])).toEqual([
      ['pillar', 'GOV'],
      ['pillar', 'ENV'],
      ['opd', 'DLH'],
    ]);
    expect(view.decided.notes.map((n) => n.kind).sort()).toEqual([
      'arahan',
      'arahan',
      'keputusan',
      'keputusan',
    ]);
    // As of the demo's "now": one done, one in progress, one overdue.
    const owners = view.decided.followUps.items.map((f) => f.ownerOpdCode).sort();
    expect(owners).toEqual(['DINKOMINFO', 'DLH', 'SETDA']);
    const board = await chair.followUp.board();
    const mine = board.items.filter((f) => f.meetingId === hlm.id);
    expect(mine.map((f) => [f.ownerOpdCode, f.state]).sort()).toEqual([
      ['DLH', 'dalam_proses'],
      ['SETDA', 'terlambat'],
    ]);
    expect(view.decided.followUps.items.find((f) => f.ownerOpdCode === 'DINKOMINFO')?.doneAt).not.toBeNull();
  });

  test('the planned next meeting opens its agenda with the overdue follow-up, its figures not frozen', async () => {
    const view = await callerAs(t, principalFor(t, 'pimpinan')).meeting.view({ id: planned.id });
    expect(planned.meetingDate > '2026-11-23').toBe(true);
    expect(view.frozen).toBe(false);
    expect(view.items[0]).toMatchObject({ kind: 'followups', auto: 1 });
    expect(view.snapshot.carriedOver.items.map((f) => [f.ownerOpdCode, f.state])).toContainEqual([
      'SETDA',
      'terlambat',
    ]);
  });
});

describe('the briefing PDF', () => {
  test(
    'an executive downloads the demo HLM briefing: A4 pages with its title, figures date, pillars, decisions and owners',
    async () => {
      const started = Date.now();
      const res = await pdfOf(hlm.id, { cookie: cookies.pimpinan ?? '' });
      const body = Buffer.from(await res.arrayBuffer());
      expect(res.status, body.toString('utf8').slice(0, 300)).toBe(200);
      console.log(`[briefing] rendered in ${Date.now() - started} ms, ${Math.round(body.length / 1024)} KB`);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="briefing-hlm-${hlm.meetingDate}.pdf"`,
      );
      const file = path.join(ARTIFACTS, `briefing-hlm-${hlm.meetingDate}.pdf`);
      fs.writeFileSync(file, body);

      const info = poppler('pdfinfo', [file]);
      const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
      console.log(`[briefing] demo HLM briefing: ${pages} pages`);
      // Cover and summary, then a page for each of GOV, ENV and DLH, then follow-ups and decisions.
      expect(pages).toBeGreaterThanOrEqual(5);
      expect(pages).toBeLessThanOrEqual(12);
      expect(pdfPageCount(body)).toBe(pages);
      expect(res.headers.get('x-page-count')).toBe(String(pages));
      // A4 is 595,28 × 841,89 pt; Chromium rounds to its own pixel grid.
      const size = /Page size:\s+([\d.]+) x ([\d.]+) pts \(A4\)/.exec(info);
      expect(Math.abs(Number(size?.[1]) - 595.28), info).toBeLessThan(1);
      expect(Math.abs(Number(size?.[2]) - 841.89), info).toBeLessThan(1);

      const text = pdfText(file).replace(/\s+/g, ' ');
      const view = await callerAs(t, principalFor(t, 'pimpinan')).meeting.view({ id: hlm.id });
      expect(text).toContain(hlm.title);
      expect(text).toContain('Angka per');
      expect(text).not.toContain('Pratinjau');
      for (const code of ['GOV', 'ENV']) {
        const name = view.snapshot.pillars[code]?.pillar.name;
        if (!name) throw new Error(`pillar ${code} missing from the snapshot`);
        expect(text).toContain(`Pilar ${name}`);
      }
      expect(text).toContain('OPD: DLH');
      const decision = view.decided.notes.find((n) => n.kind === 'keputusan');
      if (!decision) throw new Error('no keputusan in the demo meeting');
      // pdftotext wraps long lines; compare the decision's first words.
      expect(text).toContain(decision.text.split(' ').slice(0, 6).join(' '));
      for (const f of view.decided.followUps.items) expect(text).toContain(f.ownerOpdName);
      expect(text).toMatch(/Halaman 1 dari \d+/);

      // No empty page: each carries more than its footer.
      for (let p = 1; p <= pages; p++) {
        const own = pdfText(file, p)
          .replace(/Halaman \d+ dari \d+/, '')
          .replace(hlm.title, '')
          .replace(/Data contoh/g, '')
          .trim();
        expect(own.length, `page ${p} is empty`).toBeGreaterThan(80);
      }

      // Every page as an image, to look at.
      poppler('pdftoppm', ['-r', '60', '-png', file, path.join(ARTIFACTS, 'hlm')]);
      const pngs = fs.readdirSync(ARTIFACTS).filter((f) => f.startsWith('hlm') && f.endsWith('.png'));
      expect(pngs).toHaveLength(pages);
      for (const png of pngs) fs.copyFileSync(path.join(ARTIFACTS, png), path.join(SHOTS, png));
      // The browser is closed once the PDF is out.
      expect(chromiumChildren()).toEqual([]);
    },
    RENDER_TIMEOUT_MS,
  );

  test(
    "the planned meeting's briefing is a preview: its figures are not frozen yet",
    async () => {
      const res = await pdfOf(planned.id, { cookie: cookies.verifikator ?? '' });
      expect(res.status).toBe(200);
      const file = path.join(ARTIFACTS, `briefing-hlm-${planned.meetingDate}.pdf`);
      fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
      const text = pdfText(file).replace(/\s+/g, ' ');
      expect(text).toContain('Pratinjau: angka belum dibekukan');
      expect(text).toContain('Tindak lanjut rapat sebelumnya');
      expect(text).toContain('Terlambat');
      poppler('pdftoppm', ['-r', '60', '-png', file, path.join(ARTIFACTS, 'planned')]);
      for (const png of fs
        .readdirSync(ARTIFACTS)
        .filter((f) => f.startsWith('planned') && f.endsWith('.png')))
        fs.copyFileSync(path.join(ARTIFACTS, png), path.join(SHOTS, png));
    },
    RENDER_TIMEOUT_MS,
  );

  test('anonymous is 401; a display token and an OPD operator are 403; an unknown meeting is 404 in Indonesian', async () => {
    const anonymous = await pdfOf(hlm.id);
    expect(anonymous.status).toBe(401);
    await expect(anonymous.json()).resolves.toEqual({ error: 'Silakan masuk terlebih dahulu' });
    const wall = await pdfOf(hlm.id, { authorization: `Bearer ${displayToken}` });
    expect(wall.status).toBe(403);
    const operator = await pdfOf(hlm.id, { cookie: cookies.operator ?? '' });
    expect(operator.status).toBe(403);
    await expect(operator.json()).resolves.toEqual({
      error: 'Peran Anda tidak berwenang untuk mengunduh briefing rapat',
    });
    const unknown = await pdfOf(9999, { cookie: cookies.pimpinan ?? '' });
    expect(unknown.status).toBe(404);
    await expect(unknown.json()).resolves.toEqual({ error: 'Rapat 9999 tidak ditemukan' });
    const bad = await pdfOf('abc', { cookie: cookies.pimpinan ?? '' });
    expect(bad.status).toBe(400);
  });

  test(
    'one briefing at a time: a second request while one renders is told to wait (429)',
    async () => {
      const [a, b] = await Promise.all([
        pdfOf(hlm.id, { cookie: cookies.pimpinan ?? '' }),
        pdfOf(hlm.id, { cookie: cookies.verifikator ?? '' }),
      ]);
      const statuses = [a.status, b.status].sort();
      expect(statuses).toEqual([200, 429]);
      const refused = a.status === 429 ? a : b;
      await expect(refused.json()).resolves.toEqual({
        error: 'Sedang membuat briefing lain; coba lagi sebentar lagi',
      });
    },
    RENDER_TIMEOUT_MS,
  );

  test('without Chromium the answer is 503 naming CHROMIUM_PATH', async () => {
    const before = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/tidak/ada/chromium';
    try {
      const res = await pdfOf(hlm.id, { cookie: cookies.pimpinan ?? '' });
      expect(res.status).toBe(503);
      const { error } = (await res.json()) as { error: string };
      expect(error).toContain('CHROMIUM_PATH=/tidak/ada/chromium');
    } finally {
      if (before === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = before;
    }
  });

  test('a render past its time limit stops with an Indonesian message, closes its browser and frees the renderer', async () => {
    const { context } = createApp({ db: t.db, clock: () => NOW, log: () => {} });
    const view = await meetingViewFor(context, principalFor(t, 'pimpinan'), hlm.id);
    const err = await renderBriefingPdf(server.url, view, 200).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BriefingTimeoutError);
    expect((err as Error).message).toBe('Pembuatan briefing melebihi 0,2 detik dan dihentikan; coba lagi');
    expect(chromiumChildren()).toEqual([]);
    expect(briefingBusy()).toBe(false);
  });
});

describe('the print view', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test(
    'a signed-in executive opens /rapat/<id>/briefing: it says ready once every chart is painted',
    async () => {
      const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
      const [name, value] = (cookies.pimpinan ?? '').split('=');
      await context.addCookies([{ name: name ?? '', value: value ?? '', url: server.url }]);
      const page = await context.newPage();
      await page.goto(`${server.url}/rapat/${hlm.id}/briefing`);
      await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
      await expect(page.locator('[data-testid="briefing-title"]').textContent()).resolves.toBe(hlm.title);
      const shares = await paintedShare(page);
      expect(Object.keys(shares).length).toBeGreaterThanOrEqual(6);
      for (const [chart, share] of Object.entries(shares)) expect(share, chart).toBeGreaterThan(0.005);
      await expect(page.locator('[data-testid="briefing-download"]').getAttribute('href')).resolves.toBe(
        `/api/meetings/${hlm.id}/briefing.pdf`,
      );
      await page.screenshot({ path: path.join(ARTIFACTS, 'print-view.png') });
      // The toolbar's button fetches the PDF and hands it over as a download with the server's name.
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: RENDER_TIMEOUT_MS }),
        page.locator('[data-testid="briefing-download"]').click(),
      ]);
      expect(download.suggestedFilename()).toBe(`briefing-hlm-${hlm.meetingDate}.pdf`);
      await context.close();
    },
    RENDER_TIMEOUT_MS,
  );

  test('signed out, the print view asks to sign in and never says ready', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/rapat/${hlm.id}/briefing`);
    await page.waitForSelector('[data-testid="briefing-message"]');
    await expect(page.locator('[data-testid="briefing-message"] a').getAttribute('href')).resolves.toBe(
      `/masuk?next=${encodeURIComponent(`/rapat/${hlm.id}/briefing`)}`,
    );
    await expect(page.locator('body').getAttribute('data-ready')).resolves.toBeNull();
    await context.close();
  });
});
