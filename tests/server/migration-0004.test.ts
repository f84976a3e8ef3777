// Migration 0004 (the 'programme' budget rollup dimension) on a database that already holds data:
// budget_slice_rollup is rebuilt with the wider CHECK without losing a row, and the new dimension
// is backfilled from the raw rows exactly as rebuildBudgetRollups computes it.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { type Db, openDb } from '../../server/db/connection';
import { loadMigrations, migrate } from '../../server/db/migrate';
import { rebuildBudgetRollups } from '../../server/db/queries/budget';
import { loadReference } from '../../server/seed/reference';
import { makeTestDb, type TestDb, tempDbFile } from '../helpers/db';

const NOW = '2025-10-15T03:00:00.000Z';
const JT = 1_000_000;

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

/** A database migrated only up to 0003, with the real reference data. */
function before0004(): Db {
  const file = tempDbFile('migration-0004');
  const db = openDb(file);
  cleanup = () => {
    db.close();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  };
  migrate(
    db,
    loadMigrations().filter((m) => m.version <= 3),
  );
  loadReference(db, NOW);
  return db;
}

const programmeRows = (db: Db) => ({
  slices: db
    .prepare(`SELECT * FROM budget_slice_rollup WHERE dim = 'programme' ORDER BY year, stage, key`)
    .all(),
  months: db
    .prepare(`SELECT * FROM budget_month_rollup WHERE dim = 'programme' ORDER BY year, stage, key, month`)
    .all(),
});

