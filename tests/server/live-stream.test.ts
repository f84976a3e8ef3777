// The wall screens' live connection as server/http/liveStream.ts serves it over real HTTP: byte for
// byte tRPC's own SSE format (so httpSubscriptionLink, its retry and its resumption work), the
// catch-up of the procedure, a screen that stops reading cut off instead of held in memory, and
// nothing left subscribed once the screens are gone.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { createTRPCClient, httpSubscriptionLink } from '@trpc/client';
import { sseHeaders, sseStreamProducer, tracked } from '@trpc/server/unstable-core-do-not-import';
import { EventSource } from 'eventsource';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ChangeRow } from '../../server/db/queries/freshness';
import { LiveFanout, MAX_UNREAD_BYTES } from '../../server/http/liveStream';
import { ChangeBus } from '../../server/live';
import type { AppRouter } from '../../server/routers/_app';
import { appRouter } from '../../server/routers/_app';
import { makeTestDb, type TestDb } from '../helpers/db';
import { type RunningServer, startServer } from '../helpers/server';
import { saveFirstRealisation } from '../helpers/writes';

let t: TestDb;
let server: RunningServer;
beforeAll(async () => {
  t = makeTestDb({ demo: 'small', nowMs: Date.parse('2026-11-23T03:00:00.000Z') });
  server = await startServer(t);
});
afterAll(async () => {
  await server.close();
  t.close();
});

const write = (i: number): ChangeRow =>
  saveFirstRealisation(t, { sp2dRp: 5000 + i, fisikPct: 20 }, { bus: server.bus });

/** Reads an SSE response as text until `done` says enough arrived; then drops the connection. */
async function readUntil(
  url: string,
  done: (text: string) => boolean,
  init: RequestInit = {},
  onOpen: () => void = () => {},
): Promise<{ res: Response; text: string }> {
  const ac = new AbortController();
  const res = await fetch(url, { ...init, signal: ac.signal });
  onOpen();
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  const timeout = setTimeout(() => ac.abort(), 10_000);
  try {
    while (!done(text)) {
      const { value, done: ended } = await reader.read();
      if (ended) break;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    clearTimeout(timeout);
    ac.abort();
  }
  return { res, text };
}

/** What tRPC's own producer sends for the same events and options. */
async function trpcBytes(events: ChangeRow[]): Promise<string> {
  const sse = appRouter._def._config.sse;
  async function* data() {
    for (const c of events) yield tracked(String(c.id), c);
  }
  const stream = sseStreamProducer({ data: data(), client: sse?.client, ping: { enabled: false } });
  const text = await new Response(stream).text();
  // Its stream ends with a 'return' event when the iterable ends; a wall's connection never does.
  return text.replace(/event: return\ndata: \n\n\n$/, '');
}

const waitFor = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check(), what).toBe(true);
};

