import { useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useEffect, useRef } from 'react';
import { useTRPC } from '../trpc';

/** A burst of changes (an import writes thousands) becomes one refetch after this quiet time. */
export const LIVE_COALESCE_MS = 300;

/**
 * Follows live.changes (SSE): every committed change marks the wall's queries stale, so the
 * screen refetches within a second instead of at its next poll. The link reconnects by itself and
 * resumes after the last event id it saw.
 */
export function useLiveChanges(): void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  useSubscription(
    trpc.live.changes.subscriptionOptions(undefined, {
      onData: () => {
        if (timer.current) return;
        timer.current = setTimeout(() => {
          timer.current = null;
          // Every query on a wall shows committed figures: mark them all stale, active ones refetch.
          void queryClient.invalidateQueries();
        }, LIVE_COALESCE_MS);
      },
    }),
  );
}
