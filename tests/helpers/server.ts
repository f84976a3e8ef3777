// Starts the real Express app on an ephemeral loopback port for HTTP and browser tests.

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/app';
import { CLIENT_DIST } from '../../server/build';
import type { ChangeBus } from '../../server/live';
import type { TestDb } from './db';

export interface RunningServer {
  url: string;
  bus: ChangeBus;
  close: () => Promise<void>;
}

export async function startServer(
  t: Pick<TestDb, 'db' | 'nowMs'>,
  opts: { client?: boolean; buildId?: string; port?: number } = {},
): Promise<RunningServer> {
  const { app, context } = createApp({
    db: t.db,
    clock: () => t.nowMs,
    clientDir: opts.client ? CLIENT_DIST : null,
    buildId: opts.buildId ?? 'test',
    log: () => {},
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(opts.port ?? 0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    bus: context.bus,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
