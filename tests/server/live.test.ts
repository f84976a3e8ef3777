// live.changes as a long-lived wall connection sees it: every change in order, resumption after
// the last event id, and a connection that does not grow with the changes it waits for.
import { getEventListeners } from 'node:events';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../server/app';
import { appendChange, lastChangeId } from '../../server/db/queries/freshness';
import { appRouter } from '../../server/routers/_app';
import { REPLAY_LIMIT, RESYNC_TOPIC } from '../../server/routers/live';
import { createCallerFactory } from '../../server/trpc';
import { makeTestDb, type TestDb } from '../helpers/db';
import { saveFirstRealisation } from '../helpers/writes';

let t: TestDb;
beforeAll(() => {
  t = makeTestDb({ demo: 'small', nowMs: Date.parse('2026-11-23T03:00:00.000Z') });
});
afterAll(() => t.close());

/** A tracked event is [id, data, marker]; the change row is the data. */
const idOf = (envelope: unknown): number => (envelope as [string, { id: number }])[1].id;

const write = (i: number) => saveFirstRealisation(t, { sp2dRp: 1000 + i, fisikPct: 10 });

describe('live.changes', () => {
  test('regression: a connection keeps one abort listener however many changes it waits for', async () => {
    const { context } = createApp({ db: t.db, clock: () => t.nowMs, log: () => {} });
    const ac = new AbortController();
    const caller = createCallerFactory(appRouter)(context, { signal: ac.signal });
    const iterator = (await caller.live.changes())[Symbol.asyncIterator]();
    const seen: number[] = [];
    for (let i = 0; i < 25; i++) {
      const next = iterator.next();
      // Let the generator park waiting for a change before publishing it.
      await new Promise((r) => setTimeout(r, 1));
      const change = write(i);
      context.bus.publish(change);
      seen.push(idOf((await next).value));
      expect(getEventListeners(ac.signal, 'abort').length).toBeLessThanOrEqual(2);
    }
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    ac.abort();
    await iterator.return?.();
    expect(context.bus.listenerCount()).toBe(0);
  });

  test('a reconnecting wall receives every change after its last event id from the log', async () => {
    const first = write(100);
    const missed = [write(101), write(102)];
    const { context } = createApp({ db: t.db, clock: () => t.nowMs, log: () => {} });
    const ac = new AbortController();
    const caller = createCallerFactory(appRouter)(context, { signal: ac.signal });
    const iterator = (await caller.live.changes({ lastEventId: String(first.id) }))[Symbol.asyncIterator]();
    const got = [idOf((await iterator.next()).value), idOf((await iterator.next()).value)];
    expect(got).toEqual(missed.map((m) => m.id));
    ac.abort();
    await iterator.return?.();
  });

  test('a wall away for longer than the replay allows gets one resync at the newest change', async () => {
    const from = write(200);
    const at = new Date(t.nowMs).toISOString();
    const insert = t.db.transaction(() => {
      for (let i = 0; i <= REPLAY_LIMIT; i++)
        appendChange(t.db, { at, topic: 'budget', year: 2026, opdId: null, summary: `bulk ${i}` });
    });
    insert();
    const newest = lastChangeId(t.db);
    const { context } = createApp({ db: t.db, clock: () => t.nowMs, log: () => {} });
    const ac = new AbortController();
    const caller = createCallerFactory(appRouter)(context, { signal: ac.signal });
    const iterator = (await caller.live.changes({ lastEventId: String(from.id) }))[Symbol.asyncIterator]();
    const first = (await iterator.next()).value as unknown as [string, { id: number; topic: string }];
    expect(first[0]).toBe(String(newest));
    expect(first[1]).toMatchObject({ id: newest, topic: RESYNC_TOPIC });
    // And it goes on live from there: the next change is the next write, not the backlog.
    const next = iterator.next();
    await new Promise((r) => setTimeout(r, 1));
    const change = write(201);
    context.bus.publish(change);
    expect(idOf((await next).value)).toBe(change.id);
    ac.abort();
    await iterator.return?.();
  });
});
