// One live connection per wall page, shared by every screen the page shows (a player turning
// through eight screens keeps the same connection). It refetches only the queries a change
// touches, catches up after a reconnect, reloads the page when the server runs a new build, and
// tells the frame whether the wall is connected.

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import {
  createContext,
  createElement,
  type ReactNode,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useSyncExternalStore,
} from 'react';
import { useTRPC } from '../trpc';
import { type LiveSnapshot, liveConnection } from './connection';
import { pathsForTopics, queryPath } from './topics';

/** A burst of changes (an import writes thousands) becomes one refetch after this quiet time. */
export const LIVE_COALESCE_MS = 300;
/** The build is re-read at this cadence and after every reconnect. */
export const VERSION_CHECK_MS = 60_000;

export interface WallLive {
  status: LiveSnapshot['status'];
  /** When the live connection was lost; null while connected (or still connecting the first time). */
  downSince: number | null;
}

const WallLiveContext = createContext<WallLive>({ status: 'connecting', downSince: null });

export function useWallLive(): WallLive {
  return useContext(WallLiveContext);
}

export function WallLiveProvider({ children }: { children: ReactNode }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const conn = useSyncExternalStore(liveConnection.subscribe, liveConnection.getSnapshot);

  const pending = useRef(new Set<string>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  useSubscription(
    trpc.live.changes.subscriptionOptions(undefined, {
      onData: (ev) => {
        pending.current.add(ev.data.topic);
        if (timer.current) return;
        timer.current = setTimeout(() => {
          timer.current = null;
          const paths = pathsForTopics(pending.current);
          pending.current.clear();
          if (paths === 'all') void queryClient.invalidateQueries();
          else
            void queryClient.invalidateQueries({
              predicate: (q) => paths.has(queryPath(q.queryKey) ?? ''),
            });
        }, LIVE_COALESCE_MS);
      },
    }),
  );

  // Back after a loss: whatever was missed, refetch it all, and re-read the build so a server
  // restarted on a new build reloads the page.
  const version = useQuery(
    trpc.system.version.queryOptions(undefined, { refetchInterval: VERSION_CHECK_MS, staleTime: 0 }),
  );
  const refetchVersion = version.refetch;
  const wasDown = useRef(false);
  useEffect(() => {
    if (conn.status === 'down') wasDown.current = true;
    else if (conn.status === 'open' && wasDown.current) {
      wasDown.current = false;
      void queryClient.invalidateQueries();
      void refetchVersion();
    }
  }, [conn.status, queryClient, refetchVersion]);

  const firstBuild = useRef<string | null>(null);
  const buildId = version.data?.buildId;
  useEffect(() => {
    if (!buildId) return;
    if (firstBuild.current === null) firstBuild.current = buildId;
    else if (firstBuild.current !== buildId) window.location.reload();
  }, [buildId]);

  const value = useMemo<WallLive>(
    () => ({ status: conn.status, downSince: conn.downSince }),
    [conn.status, conn.downSince],
  );
  return createElement(WallLiveContext.Provider, { value }, children);
}
