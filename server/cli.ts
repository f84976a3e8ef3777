// Database commands: `migrate`, `seed` (demo data into an empty database), `reset` (delete and
// re-seed), `rebuild` (recompute every rollup from raw rows), `backup FILE` (online backup while the
// server runs), `restore FILE` (replace the database with a backup, server stopped), and `briefing`
// (a meeting's briefing PDF).
// Usage: npm run db:<command> [-- --size=small|kabupaten|stress]; npm run db:backup -- FILE;
// npm run db:restore -- FILE; npm run briefing -- --meeting=ID --out=FILE
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { wibParts } from '../shared/time';
import { type Db, openDb, openExclusive, openReadOnly } from './db/connection';
import { loadMigrations, migrate } from './db/migrate';
import { listUsers, userById } from './db/queries/auth';
import { budgetYears, rebuildBudgetRollups } from './db/queries/budget';
import { rebuildComplaintRollups } from './db/queries/complaints';
import { appendChange } from './db/queries/freshness';
import { listMeetings, meetingById } from './db/queries/meetings';
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
    sizeArg === 'small' || sizeArg === 'kabupaten' || sizeArg === 'triple' || sizeArg === 'stress'
      ? sizeArg
      : env.SEED_SIZE;
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
      // Loaded on demand, as the app and the briefing below: db:backup and db:restore start fast.
      const { prepareDatabase } = await import('./boot');
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
      if (!target) throw new Error('usage: npm run db:backup -- FILE');
      await backupCommand(env.DATABASE_PATH, target, log);
      return;
    }
    case 'restore': {
      const source = rest.find((a) => !a.startsWith('--'));
      if (!source) throw new Error('usage: npm run db:restore -- FILE (the server must be stopped)');
      await restoreCommand(source, env.DATABASE_PATH, rest.includes('--force'), log);
      return;
    }
    case 'briefing': {
      const meetingArg = rest.find((a) => a.startsWith('--meeting='))?.slice('--meeting='.length);
      const out = rest.find((a) => a.startsWith('--out='))?.slice('--out='.length);
      await briefingCommand(env.DATABASE_PATH, meetingArg, out, log);
      return;
    }
    default:
      throw new Error(
        `unknown command '${command ?? ''}': migrate | seed | reset | rebuild | backup FILE | restore FILE | briefing [--meeting=ID] [--out=FILE]`,
      );
  }
}

// ───────────────────────────── Backup and restore ─────────────────────────────

/**
 * Pages per backup step: all of them. SQLite restarts an online backup from the first page whenever
 * another process writes to the source between two steps, so with the default 100 pages a step the
 * backup of a busy database never finishes (every OPD save restarts it). In one step it is one read
 * transaction: a consistent snapshot, and in WAL mode the server keeps writing meanwhile.
 */
const ALL_PAGES = 0x7fffffff;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const seconds = (fromMs: number) => `${((performance.now() - fromMs) / 1000).toFixed(1)} s`;

