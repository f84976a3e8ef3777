// Browser entry: mounts the app inside the scaled wall stage with react-query, tRPC and the
// one-second clock as providers.

import './styles.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { Stage } from './components/Stage';
import { NowProvider } from './hooks/useNow';
import { createClient, createQueryClient, TRPCProvider } from './trpc';

function Root() {
  const [queryClient] = useState(createQueryClient);
  const [trpcClient] = useState(createClient);
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <NowProvider>
          <Stage>
            <App />
          </Stage>
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
