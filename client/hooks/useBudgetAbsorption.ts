import { useQuery } from '@tanstack/react-query';
import { type OverviewInput, useTRPC } from '../trpc';

/**
 * Serapan anggaran by slice (total, OPD, spending group, funding source) with the S-curve;
 * narrowed to one OPD, its own S-curve comes as `focus`.
 */
export function useBudgetAbsorption(input?: OverviewInput, opdCode?: string) {
  const trpc = useTRPC();
  return useQuery(trpc.budget.absorption.queryOptions(opdCode ? { ...input, opdCode } : input));
}
