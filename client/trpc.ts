// tRPC client, react-query defaults for wall screens, and the router's output types (inferred,
// never restated). The server answers at the same origin under /trpc; the session cookie goes
// along by itself and every call carries the CSRF token once a session handed it over.

import { keepPreviousData, QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, retryLink, splitLink } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { AppRouter } from '../server/routers/_app';
import { csrfHeaders } from './csrf';
import { reconnectDelayMs } from './live/backoff';
import { liveConnection, wallEventSource } from './live/connection';

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type OverviewData = RouterOutputs['dashboard']['overview'];
export type OverviewInput = RouterInputs['dashboard']['overview'];

/** Walls poll at this cadence (live pushes come on top); never faster than the floor. */
export const REFRESH_INTERVAL_MS = 60_000;
export const REFRESH_FLOOR_MS = 15_000;
/** Retry backoff: 1 s, 2 s, 4 s … capped, so a restarting server is not hammered. */
export const RETRY_BASE_MS = 1_000;
export const RETRY_MAX_MS = 30_000;
export const RETRY_ATTEMPTS = 3;

export function refreshInterval(ms: number = REFRESH_INTERVAL_MS): number {
  return Math.max(REFRESH_FLOOR_MS, ms);
}

export function retryDelay(attempt: number): number {
  return Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** attempt);
}

/**
 * Polling cadence by query status: after a failed round (retries spent) come back at the floor, so
 * a wall catches up within seconds of the server returning, whether or not it shows data.
 */
export function wallRefetchInterval(status: 'pending' | 'error' | 'success'): number {
  return status === 'error' ? REFRESH_FLOOR_MS : refreshInterval();
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: refreshInterval() / 2,
        refetchInterval: (query) => wallRefetchInterval(query.state.status),
        // A wall has no one to focus it; keep polling while the tab is "hidden" too.
        refetchIntervalInBackground: true,
        refetchOnWindowFocus: false,
        placeholderData: keepPreviousData,
        retry: RETRY_ATTEMPTS,
        retryDelay,
      },
    },
  });
}

// The wall player (/layar?t=…) authenticates as a display with its token rather than a session:
// held in memory here, sent as a Bearer header on HTTP and as connectionParams on SSE. Unset (the
// office and the plain walls), no Authorization header goes out and the SSE connectionParams are
// null, which the server reads as "none": sessions work as before.
let displayToken: string | null = null;

export function setDisplayToken(value: string | null): void {
  displayToken = value;
}

export function getDisplayToken(): string | null {
  return displayToken;
}

/** Headers for a batched call: the CSRF token when signed in, the display token when set. */
export function requestHeaders(): Record<string, string> {
  const headers = csrfHeaders();
  return displayToken ? { ...headers, authorization: `Bearer ${displayToken}` } : headers;
}

export function createClient() {
  return createTRPCClient<AppRouter>({
    links: [
      // Subscriptions (live.changes) over server-sent events; everything else batched over HTTP.
      splitLink({
        condition: (op) => op.type === 'subscription',
        // A dropped stream is retried for ever with backoff, resuming after the last event id.
        true: [
          retryLink({
            retry: () => true,
            retryDelayMs: () => reconnectDelayMs(liveConnection.getSnapshot().failures - 1),
          }),
          httpSubscriptionLink({
            url: '/trpc',
            connectionParams: () => (displayToken ? { token: displayToken } : null),
            EventSource: wallEventSource(),
          }),
        ],
        // Batches stay under the server's 50 calls, and their GET URL under the 16 KB of headers
        // Node reads (past it Node answers 431 with no message); longer ones are split.
        false: httpBatchLink({ url: '/trpc', headers: requestHeaders, maxItems: 20, maxURLLength: 8_000 }),
      }),
    ],
  });
}

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();
