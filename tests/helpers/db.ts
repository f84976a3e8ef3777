// Test databases: every test starts from a known state (migrate, real reference data, then a
// fixture) in a real SQLite file under the OS temp dir, with a frozen clock.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../server/app';
import { type Db, openDb } from '../../server/db/connection';
import { migrate } from '../../server/db/migrate';
import { appRouter } from '../../server/routers/_app';
import { type SeedSize, seedDemo } from '../../server/seed/demo';
import { loadHandcheck, readHandcheck } from '../../server/seed/handcheck';
import { loadReference } from '../../server/seed/reference';
import { createCallerFactory } from '../../server/trpc';

export interface TestDb {
  db: Db;
  file: string;
  nowMs: number;
  close: () => void;
}

let counter = 0;

export function tempDbFile(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `adiguna-${label}-`));
  counter += 1;
  return path.join(dir, `test-${process.pid}-${counter}.db`);
}

/** A migrated database with the real reference data and, optionally, a dataset on top. */
export function makeTestDb(dataset: 'reference' | 'handcheck' | { demo: SeedSize; nowMs: number }): TestDb {
  const file = tempDbFile(typeof dataset === 'string' ? dataset : dataset.demo);
  const db = openDb(file);
  migrate(db);
  let nowMs = Date.parse('2026-11-23T03:00:00.000Z');
  if (dataset === 'handcheck') {
    const data = readHandcheck();
    nowMs = Date.parse(data.now);
    loadReference(db, data.now);
    loadHandcheck(db, data);
  } else if (dataset === 'reference') {
    loadReference(db, new Date(nowMs).toISOString());
  } else {
    nowMs = dataset.nowMs;
    loadReference(db, new Date(nowMs).toISOString());
    seedDemo(db, { size: dataset.demo, nowMs });
  }
  return {
    db,
    file,
    nowMs,
    close: () => {
      db.close();
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    },
  };
}

/** A tRPC caller over the same context the HTTP server uses, with the clock frozen at nowMs. */
export function callerFor(t: Pick<TestDb, 'db' | 'nowMs'>) {
  const { context } = createApp({ db: t.db, clock: () => t.nowMs });
  return createCallerFactory(appRouter)(context);
}
