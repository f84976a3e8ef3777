// CI version of tests/bench/crash.ts (DESIGN.md "Reliability and security bars"): SIGKILL the real
// server process while 40 OPD operators save over HTTP, restart it on the same file, and check with
// a fresh connection, three times over one file. Then the checks themselves are put to the test on
// a copy with a half-written write, so that a pass means something.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDb, openReadOnly } from '../../../server/db/connection';
import { copyDatabase } from '../../helpers/cli';
import { type CrashEvidence, type CrashSummary, runCrashScenario } from '../../helpers/crash-scenario';
import { checkRollups, checkWrites, sqliteChecks } from '../../helpers/durability';

let dir: string;
let summary: CrashSummary;
let last: CrashEvidence | null;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'adiguna-crash-'));
  ({ summary, last } = await runCrashScenario({ iterations: 3, writers: 40, seed: 20_261_203, dir }));
}, 170_000);

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('SIGKILL during 40 concurrent HTTP writers, three times on one file', () => {
  test('each restart finds integrity_check ok, no foreign key broken, every acknowledged write with its value and audit row, every unanswered one whole or absent, rollups equal to a recompute', () => {
    expect(summary.iterations).toBe(3);
    for (const it of summary.perIteration) expect(it.problems, `iteration ${it.iteration}`).toEqual([]);
    expect(summary.failures).toBe(0);
  });

  test('the load was real: writes acknowledged in every iteration and requests in flight at each kill', () => {
    for (const it of summary.perIteration) {
      expect(it.acked, `iteration ${it.iteration}`).toBeGreaterThan(0);
      expect(it.unknownPresent + it.unknownAbsent, `iteration ${it.iteration}`).toBeGreaterThan(0);
    }
    expect(summary.rejected).toBe(0);
  });
});

describe('the checks catch what they look for', () => {
  let copy: string;
  beforeAll(async () => {
    copy = path.join(dir, 'tampered.db');
    await copyDatabase(path.join(dir, 'crash.db'), copy);
  });

  test('an acknowledged value changed without an audit row, a figure lost, a rollup off by one', async () => {
    const evidence = last;
    if (!evidence) throw new Error('no iteration ran');
    const acked = (kind: string) => {
      const w = [...evidence.writes].reverse().find((x) => x.kind === kind && x.outcome === 'ack');
      if (!w) throw new Error(`no acknowledged ${kind} write in the last iteration`);
      return w;
    };
    const realisation = acked('realisation');
    const complaint = acked('complaint');
    {
      const db = openReadOnly(copy);
      try {
        expect(sqliteChecks(db)).toEqual([]);
        expect(checkWrites(db, evidence.setup, evidence.before, evidence.writes, 'crash').problems).toEqual(
          [],
        );
      } finally {
        db.close();
      }
    }
    const db = openDb(copy);
    try {
      const [sub, month] = realisation.key.split(':').map(Number);
      // A value without its audit row: the figure moved, the trail did not.
      db.prepare(
        'UPDATE budget_realisation SET spj_rp = spj_rp + 1 WHERE sub_kegiatan_id = ? AND month = ?',
      ).run(sub, month);
      // An acknowledged complaint lost (its audit row stays: the trail is append-only).
      db.prepare(`DELETE FROM complaint WHERE source = 'manual' AND source_id = ?`).run(complaint.token);
      // A rollup that no longer agrees with its rows.
      db.prepare(`UPDATE complaint_rollup SET received = received + 1 WHERE dim = 'total'`).run();
      const problems = checkWrites(
        db,
        evidence.setup,
        evidence.before,
        evidence.writes,
        'crash',
      ).problems.join('\n');
      expect(problems).toMatch(new RegExp(`write #${realisation.seq} .*row spj_rp`));
      expect(problems).toMatch(new RegExp(`write #${complaint.seq} .*acknowledged but absent`));
      expect(problems).toMatch(new RegExp(`write #${complaint.seq} .*present without its complaint`));
    } finally {
      db.close();
    }
    expect((await checkRollups(copy, dir)).join('\n')).toMatch(/complaint_rollup .* received: stored/);
  });
});
