// Worker thread: opens N live.changes subscriptions over SSE (as N wall screens would) and reports,
// for every change it receives, the delay from the commit time the main thread announces.
import { parentPort, workerData } from 'node:worker_threads';
import { createTRPCClient, httpSubscriptionLink } from '@trpc/client';
import { EventSource } from 'eventsource';
import type { AppRouter } from '../../server/routers/_app';

const { url, clients } = workerData as { url: string; clients: number };
// Receipt times by change id; matched with the commit times only at the end, so an event that
// arrives before its commit time reaches this thread is still counted.
const received = new Map<number, number[]>();
let started = 0;
// Subscriptions that failed or ended on their own: a wall screen that lost its feed.
let errors = 0;
let stopped = 0;

parentPort?.on('message', (m: { done?: { id: number; at: number }[] }) => {
  if (!m.done) return;
  const delays: number[] = [];
  for (const { id, at } of m.done) for (const t of received.get(id) ?? []) delays.push(t - at);
  parentPort?.postMessage({ delays, errors, stopped });
});

for (let i = 0; i < clients; i++) {
  const client = createTRPCClient<AppRouter>({
    links: [httpSubscriptionLink({ url: `${url}/trpc`, EventSource })],
  });
  client.live.changes.subscribe(undefined, {
    onStarted: () => {
      started++;
      if (started === clients) parentPort?.postMessage({ ready: true });
    },
    onError: () => {
      errors++;
    },
    onStopped: () => {
      stopped++;
    },
    onData: (ev) => {
      const now = performance.timeOrigin + performance.now();
      const list = received.get(ev.data.id);
      if (list) list.push(now);
      else received.set(ev.data.id, [now]);
    },
  });
}
