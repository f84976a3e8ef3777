// Edge cases the hand-checkable dataset was built to exercise (fixtures/README.md, "Kasus tepi"):
// a holiday inside an SLA window, WIB midnight and month boundaries, first-response limits,
// invalid input, and an index framework that changes between years.
import type { AddressInfo } from 'node:net';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../server/app';
import { listHolidays } from '../../server/db/queries/reference';
import { makeCalendar } from '../../server/kpi/calendar';
import { loadIndexFramework } from '../../server/seed/reference';
import { saveIndexScore } from '../../server/writes';
import { wibToMs } from '../../shared/time';
import { callerFor, makeTestDb, type TestDb } from '../helpers/db';

const NOW = { year: 2025, asOf: '2025-10-15' };

let t: TestDb;
let caller: ReturnType<typeof callerFor>;

beforeAll(() => {
  t = makeTestDb('handcheck');
  caller = callerFor(t);
});

afterAll(() => {
  t.close();
});

/** The stored record of a service submitted and completed at the given WIB wall-clock times. */
function record(
  service: string,
  submitted: [string, number, number],
  completed: [string, number, number] | null,
) {
  const row = t.db
    .prepare(
      `SELECT r.duration_min AS durationMin, r.on_time AS onTime FROM service_record r
       JOIN service_type s ON s.id = r.service_id
       WHERE s.code = ? AND r.submitted_ms = ? AND r.completed_ms IS ?`,
    )
    .get(service, wibToMs(...submitted), completed === null ? null : wibToMs(...completed)) as
    | { durationMin: number | null; onTime: number | null }
    | undefined;
  if (!row) throw new Error(`no ${service} record submitted ${submitted.join(' ')}`);
  return row;
}

describe('a holiday inside an SLA window (Maulid Nabi, Jumat 5 September 2025)', () => {
  test('KK Thursday 10.00 → Monday 10.00 is 1 working day and on time; → Tuesday is 2 and late', () => {
    expect(record('KK', ['2025-09-04', 10, 0], ['2025-09-08', 10, 0])).toEqual({
      durationMin: 5_760,
      onTime: 1,
    });
    expect(record('KK', ['2025-09-04', 10, 0], ['2025-09-09', 10, 0])).toEqual({
      durationMin: 7_200,
      onTime: 0,
    });
    const withHolidays = makeCalendar(listHolidays(t.db));
    const withoutHolidays = makeCalendar([]);
    expect(withHolidays.workingDaysAfter('2025-09-04', '2025-09-08')).toBe(1);
    expect(withoutHolidays.workingDaysAfter('2025-09-04', '2025-09-08')).toBe(2); // would have been late
  });

  test('PBG 1 September → 10 October is exactly 28 working days thanks to the holiday: on time', () => {
    expect(record('PBG', ['2025-09-01', 8, 0], ['2025-10-10', 14, 0])).toEqual({
      durationMin: 56_520,
      onTime: 1,
    });
    expect(makeCalendar(listHolidays(t.db)).workingDaysAfter('2025-09-01', '2025-10-10')).toBe(28);
    expect(makeCalendar([]).workingDaysAfter('2025-09-01', '2025-10-10')).toBe(29);
  });

  test('KK Friday 14.00 → Monday 09.00 counts the weekend as no working day: on time', () => {
    expect(record('KK', ['2025-10-10', 14, 0], ['2025-10-13', 9, 0])).toEqual({
      durationMin: 4_020,
      onTime: 1,
    });
  });

  test('September KK figures: 1 of 2 on time', async () => {
    const s = await caller.services.summary({ year: 2025, asOf: '2025-09-30' });
    expect(s.period).toBe('2025-09');
    expect(s.services.find((k) => k.serviceCode === 'KK')).toMatchObject({
      completed: 2,
      onTimePct: 50,
      colour: 'merah',
    });
  });
});

