// live.changes: one SSE event per committed change. A reconnecting client sends the last event id
// it saw and first receives every change after it from change_log, so nothing is missed.
import { tracked } from '@trpc/server';
import { z } from 'zod';
import { type ChangeRow, changesAfter, lastChangeId } from '../db/queries/freshness';
import { publicProcedure, router } from '../trpc';

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
        let last = input?.lastEventId ? Number(input.lastEventId) : lastChangeId(ctx.db);
        for (const c of changesAfter(ctx.db, last)) {
          last = c.id;
          yield tracked(String(c.id), c);
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
