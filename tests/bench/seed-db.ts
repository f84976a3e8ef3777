// The benchmark databases: bench-results/<size>.db, seeded once with the demo generator at the
// benchmarks' fixed "now" and reused by every benchmark after that (they are never written to; a
// benchmark that writes works on a copy). A seed goes to a temporary file renamed when complete,
// so an interrupted seed never leaves a half-filled database to be reused.
import fs from 'node:fs';
import path from 'node:path';
import { prepareDatabase } from '../../server/boot';
import { ROOT } from '../../server/build';
import { openDb } from '../../server/db/connection';
import { migrate } from '../../server/db/migrate';
import type { SeedSize } from '../../server/seed/demo';

export const BENCH_DIR = path.join(ROOT, 'bench-results');
/** The fixed "now" of every benchmark database: 2026-11-23 10.00 WIB. */
export const BENCH_NOW = Date.parse('2026-11-23T03:00:00.000Z');
export const SEED_SIZES: readonly SeedSize[] = ['small', 'kabupaten', 'triple', 'stress'];

export function isSeedSize(s: string): s is SeedSize {
  return (SEED_SIZES as readonly string[]).includes(s);
}

/** Path of the size's database, seeding it first when missing; `seconds` is null when reused. */
export function ensureBenchDbTimed(
  size: string,
  log: (m: string) => void = () => {},
): { file: string; seconds: number | null } {
  if (!isSeedSize(size)) throw new Error(`unknown size '${size}' (${SEED_SIZES.join(', ')})`);
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  const file = path.join(BENCH_DIR, `${size}.db`);
  if (fs.existsSync(file)) {
    // A database seeded by an older checkout gets this code's migrations (indexes, rollup columns).
    const db = openDb(file);
    const applied = migrate(db);
    db.close();
    if (applied.length > 0) log(`  [${size}] migrations applied: ${applied.join(', ')}`);
    return { file, seconds: null };
  }
  log(`seeding ${size} into ${path.relative(ROOT, file)}…`);
  const tmp = `${file}.seeding`;
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(tmp + suffix, { force: true });
  const db = openDb(tmp);
  const t0 = performance.now();
  prepareDatabase(db, { seed: 'demo', size, nowMs: BENCH_NOW, log: (m) => log(`  [${size}] ${m}`) });
  const seconds = (performance.now() - t0) / 1000;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  for (const suffix of ['-wal', '-shm']) fs.rmSync(tmp + suffix, { force: true });
  fs.renameSync(tmp, file);
  return { file, seconds };
}

export async function ensureBenchDb(size: string, log?: (m: string) => void): Promise<string> {
  return ensureBenchDbTimed(size, log).file;
}
