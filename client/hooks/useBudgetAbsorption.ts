import { useQuery } from '@tanstack/react-query';
import { type OverviewInput, useTRPC } from '../trpc';

/** Serapan anggaran by slice (total, OPD, spending group, funding source) with the S-curve. */
export function useBudgetAbsorption(input?: OverviewInput) {
  const trpc = useTRPC();
  return useQuery(trpc.budget.absorption.queryOptions(input));
}
