// Smoke test over real HTTP: health check, tRPC batch link, input errors, 404s and the SSE stream.
import {
  createTRPCClient,
  httpBatchLink,
  httpSubscriptionLink,
  splitLink,
  TRPCClientError,
} from '@trpc/client';
import { EventSource } from 'eventsource';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AppRouter } from '../../server/routers/_app';
import { makeTestDb, type TestDb } from '../helpers/db';
import { type RunningServer, startServer } from '../helpers/server';
import { saveFirstRealisation } from '../helpers/writes';

let t: TestDb;
let server: RunningServer;
let client: ReturnType<typeof createTRPCClient<AppRouter>>;

beforeAll(async () => {
  t = makeTestDb({ demo: 'small', nowMs: Date.parse('2026-11-23T03:00:00.000Z') });
  server = await startServer(t);
  client = createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({ url: `${server.url}/trpc`, EventSource }),
        false: httpBatchLink({ url: `${server.url}/trpc` }),
      }),
    ],
  });
});

afterAll(async () => {
  await server.close();
  t.close();
});

describe('HTTP', () => {
  test('GET /healthz answers 200 with ok: true while the database answers', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, buildId: 'test' });
  });

  test('dashboard.overview over HTTP returns every family with its freshness', async () => {
    const o = await client.dashboard.overview.query();
    expect(o.year).toBe(2026);
    expect(o.asOf).toBe('2026-11-23');
    expect(o.demo).toBe(true);
    expect(o.pillars.items.map((p) => p.code)).toEqual(['GOV', 'BRA', 'ECO', 'LIV', 'SOC', 'ENV']);
    expect(o.budget.total.paguRp).toBe(2_180_000_000_000);
    expect(o.budget.freshness.period).toBe('2026-10');
    expect(o.spbe.latest?.predikat).not.toBeNull();
    expect(o.services.submitted).toBeGreaterThan(0);
    expect(o.complaints.total.received).toBeGreaterThan(0);
    for (const f of [o.pillars, o.budget, o.spbe, o.services, o.complaints, o.ikm]) {
      expect(f.freshness.updatedAt).not.toBeNull();
    }
  });

  test('a malformed as-of date is refused with 400 and an Indonesian message naming the field', async () => {
    const res = await fetch(
      `${server.url}/trpc/dashboard.overview?input=${encodeURIComponent(JSON.stringify({ asOf: '2026-02-30' }))}`,
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      error: { message: string; data: { fieldErrors: Record<string, string[]> } };
    };
    expect(body.error.message).toContain('asOf');
    expect(body.error.data.fieldErrors.asOf).toEqual(['Tanggal tidak ada di kalender']);
  });

  test('an unknown procedure is a 404, an unknown path a JSON 404', async () => {
    await expect(client.dashboard.overview.query({ year: 1999 })).rejects.toBeInstanceOf(TRPCClientError);
    const res = await fetch(`${server.url}/trpc/nope.nothing`);
    expect(res.status).toBe(404);
    const page = await fetch(`${server.url}/api/nothing`);
    expect(page.status).toBe(404);
    expect(await page.json()).toEqual({ error: 'Tidak ditemukan: GET /api/nothing' });
  });

  test('security headers are set on every response', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  test('live.changes delivers a committed write to a subscriber with its topic', async () => {
    const received = new Promise<{ topic: string; year: number | null }>((resolve, reject) => {
      const sub = client.live.changes.subscribe(undefined, {
        onStarted: () => {
          saveFirstRealisation(t, { sp2dRp: 1_000_000, fisikPct: 50 }, { bus: server.bus });
        },
        onData: (ev) => {
          sub.unsubscribe();
          resolve(ev.data);
        },
        onError: reject,
      });
    });
    await expect(received).resolves.toMatchObject({ topic: 'budget', year: 2026 });
  });
});
