import { useEffect, useState } from 'react';

interface QueryHealth {
  /** Failed attempts since the last success (react-query resets it on success). */
  failureCount: number;
  isError: boolean;
}

/**
 * Epoch ms of the first failed fetch since data last arrived, or null while connected.
 * Kept across retries and interval refetches so the badge says when the trouble began.
 */
export function useDisconnectedSince({ failureCount, isError }: QueryHealth): number | null {
  const [since, setSince] = useState<number | null>(null);
  const failing = failureCount > 0 || isError;
  useEffect(() => {
    if (failing) setSince((prev) => prev ?? Date.now());
    else setSince(null);
  }, [failing]);
  return since;
}
