import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../trpc';

/** Per OPD: reported on time, late or not yet, for a family and a 'YYYY-MM' period (null waits). */
export function useCompliance(family: 'budget' | 'masterplan', period: string | null) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.compliance.byPeriod.queryOptions({ family, period: period ?? '2000-01' }),
    enabled: period !== null,
  });
}