/** fsync a file, or a directory so that a rename in it is durable. */
function fsyncPath(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Removes a database file's companions (-wal, -shm, -journal). */
function removeCompanions(file: string): void {
  for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

/**
 * Copies `from` (an open connection) into a new file `tmp` with the backup API, in one step, then
 * makes the copy a single self-contained file (rollback journal, no -wal beside it) and fsyncs it.
 */
async function copyDatabase(from: Db, tmp: string, onStart: (pages: number) => void): Promise<void> {
  fs.rmSync(tmp, { force: true });
  removeCompanions(tmp);
  try {
    await from.backup(tmp, {
      progress: ({ totalPages }) => {
        onStart(totalPages);
        return ALL_PAGES;
      },
    });
    const copy = openDb(tmp);
    copy.pragma('journal_mode = DELETE');
    copy.close();
    removeCompanions(tmp);
    fsyncPath(tmp);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    removeCompanions(tmp);
    throw err;
  }
}

/**
 * `npm run db:backup -- FILE`: an online backup while the server runs. The copy is written next to
 * FILE under a temporary name and renamed into place once complete and on disk, so FILE is never a
 * half-written backup; an existing FILE is replaced.
 */
async function backupCommand(dbPath: string, target: string, log: (m: string) => void): Promise<void> {
  if (!fs.existsSync(dbPath))
    throw new Error(`database ${dbPath} not found (DATABASE_PATH): nothing to back up`);
  const out = path.resolve(target);
  if (out === path.resolve(dbPath)) throw new Error('the backup file must not be the database itself');
  const dir = path.dirname(out);
  if (!fs.existsSync(dir)) throw new Error(`directory ${dir} does not exist: create it first`);
  const tmp = path.join(dir, `.${path.basename(out)}.partial-${process.pid}`);
  const t0 = performance.now();
  const db = openDb(dbPath);
  try {
    await copyDatabase(db, tmp, (pages) =>
      log(`backing up ${dbPath} (${pages} pages) to ${out}; the server may keep running…`),
    );
  } finally {
    db.close();
  }
  fs.renameSync(tmp, out);
  fsyncPath(dir);
  log(`online backup written to ${out}: ${mb(fs.statSync(out).size)} in ${seconds(t0)}`);
}

interface BackupFacts {
  migration: number;
  auditRows: number;
  lastChange: string | null;
}

/** Refuses (throws) unless `file` is a sound Adiguna database this version of the code can serve. */
function checkBackup(file: string): BackupFacts {
  if (!fs.existsSync(file)) throw new Error(`refused: backup ${file} not found`);
  let db: Db;
  try {
    db = openReadOnly(file);
  } catch (err) {
    throw new Error(`refused: ${file} cannot be opened as an SQLite database (${(err as Error).message})`);
  }
  try {
    let problems: string[];
    try {
      problems = (db.pragma('integrity_check') as { integrity_check: string }[]).map(
        (r) => r.integrity_check,
      );
    } catch (err) {
      throw new Error(`refused: ${file} is not a readable SQLite database (${(err as Error).message})`);
    }
    if (problems.length !== 1 || problems[0] !== 'ok')
      throw new Error(
        `refused: ${file} is damaged (PRAGMA integrity_check: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? `; and ${problems.length - 5} more` : ''})`,
      );
    const tables = new Set(
      db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).pluck().all() as string[],
    );
    const missing = ['schema_migration', 'opd', 'app_user', 'audit_log', 'change_log'].filter(
      (t) => !tables.has(t),
    );
    if (missing.length > 0)
      throw new Error(`refused: ${file} is not an Adiguna database (no table ${missing.join(', ')})`);
    const applied = db.prepare('SELECT version, name FROM schema_migration ORDER BY version').all() as {
      version: number;
      name: string;
    }[];
    const known = new Map(loadMigrations().map((m) => [m.version, m.name]));
    const codeLevel = Math.max(0, ...known.keys());
    const level = applied.at(-1)?.version ?? 0;
    if (level === 0)
      throw new Error(`refused: ${file} has no migration applied: it is not an Adiguna database`);
    if (level > codeLevel)
      throw new Error(
        `refused: ${file} is at migration ${level}, newer than this version of Adiguna (${codeLevel}); restore it with the version that made it`,
      );
    for (const m of applied) {
      if (known.get(m.version) !== m.name)
        throw new Error(
          `refused: migration ${m.version} of ${file} is '${m.name}' but this version of Adiguna has '${known.get(m.version) ?? 'none'}': it comes from another lineage of the code`,
        );
    }
    const orphans = db.pragma('foreign_key_check') as unknown[];
    if (orphans.length > 0)
      throw new Error(
        `refused: ${file} has ${orphans.length} rows whose references point nowhere (foreign_key_check)`,
      );
    return {
      migration: level,
      auditRows: db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get() as number,
      lastChange: (db.prepare('SELECT MAX(at) FROM change_log').pluck().get() as string | null) ?? null,
    };
  } finally {
    db.close();
  }
}

const errorCode = (err: unknown) => (err as { code?: string }).code ?? '';

/**
 * `npm run db:restore -- FILE`: replaces DATABASE_PATH with a backup. Checks the backup first, refuses
 * while a server (or any other command) has the database open, keeps the database it replaces as
 * DATABASE_PATH.before-restore-<time>, writes the copy next to the target and renames it over the
 * target in one step (a crash mid-way leaves the old database in place), then applies migrations.
 * `--force` only skips the in-use check when the current database is too damaged to take its lock.
 */
async function restoreCommand(
  source: string,
  target: string,
  force: boolean,
  log: (m: string) => void,
): Promise<void> {
  const from = path.resolve(source);
  const to = path.resolve(target);
  if (from === to) throw new Error('refused: the backup file is the database itself (DATABASE_PATH)');
  log(`checking the backup ${source}…`);
  const facts = checkBackup(from);
  log(
    `the backup is sound: integrity ok, Adiguna schema at migration ${facts.migration}, ${facts.auditRows} audit rows, last change ${facts.lastChange ?? 'none'}`,
  );
  const t0 = performance.now();
  fs.mkdirSync(path.dirname(to), { recursive: true });
  let lock: Db | null = null;
  if (fs.existsSync(to)) {
    try {
      lock = openExclusive(to);
    } catch (err) {
      if (errorCode(err).startsWith('SQLITE_BUSY') || errorCode(err).startsWith('SQLITE_LOCKED'))
        throw new Error(
          `refused: ${target} is in use: an Adiguna server (or another command such as a backup) has it open. Stop the server, then run the restore again.`,
        );
      if (!force)
        throw new Error(
          `refused: the current ${target} cannot be locked (${(err as Error).message}), so it is unknown whether a server uses it. Stop every server on it, then run the restore again with --force.`,
        );
      log(`--force: the current database cannot be locked (${(err as Error).message}); replacing it anyway`);
    }
  }
  try {
    if (lock) {
      // Fold the WAL into the old file (it becomes one self-contained file) before it is kept.
      try {
        lock.pragma('journal_mode = DELETE');
      } catch (err) {
        log(`warning: the WAL of the current database could not be folded in (${(err as Error).message})`);
      }
    }
    if (fs.existsSync(to)) {
      const stamp = new Date()
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d+Z$/, 'Z');
      const kept = `${to}.before-restore-${stamp}`;
      try {
        fs.linkSync(to, kept);
      } catch {
        fs.copyFileSync(to, kept);
      }
      // A WAL that could not be folded in still holds commits of the old database: keep it too.
      if (fs.existsSync(`${to}-wal`) && fs.statSync(`${to}-wal`).size > 0)
        fs.renameSync(`${to}-wal`, `${kept}-wal`);
      log(`the database being replaced is kept as ${kept}`);
    }
    const tmp = path.join(path.dirname(to), `.${path.basename(to)}.restore-${process.pid}`);
    const src = openReadOnly(from);
    try {
      await copyDatabase(src, tmp, (pages) => log(`copying ${pages} pages into ${target}…`));
    } finally {
      src.close();
    }
    // Nothing of the old database may pair with the new file: its -wal would be replayed onto it.
    removeCompanions(to);
    fs.renameSync(tmp, to);
    fsyncPath(path.dirname(to));
  } finally {
    lock?.close();
  }
  const db = openDb(to);
  try {
    const applied = migrate(db);
    log(
      `restored ${source} into ${target} (${mb(fs.statSync(to).size)}) in ${seconds(t0)}; migrations applied: ${applied.join(', ') || 'none (up to date)'}`,
    );
  } finally {
    db.close();
  }
  log('the server can be started now');
}

