// The backup proof shared by tests/bench/backup.ts and tests/server/faults/backup.test.ts: while N
// OPD operators keep saving over HTTP to the real server, `npm run db:backup -- FILE` runs as a
// separate process. The backup must pass integrity_check, hold every write acknowledged before it
// started, and be a snapshot (each write wholly there or wholly absent, a cut in time, rollups equal
// to a recompute). Then, server stopped, `npm run db:restore -- FILE` must bring back exactly the
// backed-up state (every table's rows hash the same) and the server must start on it. The restore
// must also refuse while the server runs. Write latency is recorded with and without the backup.
import fs from 'node:fs';
import path from 'node:path';
import { openDb, openReadOnly } from '../../server/db/connection';
import { type CommandResult, copyDatabase, percentile, runCommand, seedSmall } from './cli';
import {
  checkRollups,
  checkWrites,
  hashDifferences,
  readState,
  sqliteChecks,
  tableHashes,
  versionsOf,
} from './durability';
import { Fleet, prepareWriters, type WriteRecord } from './fleet';
import { freePort, spawnServer } from './process';

export interface BackupOptions {
  /** A directory of its own for the live database, the backup and the check copies. */
  dir: string;
  writers: number;
  seed: number;
  /** 'small': seed the small demo with the CLI; otherwise a database file to copy (never modified). */
  source: 'small' | string;
  /** How long the writers write before the backup starts (the latency baseline), and after it. */
  baselineMs: number;
  afterMs: number;
  log?: (line: string) => void;
}

export interface LatencyStats {
  writes: number;
  p50Ms: number;
  p99Ms: number;
  perSecond: number;
}

export interface BackupReport {
  database: string;
  databaseBytes: number;
  backupFile: string;
  backupBytes: number;
  /** The whole `npm run db:backup` command (process start included) and its copy step alone. */
  commandMs: number;
  copyMs: number | null;
  backupExitCode: number | null;
  backupOutput: string;
  latency: {
    withoutBackup: LatencyStats;
    duringBackupCommand: LatencyStats;
    duringCopy: LatencyStats | null;
  };
  writes: number;
  ackedBeforeBackup: number;
  presentInBackup: number;
  refusal: { exitCode: number | null; message: string };
  restoreExitCode: number | null;
  restoreOutput: string;
  restoreMs: number;
  tables: number;
  problems: { backup: string[]; live: string[]; restore: string[] };
}

function stats(writes: readonly WriteRecord[], from: number, to: number): LatencyStats {
  const acked = writes.filter(
    (w) => w.outcome === 'ack' && w.sentAt >= from && w.sentAt < to && w.doneAt !== null,
  );
  const ms = acked.map((w) => (w.doneAt as number) - w.sentAt);
  return {
    writes: acked.length,
    p50Ms: Math.round(percentile(ms, 50) * 10) / 10,
    p99Ms: Math.round(percentile(ms, 99) * 10) / 10,
    perSecond: Math.round((acked.length / Math.max(1, to - from)) * 1000),
  };
}

const lineAt = (r: CommandResult, re: RegExp) => r.lines.find((l) => re.test(l.text))?.at ?? null;

