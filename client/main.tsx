// Browser entry: mounts the app with react-query, tRPC and the one-second clock as providers.
// App puts wall screens inside the scaled 1920×1080 stage; office pages scroll normally.
// A wall screen's data, code and charts start loading here, before the first render (prefetch.ts).

import './zodJitless';
import './styles.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { NowProvider } from './hooks/useNow';
import { currentLocation } from './navigation';
import { prefetchWall } from './pages/wall/prefetch';
import { createClient, createQueryClient, TRPCProvider } from './trpc';

// One of each for the page's life (as the useState initialisers were), made before React so the
// prefetch and the screens share the cache.
const queryClient = createQueryClient();
const trpcClient = createClient();
prefetchWall(queryClient, trpcClient, currentLocation());

function Root() {
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <NowProvider>
          <App />
        </NowProvider>
      </TRPCProvider>
    </QueryClientProvider>
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
// In a task after the prefetch's: tRPC sends a batch from a timer, and React's first render would
// otherwise run before it and hold the request back for as long as the render takes.
setTimeout(() => {
  createRoot(container).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  );
});
