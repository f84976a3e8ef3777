// Opening a database for serving: migrate, load the real reference data if missing, and seed demo
// figures into an empty database. Shared by the server entry, the CLI and the tests.
import type { Db } from './db/connection';
import { migrate } from './db/migrate';
import { hasFigures, type SeedSize, seedDemo } from './seed/demo';
import { hasReferenceData, loadReference } from './seed/reference';

export interface PrepareOptions {
  seed: 'demo' | 'none';
  size: SeedSize;
  nowMs: number;
  log?: (msg: string) => void;
}

export function prepareDatabase(db: Db, opts: PrepareOptions): { migrations: string[]; seeded: boolean } {
  const log = opts.log ?? (() => {});
  const migrations = migrate(db);
  if (migrations.length > 0) log(`migrations applied: ${migrations.join(', ')}`);
  if (!hasReferenceData(db)) {
    loadReference(db, new Date(opts.nowMs).toISOString());
    log('reference data loaded from fixtures/reference');
  }
  if (opts.seed === 'demo' && !hasFigures(db)) {
    const t0 = performance.now();
    seedDemo(db, { size: opts.size, nowMs: opts.nowMs, log });
    log(`demo data (${opts.size}) seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return { migrations, seeded: true };
  }
  return { migrations, seeded: false };
}
