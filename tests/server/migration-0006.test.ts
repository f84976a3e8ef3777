// Migration 0006 (budget_slice_rollup.funded): its backfill gives exactly what rebuildBudgetRollups
// computes, for every dimension, including sub kegiatan whose pagu is zero at a stage; and the
// compliance rollcall that reads it owes the same reports as counting the raw rows.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { complianceOf } from '../../server/compliance';
import { rebuildBudgetRollups } from '../../server/db/queries/budget';
import { makeTestDb, type TestDb } from '../helpers/db';

const MIGRATION = path.join(import.meta.dirname, '../../server/db/migrations/0006_budget_funded_count.sql');
let t: TestDb | null = null;
afterEach(() => {
  t?.close();
  t = null;
});

const slices = (db: TestDb['db']) =>
  db.prepare('SELECT * FROM budget_slice_rollup ORDER BY year, stage, dim, key').all();

describe('migration 0006', () => {
  test('the backfill equals a rebuild, with zero-pagu sub kegiatan not counted as funded', () => {
    t = makeTestDb({ demo: 'small', nowMs: Date.parse('2026-11-23T03:00:00.000Z') });
    const { db } = t;
    // A few sub kegiatan of one OPD lose their 2026 pagu (a cancelled activity keeps its row).
    const zeroed = db
      .prepare(
        `UPDATE sub_kegiatan_pagu SET pagu_rp = 0 WHERE sub_kegiatan_id IN (
           SELECT s.id FROM sub_kegiatan s JOIN opd o ON o.id = s.opd_id
            WHERE s.year = 2026 AND o.code = (SELECT o2.code FROM opd o2 JOIN sub_kegiatan s2 ON s2.opd_id = o2.id
                                               WHERE s2.year = 2026 GROUP BY o2.id ORDER BY COUNT(*) DESC LIMIT 1)
            ORDER BY s.id LIMIT 3)`,
      )
      .run().changes;
    expect(zeroed).toBeGreaterThan(0);
    for (const year of [2025, 2026]) rebuildBudgetRollups(db, year);
    const rebuilt = slices(db);
    const unfunded = db
      .prepare(`SELECT COUNT(*) FROM budget_slice_rollup WHERE funded < sub_kegiatan`)
      .pluck()
      .get() as number;
    expect(unfunded).toBeGreaterThan(0);

    db.prepare('UPDATE budget_slice_rollup SET funded = 0').run();
    const sql = fs.readFileSync(MIGRATION, 'utf8').replace(/^ALTER TABLE[^;]*;/m, '');
    db.exec(sql);
    expect(slices(db)).toEqual(rebuilt);
  });

  test('the rollcall of who owes a realisation report counts only funded sub kegiatan, per OPD', () => {
    t = makeTestDb({ demo: 'small', nowMs: Date.parse('2026-11-23T03:00:00.000Z') });
    const { db } = t;
    const raw = db
      .prepare(
        `SELECT o.code, COUNT(*) AS n FROM sub_kegiatan s JOIN opd o ON o.id = s.opd_id
           JOIN sub_kegiatan_pagu p ON p.sub_kegiatan_id = s.id AND p.pagu_rp > 0 AND p.stage = ?
          WHERE s.year = 2026 GROUP BY o.code ORDER BY o.code`,
      )
      .all(
        db
          .prepare(
            `SELECT stage FROM fiscal_year WHERE year = 2026 AND stage = 'perubahan' AND adopted_on <= '2026-10-31'`,
          )
          .pluck()
          .get() ?? 'murni',
      ) as { code: string; n: number }[];
    expect(raw.length).toBeGreaterThan(5);
    const owed = complianceOf(db, 'budget', '2026-10', t.nowMs)
      .rows.map((r) => ({ code: r.opdCode, n: r.expected }))
      .sort((a, b) => a.code.localeCompare(b.code));
    expect(owed).toEqual(raw);
  });
});