/**
 * `npm run briefing -- --meeting=<id> --out=briefing.pdf`: the briefing PDF of a meeting (the newest
 * without --meeting), rendered from the app started in-process on an ephemeral loopback port. It
 * reads as the first active admin account: whoever can run this can read the database file anyway.
 */
async function briefingCommand(
  dbPath: string,
  meetingArg: string | undefined,
  out: string | undefined,
  log: (m: string) => void,
): Promise<void> {
  if (!fs.existsSync(dbPath)) throw new Error(`database ${dbPath} not found (DATABASE_PATH)`);
  if (meetingArg !== undefined && !/^[1-9]\d{0,9}$/.test(meetingArg))
    throw new Error(`--meeting=${meetingArg}: not a meeting id`);
  const db = openDb(dbPath);
  let server: Server | undefined;
  try {
    migrate(db);
    const meeting = meetingArg ? meetingById(db, Number(meetingArg)) : listMeetings(db, 1)[0];
    if (!meeting) throw new Error(meetingArg ? `no meeting ${meetingArg}` : 'no meeting in the database yet');
    const admin = listUsers(db).find((u) => u.role === 'admin' && u.active === 1);
    const user = admin ? userById(db, admin.id) : undefined;
    if (!user) throw new Error('no active admin account to read the meeting as');
    const { buildId, CLIENT_DIST, ensureClientBuild } = await import('./build');
    const { createApp } = await import('./app');
    const { briefingFileName, meetingViewFor, pdfPageCount, renderBriefingPdf } = await import('./briefing');
    await ensureClientBuild(log);
    const { app, context } = createApp({ db, clientDir: CLIENT_DIST, buildId: buildId(), log: () => {} });
    const listening = app.listen(0, '127.0.0.1');
    server = listening;
    await new Promise<void>((resolve, reject) => {
      listening.once('listening', () => resolve());
      listening.once('error', reject);
    });
    const { port } = listening.address() as AddressInfo;
    const view = await meetingViewFor(
      context,
      { kind: 'user', user, csrfToken: '', sessionHash: '' },
      meeting.id,
    );
    log(`rendering the briefing of meeting ${meeting.id} '${meeting.title}'…`);
    const pdf = await renderBriefingPdf(`http://127.0.0.1:${port}`, view);
    const file = out ?? briefingFileName(meeting);
    fs.writeFileSync(file, pdf);
    log(`${file}: ${pdfPageCount(pdf)} pages, ${Math.round(pdf.length / 1024)} KB`);
  } finally {
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    db.close();
  }
}

main().catch((err: unknown) => {
  console.error(`[adiguna] ${(err as Error).message}`);
  process.exit(1);
});
