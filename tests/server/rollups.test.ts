// The rollups every write keeps current incrementally (server/writes) must equal a rebuild from
// the raw rows (the rebuild functions in server/db/queries): first for the hand-checkable dataset,
// then for the small demo database after a handful of writes of every kind.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../../server/db/connection';
import { budgetYears, rebuildBudgetRollups } from '../../server/db/queries/budget';
import { rebuildComplaintRollups } from '../../server/db/queries/complaints';
import { rebuildOpdReports } from '../../server/db/queries/periods';
import { rebuildServiceRollups } from '../../server/db/queries/services';
import { rebuildIndexRollups } from '../../server/db/queries/spbe';
import { bucketOf } from '../../server/kpi/histogram';
import { setting } from '../../server/settings';
import {
  type Actor,
  recordComplaint,
  recordServiceRequest,
  saveIndexScore,
  saveRealisation,
} from '../../server/writes';
import { callerFor, makeTestDb, type TestDb } from '../helpers/db';
import { callerAs, createUser, principalFor } from '../helpers/users';

const ROLLUPS = [
  'budget_slice_rollup',
  'budget_month_rollup',
  'index_aspect_rollup',
  'service_month_rollup',
  'service_kecamatan_rollup',
  'service_open_rollup',
  'complaint_rollup',
] as const;

type Table = (typeof ROLLUPS)[number];

interface TableSnapshot {
  key: string[]; // primary key columns, in key order
  real: Set<string>; // columns declared REAL
  rows: Map<string, Record<string, unknown>>; // by primary key, in key order
}

/** Every rollup table, ordered by its primary key (read from the schema, so a re-keyed table still works). */
function snapshot(db: Db): Record<Table, TableSnapshot> {
  const out = {} as Record<Table, TableSnapshot>;
  for (const table of ROLLUPS) {
    const cols = db.prepare(`PRAGMA table_info(${table})`).all() as {
      name: string;
      type: string;
      pk: number;
    }[];
    const key = cols
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name);
    const rows = db.prepare(`SELECT * FROM ${table} ORDER BY ${key.join(', ')}`).all() as Record<
      string,
      unknown
    >[];
    out[table] = {
      key,
      real: new Set(cols.filter((c) => c.type.toUpperCase() === 'REAL').map((c) => c.name)),
      rows: new Map(rows.map((r) => [key.map((k) => String(r[k])).join(' | '), r])),
    };
  }
  return out;
}

function rebuildAll(db: Db): void {
  const hours = setting(db, 'complaint.first_response_hours', 2025);
  expect(hours).toBe(24);
  for (const year of budgetYears(db)) rebuildBudgetRollups(db, year);
  rebuildIndexRollups(db);
  rebuildServiceRollups(db, bucketOf);
  rebuildComplaintRollups(db, hours);
}

/**
 * Same keys, integers and text exactly, REAL columns with toBeCloseTo per cell at a relative 1e-9:
 * target_fis_w and real_fis_w are Σ pagu × % (around 10¹¹), where an absolute nine decimals is below
 * one unit in the last place; the incremental path adds differences, the rebuild sums afresh.
 */
function expectSameRollups(
  incremental: Record<Table, TableSnapshot>,
  rebuilt: Record<Table, TableSnapshot>,
): void {
  for (const table of ROLLUPS) {
    const a = incremental[table];
    const b = rebuilt[table];
    expect([...a.rows.keys()], `${table}: primary keys`).toEqual([...b.rows.keys()]);
    for (const [k, row] of b.rows) {
      const inc = a.rows.get(k) as Record<string, unknown>;
      for (const [col, want] of Object.entries(row)) {
        const got = inc[col];
        const where = `${table} [${k}] ${col}`;
        if (b.real.has(col) && typeof want === 'number') {
          const digits = 9 - Math.max(0, Math.ceil(Math.log10(Math.abs(want) + 1)));
          expect(got, where).toBeCloseTo(want, digits);
        } else {
          expect(got, where).toBe(want);
        }
      }
    }
  }
}

const rowCount = (db: Db, table: string): number =>
  db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;

