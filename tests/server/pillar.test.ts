// masterplan.pillar through createCaller: the hand-checkable dataset (fixtures/README.md §11), and
// the small demo database, where every pillar's curve must meet the pillar KPIs of
// masterplan.programmes at the as-of month and its budget must be its programmes' sum.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { callerFor, makeTestDb, type TestDb } from '../helpers/db';

describe('masterplan.pillar on the hand-checkable dataset', () => {
  let t: TestDb;
  let caller: ReturnType<typeof callerFor>;
  beforeAll(() => {
    t = makeTestDb('handcheck');
    caller = callerFor(t);
  });
  afterAll(() => t.close());

  test('GOV at now: the pillar KPIs, the same as masterplan.programmes', async () => {
    const p = await caller.masterplan.pillar({ code: 'GOV' });
    const m = await caller.masterplan.programmes();
    expect(p.pillar).toEqual(m.pillars.items.find((x) => x.code === 'GOV'));
    expect([p.year, p.asOf]).toEqual([2025, '2025-10-15']);
    expect([p.pillar.weightedProgressPct, p.pillar.weightedPlanPct, p.pillar.deviationPoin]).toEqual([
      34.2, 40.5, -6.3,
    ]);
  });

  test('GOV curve: plan and actual per month, the as-of month (October) equal to the pillar KPIs', async () => {
    const { curve, pillar } = await caller.masterplan.pillar({ code: 'GOV' });
    expect(curve.asOfMonth).toBe(10);
    expect(curve.points.map((x) => x.planPct)).toEqual([
      3.9, 7.8, 11.7, 15.6, 19.5, 23.4, 27.3, 31.2, 35.1, 40.5, 51.5, 64,
    ]);
    // HC-GOV-03 never reported: 0 % throughout; nobody reported before March; no actual after October
    expect(curve.points.map((x) => x.actualPct)).toEqual([0, 0, 6, 6, 6, 20, 20, 20, 34.2, 34.2, null, null]);
    expect(curve.points[9]).toEqual({
      month: 10,
      planPct: pillar.weightedPlanPct,
      actualPct: pillar.weightedProgressPct,
    });
  });

  test('as of 10 September the curve stops at September, where it meets that day’s pillar KPIs', async () => {
    const { curve, pillar } = await caller.masterplan.pillar({ code: 'GOV', asOf: '2025-09-10' });
    expect(curve.asOfMonth).toBe(9);
    expect(curve.points[8]).toEqual({ month: 9, planPct: 35.1, actualPct: 34.2 });
    expect([pillar.weightedPlanPct, pillar.weightedProgressPct]).toEqual([35.1, 34.2]);
    expect(curve.points[9]?.actualPct).toBeNull();
  });

  test('GOV budget (perubahan): the two DINKOMINFO sub kegiatan behind HC-GOV-01 and HC-GOV-02', async () => {
    const { budget, programmes } = await caller.masterplan.pillar({ code: 'GOV' });
    expect(budget).toMatchObject({
      stage: 'perubahan',
      asOfMonth: 9,
      programmesWithBudget: 2,
      subKegiatan: 2,
    });
    expect(budget.total).toEqual({
      dim: 'pillar',
      key: 'GOV',
      label: 'Smart Governance',
      paguRp: 1_400_000_000,
      realKeuRp: 700_000_000,
      serapanPct: 50,
      targetKeuPct: 70,
      deviasiKeuPoin: -20,
      fisikPct: 72,
      targetFisPct: 75,
      deviasiFisPoin: -3,
      colour: 'merah',
    });
    expect(
      programmes.map((p) => [
        p.code,
        p.status,
        p.deviationPoin,
        p.budget.paguRp,
        p.budget.serapanPct,
        p.budget.deviasiKeuPoin,
        p.budget.fisikPct,
        p.budget.colour,
      ]),
    ).toEqual([
      ['HC-GOV-02', 'berjalan', -20, 400_000_000, 70, 0, 87, 'hijau'],
      ['HC-GOV-03', 'belum_mulai', -5, 0, null, null, null, 'abu'], // no sub kegiatan behind it
      ['HC-GOV-01', 'berjalan', 3, 1_000_000_000, 42, -28, 66, 'merah'],
    ]);
  });

  test('GOV budget as of 10 September (murni): SK2 at its murni pagu, the pillar hijau', async () => {
    const { budget, programmes } = await caller.masterplan.pillar({ code: 'GOV', asOf: '2025-09-10' });
    expect(budget.stage).toBe('murni');
    expect(budget.total).toMatchObject({
      paguRp: 1_000_000_000,
      serapanPct: 70,
      deviasiKeuPoin: 0,
      fisikPct: 74.4,
      deviasiFisPoin: -0.6,
      colour: 'hijau',
    });
    expect(programmes.find((p) => p.code === 'HC-GOV-01')?.budget).toMatchObject({
      paguRp: 600_000_000,
      serapanPct: 70,
      deviasiFisPoin: -9,
      colour: 'kuning',
    });
  });

  test('ENV: a tertunda programme with no sub kegiatan behind it gives a Rp 0 budget, colour abu', async () => {
    const p = await caller.masterplan.pillar({ code: 'ENV' });
    expect(p.programmes.map((x) => [x.code, x.status])).toEqual([['HC-ENV-01', 'tertunda']]);
    expect(p.budget.programmesWithBudget).toBe(0);
    expect(p.budget.total).toMatchObject({ paguRp: 0, serapanPct: null, colour: 'abu' });
    expect(p.curve.points[9]).toEqual({ month: 10, planPct: 50, actualPct: 40 });
  });

  test('a pillar without programmes answers with empty lists and null curve points', async () => {
    const p = await caller.masterplan.pillar({ code: 'BRA' });
    expect(p.programmes).toEqual([]);
    expect(p.curve.points.every((x) => x.planPct === null && x.actualPct === null)).toBe(true);
    expect(p.pillar.colour).toBe('abu');
  });

  test('an unknown pillar code is NOT_FOUND with an Indonesian message naming it', async () => {
    await expect(caller.masterplan.pillar({ code: 'XYZ' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: "Tidak ada pilar dengan kode 'XYZ' pada TA 2025",
    });
  });

  test('an empty code or an unknown field is a BAD_REQUEST naming the field', async () => {
    const refused = (input: unknown) =>
      caller.masterplan.pillar(input as never).then(
        () => null,
        (e: unknown) => e as { code: string; message: string },
      );
    const empty = await refused({ code: ' ' });
    expect(empty?.code).toBe('BAD_REQUEST');
    expect(empty?.message).toContain('Kode pilar wajib diisi');
    expect(empty?.message).toContain('"code"');
    const missing = await refused({});
    expect(missing?.message).toContain('Kode pilar wajib diisi');
    const extra = await refused({ code: 'GOV', pillar: 'GOV' }); // unknown fields are refused, not ignored
    expect(extra?.code).toBe('BAD_REQUEST');
    expect(extra?.message).toContain('pillar');
  });
});

describe('masterplan.pillar on the small demo database', () => {
  let t: TestDb;
  let caller: ReturnType<typeof callerFor>;
  beforeAll(() => {
    t = makeTestDb({ demo: 'small', nowMs: Date.parse('2026-11-23T03:00:00.000Z') });
    caller = callerFor(t);
  });
  afterAll(() => t.close());

  const CODES = ['GOV', 'BRA', 'ECO', 'LIV', 'SOC', 'ENV'] as const;

  test.each(CODES)(
    '%s: the curve at the as-of month is the weightedPlanPct / weightedProgressPct shown elsewhere',
    async (code) => {
      const [p, m] = await Promise.all([caller.masterplan.pillar({ code }), caller.masterplan.programmes()]);
      const shown = m.pillars.items.find((x) => x.code === code);
      expect(p.curve.asOfMonth).toBe(11);
      const point = p.curve.points[10];
      expect(point?.planPct).toBe(shown?.weightedPlanPct);
      expect(point?.actualPct).toBe(shown?.weightedProgressPct);
      expect(p.pillar).toEqual(shown);
      expect(p.programmes.map((x) => x.code).sort()).toEqual(
        m.programmes
          .filter((x) => x.pillarCode === code)
          .map((x) => x.code)
          .sort(),
      );
      expect(p.curve.points[11]?.actualPct).toBeNull();
    },
  );

  test.each(CODES)(
    '%s: the pillar budget is the sum of its programmes, each the sum of its linked sub kegiatan',
    async (code) => {
      const p = await caller.masterplan.pillar({ code });
      const sum = (k: 'paguRp' | 'realKeuRp') => p.programmes.reduce((a, x) => a + x.budget[k], 0);
      expect(p.budget.total.paguRp).toBe(sum('paguRp'));
      expect(p.budget.total.realKeuRp).toBe(sum('realKeuRp'));
      // The rollup against the raw rows: pagu of each programme's sub kegiatan in the stage in force.
      const raw = t.db
        .prepare(
          `SELECT pg.code, SUM(pp.pagu_rp) AS pagu FROM sub_kegiatan s
         JOIN programme pg ON pg.id = s.programme_id JOIN pillar pl ON pl.id = pg.pillar_id
         JOIN sub_kegiatan_pagu pp ON pp.sub_kegiatan_id = s.id AND pp.stage = ?
         WHERE s.year = 2026 AND pl.code = ? GROUP BY pg.code`,
        )
        .all(p.budget.stage, code) as { code: string; pagu: number }[];
      const linked = p.programmes.filter((x) => x.budget.paguRp > 0);
      expect(linked.map((x) => [x.code, x.budget.paguRp]).sort()).toEqual(
        raw.map((r) => [r.code, r.pagu]).sort(),
      );
      expect(p.budget.programmesWithBudget).toBe(linked.length);
    },
  );

  test('the demo links sub kegiatan to programmes, so the pillar budget has figures to show', async () => {
    const p = await caller.masterplan.pillar({ code: 'GOV' });
    const b = await caller.budget.absorption();
    expect(p.budget.total.paguRp).toBeGreaterThan(0);
    expect(p.budget.total.serapanPct).not.toBeNull();
    expect(p.budget.asOfMonth).toBe(b.asOfMonth); // the same month as the Anggaran wall
    expect(p.budget.stage).toBe(b.stage);
  });
});
