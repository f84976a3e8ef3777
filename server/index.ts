// Server entry: configuration → open the SQLite file → migrate → seed if empty → build the client
// if needed → listen. Stops cleanly on SIGINT/SIGTERM so the WAL is checkpointed.
import { createApp } from './app';
import { prepareDatabase } from './boot';
import { buildId, CLIENT_DIST, ensureClientBuild } from './build';
import { openDb } from './db/connection';
import { loadEnv } from './env';

async function main(): Promise<void> {
  const env = loadEnv();
  const log = (msg: string) => {
    if (env.LOG_LEVEL !== 'silent' && env.LOG_LEVEL !== 'error') console.log(`[adiguna] ${msg}`);
  };
  const db = openDb(env.DATABASE_PATH);
  log(`database ${env.DATABASE_PATH}`);
  prepareDatabase(db, {
    seed: env.SEED,
    size: env.SEED_SIZE,
    nowMs: Date.now(),
    log,
    adminPassword: env.ADMIN_PASSWORD,
  });
  await ensureClientBuild(log);
  const { app } = createApp({ db, clientDir: CLIENT_DIST, buildId: buildId() });
  const server = app.listen(env.PORT, env.HOST, () => {
    const addr = server.address();
    const port = typeof addr === 'object' && addr ? addr.port : env.PORT;
    log(`listening on http://${env.HOST}:${port}`);
  });
  const stop = () => {
    server.close();
    server.closeAllConnections();
    db.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`[adiguna] failed to start: ${(err as Error).message}`);
  process.exit(1);
});
