import { useQuery } from '@tanstack/react-query';
import { type OverviewInput, useTRPC } from '../trpc';

/** Every active programme with its progress against plan, and the pillar KPIs. */
export function useProgrammes(input?: OverviewInput) {
  const trpc = useTRPC();
  return useQuery(trpc.masterplan.programmes.queryOptions(input));
}
