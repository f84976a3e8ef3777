// live.changes: one SSE event per committed change. A reconnecting client sends the last event id
// it saw and first receives every change after it from change_log, so nothing is missed; after a
// long absence it receives one 'resync' (refetch everything) rather than thousands of events.
import { tracked } from '@trpc/server';
import { z } from 'zod';
import { type ChangeRow, changesAfter, lastChangeId } from '../db/queries/freshness';
import { publicProcedure, router } from '../trpc';

/** More missed changes than this and a reconnecting screen gets one 'resync' instead. */
export const REPLAY_LIMIT = 500;
export const RESYNC_TOPIC = 'resync';

export const liveRouter = router({
  changes: publicProcedure
    .input(
      z
        .object({ lastEventId: z.string().regex(/^\d+$/).nullish() })
        .strict()
        .optional(),
    )
    .subscription(async function* ({ ctx, input, signal }) {
      const queue: ChangeRow[] = [];
      let wake: (() => void) | null = null;
      const unsubscribe = ctx.bus.subscribe((c) => {
        queue.push(c);
        wake?.();
      });
      // One abort listener for the life of the connection (regression: one was added per wait,
      // so a wall's connection grew a listener with every change it waited for).
      const onAbort = () => wake?.();
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        const newest = lastChangeId(ctx.db);
        let last = input?.lastEventId ? Number(input.lastEventId) : newest;
        // An id beyond the newest means the log started afresh (a reset database): resuming
        // after it would drop every change until the new ids caught up with the old one.
        const restarted = last > newest;
        const missed = restarted ? [] : changesAfter(ctx.db, last, REPLAY_LIMIT + 1);
        if (restarted || missed.length > REPLAY_LIMIT) {
          // Away too long to replay change by change (a display offline for an hour while OPDs
          // imported): one 'resync' tells the screen to refetch everything, and it goes on from
          // the newest change.
          last = newest;
          yield tracked(String(newest), {
            id: newest,
            at: new Date(ctx.clock()).toISOString(),
            topic: RESYNC_TOPIC,
            year: null,
            opdId: null,
            summary: null,
          } satisfies ChangeRow);
        } else {
          for (const c of missed) {
            last = c.id;
            yield tracked(String(c.id), c);
          }
        }
        while (!signal?.aborted) {
          if (queue.length === 0) {
            await new Promise<void>((resolve) => {
              wake = resolve;
            });
            wake = null;
            continue;
          }
          const c = queue.shift() as ChangeRow;
          if (c.id <= last) continue;
          last = c.id;
          yield tracked(String(c.id), c);
        }
      } finally {
        signal?.removeEventListener('abort', onAbort);
        unsubscribe();
      }
    }),
});
