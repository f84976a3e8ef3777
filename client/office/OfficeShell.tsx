// The frame of every office page (loaded only when one is opened, never by a wall): its own
// react-query client, the session from auth.me (which also hands over the CSRF token), the
// redirect to /masuk?next=… when signed out, the role check, and the top bar.

import './office.css';
import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { Suspense, useEffect, useLayoutEffect, useState } from 'react';
import type { OfficeRoute } from '../App';
import { setCsrfToken } from '../csrf';
import { pathWith, useNavigation } from '../navigation';
import { TRPCProvider, useTRPC, useTRPCClient } from '../trpc';
import { createOfficeQueryClient } from './queryClient';
import { isOfficeRole, SessionContext } from './session';
import { TopBar } from './TopBar';
import { Notice, QueryStatus } from './ui';
import { useT } from './useT';

interface ShellProps {
  route: OfficeRoute;
  path: string;
}

export default function OfficeShell(props: ShellProps) {
  const trpcClient = useTRPCClient();
  const [queryClient] = useState(createOfficeQueryClient);
  // Before the first paint (regression: added in an effect, the sign-in card was first painted
  // without the office styles, then jumped to the centre: a layout shift of 0,21).
  useLayoutEffect(() => {
    const root = document.documentElement;
    root.classList.add('office');
    return () => root.classList.remove('office');
  }, []);
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <Guarded {...props} />
      </TRPCProvider>
    </QueryClientProvider>
  );
}

function PageLoading() {
  const { t } = useT();
  return (
    <p className="loading" role="status">
      {t('state.loading')}
    </p>
  );
}

function Guarded({ route, path }: ShellProps) {
  const { t } = useT();
  const trpc = useTRPC();
  const { location, navigate } = useNavigation();
  const me = useQuery({ ...trpc.auth.me.queryOptions(), staleTime: 5 * 60_000 });
  const session = me.data ?? null;
  const signedOut = me.isSuccess && session === null;
  const Page = route.page;

  useEffect(() => {
    if (me.isSuccess) setCsrfToken(me.data?.csrfToken ?? null);
  }, [me.isSuccess, me.data]);

  useEffect(() => {
    if (signedOut && route.roles !== 'public') {
      const here = `${path}${location.search.size > 0 ? `?${location.search}` : ''}`;
      navigate(pathWith('/masuk', { next: here }), { replace: true });
    }
  }, [signedOut, route.roles, path, location.search, navigate]);

  if (route.roles === 'public') {
    return (
      <SessionContext.Provider value={session}>
        <Suspense fallback={<PageLoading />}>
          <Page />
        </Suspense>
      </SessionContext.Provider>
    );
  }
  if (!session) {
    return (
      <main className="office-main">
        <QueryStatus isPending={!signedOut} error={me.error} onRetry={() => void me.refetch()} />
      </main>
    );
  }
  const allowed = isOfficeRole(session.user.role) && route.roles.includes(session.user.role);
  return (
    <SessionContext.Provider value={session}>
      <div className="office-app">
        <TopBar session={session} path={path} />
        <main className="office-main" id="main" tabIndex={-1}>
          {allowed ? (
            <Suspense fallback={<PageLoading />}>
              <Page />
            </Suspense>
          ) : (
            <Notice tone="error" title={t('shell.forbiddenTitle')} testId="forbidden" live="assertive">
              {t('shell.forbidden')}
            </Notice>
          )}
        </main>
      </div>
    </SessionContext.Provider>
  );
}
