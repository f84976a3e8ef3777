import { useQuery } from '@tanstack/react-query';
import { type OverviewInput, useTRPC } from '../trpc';

/** Every SPBE assessment up to the year, with domain and aspect indices and the frameworks. */
export function useSpbeResults(input?: OverviewInput) {
  const trpc = useTRPC();
  return useQuery(trpc.spbe.results.queryOptions(input));
}