describe('hand-checkable dataset: incremental rollups equal a rebuild', () => {
  let t: TestDb;
  let incremental: Record<Table, TableSnapshot>;

  beforeAll(() => {
    t = makeTestDb('handcheck');
    incremental = snapshot(t.db);
    rebuildAll(t.db);
  });

  afterAll(() => {
    t.close();
  });

  test('every rollup table holds rows to compare', () => {
    for (const table of ROLLUPS) expect(incremental[table].rows.size, table).toBeGreaterThan(0);
  });

  test('every rollup table is the same row for row after the rebuild', () => {
    expectSameRollups(incremental, snapshot(t.db));
  });

  test("the 'programme' dimension holds the sub kegiatan behind HC-GOV-01 and HC-GOV-02, and none other", () => {
    const slices = [...incremental.budget_slice_rollup.rows.values()].filter((r) => r.dim === 'programme');
    expect(slices.map((r) => [r.stage, r.key, r.pagu_rp, r.sub_kegiatan])).toEqual([
      ['murni', 'HC-GOV-01', 600_000_000, 1], // SK2
      ['murni', 'HC-GOV-02', 400_000_000, 1], // SK1
      ['perubahan', 'HC-GOV-01', 1_000_000_000, 1],
      ['perubahan', 'HC-GOV-02', 400_000_000, 1],
    ]);
    // September of HC-GOV-01 (SK2, written through saveRealisation): SP2D 60 jt, fisik 66 % × 1.000 jt
    const sep = incremental.budget_month_rollup.rows.get('2025 | perubahan | programme | HC-GOV-01 | 9');
    expect(sep).toMatchObject({ real_keu_rp: 60_000_000, reported: 1 });
    expect(sep?.real_fis_w).toBeCloseTo(66_000_000_000, 0);
  });

  test('a spot check of the counts the README works out by hand', () => {
    const one = (sql: string) => t.db.prepare(sql).get();
    expect(
      one(
        `SELECT submitted, completed, on_time FROM service_month_rollup r JOIN service_type s ON s.id = r.service_id WHERE s.code = 'KTP-EL' AND period = '2025-10'`,
      ),
    ).toEqual({
      submitted: 3,
      completed: 4,
      on_time: 2,
    });
    expect(one(`SELECT COUNT(*) AS days, SUM(open) AS open FROM service_open_rollup`)).toEqual({
      days: 2,
      open: 2,
    });
    expect(
      one(
        `SELECT received, responded, responded_within AS within, resolved FROM complaint_rollup WHERE dim = 'channel' AND key = 'whatsapp' AND period = '2025-10'`,
      ),
    ).toEqual({
      received: 5,
      responded: 4,
      within: 3,
      resolved: 3,
    });
    expect(
      one(
        `SELECT pagu_rp / 1000000 AS jt, sub_kegiatan AS n FROM budget_slice_rollup WHERE year = 2025 AND stage = 'perubahan' AND dim = 'total'`,
      ),
    ).toEqual({
      jt: 3_000,
      n: 4,
    });
  });
});

describe('hand-checkable dataset after a late report and a correction', () => {
  // Fisik is carried forward per sub kegiatan in the rollup, so a late September report from DPUPR
  // and a correction of an old month both move more than one row: the rebuild must agree.
  let t: TestDb;
  const actor: Actor = { userId: null, source: 'manual' };

  beforeAll(() => {
    t = makeTestDb('handcheck');
  });

  afterAll(() => {
    t.close();
  });

  const subKegiatan = (code: string) =>
    t.db.prepare('SELECT id FROM sub_kegiatan WHERE year = 2025 AND code = ?').pluck().get(code) as number;

  test('DPUPR reporting September late moves the regency fisik from 52 % to 56 % and still equals a rebuild', async () => {
    const caller = callerFor(t);
    expect((await caller.dashboard.overview({ year: 2025, asOf: '2025-10-15' })).budget.total.fisikPct).toBe(
      52,
    );
    saveRealisation(
      t.db,
      {
        subKegiatanId: subKegiatan('1.03.10.1.01.05'),
        month: 9,
        sp2dRp: 100 * 1_000_000,
        spjRp: 0,
        fisikPct: 60,
      },
      actor,
      t.nowMs,
    );
    // SK1 May corrected from 40 % to 42 %: June onwards have their own reports, so only May moves.
    saveRealisation(
      t.db,
      {
        subKegiatanId: subKegiatan('2.16.02.1.01.01'),
        month: 5,
        sp2dRp: 40 * 1_000_000,
        spjRp: 0,
        fisikPct: 42,
      },
      actor,
      t.nowMs,
    );
    const { budget } = await caller.dashboard.overview({ year: 2025, asOf: '2025-10-15' });
    expect(budget.total.fisikPct).toBe(56); // (400×87 + 1.000×66 + 1.000×60 + 600×12) ÷ 3.000
    expect(budget.total.realKeuRp).toBe(1_300 * 1_000_000);
    expect(budget.sCurve[4]?.realFisPct).toBe(25.6); // May: (400×42 + 1.000×30 + 1.000×30) ÷ 3.000
    const incremental = snapshot(t.db);
    rebuildAll(t.db);
    expectSameRollups(incremental, snapshot(t.db));
  });
});

