// The in-process change bus: every committed write appends a change_log row and publishes it here;
// live.changes streams it to the screens over SSE. Subscribers that fall behind re-read the log.
import { EventEmitter } from 'node:events';
import type { Db } from './db/connection';
import { type ChangeRow, changesAfter, lastChangeId } from './db/queries/freshness';

export class ChangeBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    // Every open wall screen holds one listener; a kabupaten has far fewer than this.
    this.emitter.setMaxListeners(10_000);
  }

  publish(change: ChangeRow): void {
    this.emitter.emit('change', change);
  }

  subscribe(listener: (change: ChangeRow) => void): () => void {
    this.emitter.on('change', listener);
    return () => this.emitter.off('change', listener);
  }

  listenerCount(): number {
    return this.emitter.listenerCount('change');
  }
}

/** More missed changes than this and a reconnecting screen gets one 'resync' instead. */
export const REPLAY_LIMIT = 500;
/** The topic of that one event: refetch everything. */
export const RESYNC_TOPIC = 'resync';

/**
 * What a subscriber resuming after `lastEventId` (none: it starts now) is sent before it follows
 * the bus: every change it missed, from change_log, or, after a long absence or when the log
 * started afresh (a reset database), one 'resync' at the newest change. `last` is the id it goes
 * on after. better-sqlite3 is synchronous, so reading the log and subscribing in the same tick
 * cannot miss a change committed in between.
 */
export function catchUp(
  db: Db,
  lastEventId: string | null | undefined,
  nowMs: number,
): { last: number; backlog: ChangeRow[] } {
  const newest = lastChangeId(db);
  const from = lastEventId ? Number(lastEventId) : newest;
  // An id beyond the newest means the log started afresh: resuming after it would drop every
  // change until the new ids caught up with the old one.
  const restarted = from > newest;
  const missed = restarted ? [] : changesAfter(db, from, REPLAY_LIMIT + 1);
  if (restarted || missed.length > REPLAY_LIMIT) {
    const resync: ChangeRow = {
      id: newest,
      at: new Date(nowMs).toISOString(),
      topic: RESYNC_TOPIC,
      year: null,
      opdId: null,
      summary: null,
    };
    return { last: newest, backlog: [resync] };
  }
  return { last: missed.at(-1)?.id ?? from, backlog: missed };
}
