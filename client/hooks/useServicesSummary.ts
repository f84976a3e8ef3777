import { useQuery } from '@tanstack/react-query';
import { type OverviewInput, useTRPC } from '../trpc';

/** Per service, per kecamatan, complaints by dimension and IKM per unit. */
export function useServicesSummary(input?: OverviewInput) {
  const trpc = useTRPC();
  return useQuery(trpc.services.summary.queryOptions(input));
}