describe('small demo database after writes of every kind', () => {
  const NOW_MS = Date.parse('2026-11-23T03:00:00.000Z');
  const actor: Actor = { userId: null, source: 'manual', reason: 'uji rollup' };
  let t: TestDb;
  const audit: Record<string, number> = {}; // audit_log rows added by each write
  const changeIds: number[] = [];
  let before: { audit: number; changes: number };

  beforeAll(() => {
    t = makeTestDb({ demo: 'small', nowMs: NOW_MS });
    const db = t.db;
    before = { audit: rowCount(db, 'audit_log'), changes: rowCount(db, 'change_log') };
    const write = (name: string, run: () => { id: number }) => {
      const n = rowCount(db, 'audit_log');
      changeIds.push(run().id);
      audit[name] = rowCount(db, 'audit_log') - n;
    };

    // A verified 2025 September figure corrected (back to 'submitted'; the sub kegiatan has a murni
    // and a perubahan pagu, so both stages move), and a late OPD's October 2026 report.
    const existing = db
      .prepare(
        `SELECT r.sub_kegiatan_id AS id, r.sp2d_rp AS sp2d, r.fisik_pct AS fisik FROM budget_realisation r
         JOIN sub_kegiatan s ON s.id = r.sub_kegiatan_id
         WHERE s.year = 2025 AND r.month = 9 AND r.verification = 'verified'
           AND (SELECT COUNT(*) FROM sub_kegiatan_pagu p WHERE p.sub_kegiatan_id = s.id) = 2
         ORDER BY r.sub_kegiatan_id LIMIT 1`,
      )
      .get() as { id: number; sp2d: number; fisik: number } | undefined;
    if (!existing) throw new Error('the demo has no verified 2025 September figure with two pagu stages');
    write('saveRealisation existing', () =>
      saveRealisation(
        db,
        {
          subKegiatanId: existing.id,
          month: 9,
          sp2dRp: existing.sp2d + 12_345_000,
          spjRp: 0,
          fisikPct: Math.min(100, existing.fisik + 2.5),
        },
        actor,
        NOW_MS,
      ),
    );
    const late = db
      .prepare(
        `SELECT s.id FROM sub_kegiatan s WHERE s.year = 2026
           AND NOT EXISTS (SELECT 1 FROM budget_realisation r WHERE r.sub_kegiatan_id = s.id AND r.month = 10)
         ORDER BY s.id LIMIT 1`,
      )
      .pluck()
      .get() as number | undefined;
    if (late === undefined) throw new Error('the demo has no 2026 sub kegiatan without an October report');
    write('saveRealisation new month', () =>
      saveRealisation(
        db,
        { subKegiatanId: late, month: 10, sp2dRp: 87_650_000, spjRp: 80_000_000, fisikPct: 61.25 },
        actor,
        NOW_MS,
      ),
    );

    const service = (code: string) =>
      db.prepare('SELECT id FROM service_type WHERE code = ?').pluck().get(code) as number;
    const kecamatan = db
      .prepare(`SELECT id FROM kecamatan WHERE code = 'PURBALINGGA'`)
      .pluck()
      .get() as number;
    write('recordServiceRequest open', () =>
      recordServiceRequest(
        db,
        {
          serviceId: service('PBG'),
          kecamatanId: kecamatan,
          submittedMs: Date.parse('2026-11-20T02:00:00.000Z'),
          completedMs: null,
          sourceId: null,
        },
        actor,
        NOW_MS,
      ),
    );
    write('recordServiceRequest completed', () =>
      recordServiceRequest(
        db,
        {
          serviceId: service('KK'),
          kecamatanId: kecamatan,
          submittedMs: Date.parse('2026-10-30T16:30:00.000Z'), // 30 Oct 23.30 WIB
          completedMs: Date.parse('2026-11-02T02:00:00.000Z'), // Mon 2 Nov 09.00 WIB
          sourceId: null,
        },
        actor,
        NOW_MS,
      ),
    );
    write('recordComplaint', () =>
      recordComplaint(
        db,
        {
          channel: 'whatsapp',
          topic: 'jalan',
          category: 'pengaduan',
          opdCode: 'DPUPR',
          kecamatanCode: 'BUKATEJA',
          receivedMs: Date.parse('2026-10-31T16:59:00.000Z'), // 31 Oct 23.59 WIB
          firstResponseMs: Date.parse('2026-11-01T16:58:00.000Z'),
          resolvedMs: null,
          sourceId: null,
        },
        actor,
        NOW_MS,
      ),
    );

    const score = db
      .prepare(
        `SELECT s.assessment_id AS assessmentId, s.indicator_id AS indicatorId, s.level FROM index_score s
         JOIN index_assessment a ON a.id = s.assessment_id
         WHERE a.year = 2026 AND a.kind = 'self' AND s.level IS NOT NULL ORDER BY s.indicator_id LIMIT 2`,
      )
      .all() as { assessmentId: number; indicatorId: number; level: number }[];
    const [first, second] = score;
    if (!first || !second) throw new Error('the demo has no 2026 self-assessment scores');
    write('saveIndexScore level', () =>
      saveIndexScore(db, { ...first, level: (first.level % 5) + 1, evidence: null }, actor, NOW_MS),
    );
    write('saveIndexScore emptied', () =>
      saveIndexScore(db, { ...second, level: null, evidence: null }, actor, NOW_MS),
    );
  });

  afterAll(() => {
    t.close();
  });

  test('every rollup table is the same row for row after the rebuild', () => {
    const incremental = snapshot(t.db);
    rebuildAll(t.db);
    expectSameRollups(incremental, snapshot(t.db));
  });

  test('change_log gets one row per write with increasing ids', () => {
    expect(changeIds).toHaveLength(7);
    for (let i = 1; i < changeIds.length; i++)
      expect(changeIds[i]).toBeGreaterThan(changeIds[i - 1] as number);
    expect(rowCount(t.db, 'change_log')).toBe(before.changes + 7);
    const logged = t.db
      .prepare('SELECT id FROM change_log ORDER BY id DESC LIMIT 7')
      .pluck()
      .all() as number[];
    expect(logged.reverse()).toEqual(changeIds);
  });

  test('saveRealisation and saveIndexScore append one audit_log row each, with the old and new value', () => {
    expect([
      audit['saveRealisation existing'],
      audit['saveRealisation new month'],
      audit['saveIndexScore level'],
      audit['saveIndexScore emptied'],
    ]).toEqual([1, 1, 1, 1]);
    const rows = t.db
      .prepare(
        `SELECT entity, action, old_json IS NOT NULL AS hasOld, reason, source FROM audit_log WHERE entity IN ('budget_realisation', 'index_score') ORDER BY id`,
      )
      .all();
    expect(rows).toEqual([
      { entity: 'budget_realisation', action: 'update', hasOld: 1, reason: 'uji rollup', source: 'manual' },
      { entity: 'budget_realisation', action: 'insert', hasOld: 0, reason: 'uji rollup', source: 'manual' },
      { entity: 'index_score', action: 'update', hasOld: 1, reason: 'uji rollup', source: 'manual' },
      { entity: 'index_score', action: 'update', hasOld: 1, reason: 'uji rollup', source: 'manual' },
    ]);
  });

  // Regression: server/writes promises "the figure, its audit row, the rollups it touches, the
  // family freshness and a change_log row commit together", but these two wrote no audit row.
  test('recordServiceRequest and recordComplaint append one audit_log row each, like every other write', () => {
    expect({
      'recordServiceRequest open': audit['recordServiceRequest open'],
      'recordServiceRequest completed': audit['recordServiceRequest completed'],
      recordComplaint: audit.recordComplaint,
    }).toEqual({ 'recordServiceRequest open': 1, 'recordServiceRequest completed': 1, recordComplaint: 1 });
    expect(rowCount(t.db, 'audit_log')).toBe(before.audit + 7);
  });
});