export async function runBackupScenario(opts: BackupOptions): Promise<BackupReport> {
  const log = opts.log ?? (() => {});
  fs.mkdirSync(opts.dir, { recursive: true });
  const file = path.join(opts.dir, 'live.db');
  const backupFile = path.join(opts.dir, 'backup.db');
  for (const f of [file, backupFile])
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(f + suffix, { force: true });
  for (const f of fs.readdirSync(opts.dir))
    if (f.startsWith('live.db.before-restore-')) fs.rmSync(path.join(opts.dir, f), { force: true });

  const t0 = performance.now();
  if (opts.source === 'small') await seedSmall(file);
  else await copyDatabase(opts.source, file);
  const setupDb = openDb(file);
  let setup: ReturnType<typeof prepareWriters>;
  try {
    setup = prepareWriters(setupDb, opts.writers, Date.now());
  } finally {
    setupDb.close();
  }
  const databaseBytes = fs.statSync(file).size;
  log(
    `database ${file} (${(databaseBytes / 1024 / 1024).toFixed(1)} MB) ready with ${setup.plans.length} operators in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  const fleet = new Fleet(setup, opts.seed, `b${opts.seed.toString(36)}`);
  const port = await freePort();
  let server = await spawnServer({ port, databasePath: file });
  let backup: CommandResult;
  let refusal: CommandResult;
  let state: ReturnType<typeof readState>;
  let loadStart: number;
  try {
    await fleet.login(server.url);
    const db = openReadOnly(file);
    try {
      state = readState(db, setup);
    } finally {
      db.close();
    }
    fleet.versions = versionsOf(state);
    loadStart = performance.now();
    const load = fleet.start(server.url);
    await new Promise((r) => setTimeout(r, opts.baselineMs));
    log(`backing up while ${opts.writers} writers write (npm run db:backup -- ${backupFile})…`);
    backup = await runCommand('db:backup', [backupFile], { DATABASE_PATH: file });
    log(backup.output.trim());
    await new Promise((r) => setTimeout(r, opts.afterMs));
    load.stop();
    await load.done;
    // The restore must refuse while the server has the database open, even idle (no request for a
    // second): an idle WAL connection still holds its shared lock on the file.
    await new Promise((r) => setTimeout(r, 1000));
    refusal = await runCommand('db:restore', [backupFile], { DATABASE_PATH: file });
    log(
      `restore while the server runs idle: exit ${refusal.code}: ${refusal.output.trim().split('\n').at(-1)}`,
    );
  } finally {
    await server.kill('SIGTERM');
  }
  const writes = fleet.log;
  const ackedBefore = backup.startedAt;
  const problems = { backup: [] as string[], live: [] as string[], restore: [] as string[] };
  if (backup.code !== 0) problems.backup.push(`db:backup exited ${backup.code}: ${backup.output}`);
  if (refusal.code === 0 || !/is in use/.test(refusal.output))
    problems.restore.push(
      `db:restore did not refuse while the server ran: exit ${refusal.code}: ${refusal.output}`,
    );
  for (const w of writes)
    if (w.outcome !== 'ack')
      problems.live.push(`write #${w.seq} (${w.kind}) ${w.outcome}: ${w.status} ${w.error}`);

  // The backup: sound, complete up to its start, a snapshot.
  let presentInBackup = 0;
  if (fs.existsSync(backupFile)) {
    const b = openReadOnly(backupFile);
    try {
      problems.backup.push(...sqliteChecks(b));
      const check = checkWrites(b, setup, state, writes, { ackedBefore, sentAfterAbsent: backup.endedAt });
      problems.backup.push(...check.problems);
      presentInBackup = check.present;
    } finally {
      b.close();
    }
    problems.backup.push(...(await checkRollups(backupFile, opts.dir)));
  } else problems.backup.push('no backup file');
  // The live database after a clean stop: everything acknowledged.
  {
    const l = openReadOnly(file);
    try {
      problems.live.push(...sqliteChecks(l));
      problems.live.push(...checkWrites(l, setup, state, writes, 'crash').problems);
    } finally {
      l.close();
    }
    problems.live.push(...(await checkRollups(file, opts.dir)));
  }

  // Restore with the server stopped: exactly the backed-up rows, and the server starts on them.
  const hashOf = (f: string) => {
    const db = openReadOnly(f);
    try {
      return tableHashes(db);
    } finally {
      db.close();
    }
  };
  const backupHashes = hashOf(backupFile);
  const restore = await runCommand('db:restore', [backupFile], { DATABASE_PATH: file });
  log(restore.output.trim());
  if (restore.code !== 0) problems.restore.push(`db:restore exited ${restore.code}: ${restore.output}`);
  else {
    problems.restore.push(...hashDifferences(backupHashes, hashOf(file)).map((d) => `restored ${d}`));
    server = await spawnServer({ port, databasePath: file });
    try {
      const res = await fetch(`${server.url}/healthz`);
      if (!res.ok)
        problems.restore.push(`the server on the restored database answers /healthz ${res.status}`);
      // An operator of the backup signs in again: the accounts came back with it.
      await fleet
        .login(server.url, 1)
        .catch((err: unknown) => problems.restore.push(`after the restore: ${(err as Error).message}`));
    } finally {
      await server.kill('SIGTERM');
    }
  }

  const copyStart = lineAt(backup, /backing up .* pages/);
  const copyEnd = lineAt(backup, /online backup written/);
  return {
    database: file,
    databaseBytes,
    backupFile,
    backupBytes: fs.existsSync(backupFile) ? fs.statSync(backupFile).size : 0,
    commandMs: Math.round(backup.endedAt - backup.startedAt),
    copyMs: copyStart !== null && copyEnd !== null ? Math.round(copyEnd - copyStart) : null,
    backupExitCode: backup.code,
    backupOutput: backup.output.trim(),
    latency: {
      withoutBackup: stats(writes, loadStart + Math.min(1000, opts.baselineMs / 4), backup.startedAt),
      duringBackupCommand: stats(writes, backup.startedAt, backup.endedAt),
      duringCopy: copyStart !== null && copyEnd !== null ? stats(writes, copyStart, copyEnd) : null,
    },
    writes: writes.length,
    ackedBeforeBackup: writes.filter((w) => w.outcome === 'ack' && (w.doneAt ?? Infinity) < ackedBefore)
      .length,
    presentInBackup,
    refusal: { exitCode: refusal.code, message: refusal.output.trim() },
    restoreExitCode: restore.code,
    restoreOutput: restore.output.trim(),
    restoreMs: Math.round(restore.endedAt - restore.startedAt),
    tables: backupHashes.size - 1,
    problems,
  };
}
