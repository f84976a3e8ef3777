import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../trpc';

/** Every open meeting follow-up, late first, as of today (followUp.board; refetched on 'followup'). */
export function useFollowUpBoard() {
  const trpc = useTRPC();
  return useQuery(trpc.followUp.board.queryOptions());
}
