// live.changes: one SSE event per committed change. A reconnecting client sends the last event id
// it saw and first receives every change after it from change_log, so nothing is missed; after a
// long absence it receives one 'resync' (refetch everything) rather than thousands of events.
//
// Over HTTP, a well-formed GET of this procedure is answered by server/http/liveStream.ts, which
// speaks tRPC's SSE format but encodes each change once for every screen; this generator is the
// contract (and its types) and serves in-process callers and every request that fast path hands
// back to tRPC (bad input, batches), so errors are tRPC's own.
import { tracked } from '@trpc/server';
import { z } from 'zod';
import type { ChangeRow } from '../db/queries/freshness';
import { catchUp, REPLAY_LIMIT, RESYNC_TOPIC } from '../live';
import { publicProcedure, router } from '../trpc';

export { REPLAY_LIMIT, RESYNC_TOPIC };

export const changesInput = z
  .object({ lastEventId: z.string().regex(/^\d+$/).nullish() })
  .strict()
  .optional();

export const liveRouter = router({
  changes: publicProcedure.input(changesInput).subscription(async function* ({ ctx, input, signal }) {
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
      const start = catchUp(ctx.db, input?.lastEventId, ctx.clock());
      let last = start.last;
      for (const c of start.backlog) yield tracked(String(c.id), c);
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
