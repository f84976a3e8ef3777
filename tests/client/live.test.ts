// The wall's live plumbing, as plain functions: reconnect backoff, which queries a change makes
// stale, the connection store, the ticker's clock-driven position and the frame's state.
import { describe, expect, test } from 'vitest';
import { earliest, wallState } from '../../client/components/WallFrame';
import { RECONNECT_BASE_MS, RECONNECT_MAX_MS, reconnectDelayMs } from '../../client/live/backoff';
import { LiveConnection } from '../../client/live/connection';
import { pathsForTopics, queryPath, TOPIC_QUERIES } from '../../client/live/topics';
import { appRouter } from '../../server/routers/_app';

describe('reconnect backoff', () => {
  test.each([
    [0, 1_000],
    [1, 2_000],
    [2, 4_000],
    [3, 8_000],
    [4, RECONNECT_MAX_MS],
    [40, RECONNECT_MAX_MS],
  ])('after %i failures the wall waits %i ms (no jitter)', (failures, want) => {
    expect(reconnectDelayMs(failures, () => 0.5)).toBe(want);
  });

  test('jitter stays within ±20 % and never above the cap or below half the base', () => {
    for (const r of [0, 0.25, 0.999]) {
      const d = reconnectDelayMs(2, () => r);
      expect(d).toBeGreaterThanOrEqual(3_200);
      expect(d).toBeLessThanOrEqual(4_800);
      expect(reconnectDelayMs(10, () => r)).toBeLessThanOrEqual(RECONNECT_MAX_MS);
      expect(reconnectDelayMs(-3, () => r)).toBeGreaterThanOrEqual(RECONNECT_BASE_MS / 2);
    }
  });
});

describe('which queries a change refetches', () => {
  test('a budget write refetches the budget screens and the summary, not SPBE', () => {
    const paths = pathsForTopics(['budget']);
    expect(paths).not.toBe('all');
    const set = paths as Set<string>;
    expect(set.has('budget.absorption')).toBe(true);
    expect(set.has('dashboard.overview')).toBe(true);
    expect(set.has('dashboard.ticker')).toBe(true);
    expect(set.has('spbe.results')).toBe(false);
  });

  test('a burst of topics is the union; an unknown topic (a resync) refetches everything', () => {
    const set = pathsForTopics(['spbe', 'display']) as Set<string>;
    expect([...set].sort()).toEqual(['dashboard.overview', 'display.config', 'spbe.results']);
    expect(pathsForTopics(['budget', 'resync'])).toBe('all');
    expect(pathsForTopics(['system'])).toBe('all');
  });

  test('every topic names procedures that exist on the router', () => {
    const procedures = new Set(Object.keys(appRouter._def.procedures));
    for (const [topic, list] of Object.entries(TOPIC_QUERIES)) {
      for (const p of list) expect(procedures.has(p), `${topic} → ${p}`).toBe(true);
    }
  });

  test('every public query a wall can show is refreshed by some topic (a new one must be added)', () => {
    const covered = new Set(Object.values(TOPIC_QUERIES).flat());
    // Reference data and the build id change only with a deployment or an admin edit; auth.me is
    // the office's session, not a figure.
    const staticOnes = (p: string) => p.startsWith('reference.') || p === 'system.version' || p === 'auth.me';
    const missing = Object.entries(appRouter._def.procedures)
      .filter(([path, proc]) => {
        const def = (proc as unknown as { _def: { type: string; meta?: { roles?: unknown } } })._def;
        return def.type === 'query' && def.meta?.roles === 'public' && !staticOnes(path);
      })
      .map(([path]) => path)
      .filter((p) => !covered.has(p));
    expect(missing).toEqual([]);
  });

  test('queryPath reads the procedure path out of a tRPC query key', () => {
    expect(queryPath([['budget', 'absorption'], { input: { year: 2026 }, type: 'query' }])).toBe(
      'budget.absorption',
    );
    expect(queryPath(['not-trpc'])).toBeNull();
    expect(queryPath([])).toBeNull();
  });
});

describe('the live connection store', () => {
  test('keeps the first moment of a loss through every retry, and clears it on open', () => {
    const c = new LiveConnection();
    let notified = 0;
    c.subscribe(() => notified++);
    expect(c.getSnapshot()).toEqual({ status: 'connecting', downSince: null, failures: 0, opens: 0 });
    c.markOpen();
    c.markDown(1_000);
    c.markDown(5_000);
    expect(c.getSnapshot()).toEqual({ status: 'down', downSince: 1_000, failures: 2, opens: 1 });
    c.markOpen();
    expect(c.getSnapshot()).toEqual({ status: 'open', downSince: null, failures: 0, opens: 2 });
    expect(notified).toBe(4);
  });
});

describe('the wall frame', () => {
  test.each([
    [null, null, null],
    [5, null, 5],
    [null, 7, 7],
    [9, 4, 4],
  ])('earliest(%s, %s) is %s', (a, b, want) => {
    expect(earliest(a, b)).toBe(want);
  });

  test.each([
    [true, null, 'ready'],
    [true, 1, 'stale'],
    [false, null, 'loading'],
    [false, 1, 'error'],
  ] as const)('data %s, disconnected since %s → %s', (hasData, since, want) => {
    expect(wallState(hasData, since)).toBe(want);
  });
});
