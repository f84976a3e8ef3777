// Memos for the read models every wall asks for with the same input (the executive summary, the
// ticker, each family's screen). An entry is valid for one data version: the last committed change
// id (every write appends to change_log) and the WIB minute (deadlines and "today" move with the
// clock). A request never gets a value computed before its own arrival from older data.
//
// Under a write-heavy morning — 40 OPD operators saving at once — the data version moves every
// few tens of milliseconds, and recomputing every read model after every change saturates the one
// thread that serves the walls (tests/bench/mixed.ts found it). So a slot is recomputed at most once
// per `minIntervalMs` (200 ms, under the walls' own 300 ms coalescing of change bursts): a request that finds the slot stale and a computation finished less than
// that ago waits for the next computation, scheduled for the end of the interval and shared by
// everyone who asks meanwhile. Read-your-writes holds (the shared computation starts after the
// request arrived, so it sees every commit before it); the price is at most `minIntervalMs` of
// latency, and only while writes keep arriving faster than that.
import type { Db } from './db/connection';
import { lastChangeId } from './db/queries/freshness';

interface Entry<V> {
  version: string;
  value: V;
  computedAt: number;
}

export const MIN_RECOMPUTE_INTERVAL_MS = 200;

/**
 * Files `value` under `key` as the newest entry of a map of at most `max`, dropping the entry
 * stored longest ago when full (a Map keeps insertion order).
 */
export function setBounded<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.delete(key);
  if (map.size >= max) {
    const oldest = map.keys().next();
    if (!oldest.done) map.delete(oldest.value);
  }
  map.set(key, value);
}

export class ChangeKeyedMemo<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly pending = new Map<string, Promise<V>>();

  constructor(
    private readonly maxEntries = 32,
    private readonly minIntervalMs = MIN_RECOMPUTE_INTERVAL_MS,
    private readonly monotonic: () => number = () => performance.now(),
  ) {}

  /**
   * The slot's value for the current data version (`version()` is read when the request arrives
   * and again when a computation starts: both are cheap and synchronous).
   */
  get(slot: string, version: () => string, compute: () => V): Promise<V> {
    const current = version();
    const hit = this.entries.get(slot);
    if (hit && hit.version === current) return Promise.resolve(hit.value);
    const scheduled = this.pending.get(slot);
    if (scheduled) return scheduled;
    const wait = hit ? this.nextTick(hit.computedAt) - this.monotonic() : 0;
    if (wait <= 0) {
      try {
        return Promise.resolve(this.run(slot, version, compute));
      } catch (err) {
        return Promise.reject(err);
      }
    }
    const next = new Promise<V>((resolve, reject) => {
      setTimeout(() => {
        this.pending.delete(slot);
        try {
          resolve(this.run(slot, version, compute));
        } catch (err) {
          reject(err);
        }
      }, wait);
    });
    this.pending.set(slot, next);
    return next;
  }

  /**
   * When a slot computed at `at` may compute again: the first multiple of the interval at least one
   * interval later. Every model's waiting computation fires on the same tick, so they read the
   * same data version and share the summary's inputs (ReadMemos.sync) instead of each reading it.
   */
  private nextTick(at: number): number {
    if (this.minIntervalMs <= 0) return at;
    return Math.ceil((at + this.minIntervalMs) / this.minIntervalMs) * this.minIntervalMs;
  }

  private run(slot: string, version: () => string, compute: () => V): V {
    // Version first: a commit can only land between two requests, never inside this synchronous
    // block, so the value is exactly the data of this version.
    const v = version();
    const value = compute();
    // Least recently computed first.
    setBounded(this.entries, slot, { version: v, value, computedAt: this.monotonic() }, this.maxEntries);
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** One memo per read model (the ticker, a pillar, a family's screen), all versioned the same way. */
export class ReadMemos {
  private readonly memos = new Map<string, ChangeKeyedMemo<unknown>>();
  private readonly shared = new Map<string, { version: string; value: unknown }>();

  constructor(private readonly minIntervalMs = MIN_RECOMPUTE_INTERVAL_MS) {}

  get<V>(model: string, slot: string, version: () => string, compute: () => V): Promise<V> {
    let memo = this.memos.get(model);
    if (!memo) {
      memo = new ChangeKeyedMemo<unknown>(32, this.minIntervalMs);
      this.memos.set(model, memo);
    }
    return memo.get(slot, version, compute) as Promise<V>;
  }

  /**
   * A value shared by several read models within one data version (the executive summary's
   * inputs): computed at most once per version and slot, never waited for.
   */
  sync<V>(model: string, slot: string, version: string, compute: () => V): V {
    const key = `${model}\u0000${slot}`;
    const hit = this.shared.get(key);
    if (hit && hit.version === version) return hit.value as V;
    const value = compute();
    setBounded(this.shared, key, { version, value }, 64);
    return value;
  }

  clear(): void {
    for (const m of this.memos.values()) m.clear();
    this.shared.clear();
  }
}

/** The data version a read model depends on: the last committed change and the WIB minute. */
export function dataVersion(db: Db, nowMs: number): string {
  return `${lastChangeId(db)}|${Math.floor(nowMs / 60_000)}`;
}

/**
 * A procedure's read model through the context's memos, or computed directly when they are off
 * (the benchmarks' "memo off" figures, the snapshot code).
 */
export function memoised<V>(
  ctx: { db: Db; clock: () => number; memos: ReadMemos | null },
  model: string,
  slot: string,
  compute: () => V,
): V | Promise<V> {
  if (!ctx.memos) return compute();
  return ctx.memos.get(model, slot, () => dataVersion(ctx.db, ctx.clock()), compute);
}
