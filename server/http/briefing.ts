// GET /api/meetings/:id/briefing.pdf: a meeting's briefing as an A4 PDF, for a signed-in admin,
// executive or verifier. The print view is rendered by headless Chromium from this very server
// (server/briefing.ts explains how it reads the meeting without holding any credential).
import express, { type Request, type Response, type Router } from 'express';
import { resolvePrincipal } from '../auth/principal';
import {
  BriefingBusyError,
  BriefingRenderError,
  BriefingTimeoutError,
  briefingBusy,
  briefingFileName,
  meetingViewFor,
  pdfPageCount,
  renderBriefingPdf,
} from '../briefing';
import { ChromiumMissingError, chromiumMissingMessage, chromiumPath } from '../chromium';
import { meetingById } from '../db/queries/meetings';
import type { AppContext } from '../trpc';
import { TRPCError } from '../trpc';

const READERS = ['admin', 'executive', 'verifier'] as const;

function fail(res: Response, status: number, error: string): void {
  res.status(status).json({ error });
}

/** This server as the request reached it (its own socket address: a Host header could point anywhere). */
export function localOrigin(req: Request): string {
  const raw = req.socket.localAddress ?? '127.0.0.1';
  const addr = raw.startsWith('::ffff:') ? raw.slice('::ffff:'.length) : raw;
  const host = addr.includes(':') ? `[${addr}]` : addr;
  return `http://${host}:${req.socket.localPort}`;
}

export function briefingRouter(
  ctx: AppContext,
  opts: { clientServed: boolean; log: (level: 'error' | 'info', msg: string, extra?: unknown) => void },
): Router {
  const r = express.Router();

  r.get('/meetings/:id/briefing.pdf', async (req, res) => {
    const p = resolvePrincipal(ctx.db, req, ctx.clock());
    if (p === null) return fail(res, 401, 'Silakan masuk terlebih dahulu');
    if (p.kind !== 'user' || !(READERS as readonly string[]).includes(p.user.role))
      return fail(res, 403, 'Peran Anda tidak berwenang untuk mengunduh briefing rapat');
    const raw = req.params.id;
    const id = /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isSafeInteger(id)) return fail(res, 400, `Nomor rapat '${raw}' tidak valid`);
    const meeting = meetingById(ctx.db, id);
    if (!meeting) return fail(res, 404, `Rapat ${id} tidak ditemukan`);
    if (!opts.clientServed)
      return fail(res, 503, 'Tampilan cetak briefing belum tersedia: klien belum dibangun (npm run build)');
    if (!chromiumPath()) return fail(res, 503, chromiumMissingMessage());
    if (briefingBusy()) return fail(res, 429, new BriefingBusyError().message);
    try {
      const view = await meetingViewFor(ctx, p, id);
      const pdf = await renderBriefingPdf(localOrigin(req), view);
      res.setHeader('Content-Type', 'application/pdf');
      res.setHeader('Content-Disposition', `attachment; filename="${briefingFileName(meeting)}"`);
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('X-Page-Count', String(pdfPageCount(pdf)));
      res.send(pdf);
    } catch (err) {
      if (err instanceof BriefingBusyError) return fail(res, 429, err.message);
      if (err instanceof BriefingTimeoutError) return fail(res, 504, err.message);
      if (err instanceof ChromiumMissingError) return fail(res, 503, err.message);
      if (err instanceof TRPCError && err.code === 'NOT_FOUND') return fail(res, 404, err.message);
      if (err instanceof TRPCError && err.code === 'FORBIDDEN') return fail(res, 403, err.message);
      opts.log('error', `briefing of meeting ${id} failed`, err);
      fail(
        res,
        500,
        err instanceof BriefingRenderError
          ? err.message
          : 'Briefing gagal dibuat; rinciannya ada di log server',
      );
    }
  });

  return r;
}
