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
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { useTRPC } from '../trpc';
import { type LiveSnapshot, liveConnection } from './connection';
import { pathsForTopics, queryPath } from './topics';

/** A burst of changes (an import writes thousands) becomes one refetch after this quiet time. */
export const LIVE_COALESCE_MS = 300;
/** The build is re-read at this cadence and after every reconnect. */
export const VERSION_CHECK_MS = 60_000;
/** A reconnect ahead of the backoff is tried at most this often (a burst of answered polls). */
export const FORCED_RECONNECT_GAP_MS = 2_000;
/** Not a topic of live.changes: a reconnect's catch-up, which refetches everything. */
const CATCH_UP_TOPIC = 'catch-up';

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

  // Changes waiting for the coalescing timer, by topic; a reconnect's catch-up waits here too, so
  // the catch-up, a 'resync' and a replay of missed changes arriving together are one refetch.
  const pending = useRef(new Set<string>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const schedule = useCallback(
    (topic: string) => {
      pending.current.add(topic);
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
    [queryClient],
  );

  // The newest event id seen, so a reconnect forced ahead of the backoff (below) resumes after it
  // like the retry link's own reconnects do.
  const lastEventId = useRef<string | null>(null);
  const [resume, setResume] = useState<{ lastEventId: string } | undefined>(undefined);
  const subscription = useSubscription(
    trpc.live.changes.subscriptionOptions(resume, {
      onData: (ev) => {
        if (ev.id) lastEventId.current = ev.id;
        schedule(ev.data.topic);
      },
    }),
  );
  const restart = subscription.reset;

  // The network is back, or the server answered a poll while the stream was down: try the stream
  // again now instead of waiting out the backoff (up to 15 s). A new input resubscribes; the same
  // input restarts the subscription.
  const lastForcedAt = useRef(0);
  useEffect(
    () =>
      liveConnection.onReconnectRequest(() => {
        const now = Date.now();
        if (now - lastForcedAt.current < FORCED_RECONNECT_GAP_MS) return;
        lastForcedAt.current = now;
        const id = lastEventId.current;
        if (id !== null && id !== resume?.lastEventId) setResume({ lastEventId: id });
        else restart();
      }),
    [resume, restart],
  );
  useEffect(() => {
    const offline = () => liveConnection.networkLost(Date.now());
    const online = () => liveConnection.requestReconnect();
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
    };
  }, []);
  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((event) => {
        if (event.type === 'updated' && event.action.type === 'success') liveConnection.requestReconnect();
      }),
    [queryClient],
  );

  // Back after a loss: whatever was missed, refetch it all (the build too, so a server restarted
  // on a new build reloads the page), once, together with whatever the server replays.
  const version = useQuery(
    trpc.system.version.queryOptions(undefined, { refetchInterval: VERSION_CHECK_MS, staleTime: 0 }),
  );
  const wasDown = useRef(false);
  useEffect(() => {
    if (conn.status === 'down') wasDown.current = true;
    else if (conn.status === 'open' && wasDown.current) {
      wasDown.current = false;
      schedule(CATCH_UP_TOPIC);
    }
  }, [conn.status, schedule]);

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
