// spbe.results `weakest`: the latest result's indicators ranked by the index points they cost,
// with level names, sector labels and owner OPDs from the reference data (fixtures/README.md §3;
// owners in fixtures/reference/README.md).
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fillIndicatorOwners } from '../../server/seed/reference';
import { saveIndexScore } from '../../server/writes';
import { callerFor, makeTestDb, type TestDb } from '../helpers/db';

const NOW = { year: 2025, asOf: '2025-10-15' };

const pick = (w: { no: number; level: number | null; levelName: string | null; pointsLost: number }) => [
  w.no,
  w.level,
  w.levelName,
  w.pointsLost,
];

describe('spbe.results weakest on the hand-checkable dataset', () => {
  let t: TestDb;
  let caller: ReturnType<typeof callerFor>;

  beforeAll(() => {
    t = makeTestDb('handcheck');
    caller = callerFor(t);
  });

  afterAll(() => {
    t.close();
  });

  test('the 2024 verified result headlines: indicators 11–18, level 3 Terdefinisi, 0,05 each, by number', async () => {
    const r = await caller.spbe.results(NOW);
    expect([r.latest?.year, r.latest?.kind]).toEqual([2024, 'verified']);
    // (5 − 3) × 2,50 ÷ 100 = 0,05 for 11–20 beats 0,045 (21–31 at level 2 × 1,50), 0,039 (1–10),
    // 0,03 (42–47) and 0,0275 (32–41); of the ten tied, the first eight by number.
    expect(r.weakest.map(pick)).toEqual(
      [11, 12, 13, 14, 15, 16, 17, 18].map((no) => [no, 3, 'Terdefinisi', 0.05]),
    );
    expect(r.weakest.map((w) => w.owner?.code)).toEqual([
      'DINKOMINFO',
      'DINKOMINFO',
      'BAPPELITBANGDA',
      'SETDA',
      'DINKOMINFO',
      'DINKOMINFO',
      'DINKOMINFO',
      'DINKOMINFO',
    ]);
    expect(r.weakest[2]).toEqual({
      no: 13,
      name: 'Tingkat Kematangan Keterpaduan Rencana dan Anggaran SPBE',
      aspect: { no: 2, name: 'Perencanaan Strategis SPBE' },
      domain: { no: 2, name: 'Tata Kelola SPBE' },
      level: 3,
      levelName: 'Terdefinisi',
      weightPct: 2.5,
      pointsLost: 0.05,
      owner: {
        code: 'BAPPELITBANGDA',
        name: 'Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah',
        shortName: 'Bappelitbangda',
      },
    });
    expect(r.weakest[4]?.aspect).toEqual({ no: 3, name: 'Teknologi Informasi dan Komunikasi' });
  });

  test('the caller may ask for fewer or more; a bad count is refused naming the field', async () => {
    expect((await caller.spbe.results({ ...NOW, weakest: 3 })).weakest.map((w) => w.no)).toEqual([
      11, 12, 13,
    ]);
    expect((await caller.spbe.results({ ...NOW, weakest: 0 })).weakest).toEqual([]);
    const all = (await caller.spbe.results({ ...NOW, weakest: 100 })).weakest;
    expect(all).toHaveLength(47); // nothing is at level 5 in 2024
    expect(all.slice(10, 12).map(pick)).toEqual([
      [21, 2, 'Terkelola', 0.045], // (5 − 2) × 1,50 ÷ 100
      [22, 2, 'Terkelola', 0.045],
    ]);
    expect(all.at(-1)?.no).toBe(41); // 32–41 at level 4 × 2,75 = 0,0275, the smallest loss
    const err = await caller.spbe.results({ ...NOW, weakest: -1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TRPCError);
    expect((err as TRPCError).code).toBe('BAD_REQUEST');
    expect((err as TRPCError).message).toContain('Jumlah indikator terlemah paling sedikit 0');
  });

  test('a year without any assessment has nothing to rank', async () => {
    const r = await caller.spbe.results({ year: 2023, asOf: '2023-12-31' });
    expect(r.latest).toBeNull();
    expect(r.weakest).toEqual([]);
  });
});

describe('spbe.results weakest with empty levels, level 0, a sector label and ties', () => {
  // A 2025 verified result (it headlines: newest verified): every indicator at 5 except these.
  const LEVELS: [no: number, level: number | null][] = [
    [1, 0], // 5 × 1,30 ÷ 100 = 0,065
    [11, 2], // 3 × 2,50 ÷ 100 = 0,075
    [22, 3], // 2 × 1,50 ÷ 100 = 0,03
    [32, 3], // 2 × 2,75 ÷ 100 = 0,055
    [36, 2], // 3 × 2,75 ÷ 100 = 0,0825
    [42, 4], // 1 × 3,00 ÷ 100 = 0,03 (ties with 22; 22 is at the lower level)
    [44, null], // a score row without a level: 5 × 3,00 ÷ 100 = 0,15
    [45, 1], // 4 × 3,00 ÷ 100 = 0,12, labelled for 2025
    [46, 0], // 0,15, a value: after the two without one
    // 47: no score row at all: 0,15
  ];
  let t: TestDb;
  let caller: ReturnType<typeof callerFor>;

  beforeAll(() => {
    t = makeTestDb('handcheck');
    caller = callerFor(t);
    const fw = t.db.prepare(`SELECT id FROM index_framework WHERE code = 'SPBE-2020'`).pluck().get();
    const aid = Number(
      t.db
        .prepare(
          `INSERT INTO index_assessment (framework_id, year, kind, source, entered_at) VALUES (?, 2025, 'verified', 'fixture', ?)`,
        )
        .run(fw, new Date(t.nowMs).toISOString()).lastInsertRowid,
    );
    const indicatorId = (no: number) =>
      t.db
        .prepare('SELECT id FROM index_indicator WHERE framework_id = ? AND no = ?')
        .pluck()
        .get(fw, no) as number;
    const special = new Map(LEVELS);
    for (let no = 1; no <= 46; no++) {
      saveIndexScore(
        t.db,
        {
          assessmentId: aid,
          indicatorId: indicatorId(no),
          level: special.has(no) ? (special.get(no) ?? null) : 5,
          evidence: null,
        },
        { userId: null, source: 'fixture' },
        t.nowMs,
      );
    }
    const label = t.db.prepare(
      'INSERT INTO index_indicator_label (indicator_id, year, label) VALUES (?, ?, ?)',
    );
    label.run(indicatorId(45), 2025, 'Layanan Publik Sektor Administrasi Kependudukan');
    label.run(indicatorId(46), 2024, 'Layanan Publik Sektor Perizinan (2024)'); // another year: not used
  });

  afterAll(() => {
    t.close();
  });

  test('no value counts as the full loss and ranks before level 0; the 0,03 tie goes to the lower level', async () => {
    const r = await caller.spbe.results({ ...NOW, weakest: 10 });
    expect([r.latest?.year, r.latest?.kind, r.latest?.scored]).toEqual([2025, 'verified', 45]);
    // Σ losses 3 × 0,15 + 0,12 + 0,0825 + 0,075 + 0,065 + 0,055 + 2 × 0,03 = 0,9075 = 5 − index
    expect(r.latest?.index).toBe(4.0925);
    expect(r.weakest.map(pick)).toEqual([
      [44, null, null, 0.15],
      [47, null, null, 0.15],
      [46, 0, null, 0.15],
      [45, 1, 'Rintisan', 0.12],
      [36, 2, 'Terkelola', 0.0825],
      [11, 2, 'Terkelola', 0.075],
      [1, 0, null, 0.065],
      [32, 3, 'Terdefinisi', 0.055],
      [22, 3, 'Terdefinisi', 0.03],
      [42, 4, 'Terpadu dan Terukur', 0.03],
    ]);
    expect(r.weakest.map((w) => w.owner?.shortName)).toEqual([
      'Setda',
      'Dinkes',
      'DPMPTSP',
      'Dinpendukcapil',
      'BKPPD',
      'Dinkominfo',
      'Dinkominfo',
      'Bappelitbangda',
      'Dinkominfo',
      'Dinkominfo',
    ]);
  });

  test('a sector slot shows its label for the year; without one, its framework name', async () => {
    const r = await caller.spbe.results(NOW);
    expect(r.weakest).toHaveLength(8);
    const byNo = new Map(r.weakest.map((w) => [w.no, w]));
    expect(byNo.get(45)?.name).toBe('Layanan Publik Sektor Administrasi Kependudukan');
    expect(byNo.get(46)?.name).toBe('Tingkat Kematangan Layanan Publik Sektor 2');
    expect(byNo.get(47)?.name).toBe('Tingkat Kematangan Layanan Publik Sektor 3');
    expect(byNo.get(44)?.aspect).toEqual({ no: 8, name: 'Layanan Publik Berbasis Elektronik' });
  });
});

describe('indicator owners from the reference data', () => {
  let t: TestDb;

  beforeAll(() => {
    t = makeTestDb('reference');
  });

  afterAll(() => {
    t.close();
  });

  const owners = () =>
    t.db
      .prepare(
        `SELECT i.no, o.code FROM index_indicator i LEFT JOIN opd o ON o.id = i.owner_opd_id
         JOIN index_framework f ON f.id = i.framework_id WHERE f.code = 'SPBE-2020' ORDER BY i.no`,
      )
      .all() as { no: number; code: string | null }[];

  test('the loader gives every SPBE 2020 indicator an owner OPD', () => {
    const o = owners();
    expect(o).toHaveLength(47);
    expect(o.filter((r) => r.code === null)).toEqual([]);
    expect(
      Object.fromEntries(
        o.filter((r) => [25, 33, 39, 44, 45, 46, 47].includes(r.no)).map((r) => [r.no, r.code]),
      ),
    ).toEqual({
      25: 'BKPPD',
      33: 'BAKEUDA',
      39: 'INSPEKTORAT',
      44: 'SETDA',
      45: 'DINPENDUKCAPIL',
      46: 'DPMPTSP',
      47: 'DINKES',
    });
  });

  test('a database loaded before owners existed gets them filled in, keeping an owner set since', () => {
    const before = owners();
    t.db.prepare('UPDATE index_indicator SET owner_opd_id = NULL').run();
    t.db
      .prepare(
        `UPDATE index_indicator SET owner_opd_id = (SELECT id FROM opd WHERE code = 'DLH') WHERE no = 1`,
      )
      .run();
    expect(fillIndicatorOwners(t.db)).toBe(46);
    expect(fillIndicatorOwners(t.db)).toBe(0);
    const after = owners();
    expect(after[0]).toEqual({ no: 1, code: 'DLH' });
    expect(after.slice(1)).toEqual(before.slice(1));
  });
});