describe('small demo database after writes to sub kegiatan behind a programme and a verification', () => {
  // The 'programme' dimension moves with every write path that moves the others: a correction of
  // an old month (fisik carried until the next report), a new month, and the verifier's decision.
  const NOW_MS = Date.parse('2026-11-23T03:00:00.000Z');
  const actor: Actor = { userId: null, source: 'manual', reason: 'uji rollup program' };
  let t: TestDb;

  beforeAll(() => {
    t = makeTestDb({ demo: 'small', nowMs: NOW_MS });
  });

  afterAll(() => {
    t.close();
  });

  const programmeMonth = (code: string, month: number) =>
    t.db
      .prepare(
        `SELECT real_keu_rp AS keu, real_fis_w AS fis, reported, verified FROM budget_month_rollup
         WHERE year = 2026 AND stage = 'murni' AND dim = 'programme' AND key = ? AND month = ?`,
      )
      .get(code, month) as { keu: number; fis: number; reported: number; verified: number };

  test('the rollups move and still equal a rebuild', async () => {
    const db = t.db;
    const linked = db
      .prepare(
        `SELECT s.id, pg.code, r.id AS realisationId, r.sp2d_rp AS sp2d, r.fisik_pct AS fisik
         FROM sub_kegiatan s JOIN programme pg ON pg.id = s.programme_id
         JOIN budget_realisation r ON r.sub_kegiatan_id = s.id AND r.month = 6
         WHERE s.year = 2026 AND r.verification = 'verified' ORDER BY s.id LIMIT 1`,
      )
      .get() as { id: number; code: string; realisationId: number; sp2d: number; fisik: number } | undefined;
    if (!linked) throw new Error('the demo links no verified 2026 June figure to a programme');
    const june = programmeMonth(linked.code, 6);
    // A correction of June (later months have their own reports, so only June's fisik moves) …
    saveRealisation(
      db,
      {
        subKegiatanId: linked.id,
        month: 6,
        sp2dRp: linked.sp2d + 5_000_000,
        spjRp: 0,
        fisikPct: Math.max(0, linked.fisik - 1.5),
      },
      actor,
      NOW_MS,
    );
    expect(programmeMonth(linked.code, 6)).toMatchObject({
      keu: june.keu + 5_000_000,
      reported: june.reported,
      verified: june.verified - 1, // a corrected figure goes back to 'submitted'
    });
    // … a new November report (carried into December) …
    saveRealisation(
      db,
      { subKegiatanId: linked.id, month: 11, sp2dRp: 25_000_000, spjRp: 0, fisikPct: 97 },
      actor,
      NOW_MS,
    );
    expect(programmeMonth(linked.code, 11)).toMatchObject({ keu: 25_000_000, reported: 1 });
    // … and the verifier approving the corrected June figure again.
    createUser(t, 'verifikator-uji', 'verifier');
    await callerAs(t, principalFor(t, 'verifikator-uji')).verify.decide({
      family: 'budget',
      id: linked.realisationId,
      decision: 'verified',
    });
    expect(programmeMonth(linked.code, 6).verified).toBe(june.verified);

    const incremental = snapshot(db);
    rebuildAll(db);
    expectSameRollups(incremental, snapshot(db));
  });
});

