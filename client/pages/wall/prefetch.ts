// A cold wall load, started from the URL before React renders anything (client/main.tsx): the
// screen's tRPC queries and the ticker's in one batched request, the screen's code-split chunk and
// the chart chunk, all in parallel. Without it each waited for the one before: first render, then
// the screen's chunk, then its render, then its query, then the chart chunk's Suspense round.
//
// The queries go into the same react-query cache under the same keys the screens' hooks use
// (the same tRPC options proxy builds them), so the hooks find them in flight or answered.

import type { QueryClient } from '@tanstack/react-query';
import type { TRPCClient } from '@trpc/client';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { AppRouter } from '../../../server/routers/_app';
import { filterParam, normalisePath, overviewInput, PILAR_PREFIX, preloadWallRoute, ROUTES } from '../../App';
import { preloadEChart } from '../../charts/LazyEChart';
import { isNotFound } from '../../hooks/usePillar';
import { RETRY_ATTEMPTS } from '../../trpc';
import { expectedAsOf, previousMonth } from './period';

/** Wall paths whose screen draws a chart (the player turns through such screens too). */
const CHART_PATHS = new Set([
  '/',
  '/wall/ringkasan',
  '/wall/anggaran',
  '/wall/layanan',
  '/wall/spbe',
  '/layar',
]);

export function prefetchWall(
  queryClient: QueryClient,
  client: TRPCClient<AppRouter>,
  location: { pathname: string; search: URLSearchParams },
  nowMs: number = Date.now(),
): void {
  const path = normalisePath(location.pathname);
  const pilarCode = path.startsWith(PILAR_PREFIX) && !ROUTES[path] ? path.slice(PILAR_PREFIX.length) : null;
  if (!ROUTES[path] && !pilarCode) return; // an office page, the briefing, or not found
  if (CHART_PATHS.has(path) || pilarCode) preloadEChart().catch(() => {}); // a chart retries on mount
  preloadWallRoute(path);

  const trpc = createTRPCOptionsProxy<AppRouter>({ client, queryClient });
  const search = location.search;
  const input = overviewInput(search);
  // The player's screens and data come with its display token: it fetches them itself.
  if (path === '/layar') return;
  // The frame's ticker (client/components/Ticker.tsx), with the input of the page's URL.
  void queryClient.prefetchQuery(trpc.dashboard.ticker.queryOptions(input));

  if (pilarCode) {
    const code = pilarCode.toUpperCase();
    const opdCode = filterParam(search, 'opd');
    // As usePillar: an unknown pillar is an answer, not retried.
    void queryClient.prefetchQuery(
      trpc.masterplan.pillar.queryOptions(opdCode ? { code, ...input, opdCode } : { code, ...input }, {
        retry: (failures, error) => !isNotFound(error) && failures < RETRY_ATTEMPTS,
      }),
    );
    return;
  }
  switch (path) {
    case '/':
    case '/wall/ringkasan':
      void queryClient.prefetchQuery(trpc.dashboard.overview.queryOptions(input));
      break;
    case '/wall/anggaran': {
      const opdCode = filterParam(search, 'opd');
      void queryClient.prefetchQuery(
        trpc.budget.absorption.queryOptions(opdCode ? { ...input, opdCode } : input),
      );
      break;
    }
    case '/wall/layanan':
      void queryClient.prefetchQuery(trpc.services.summary.queryOptions(input));
      break;
    case '/wall/spbe':
      void queryClient.prefetchQuery(trpc.spbe.results.queryOptions(input));
      break;
    case '/wall/kepatuhan': {
      // The month comes from budget.absorption's as-of date. Asked for in the same request, the
      // month this machine's clock expects (exact with ?asOf=); when the server's answer names
      // another month, that one follows as soon as the answer is in, without waiting for React.
      const expected = previousMonth(expectedAsOf(input, nowMs));
      const compliance = (period: string) =>
        queryClient.prefetchQuery(trpc.compliance.byPeriod.queryOptions({ family: 'budget', period }));
      void compliance(expected);
      queryClient
        .fetchQuery(trpc.budget.absorption.queryOptions(input))
        .then((budget) => {
          const period = previousMonth(budget.asOf);
          if (period !== expected) void compliance(period);
        })
        .catch(() => {}); // the screen's own query reports the failure and retries
      break;
    }
    case '/wall/tindaklanjut':
      void queryClient.prefetchQuery(trpc.followUp.board.queryOptions());
      break;
  }
}
