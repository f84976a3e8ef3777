// Browser entry: mounts the app with react-query, tRPC and the one-second clock as providers.
// App puts wall screens inside the scaled 1920×1080 stage; office pages scroll normally.

import './styles.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { NowProvider } from './hooks/useNow';
import { createClient, createQueryClient, TRPCProvider } from './trpc';

function Root() {
  const [queryClient] = useState(createQueryClient);
  const [trpcClient] = useState(createClient);
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
createRoot(container).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