describe('same-day and minute SLAs', () => {
  test('KTP-el completed the same WIB day is on time; the next day is late', () => {
    expect(record('KTP-EL', ['2025-10-02', 9, 0], ['2025-10-02', 14, 0])).toEqual({
      durationMin: 300,
      onTime: 1,
    });
    expect(record('KTP-EL', ['2025-10-02', 9, 0], ['2025-10-03', 9, 0])).toEqual({
      durationMin: 1_440,
      onTime: 0,
    });
  });

  test('KTP-el 23.30 → 00.10 WIB is late after only 40 minutes: it crossed WIB midnight (both 30 Sep in UTC)', () => {
    expect(record('KTP-EL', ['2025-09-30', 23, 30], ['2025-10-01', 0, 10])).toEqual({
      durationMin: 40,
      onTime: 0,
    });
  });

  test('RSUD outpatient at 59 minutes is on time, at 61 late; 61 reads back as bucket 60–61', async () => {
    expect(record('RSUD-RAJAL', ['2025-10-06', 8, 0], ['2025-10-06', 8, 59])).toEqual({
      durationMin: 59,
      onTime: 1,
    });
    expect(record('RSUD-RAJAL', ['2025-10-06', 8, 0], ['2025-10-06', 9, 1])).toEqual({
      durationMin: 61,
      onTime: 0,
    });
    const s = await caller.services.summary(NOW);
    expect(s.services.find((k) => k.serviceCode === 'RSUD-RAJAL')).toMatchObject({
      onTimePct: 75,
      medianMin: 45,
      p90Min: 61,
    });
  });
});

describe('WIB month boundaries', () => {
  test('a request submitted 30 Sep 23.30 WIB and completed 1 Oct counts as a September submission and an October completion', async () => {
    const sep = (await caller.services.summary({ year: 2025, asOf: '2025-09-30' })).services.find(
      (k) => k.serviceCode === 'KTP-EL',
    );
    const oct = (await caller.services.summary(NOW)).services.find((k) => k.serviceCode === 'KTP-EL');
    expect([sep?.submitted, sep?.completed]).toEqual([3, 2]);
    expect([oct?.submitted, oct?.completed, oct?.onTimePct]).toEqual([3, 4, 50]);
  });

  test('September completions are not in the October figures', async () => {
    const oct = await caller.services.summary(NOW);
    const sep = await caller.services.summary({ year: 2025, asOf: '2025-09-30' });
    const kk = (s: typeof oct) => s.services.find((k) => k.serviceCode === 'KK');
    expect([kk(sep)?.completed, kk(oct)?.completed]).toEqual([2, 1]);
    expect((await caller.dashboard.overview(NOW)).services.completed).toBe(10);
  });

  test('a complaint at 23.59 WIB on 30 Sep is September; one at 00.00 WIB on 1 Oct is October', async () => {
    const periods = t.db
      .prepare(
        `SELECT period, received FROM complaint_rollup WHERE dim = 'total' AND period >= '2025-09' ORDER BY period`,
      )
      .all();
    expect(periods).toEqual([
      { period: '2025-09', received: 1 }, // 2025-09-30T16:59Z
      { period: '2025-10', received: 5 }, // 2025-09-30T17:00Z and four later ones
    ]);
    // Year to date through the as-of month: 30 September includes the 23.59 one and not the 00.00 one.
    const sep = await caller.dashboard.overview({ year: 2025, asOf: '2025-09-30' });
    const oct = await caller.dashboard.overview({ year: 2025, asOf: '2025-10-01' });
    expect(sep.complaints.total).toMatchObject({
      received: 5,
      firstResponseWithinTargetPct: 100,
      meanFirstResponseMin: 641.8,
    });
    expect(oct.complaints.total).toMatchObject({ received: 10, firstResponseWithinTargetPct: 80 });
  });

  test('first response at 23 h 59 m is within 24 h, at 24 h 01 m it is not, at exactly 24 h it is', async () => {
    const jalan = t.db
      .prepare(
        `SELECT period, received, responded, responded_within AS within, sum_first_response_min AS minutes
         FROM complaint_rollup WHERE dim = 'topic' AND key = 'jalan' AND period >= '2025-09' ORDER BY period`,
      )
      .all();
    expect(jalan).toEqual([
      { period: '2025-09', received: 1, responded: 1, within: 1, minutes: 1_439 },
      { period: '2025-10', received: 2, responded: 2, within: 1, minutes: 1_441 + 600 },
    ]);
    const topics = (await caller.dashboard.overview(NOW)).complaints.topTopics;
    expect(topics.find((c) => c.key === 'jalan')?.firstResponseWithinTargetPct).toBe(75); // 1 h, 23 h 59 m, 10 h in; 24 h 01 m out
    expect(topics.find((c) => c.key === 'kesehatan')?.firstResponseWithinTargetPct).toBe(100); // 24 h 00 m
  });
});

