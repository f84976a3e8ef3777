// Development: the same server with Vite as middleware (hot reload for client/), one origin, one
// process. `npm run dev`; configuration as for `npm start`.
import path from 'node:path';
import express from 'express';
import { createServer as createVite } from 'vite';
import { createApp } from './app';
import { prepareDatabase } from './boot';
import { ROOT } from './build';
import { openDb } from './db/connection';
import { loadEnv } from './env';

const env = loadEnv({ NODE_ENV: 'development', ...process.env });
const log = (msg: string) => console.log(`[adiguna:dev] ${msg}`);
const db = openDb(env.DATABASE_PATH);
prepareDatabase(db, {
  seed: env.SEED,
  size: env.SEED_SIZE,
  nowMs: Date.now(),
  log,
  adminPassword: env.ADMIN_PASSWORD,
});
const { app } = createApp({ db, buildId: 'dev' });
const vite = await createVite({
  configFile: path.join(ROOT, 'vite.config.ts'),
  server: { middlewareMode: true },
  appType: 'spa',
});
const outer = express();
outer.use((req, res, next) =>
  req.path.startsWith('/trpc') || req.path === '/healthz' ? app(req, res, next) : next(),
);
outer.use(vite.middlewares);
outer.listen(env.PORT, env.HOST, () => log(`http://${env.HOST}:${env.PORT} (Vite middleware, hot reload)`));