describe('GET /trpc/live.changes', () => {
  test("answers with tRPC's headers and exactly the bytes tRPC's own SSE producer would send", async () => {
    const first = write(1);
    const missed = [write(2), write(3)];
    const input = encodeURIComponent(JSON.stringify({ lastEventId: String(first.id) }));
    let live: ChangeRow | null = null;
    const { res, text } = await readUntil(
      `${server.url}/trpc/live.changes?input=${input}`,
      (s) => live !== null && s.includes(`id: ${live.id}\n`),
      {},
      () => {
        live = write(4);
      },
    );
    for (const [k, v] of Object.entries(sseHeaders)) expect(res.headers.get(k)).toBe(v);
    expect(live).not.toBeNull();
    expect(text).toBe(await trpcBytes([...missed, live as unknown as ChangeRow]));
  });

  test("a browser's own reconnect (Last-Event-ID header) resumes after it, over the input's id", async () => {
    const from = write(10);
    const missed = write(11);
    const { text } = await readUntil(
      `${server.url}/trpc/live.changes?input=${encodeURIComponent('{"lastEventId":"1"}')}`,
      (s) => s.includes(`id: ${missed.id}\n`),
      { headers: { 'Last-Event-ID': String(from.id) } },
    );
    expect([...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]))).toEqual([missed.id]);
  });

  test("tRPC's client receives changes in order, resumes with lastEventId, and leaves no listener behind", async () => {
    const client = createTRPCClient<AppRouter>({
      links: [httpSubscriptionLink({ url: `${server.url}/trpc`, EventSource })],
    });
    const before = server.bus.listenerCount();
    const got: number[] = [];
    const expected: number[] = [];
    await new Promise<void>((resolve, reject) => {
      const sub = client.live.changes.subscribe(undefined, {
        onStarted: () => {
          for (let i = 0; i < 20; i++) expected.push(write(100 + i).id);
        },
        onData: (ev) => {
          expect(ev.id).toBe(String(ev.data.id));
          got.push(ev.data.id);
          if (got.length === expected.length) {
            sub.unsubscribe();
            resolve();
          }
        },
        onError: reject,
      });
    });
    expect(got).toEqual(expected);

    const resumed: number[] = [];
    const after = write(200);
    const later = [write(201), write(202)];
    await new Promise<void>((resolve, reject) => {
      const sub = client.live.changes.subscribe(
        { lastEventId: String(after.id) },
        {
          onData: (ev) => {
            resumed.push(ev.data.id);
            if (resumed.length === later.length) {
              sub.unsubscribe();
              resolve();
            }
          },
          onError: reject,
        },
      );
    });
    expect(resumed).toEqual(later.map((c) => c.id));
    await waitFor(() => server.bus.listenerCount() === before, 'the bus has no listener left');
  });

  test('bad input is still answered by tRPC: its serialized error, in Indonesian', async () => {
    const { text } = await readUntil(
      `${server.url}/trpc/live.changes?input=${encodeURIComponent('{"lastEventId":"x"}')}`,
      (s) => s.includes('event: serialized-error'),
    );
    expect(text).toMatch(/Masukan tidak valid: lastEventId/);
  });
});

describe('LiveFanout', () => {
  test('a screen that stops reading is cut off; the others receive every change in order', async () => {
    const bus = new ChangeBus();
    const fanout = new LiveFanout(bus, { client: {}, pingMs: 0 });
    const cutOff: boolean[] = [];
    const srv = http.createServer((_req, res) => {
      res.on('close', () => cutOff.push(true));
      fanout.open(res, 0, []);
    });
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const { port } = srv.address() as AddressInfo;
    try {
      // A screen that never reads: a socket that sent its request and paused.
      const stalled = net.connect(port, '127.0.0.1');
      stalled.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
      stalled.pause();
      let reader = '';
      const reading = http.get({ port, host: '127.0.0.1', path: '/' }, (res) => {
        res.setEncoding('utf8');
        res.on('data', (d: string) => {
          reader += d;
        });
      });
      await waitFor(() => fanout.size === 2, 'both screens connected');

      const summary = 'x'.repeat(900);
      const count = Math.ceil((MAX_UNREAD_BYTES * 8) / 1000);
      for (let id = 1; id <= count; id++) {
        bus.publish({ id, at: '2026-11-23T03:00:00.000Z', topic: 'budget', year: 2026, opdId: 1, summary });
        // Let the sockets drain between bursts, as between real commits.
        if (id % 500 === 0) await new Promise((r) => setImmediate(r));
      }
      await waitFor(() => fanout.size === 1, 'the stalled screen was cut off');
      await waitFor(() => reader.includes(`id: ${count}\n`), 'the reading screen got the last change');
      const ids = [...reader.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
      expect(ids).toEqual(Array.from({ length: count }, (_, i) => i + 1));
      expect(cutOff.length).toBe(1);
      reading.destroy();
      stalled.destroy();
      await waitFor(() => fanout.size === 0 && bus.listenerCount() === 0, 'nothing left subscribed');
    } finally {
      srv.closeAllConnections();
      await new Promise((r) => srv.close(r));
    }
  });

  test('pings every open screen at its interval, in tRPC framing', async () => {
    const bus = new ChangeBus();
    const fanout = new LiveFanout(bus, { client: { reconnectAfterInactivityMs: 500 }, pingMs: 20 });
    const srv = http.createServer((_req, res) => fanout.open(res, 0, []));
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const { port } = srv.address() as AddressInfo;
    try {
      const { text } = await readUntil(`http://127.0.0.1:${port}/`, (s) => s.split('event: ping').length > 2);
      expect(text.startsWith('event: connected\ndata: {"reconnectAfterInactivityMs":500}\n\n\n')).toBe(true);
      expect(text).toContain('event: ping\ndata: \n\n\n');
    } finally {
      srv.closeAllConnections();
      await new Promise((r) => srv.close(r));
    }
  });
});
