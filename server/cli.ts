// Database commands: `migrate`, `seed` (demo data into an empty database), `reset` (delete and
// re-seed), `rebuild` (recompute every rollup from raw rows), `backup FILE` (online backup).
// Usage: npm run db:<command> [-- --size=small|kabupaten|stress]
import fs from 'node:fs';
import { wibParts } from '../shared/time';
import { prepareDatabase } from './boot';
import { openDb } from './db/connection';
import { migrate } from './db/migrate';
import { budgetYears, rebuildBudgetRollups } from './db/queries/budget';
import { rebuildComplaintRollups } from './db/queries/complaints';
import { appendChange } from './db/queries/freshness';
import { rebuildOpdReports } from './db/queries/periods';
import { rebuildServiceRollups } from './db/queries/services';
import { rebuildIndexRollups } from './db/queries/spbe';
import { loadEnv } from './env';
import { bucketOf } from './kpi/histogram';
import { setting } from './settings';

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const env = loadEnv();
  const sizeArg = rest.find((a) => a.startsWith('--size='))?.slice('--size='.length);
  const size =
    sizeArg === 'small' || sizeArg === 'stress' || sizeArg === 'kabupaten' ? sizeArg : env.SEED_SIZE;
  const log = (m: string) => console.log(`[adiguna] ${m}`);
  switch (command) {
    case 'migrate': {
      const db = openDb(env.DATABASE_PATH);
      log(`applied: ${migrate(db).join(', ') || 'nothing (up to date)'}`);
      db.close();
      return;
    }
    case 'reset':
    case 'seed': {
      if (command === 'reset') {
        for (const suffix of ['', '-wal', '-shm']) fs.rmSync(env.DATABASE_PATH + suffix, { force: true });
        log(`deleted ${env.DATABASE_PATH}`);
      }
      const db = openDb(env.DATABASE_PATH);
      const r = prepareDatabase(db, {
        seed: 'demo',
        size,
        nowMs: Date.now(),
        log,
        adminPassword: env.ADMIN_PASSWORD,
      });
      if (!r.seeded) log('database already holds figures: nothing seeded (use db:reset)');
      db.close();
      return;
    }
    case 'rebuild': {
      const db = openDb(env.DATABASE_PATH);
      const year = wibParts(Date.now()).year;
      db.transaction(() => {
        for (const y of budgetYears(db)) rebuildBudgetRollups(db, y);
        rebuildIndexRollups(db);
        rebuildServiceRollups(db, bucketOf);
        rebuildComplaintRollups(db, setting(db, 'complaint.first_response_hours', year));
        rebuildOpdReports(db);
        // A running server memoises by the last change: announce the rebuild as a change.
        appendChange(db, {
          at: new Date().toISOString(),
          topic: 'system',
          year: null,
          opdId: null,
          summary: 'Rollup dibangun ulang',
        });
      })();
      log('rollups rebuilt from raw rows');
      db.close();
      return;
    }
    case 'backup': {
      const target = rest.find((a) => !a.startsWith('--'));
      if (!target) throw new Error('usage: db:backup -- FILE');
      const db = openDb(env.DATABASE_PATH);
      await db.backup(target);
      log(`online backup written to ${target}`);
      db.close();
      return;
    }
    default:
      throw new Error(`unknown command '${command ?? ''}': migrate | seed | reset | rebuild | backup FILE`);
  }
}

main().catch((err: unknown) => {
  console.error(`[adiguna] ${(err as Error).message}`);
  process.exit(1);
});
