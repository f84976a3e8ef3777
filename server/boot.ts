// Opening a database for serving: migrate, load the real reference data if missing, and seed demo
// figures into an empty database. Shared by the server entry, the CLI and the tests.
import { randomBytes } from 'node:crypto';
import { hashSync } from '@node-rs/argon2';
import { passwordProblem } from './auth/passwords';
import type { Db } from './db/connection';
import { migrate } from './db/migrate';
import { countAdmins, insertUser } from './db/queries/auth';
import { hasFigures, type SeedSize, seedDemo } from './seed/demo';
import { fillIndicatorOwners, hasReferenceData, loadReference } from './seed/reference';

export interface PrepareOptions {
  seed: 'demo' | 'none';
  size: SeedSize;
  nowMs: number;
  log?: (msg: string) => void;
  /** Password of the first admin account; when absent a random one is generated and printed once. */
  adminPassword?: string | undefined;
}

/**
 * The first admin ('admin'), created when no admin exists. Without ADMIN_PASSWORD a random
 * password is printed once: it is the only copy (only its hash is stored).
 */
export function ensureFirstAdmin(
  db: Db,
  nowMs: number,
  adminPassword: string | undefined,
  log: (msg: string) => void,
): void {
  if (countAdmins(db) > 0) return;
  const password = adminPassword ?? randomBytes(12).toString('base64url');
  const problem = passwordProblem(password);
  if (problem) throw new Error(`ADMIN_PASSWORD: ${problem}`);
  insertUser(db, {
    username: 'admin',
    displayName: 'Administrator Dinkominfo',
    role: 'admin',
    opdId:
      (db.prepare(`SELECT id FROM opd WHERE code = 'DINKOMINFO'`).pluck().get() as number | undefined) ??
      null,
    passwordHash: hashSync(password),
    at: new Date(nowMs).toISOString(),
  });
  if (adminPassword) log("first admin account 'admin' created with ADMIN_PASSWORD");
  else
    log(
      `first admin account 'admin' created; password (shown once, change it after signing in): ${password}`,
    );
}

export function prepareDatabase(db: Db, opts: PrepareOptions): { migrations: string[]; seeded: boolean } {
  const log = opts.log ?? (() => {});
  const migrations = migrate(db);
  if (migrations.length > 0) log(`migrations applied: ${migrations.join(', ')}`);
  if (!hasReferenceData(db)) {
    loadReference(db, new Date(opts.nowMs).toISOString());
    log('reference data loaded from fixtures/reference');
  } else {
    const owners = fillIndicatorOwners(db);
    if (owners > 0) log(`SPBE indicator owners filled in for ${owners} indicators`);
  }
  ensureFirstAdmin(db, opts.nowMs, opts.adminPassword, log);
  if (opts.seed === 'demo' && !hasFigures(db)) {
    const t0 = performance.now();
    seedDemo(db, { size: opts.size, nowMs: opts.nowMs, log });
    log(`demo data (${opts.size}) seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return { migrations, seeded: true };
  }
  return { migrations, seeded: false };
}
