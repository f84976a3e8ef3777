// createApp builds the Express application (API, health check, built client) without listening,
// so tests drive the same app over real HTTP or in-process.
import fs from 'node:fs';
import path from 'node:path';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { resolvePrincipal } from './auth/principal';
import { CSRF_HEADER } from './auth/session';
import type { Db } from './db/connection';
import { briefingRouter } from './http/briefing';
import { LiveFanout, liveStream } from './http/liveStream';
import { sharedAnswers, sharedPaths } from './http/sharedAnswers';
import { transferRouter } from './http/transfer';
import type { Overview } from './kpi/types';
import { ChangeBus } from './live';
import { ChangeKeyedMemo, ReadMemos } from './memo';
import { appRouter } from './routers/_app';
import type { AppContext } from './trpc';

export interface AppOptions {
  db: Db;
  clock?: () => number;
  bus?: ChangeBus;
  /** Directory of the built client (index.html + assets); omitted in API-only tests. */
  clientDir?: string | null;
  buildId?: string;
  /** Memoise dashboard.overview per committed change (default true). */
  overviewMemo?: boolean;
  log?: (level: 'error' | 'info', msg: string, extra?: unknown) => void;
}

const securityHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('X-Frame-Options', 'SAMEORIGIN');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader(
    'Content-Security-Policy',
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'; object-src 'none'",
  );
  next();
};

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
};

/**
 * Serves the build's .gz twin of a hashed asset to a browser that accepts gzip (made once by
 * server/build.ts); anything else falls through to express.static.
 */
function precompressed(dir: string): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const type = TYPES[path.extname(req.path)];
    if (!type || !/\bgzip\b/.test(req.get('accept-encoding') ?? '')) return next();
    const file = path.join(dir, path.normalize(req.path).replace(/^([/\\])+/, ''));
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(`${file}.gz`)) return next();
    res.setHeader('Content-Type', type);
    res.setHeader('Content-Encoding', 'gzip');
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.sendFile(`${file}.gz`, (err) => {
      if (err) next(err);
    });
  };
}

/**
 * The most calls one batched request may carry; the client splits its batches well below it
 * (client/trpc.ts). One request cannot make the server run thousands of procedures.
 */
export const MAX_BATCH = 50;

/** The largest request body /trpc reads (1 MB); the message of a 413 says so. */
const MAX_BODY = 1_000_000;

const JSON_RPC_CODE: Record<string, number> = {
  BAD_REQUEST: -32600,
  PAYLOAD_TOO_LARGE: -32013,
  UNSUPPORTED_MEDIA_TYPE: -32015,
  INTERNAL_SERVER_ERROR: -32603,
};

/**
 * An error answered before tRPC runs, in tRPC's own shape, so the client reads its message like
 * any other (a batch link applies a non-array answer to every call of the batch).
 */
function sendTrpcError(res: express.Response, status: number, code: string, message: string): void {
  res.status(status).json({
    error: {
      message,
      code: JSON_RPC_CODE[code] ?? -32600,
      data: { code, httpStatus: status, path: null, fieldErrors: null, conflict: null },
    },
  });
}

/**
 * A POST to /trpc carries JSON. tRPC itself would hand an application/octet-stream or
 * multipart/form-data body to the procedure as a stream or form (regression: zod then listed the
 * stream's methods as unknown keys), and refuse anything else in English.
 */
const jsonContentOnly: RequestHandler = (req, res, next) => {
  const type = req.get('content-type');
  // The media type alone, as tRPC compares it (an empty body has one too: req.is() would say null).
  if (req.method !== 'POST' || type?.split(';', 1)[0]?.trim().toLowerCase() === 'application/json')
    return next();
  sendTrpcError(
    res,
    415,
    'UNSUPPORTED_MEDIA_TYPE',
    type
      ? `Jenis isi permintaan '${type.slice(0, 80)}' tidak didukung; kirim application/json`
      : 'Jenis isi permintaan (Content-Type) wajib diisi: application/json',
  );
};

/** Body-reading failures under /trpc (too large, unknown charset or encoding, an aborted upload). */
function trpcBodyError(log: NonNullable<AppOptions['log']>): ErrorRequestHandler {
  return (err, _req, res, next) => {
    if (res.headersSent) return next(err);
    const status = typeof err?.status === 'number' ? err.status : 500;
    if (status === 413)
      return sendTrpcError(res, 413, 'PAYLOAD_TOO_LARGE', 'Permintaan terlalu besar (paling besar 1 MB)');
    if (status === 415)
      return sendTrpcError(
        res,
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'Pengodean isi permintaan tidak didukung; kirim JSON dalam UTF-8',
      );
    if (status >= 400 && status < 500)
      return sendTrpcError(res, 400, 'BAD_REQUEST', 'Isi permintaan tidak dapat dibaca');
    log('error', 'request failed', err);
    return sendTrpcError(res, 500, 'INTERNAL_SERVER_ERROR', 'Kesalahan server');
  };
}

