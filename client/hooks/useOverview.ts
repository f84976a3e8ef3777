import { useQuery } from '@tanstack/react-query';
import { type OverviewInput, useTRPC } from '../trpc';

/** The executive summary for a year and as-of date (both default to now on the server). */
export function useOverview(input?: OverviewInput) {
  const trpc = useTRPC();
  return useQuery(trpc.dashboard.overview.queryOptions(input));
}