describe('regression: an index score written empty left a zero rollup row that a rebuild dropped', () => {
  // setIndexScore upserts the aspect row with the difference, so an aspect whose only entries are
  // empty (level null) gets a row of zeros; rebuildIndexRollups used to skip null levels and write
  // none. The KPIs read the same (the query COALESCEs), but the two paths disagreed row for row.
  test('an assessment whose aspect has only empty levels rolls up like a rebuild', () => {
    const t = makeTestDb('handcheck');
    try {
      const db = t.db;
      const fw = db
        .prepare(`SELECT id FROM index_framework WHERE code = 'SPBE-2020'`)
        .pluck()
        .get() as number;
      const aid = Number(
        db
          .prepare(
            `INSERT INTO index_assessment (framework_id, year, kind, source, entered_at) VALUES (?, 2023, 'self', 'manual', ?)`,
          )
          .run(fw, new Date(t.nowMs).toISOString()).lastInsertRowid,
      );
      for (const no of [19, 20]) {
        const indicatorId = db
          .prepare('SELECT id FROM index_indicator WHERE framework_id = ? AND no = ?')
          .pluck()
          .get(fw, no) as number;
        saveIndexScore(
          db,
          { assessmentId: aid, indicatorId, level: null, evidence: null },
          { userId: null, source: 'manual' },
          t.nowMs,
        );
      }
      const incremental = snapshot(db);
      rebuildAll(db);
      expectSameRollups(incremental, snapshot(db));
    } finally {
      t.close();
    }
  });
});

