// Briefing PDFs: a meeting's print view (/rapat/<id>/briefing) rendered by headless Chromium and
// printed to A4 once the page says every chart is painted (body[data-ready]). Used by
// GET /api/meetings/:id/briefing.pdf and by `npm run briefing`.
//
// How the headless browser reads the meeting: it holds no credential at all. The server reads
// meeting.view itself, through the tRPC caller as the requesting user (the same procedure and role
// policy as any other call), and Chromium's requests are intercepted: the page's one call,
// meeting.view of this meeting, is answered with that data; every other /trpc or /api request is
// refused, and nothing outside this server's own origin is fetched. So the page can see exactly
// what the requester may see of this one meeting, nothing else, and no session cookie or token
// ever enters the browser (nor any new kind of token into the server's auth).
import type { Browser, Route } from 'playwright-core';
import { formatNumber } from '../shared/format';
import { launchChromium } from './chromium';
import type { MeetingRow } from './db/queries/meetings';
import { appRouter } from './routers/_app';
import { type AppContext, createCallerFactory, type Principal } from './trpc';

export const BRIEFING_TIMEOUT_MS = 60_000;

export class BriefingBusyError extends Error {
  constructor() {
    super('Sedang membuat briefing lain; coba lagi sebentar lagi');
  }
}

export class BriefingTimeoutError extends Error {
  constructor(ms: number) {
    const seconds = formatNumber(ms / 1000, ms % 1000 === 0 ? 0 : 1);
    super(`Pembuatan briefing melebihi ${seconds} detik dan dihentikan; coba lagi`);
  }
}

export class BriefingRenderError extends Error {}

export type BriefingView = Awaited<ReturnType<typeof meetingViewFor>>;

/** meeting.view as `principal` would get it over HTTP: same procedure, same role policy. */
export function meetingViewFor(ctx: AppContext, principal: Principal, id: number) {
  return createCallerFactory(appRouter)({ ...ctx, principal, csrfHeader: undefined }).meeting.view({ id });
}

/** "briefing-hlm-2026-05-12.pdf". */
export function briefingFileName(m: Pick<MeetingRow, 'kind' | 'meetingDate'>): string {
  return `briefing-${m.kind.replace(/_/g, '-')}-${m.meetingDate}.pdf`;
}

/** Pages of a PDF, counted by their page objects (Chromium writes them uncompressed). */
export function pdfPageCount(pdf: Uint8Array): number {
  return (
    Buffer.from(pdf)
      .toString('latin1')
      .match(/\/Type\s*\/Page(?![A-Za-z])/g) ?? []
  ).length;
}

// One Chromium at a time per process: a render takes seconds of both cores.
let rendering = false;

export function briefingBusy(): boolean {
  return rendering;
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** Chromium's page footer: the meeting and "Halaman 2 dari 9" (the template is HTML: the title is escaped). */
function footerTemplate(view: BriefingView): string {
  const left = `${view.meeting.title}${view.snapshot.overview.demo ? ' · Data contoh' : ''}`;
  return `<div style="width:100%;padding:0 15mm;display:flex;justify-content:space-between;font-family:'Liberation Sans',Arial,sans-serif;font-size:8px;color:#4a5261;">
<span>${escapeHtml(left)}</span><span>Halaman <span class="pageNumber"></span> dari <span class="totalPages"></span></span></div>`;
}

/** Is this the page's batched GET of meeting.view for exactly this meeting? */
function isViewOf(url: URL, id: number): boolean {
  if (url.pathname !== '/trpc/meeting.view' || url.searchParams.get('batch') !== '1') return false;
  try {
    const input = JSON.parse(url.searchParams.get('input') ?? '') as Record<string, { id?: unknown }>;
    return Object.keys(input).length === 1 && input['0']?.id === id;
  } catch {
    return false;
  }
}

function answer(route: Route, origin: string, id: number, payload: string) {
  const request = route.request();
  const url = new URL(request.url());
  if (url.origin !== origin) return route.abort('blockedbyclient');
  if (request.method() === 'GET' && isViewOf(url, id))
    return route.fulfill({ status: 200, contentType: 'application/json', body: payload });
  if (url.pathname.startsWith('/trpc') || url.pathname.startsWith('/api')) return route.abort('accessdenied');
  return route.continue();
}

async function printPage(browser: Browser, origin: string, view: BriefingView): Promise<Buffer> {
  const id = view.meeting.id;
  // A4 at 96 dpi, so the screen layout the page settles in is the print layout; ×2 for sharp charts.
  const context = await browser.newContext({
    viewport: { width: 794, height: 1123 },
    deviceScaleFactor: 2,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    serviceWorkers: 'block',
    acceptDownloads: false,
  });
  // tRPC's batch answer without a transformer: one { result: { data } } per call.
  const payload = JSON.stringify([{ result: { data: view } }]);
  await context.route('**/*', (route) => answer(route, origin, id, payload));
  const page = await context.newPage();
  await page.goto(`${origin}/rapat/${id}/briefing`, { waitUntil: 'load', timeout: 0 });
  await page.waitForSelector('body[data-ready="true"], body[data-briefing-error]', {
    state: 'attached',
    timeout: 0,
  });
  const error = await page.evaluate(() => document.body.dataset.briefingError ?? null);
  if (error) throw new BriefingRenderError(`Tampilan cetak briefing gagal dimuat: ${error}`);
  return page.pdf({
    format: 'A4',
    preferCSSPageSize: true,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: '<div></div>',
    footerTemplate: footerTemplate(view),
    margin: { top: '15mm', right: '15mm', bottom: '15mm', left: '15mm' },
  });
}

/**
 * Renders the briefing of `view`'s meeting from this server at `origin` (its own loopback or local
 * address, never a Host header a client could point elsewhere). One at a time, bounded by
 * `timeoutMs`; the browser is closed whatever happens.
 */
export async function renderBriefingPdf(
  origin: string,
  view: BriefingView,
  timeoutMs: number = BRIEFING_TIMEOUT_MS,
): Promise<Buffer> {
  if (rendering) throw new BriefingBusyError();
  rendering = true;
  const launching = launchChromium();
  let timer: NodeJS.Timeout | undefined;
  try {
    const work = launching.then((browser) => printPage(browser, new URL(origin).origin, view));
    // After a timeout the work fails as its browser closes: expected, not an unhandled rejection.
    work.catch(() => {});
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new BriefingTimeoutError(timeoutMs)), timeoutMs);
    });
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
    await launching.then(
      (browser) => browser.close().catch(() => {}),
      () => {},
    );
    rendering = false;
  }
}