export function createApp(opts: AppOptions): { app: express.Express; context: AppContext } {
  const log = opts.log ?? ((level, msg, extra) => console[level](msg, extra ?? ''));
  const context: AppContext = {
    db: opts.db,
    clock: opts.clock ?? Date.now,
    bus: opts.bus ?? new ChangeBus(),
    buildId: opts.buildId ?? 'dev',
    overviewMemo: opts.overviewMemo === false ? null : new ChangeKeyedMemo<Overview>(),
    memos: opts.overviewMemo === false ? null : new ReadMemos(),
    principal: null,
    csrfHeader: undefined,
  };
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(securityHeaders);

  app.get('/healthz', (_req, res) => {
    try {
      const ok = context.db.prepare('SELECT 1').pluck().get() === 1;
      res
        .status(ok ? 200 : 503)
        .json({ ok, buildId: context.buildId, time: new Date(context.clock()).toISOString() });
    } catch (err) {
      res.status(503).json({ ok: false, error: (err as Error).message });
    }
  });

  // The wall screens' live connection: tRPC's SSE format, each change encoded once for all screens.
  const sse = appRouter._def._config.sse;
  const fanout = new LiveFanout(context.bus, {
    client: sse?.client ?? {},
    pingMs: sse?.ping?.enabled ? (sse.ping.intervalMs ?? 1000) : 0,
  });
  app.get('/trpc/live.changes', liveStream(context, fanout));
  // The walls' read models: one tRPC answer per URL and data version, replayed to every wall.
  if (context.overviewMemo)
    app.use('/trpc', sharedAnswers(context.db, context.clock, sharedPaths(appRouter)));
  app.use(
    '/trpc',
    jsonContentOnly,
    // The body is read as text and tRPC parses it (regression: express.json parsed it and tRPC's
    // adapter JSON.stringify-ed it again, so a body nested a few thousand levels deep overflowed the
    // stack and answered 500). The limit still answers 413 before anything is parsed.
    express.text({ type: 'application/json', limit: MAX_BODY, defaultCharset: 'utf-8' }),
    createExpressMiddleware({
      router: appRouter,
      createContext: ({ req, res, info }) => ({
        ...context,
        req,
        res,
        principal: resolvePrincipal(context.db, req, context.clock(), info.connectionParams?.token),
        csrfHeader: req.get(CSRF_HEADER) ?? undefined,
      }),
      maxBodySize: MAX_BODY,
      maxBatchSize: MAX_BATCH,
      onError({ error, path: procedure }) {
        if (error.code === 'INTERNAL_SERVER_ERROR')
          log('error', `tRPC ${procedure ?? '?'} failed`, error.cause ?? error);
      },
    }),
    trpcBodyError(log),
  );

  app.use('/api', transferRouter(context));
  app.use(
    '/api',
    briefingRouter(context, {
      clientServed: Boolean(opts.clientDir && fs.existsSync(path.join(opts.clientDir, 'index.html'))),
      log,
    }),
  );

  const clientDir = opts.clientDir;
  if (clientDir && fs.existsSync(path.join(clientDir, 'index.html'))) {
    // Hashed assets never change: cache for a year. index.html always revalidates (new builds).
    app.use('/assets', precompressed(path.join(clientDir, 'assets')));
    app.use(
      '/assets',
      express.static(path.join(clientDir, 'assets'), { immutable: true, maxAge: '365d', index: false }),
    );
    app.use(express.static(clientDir, { index: false, maxAge: 0 }));
    const indexHtml = path.join(clientDir, 'index.html');
    app.get(/^\/(?!trpc|healthz|assets|api\/).*/, (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(indexHtml);
    });
  }

  app.use((req, res) => {
    res.status(404).json({ error: `Tidak ditemukan: ${req.method} ${req.path}` });
  });
  const onError: ErrorRequestHandler = (err, _req, res, _next) => {
    const status =
      typeof err?.status === 'number' && err.status >= 400 && err.status < 600 ? err.status : 500;
    if (status >= 500) log('error', 'request failed', err);
    res.status(status).json({
      error:
        status === 413
          ? 'Permintaan terlalu besar'
          : status >= 500
            ? 'Kesalahan server'
            : 'Permintaan tidak valid',
    });
  };
  app.use(onError);
  return { app, context };
}