describe('regression: a rebuild made an OPD that reported on time and corrected later look late', () => {
  test('db:rebuild keeps when the OPD first reported a period; rows and last report follow the figures', () => {
    const t = makeTestDb('handcheck');
    try {
      const sub = t.db
        .prepare(
          `SELECT s.id, s.opd_id AS opdId FROM sub_kegiatan s WHERE s.year = 2025 AND NOT EXISTS
             (SELECT 1 FROM budget_realisation r WHERE r.sub_kegiatan_id = s.id AND r.month = 11) LIMIT 1`,
        )
        .get() as { id: number; opdId: number };
      const actor: Actor = { userId: null, source: 'manual' };
      const first = Date.parse('2025-12-05T02:00:00.000Z');
      const corrected = Date.parse('2025-12-20T02:00:00.000Z');
      const w = { subKegiatanId: sub.id, month: 11, sp2dRp: 1_000_000, spjRp: 0, fisikPct: 10 };
      saveRealisation(t.db, w, actor, first);
      saveRealisation(t.db, { ...w, fisikPct: 12 }, actor, corrected);
      const report = () =>
        t.db
          .prepare(
            `SELECT first_at AS firstAt, last_at AS lastAt, rows FROM opd_report_rollup
             WHERE family = 'budget' AND period = '2025-11' AND opd_id = ?`,
          )
          .get(sub.opdId) as { firstAt: string; lastAt: string; rows: number };
      const incremental = report();
      expect(incremental.firstAt).toBe(new Date(first).toISOString());
      expect(incremental.lastAt).toBe(new Date(corrected).toISOString());
      rebuildOpdReports(t.db);
      expect(report()).toEqual(incremental);
    } finally {
      t.close();
    }
  });
});

describe('regression: floating-point residue left a slice at −0,00012 where a recompute says 0', () => {
  test('figures corrected back to where they were leave the weighted fisik exactly as it was', () => {
    const t = makeTestDb('handcheck');
    try {
      const actor: Actor = { userId: null, source: 'manual' };
      const subs = t.db
        .prepare(
          `SELECT s.id, o.code AS opdCode FROM sub_kegiatan s JOIN opd o ON o.id = s.opd_id
           WHERE s.year = 2025 ORDER BY s.id`,
        )
        .all() as { id: number; opdCode: string }[];
      const weights = () =>
        t.db
          .prepare(
            `SELECT dim, key, month, real_fis_w AS w FROM budget_month_rollup
             WHERE year = 2025 AND month = 12 ORDER BY dim, key, stage`,
          )
          .all();
      const before = weights();
      // December (no report yet: each sub kegiatan's fisik is carried from its last report): every
      // sub kegiatan reports an awkward percentage, then each, in the other order, is corrected to
      // the figure it carried, so every slice is back where it started.
      const carried = (id: number) =>
        (t.db
          .prepare(
            'SELECT fisik_pct FROM budget_realisation WHERE sub_kegiatan_id = ? AND month < 12 ORDER BY month DESC LIMIT 1',
          )
          .pluck()
          .get(id) as number | undefined) ?? 0;
      // Percentages no binary fraction holds exactly, many rounds (a morning of corrections).
      const fisik = [33.333, 66.671, 12.347, 0.013, 99.989, 45.457, 7.771, 51.119];
      const save = (id: number, fisikPct: number) =>
        saveRealisation(
          t.db,
          { subKegiatanId: id, month: 12, sp2dRp: 0, spjRp: 0, fisikPct },
          actor,
          t.nowMs,
        );
      const back = new Map(subs.map((s) => [s.id, carried(s.id)]));
      for (let round = 0; round < 12; round++)
        subs.forEach((s, i) => {
          save(s.id, fisik[(i + round) % fisik.length] as number);
        });
      for (const s of [...subs].reverse()) save(s.id, back.get(s.id) ?? 0);
      expect(weights()).toEqual(before);
    } finally {
      t.close();
    }
  });
});
