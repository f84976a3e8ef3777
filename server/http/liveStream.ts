// GET /trpc/live.changes, the wall screens' live connection, answered without tRPC's per-connection
// stream pipeline. tRPC turns every event of every connection into a chain of web streams (the
// generator, a formatting TransformStream, a TextEncoderStream, a WritableStream onto the socket),
// about 4 chunks and a dozen promise hops per event per screen: with 100 screens and 40 saves a
// second that alone saturated the event loop (tests/bench/mixed.ts). Here each committed change is
// encoded once and the same bytes are written to every open screen.
//
// The bytes are tRPC's own SSE format (sseStreamProducer in @trpc/server 11: a 'connected' event
// with the client options, then `data:`/`id:` per tracked event, 'ping' events), so the client's
// httpSubscriptionLink, its retry and its Last-Event-ID resumption work unchanged; the catch-up is
// the procedure's own (catchUp in server/live.ts). Only a well-formed request is served here: bad
// input, a batch or unreadable connection parameters go on to tRPC, which answers them as it
// answers everything else (its 'serialized-error' event, in Indonesian).
import type { ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import { resolvePrincipal } from '../auth/principal';
import type { ChangeRow } from '../db/queries/freshness';
import { type ChangeBus, catchUp } from '../live';
import { changesInput } from '../routers/live';
import type { AppContext } from '../trpc';

/** tRPC's SSE response headers (sseHeaders in @trpc/server). */
const SSE_HEADERS = {
  'Content-Type': 'text/event-stream',
  'Cache-Control': 'no-cache, no-transform',
  'X-Accel-Buffering': 'no',
  Connection: 'keep-alive',
} as const;

/** A screen that has not read this much of what was sent to it is cut off; it resumes from the log. */
export const MAX_UNREAD_BYTES = 1024 * 1024;

export interface SseOptions {
  /** Sent as the 'connected' event, as tRPC sends its `sse.client` option. */
  client: object;
  /** A 'ping' to every screen at this interval (tRPC's `sse.ping`); 0 for none. */
  pingMs: number;
}

/** One SSE event in tRPC's framing: each field on its line, then the blank lines tRPC ends with. */
function frame(fields: { event?: string; data: string; id?: string }): Buffer {
  let s = '';
  if (fields.event !== undefined) s += `event: ${fields.event}\n`;
  s += `data: ${fields.data}\n`;
  if (fields.id !== undefined) s += `id: ${fields.id}\n`;
  return Buffer.from(`${s}\n\n`);
}

const changeFrame = (c: ChangeRow) => frame({ data: JSON.stringify(c), id: String(c.id) });

interface Screen {
  res: ServerResponse;
  /** The newest change id this screen has been sent. */
  last: number;
}

/** The open live connections of one app, fed from its bus. */
export class LiveFanout {
  private readonly screens = new Set<Screen>();
  private unsubscribe: (() => void) | null = null;
  private ping: ReturnType<typeof setInterval> | null = null;
  private readonly pingFrame = frame({ event: 'ping', data: '' });

  constructor(
    private readonly bus: ChangeBus,
    private readonly opts: SseOptions,
  ) {}

  /** Open connections. */
  get size(): number {
    return this.screens.size;
  }

  /** Sends the opening event and the backlog, then every change published after `last`. */
  open(res: ServerResponse, last: number, backlog: readonly ChangeRow[]): void {
    res.writeHead(200, SSE_HEADERS);
    res.write(frame({ event: 'connected', data: JSON.stringify(this.opts.client) }));
    for (const c of backlog) res.write(changeFrame(c));
    const screen: Screen = { res, last };
    this.screens.add(screen);
    res.on('close', () => this.close(screen));
    if (!this.unsubscribe) this.unsubscribe = this.bus.subscribe((c) => this.publish(c));
    if (!this.ping && this.opts.pingMs > 0) {
      this.ping = setInterval(() => {
        for (const s of this.screens) this.send(s, this.pingFrame);
      }, this.opts.pingMs);
      this.ping.unref();
    }
  }

  private publish(c: ChangeRow): void {
    const bytes = changeFrame(c);
    for (const s of this.screens) {
      if (c.id <= s.last) continue;
      s.last = c.id;
      this.send(s, bytes);
    }
  }

  private send(s: Screen, bytes: Buffer): void {
    if (s.res.destroyed) {
      this.close(s);
      return;
    }
    // A screen that stopped reading (a frozen browser, a half-open network) would otherwise hold
    // everything sent to it in memory; cut off, it reconnects and resumes from change_log.
    if (s.res.writableLength > MAX_UNREAD_BYTES) {
      s.res.destroy();
      this.close(s);
      return;
    }
    s.res.write(bytes);
  }

  private close(s: Screen): void {
    if (!this.screens.delete(s)) return;
    if (this.screens.size > 0) return;
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.ping) clearInterval(this.ping);
    this.ping = null;
  }
}

/** tRPC's reading of connectionParams: absent, null, or an object of strings; anything else is its error. */
function connectionToken(raw: string | null): { ok: boolean; token: string | null } {
  if (raw === null) return { ok: true, token: null };
  try {
    const parsed: unknown = JSON.parse(raw);
    if (parsed === null) return { ok: true, token: null };
    if (typeof parsed !== 'object' || Array.isArray(parsed)) return { ok: false, token: null };
    const values = Object.values(parsed);
    if (!values.every((v) => typeof v === 'string')) return { ok: false, token: null };
    return { ok: true, token: (parsed as Record<string, string>).token ?? null };
  } catch {
    return { ok: false, token: null };
  }
}

/** The handler for GET /trpc/live.changes; what it does not serve goes on to tRPC. */
export function liveStream(context: AppContext, fanout: LiveFanout): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'GET') return next();
    const params = new URL(req.originalUrl, 'http://localhost').searchParams;
    if (params.has('batch')) return next();
    let input: unknown;
    const rawInput = params.get('input');
    if (rawInput !== null) {
      try {
        input = JSON.parse(rawInput);
      } catch {
        return next();
      }
    }
    // As tRPC does for a subscription: the EventSource's own Last-Event-ID (a browser's automatic
    // reconnect) overrides the input's.
    const lastEventId = req.get('last-event-id') ?? params.get('lastEventId') ?? params.get('Last-Event-Id');
    if (lastEventId) {
      if (typeof input === 'object' && input !== null && !Array.isArray(input))
        input = { ...input, lastEventId };
      else input ??= { lastEventId };
    }
    const parsed = changesInput.safeParse(input);
    const connection = connectionToken(params.get('connectionParams'));
    if (!parsed.success || !connection.ok) return next();
    // A display's live connection counts as its use (last seen in the admin's list), as through tRPC.
    resolvePrincipal(context.db, req, context.clock(), connection.token);
    const start = catchUp(context.db, parsed.data?.lastEventId, context.clock());
    fanout.open(res, start.last, start.backlog);
  };
}
