import { useQuery } from '@tanstack/react-query';
import { type OverviewInput, RETRY_ATTEMPTS, useTRPC } from '../trpc';

/** Whether a failed query is the server saying the thing asked for does not exist. */
export function isNotFound(error: unknown): boolean {
  return (error as { data?: { code?: string } } | null)?.data?.code === 'NOT_FOUND';
}

/**
 * One masterplan pillar in depth (masterplan.pillar), optionally narrowed to one OPD's programmes. An unknown pillar code is not retried: it is
 * an answer, not a lost connection.
 */
export function usePillar(code: string, input?: OverviewInput, opdCode?: string) {
  const trpc = useTRPC();
  return useQuery(
    trpc.masterplan.pillar.queryOptions(opdCode ? { code, ...input, opdCode } : { code, ...input }, {
      retry: (failures, error) => !isNotFound(error) && failures < RETRY_ATTEMPTS,
    }),
  );
}