describe('invalid input', () => {
  test.each([
    [{ asOf: '2025-02-30' }, 'asOf', 'Tanggal tidak ada di kalender'],
    [{ year: 'x' }, 'year', 'Tahun harus berupa angka'],
    [{ year: 2025, asOf: '15-10-2025' }, 'asOf', 'Tanggal harus berformat YYYY-MM-DD'],
  ])('%j is rejected with BAD_REQUEST naming %s in Indonesian', async (input, field, message) => {
    for (const call of [caller.dashboard.overview, caller.budget.absorption, caller.services.summary]) {
      const error = await call(input as never).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe('BAD_REQUEST');
      expect((error as TRPCError).message).toContain(message);
      expect((error as TRPCError).message).toContain(`"${field}"`);
    }
  });

  test('over HTTP the formatted message reads "Masukan tidak valid: <field>: <pesan>" with field errors for the form', async () => {
    const { app } = createApp({ db: t.db, clock: () => t.nowMs, log: () => {} });
    const server = app.listen(0, '127.0.0.1');
    try {
      await new Promise<void>((resolve) => server.once('listening', () => resolve()));
      const { port } = server.address() as AddressInfo;
      const get = async (input: unknown) => {
        const res = await fetch(
          `http://127.0.0.1:${port}/trpc/dashboard.overview?input=${encodeURIComponent(JSON.stringify(input))}`,
        );
        return {
          status: res.status,
          body: (await res.json()) as {
            error: { message: string; data: { code: string; fieldErrors: unknown } };
          },
        };
      };
      const bad = await get({ asOf: '2025-02-30' });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toBe('Masukan tidak valid: asOf: Tanggal tidak ada di kalender');
      expect(bad.body.error.data).toMatchObject({
        code: 'BAD_REQUEST',
        fieldErrors: { asOf: ['Tanggal tidak ada di kalender'] },
      });
      const year = await get({ year: 'x' });
      expect(year.body.error.message).toBe('Masukan tidak valid: year: Tahun harus berupa angka');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('an index framework that changes between years', () => {
  // A second framework valid from 2026 with its own weights and bands; SPBE-2020 closed at 2025.
  const PEMDI_TEST: Parameters<typeof loadIndexFramework>[1] = {
    code: 'PEMDI-TEST',
    name: 'Indeks Pemerintah Digital (uji)',
    regulation: 'Kerangka uji',
    valid_from_year: 2026,
    valid_to_year: null,
    scale_max: 5,
    levels: [1, 2, 3, 4, 5].map((level) => ({ level, name: `Level ${level}` })),
    bands: [
      { label: 'Tinggi', min: 4, max_exclusive: null },
      { label: 'Sedang', min: 2.5, max_exclusive: 4 },
      { label: 'Rendah', min: 0, max_exclusive: 2.5 },
    ],
    domains: [
      {
        no: 1,
        name: 'Tata Kelola Pemerintah Digital',
        weight_pct: 40,
        aspects: [
          {
            no: 1,
            name: 'Kebijakan dan Tata Kelola',
            weight_pct: 40,
            indicators: [
              { no: 1, name: 'Arsitektur Pemerintah Digital', weight_pct: 20 },
              { no: 2, name: 'Manajemen Data', weight_pct: 20 },
            ],
          },
        ],
      },
      {
        no: 2,
        name: 'Layanan Pemerintah Digital',
        weight_pct: 60,
        aspects: [
          {
            no: 2,
            name: 'Layanan Digital Terpadu',
            weight_pct: 60,
            indicators: [
              { no: 3, name: 'Layanan Administrasi Pemerintahan', weight_pct: 30 },
              { no: 4, name: 'Layanan Publik', weight_pct: 30 },
            ],
          },
        ],
      },
    ],
  };

  let f: TestDb;
  let fc: ReturnType<typeof callerFor>;
  const IN_2026 = { year: 2026, asOf: '2026-03-31' };

  beforeAll(() => {
    f = makeTestDb('handcheck');
    fc = callerFor(f);
    f.db.prepare(`UPDATE index_framework SET valid_to_year = 2025 WHERE code = 'SPBE-2020'`).run();
    const fid = loadIndexFramework(f.db, PEMDI_TEST);
    const aid = Number(
      f.db
        .prepare(
          `INSERT INTO index_assessment (framework_id, year, kind, source, entered_at) VALUES (?, 2026, 'verified', 'fixture', ?)`,
        )
        .run(fid, new Date(f.nowMs).toISOString()).lastInsertRowid,
    );
    for (const [no, level] of [
      [1, 3],
      [2, 4],
      [3, 4],
      [4, 5],
    ] as const) {
      const indicatorId = f.db
        .prepare('SELECT id FROM index_indicator WHERE framework_id = ? AND no = ?')
        .pluck()
        .get(fid, no) as number;
      saveIndexScore(
        f.db,
        { assessmentId: aid, indicatorId, level, evidence: null },
        { userId: null, source: 'fixture' },
        f.nowMs,
      );
    }
  });

  afterAll(() => {
    f.close();
  });

  test('the trend shows each year under its own framework code', async () => {
    const o = await fc.dashboard.overview(IN_2026);
    expect(o.spbe.trend).toEqual([
      { year: 2024, frameworkCode: 'SPBE-2020', self: null, verified: 3.16 },
      { year: 2025, frameworkCode: 'SPBE-2020', self: 3.505, verified: null },
      { year: 2026, frameworkCode: 'PEMDI-TEST', self: null, verified: 4.1 }, // (3×20 + 4×20 + 4×30 + 5×30) ÷ 100
    ]);
  });

  test('the newest verified result headlines with the bands of its own framework', async () => {
    const o = await fc.dashboard.overview(IN_2026);
    expect(o.spbe.latest).toMatchObject({
      year: 2026,
      frameworkCode: 'PEMDI-TEST',
      index: 4.1,
      predikat: 'Tinggi',
      complete: true,
    });
    expect(o.spbe.latest?.domains.map((d) => d.index)).toEqual([3.5, 4.5]);
    expect(o.spbe.bands.map((b) => b.label)).toEqual(['Tinggi', 'Sedang', 'Rendah']);
  });

  test('spbe.results lists every assessment with its framework and both framework definitions', async () => {
    const r = await fc.spbe.results(IN_2026);
    expect(r.results.map((x) => [x.year, x.kind, x.frameworkCode, x.index, x.predikat])).toEqual([
      [2024, 'verified', 'SPBE-2020', 3.16, 'Baik'],
      [2025, 'self', 'SPBE-2020', 3.505, 'Sangat Baik'],
      [2026, 'verified', 'PEMDI-TEST', 4.1, 'Tinggi'],
    ]);
    expect(r.frameworks.map((x) => x.code)).toEqual(['SPBE-2020', 'PEMDI-TEST']);
  });

  test('the 2025 view is unchanged by an assessment from a later year', async () => {
    const o = await fc.dashboard.overview(NOW);
    expect(o.spbe.trend.map((p) => p.frameworkCode)).toEqual(['SPBE-2020', 'SPBE-2020']);
    expect(o.spbe.latest).toMatchObject({ year: 2024, frameworkCode: 'SPBE-2020' });
  });
});

describe('regression: HTTP errors exposed the server stack', () => {
  // initTRPC.create() without `isDev` fell back to process.env.NODE_ENV !== 'production', and
  // `npm start` does not set NODE_ENV (server/env.ts defaults it only in the parsed config), so a
  // production server sent file paths and the call stack to every client that sent bad input.
  test('an error response over HTTP carries no stack trace', async () => {
    const { app } = createApp({ db: t.db, clock: () => t.nowMs, log: () => {} });
    const server = app.listen(0, '127.0.0.1');
    try {
      await new Promise<void>((resolve) => server.once('listening', () => resolve()));
      const { port } = server.address() as AddressInfo;
      const res = await fetch(
        `http://127.0.0.1:${port}/trpc/dashboard.overview?input=${encodeURIComponent('{"year":"x"}')}`,
      );
      const body = (await res.json()) as { error: { data: Record<string, unknown> } };
      expect(body.error.data.stack).toBeUndefined();
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
