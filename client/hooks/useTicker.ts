import { useQuery } from '@tanstack/react-query';
import { type OverviewInput, useTRPC } from '../trpc';

/** The alert ticker along the foot of every wall screen (dashboard.ticker). */
export function useTicker(input?: OverviewInput) {
  const trpc = useTRPC();
  return useQuery(trpc.dashboard.ticker.queryOptions(input));
}
