// react-query defaults for office pages: no polling (a form must not shift under the typist), no
// placeholder data from another period, no retries of a refused request, and a lost session
// (UNAUTHORIZED anywhere) sends the page back to sign-in by re-asking auth.me.

import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { describeError } from '../forms/errors';

const ME_KEY = [['auth', 'me']];

export function createOfficeQueryClient(): QueryClient {
  const onError = (err: unknown) => {
    if (describeError(err, '').code === 'UNAUTHORIZED') {
      void client.invalidateQueries({ queryKey: ME_KEY });
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Only a request that never got an answer is worth repeating.
        retry: (count, err) => count < 2 && describeError(err, '').code === null,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
