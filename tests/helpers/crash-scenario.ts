// The crash proof shared by tests/bench/crash.ts and tests/server/faults/crash.test.ts: the real
// server process on one SQLite file (the small demo, seeded once by the CLI), N OPD operators
// writing over HTTP, SIGKILL at a random moment (seeded RNG) 0.3–2 s into the load, a restart on the
// same file, then a fresh connection checks: integrity_check ok, foreign_key_check empty, every
// acknowledged write present with its exact value and audit row, every unanswered one wholly
// present or wholly absent, and the rollups equal to a recompute. Repeated; writes accumulate.
import fs from 'node:fs';
import path from 'node:path';
import { openDb, openReadOnly } from '../../server/db/connection';
import { Rng } from '../../server/seed/random';
import { seedSmall } from './cli';
import { checkRollups, checkWrites, type DbState, readState, sqliteChecks, versionsOf } from './durability';
import { Fleet, type FleetSetup, prepareWriters, type WriteRecord } from './fleet';
import { freePort, type ServerProcess, spawnServer } from './process';

export interface CrashOptions {
  iterations: number;
  writers: number;
  seed: number;
  /** A directory of its own: the database and the rollup-check copies go there. */
  dir: string;
  /** Kill window after the load starts, ms. */
  killFromMs?: number;
  killToMs?: number;
  log?: (line: string) => void;
}

export interface CrashIteration {
  iteration: number;
  killAtMs: number;
  writes: number;
  acked: number;
  unknownPresent: number;
  unknownAbsent: number;
  rejected: number;
  restartMs: number;
  verifyMs: number;
  problems: string[];
}

export interface CrashSummary {
  iterations: number;
  writers: number;
  seed: number;
  database: string;
  writes: number;
  ackedChecked: number;
  unknownPresent: number;
  unknownAbsent: number;
  rejected: number;
  failures: number;
  perIteration: CrashIteration[];
  durability: Record<string, unknown>;
}

/** The last iteration's inputs to the checks, for a test that proves the checks catch a defect. */
export interface CrashEvidence {
  setup: FleetSetup;
  before: DbState;
  writes: WriteRecord[];
}

export async function runCrashScenario(
  opts: CrashOptions,
): Promise<{ summary: CrashSummary; last: CrashEvidence | null }> {
  const log = opts.log ?? (() => {});
  const rng = new Rng(opts.seed);
  const from = opts.killFromMs ?? 300;
  const to = opts.killToMs ?? 2000;
  fs.mkdirSync(opts.dir, { recursive: true });
  const file = path.join(opts.dir, 'crash.db');
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });

  const t0 = performance.now();
  await seedSmall(file);
  const setupDb = openDb(file);
  const setup = (() => {
    try {
      return prepareWriters(setupDb, opts.writers, Date.now());
    } finally {
      setupDb.close();
    }
  })();
  const durability = (() => {
    const db = openReadOnly(file);
    try {
      return {
        journal_mode: db.pragma('journal_mode', { simple: true }),
        // A new connection's defaults: what the server sets is in server/db/connection.ts.
        note: 'server/db/connection.ts: journal_mode=WAL, synchronous=NORMAL, foreign_keys=ON, busy_timeout=5000',
      };
    } finally {
      db.close();
    }
  })();
  log(
    `seeded the small demo into ${file} and created ${setup.plans.length} operators in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  const fleet = new Fleet(setup, opts.seed, `c${opts.seed.toString(36)}`);
  const port = await freePort();
  let server: ServerProcess = await spawnServer({ port, databasePath: file });
  const perIteration: CrashIteration[] = [];
  let last: CrashEvidence | null = null;
  try {
    await fleet.login(server.url);
    let state = (() => {
      const db = openReadOnly(file);
      try {
        return readState(db, setup);
      } finally {
        db.close();
      }
    })();
    for (let i = 1; i <= opts.iterations; i++) {
      fleet.versions = versionsOf(state);
      const firstWrite = fleet.log.length;
      const killAtMs = Math.round(rng.range(from, to));
      const load = fleet.start(server.url);
      await new Promise((r) => setTimeout(r, killAtMs));
      load.stop();
      const killedAt = performance.now();
      await server.kill('SIGKILL');
      await load.done;
      const writes = fleet.log.slice(firstWrite);

      const r0 = performance.now();
      server = await spawnServer({ port, databasePath: file });
      const restartMs = performance.now() - r0;

      const v0 = performance.now();
      const db = openReadOnly(file); // a fresh connection, while the restarted server runs
      let problems: string[];
      let check: ReturnType<typeof checkWrites>;
      try {
        problems = sqliteChecks(db);
        check = checkWrites(db, setup, state, writes, 'crash');
        problems.push(...check.problems);
        last = { setup, before: state, writes };
        state = readState(db, setup);
      } finally {
        db.close();
      }
      problems.push(...(await checkRollups(file, opts.dir)));
      // A request may go unanswered only because the server was killed.
      for (const w of writes)
        if (w.outcome === 'unknown' && (w.doneAt ?? 0) < killedAt)
          problems.push(`write #${w.seq} (${w.kind}) failed before the kill: ${w.error}`);
      for (const w of writes)
        if (w.outcome === 'rejected')
          problems.push(`write #${w.seq} (${w.kind}) rejected: ${w.status} ${w.error}`);
      const it: CrashIteration = {
        iteration: i,
        killAtMs,
        writes: writes.length,
        acked: check.acked,
        unknownPresent: check.unknownPresent,
        unknownAbsent: check.unknownAbsent,
        rejected: check.rejected,
        restartMs: Math.round(restartMs),
        verifyMs: Math.round(performance.now() - v0),
        problems,
      };
      perIteration.push(it);
      log(
        `#${String(i).padStart(3)} kill at ${(killAtMs / 1000).toFixed(2)} s: ${it.writes} writes, ${it.acked} acknowledged present, ` +
          `in flight ${it.unknownPresent} present / ${it.unknownAbsent} absent, ${it.rejected} rejected; ` +
          `restart ${(it.restartMs / 1000).toFixed(1)} s, verify ${(it.verifyMs / 1000).toFixed(1)} s: ` +
          (problems.length === 0
            ? 'ok'
            : `${problems.length} PROBLEMS\n    ${problems.slice(0, 10).join('\n    ')}`),
      );
    }
  } finally {
    await server.kill('SIGTERM');
  }
  const sum = (f: (x: CrashIteration) => number) => perIteration.reduce((s, x) => s + f(x), 0);
  const summary: CrashSummary = {
    iterations: perIteration.length,
    writers: opts.writers,
    seed: opts.seed,
    database: file,
    writes: sum((x) => x.writes),
    ackedChecked: sum((x) => x.acked),
    unknownPresent: sum((x) => x.unknownPresent),
    unknownAbsent: sum((x) => x.unknownAbsent),
    rejected: sum((x) => x.rejected),
    failures: perIteration.filter((x) => x.problems.length > 0).length,
    perIteration,
    durability,
  };
  return { summary, last };
}