describe('migration 0004 on an existing database', () => {
  test('keeps every budget rollup row and backfills the programme dimension from the raw rows', () => {
    const db = before0004();
    const id = (sql: string, key: string) => db.prepare(sql).pluck().get(key) as number;
    const opd = id('SELECT id FROM opd WHERE code = ?', 'DINKOMINFO');
    const programme = Number(
      db
        .prepare(
          `INSERT INTO programme (code, pillar_id, name, coordinator_opd_id, horizon, start_year, end_year,
             budget_rp, indicator_name, indicator_unit, indicator_target, source, entered_at)
           VALUES ('MIG-1', ?, 'Program uji migrasi', ?, 'short', 2025, 2026, 1000, 'x', '%', 100, 'fixture', ?)`,
        )
        .run(id('SELECT id FROM pillar WHERE code = ?', 'GOV'), opd, NOW).lastInsertRowid,
    );
    db.prepare(
      `INSERT INTO budget_node (code, level, name) VALUES ('9.99.01.1.01', 'kegiatan', 'Kegiatan uji')`,
    ).run();
    const sub = (code: string, programmeId: number | null) =>
      Number(
        db
          .prepare(
            `INSERT INTO sub_kegiatan (year, code, name, kegiatan_code, opd_id, spending_group, funding_source,
               programme_id, source, entered_at)
             VALUES (2025, ?, 'Sub uji', '9.99.01.1.01', ?, 'modal', 'DAU', ?, 'fixture', ?)`,
          )
          .run(code, opd, programmeId, NOW).lastInsertRowid,
      );
    const linked = sub('9.99.01.1.01.0001', programme);
    const unlinked = sub('9.99.01.1.01.0002', null);
    for (const [s, pagu] of [
      [linked, 200 * JT],
      [unlinked, 300 * JT],
    ] as const) {
      db.prepare(
        `INSERT INTO sub_kegiatan_pagu (sub_kegiatan_id, stage, pagu_rp) VALUES (?, 'murni', ?)`,
      ).run(s, pagu);
      for (const [month, keu, fis] of [
        [1, 10, 20],
        [2, 30, 40],
      ] as const) {
        db.prepare(
          `INSERT INTO budget_target (sub_kegiatan_id, stage, month, target_keu_pct, target_fis_pct) VALUES (?, 'murni', ?, ?, ?)`,
        ).run(s, month, keu, fis);
      }
    }
    // The linked sub kegiatan reported January only (verified): its fisik carries into February.
    db.prepare(
      `INSERT INTO budget_realisation (sub_kegiatan_id, month, sp2d_rp, fisik_pct, source, entered_at, verification)
       VALUES (?, 1, ?, 15, 'fixture', ?, 'verified')`,
    ).run(linked, 12 * JT, NOW);
    // The rollups as the code before 0004 kept them: the four old dimensions only.
    db.prepare(
      `INSERT INTO budget_slice_rollup (year, stage, dim, key, pagu_rp, sub_kegiatan) VALUES
         (2025, 'murni', 'total', 'ALL', ?, 2), (2025, 'murni', 'opd', 'DINKOMINFO', ?, 2)`,
    ).run(500 * JT, 500 * JT);
    const old = db.prepare('SELECT * FROM budget_slice_rollup ORDER BY dim, key').all();
    expect(() =>
      db
        .prepare(
          `INSERT INTO budget_slice_rollup (year, stage, dim, key) VALUES (2025, 'murni', 'programme', 'X')`,
        )
        .run(),
    ).toThrow(/CHECK/);

    // 0004 and every migration after it, in order (later ones add their own tables).
    const pending = loadMigrations()
      .map((m) => m.name)
      .filter((name) => name >= '0004');
    expect(pending[0]).toBe('0004_budget_programme_dim.sql');
    expect(migrate(db)).toEqual(pending);

    // The columns 0004 knew (0006 adds `funded`, checked below and in rollups.test.ts).
    expect(
      db
        .prepare(
          `SELECT year, stage, dim, key, pagu_rp, sub_kegiatan FROM budget_slice_rollup
            WHERE dim <> 'programme' ORDER BY dim, key`,
        )
        .all(),
    ).toEqual(old);
    const { slices, months } = programmeRows(db);
    expect(slices).toEqual([
      {
        year: 2025,
        stage: 'murni',
        dim: 'programme',
        key: 'MIG-1',
        pagu_rp: 200 * JT,
        sub_kegiatan: 1,
        funded: 1,
      },
    ]);
    expect(
      months.map((r) => {
        const m = r as Record<string, number>;
        return [
          m.month,
          m.target_keu_rp,
          m.target_fis_w,
          m.real_keu_rp,
          m.real_fis_w,
          m.reported,
          m.verified,
        ];
      }),
    ).toEqual([
      [1, 20 * JT, 200 * JT * 20, 12 * JT, 200 * JT * 15, 1, 1],
      [2, 60 * JT, 200 * JT * 40, 0, 200 * JT * 15, 0, 0], // fisik 15 % carried
      // no targets after February, but the January fisik still stands, to December
      ...Array.from({ length: 10 }, (_, i) => [i + 3, 0, 0, 0, 200 * JT * 15, 0, 0]),
    ]);
    // The new CHECK takes the new dimension and still refuses anything else.
    expect(() =>
      db
        .prepare(
          `INSERT INTO budget_slice_rollup (year, stage, dim, key) VALUES (2025, 'murni', 'pillar', 'GOV')`,
        )
        .run(),
    ).toThrow(/CHECK/);
    // And a rebuild by today's code gives the same programme rows.
    rebuildBudgetRollups(db, 2025);
    expect(programmeRows(db)).toEqual({ slices, months });
  });
});

describe('migration 0004 backfill on the hand-checkable dataset', () => {
  let t: TestDb | null = null;
  afterEach(() => {
    t?.close();
    t = null;
  });

  test('re-running its SQL from the raw rows gives the rows the incremental writes left', () => {
    t = makeTestDb('handcheck');
    const incremental = programmeRows(t.db);
    expect(incremental.slices.length).toBeGreaterThan(0);
    // 0004 rebuilds the table with the columns it knew; 0006 then adds and fills `funded`.
    const sql = [4, 6].map((v) => loadMigrations().find((m) => m.version === v)?.sql);
    if (sql.some((s) => !s)) throw new Error('migration 0004 or 0006 not found');
    t.db.transaction(() => {
      for (const s of sql) t?.db.exec(s as string);
    })();
    const backfilled = programmeRows(t.db);
    expect(backfilled.slices).toEqual(incremental.slices);
    expect(backfilled.months.length).toBe(incremental.months.length);
    backfilled.months.forEach((row, i) => {
      for (const [col, value] of Object.entries(row as Record<string, unknown>)) {
        const want = (incremental.months[i] as Record<string, unknown>)[col];
        if (typeof want === 'number') expect(value, `${i} ${col}`).toBeCloseTo(want, 0);
        else expect(value, `${i} ${col}`).toBe(want);
      }
    });
  });
});
