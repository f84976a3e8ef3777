import { describe, expect, test } from 'vitest';
import { budgetMonthLimit, buildOverview, type OverviewInput } from '../../../server/kpi/overview';
import { makeInput, programme } from './overview-fixture';
import { SPBE_2020 } from './spbe-fixtures';

describe('buildOverview', () => {
  const o = buildOverview(makeInput());

  test('header: year, as-of date, generatedAt from the input, demo when any family is synthetic', () => {
    expect([o.year, o.asOf, o.generatedAt, o.demo]).toEqual([
      2026,
      '2026-05-20',
      '2026-05-20T02:15:00.000Z',
      true,
    ]);
    expect(o.budget.freshness.demo).toBe(true);
    expect(o.pillars.freshness.demo).toBe(false);
  });

  test('pillars in sort order with their behind-plan programmes', () => {
    expect(o.pillars.items.map((p) => p.code)).toEqual(['GOV', 'ECO']);
    expect(o.pillars.items[0]?.behindPlan.map((p) => p.code)).toEqual(['GOV-C', 'GOV-B']);
  });

  test('budget as of the latest reported month, not the calendar month of asOf', () => {
    expect(o.budget.stage).toBe('perubahan');
    expect(o.budget.asOfMonth).toBe(4);
    // 21 % vs 30 % → −9 kuning; fisik 28 vs 35 → −7 kuning
    expect(o.budget.total.serapanPct).toBe(21);
    expect(o.budget.total.deviasiKeuPoin).toBe(-9);
    expect(o.budget.total.colour).toBe('kuning');
    expect(o.budget.sCurve).toHaveLength(12);
    expect(o.budget.sCurve[4]).toMatchObject({ month: 5, targetKeuPct: 40, realKeuPct: null });
  });

  test('OPDs worst deviation first, red zone = the merah ones, groups and sources in input order', () => {
    // DPUPR −18, DINHUB −11, DINKES −5 (fisik), DLH none
    expect(o.budget.byOpd.map((k) => k.key)).toEqual(['DPUPR', 'DINHUB', 'DINKES', 'DLH']);
    expect(o.budget.redZone.map((k) => k.key)).toEqual(['DPUPR', 'DINHUB']);
    expect(o.budget.byGroup.map((k) => k.key)).toEqual(['operasi', 'modal']);
    expect(o.budget.bySource.map((k) => k.key)).toEqual(['PAD', 'DAK_FISIK']);
    // DAK Fisik: 9 % vs 30 % → −21 merah (kept in bySource, not in the OPD red zone)
    expect(o.budget.bySource[1]?.colour).toBe('merah');
  });

  test('SPBE: newest verified result headlines; trend per year under its own framework', () => {
    expect(o.spbe.latest).toMatchObject({ year: 2023, kind: 'verified', index: 3, predikat: 'Baik' });
    expect(o.spbe.trend).toEqual([
      { year: 2022, frameworkCode: 'SPBE-2020', self: 4.006, verified: null },
      { year: 2023, frameworkCode: 'SPBE-2020', self: 4, verified: 3 },
      { year: 2025, frameworkCode: 'TOY-2025', self: 3.4, verified: null },
    ]);
    expect(o.spbe.bands).toBe(SPBE_2020.bands);
  });

  test('services: totals over the rows, backlog over every open request, worst five by on-time', () => {
    // completed 10+20+10+10+4+10+0+10 = 74; on time 5+20+7+7+3+9+0+8 = 59 → 79,73 %
    expect(o.services.period).toBe('2026-05');
    expect(o.services.completed).toBe(74);
    expect(o.services.submitted).toBe(74 + 8 * 2);
    expect(o.services.onTimePct).toBeCloseTo((59 / 74) * 100, 9);
    expect(o.services.backlog).toBe(5);
    expect(o.services.worst.map((s) => [s.serviceCode, s.onTimePct])).toEqual([
      ['S_AKTA', 50],
      ['S_KK', 70],
      ['S_PINDAH', 70],
      ['S_PBG', 75],
      ['S_MATI', 80],
    ]);
    expect(o.services.worst[0]).toMatchObject({ backlog: 3, oldestOpenDays: 9 }); // 11 → 20 May
  });

  test('complaints: total, channels by volume, top five topics with ties by key', () => {
    expect(o.complaints.period).toBe('2026');
    expect(o.complaints.responseTargetHours).toBe(24);
    expect(o.complaints.total.received).toBe(5450);
    expect(o.complaints.byChannel.map((c) => c.key)).toEqual(['WA', 'WEB', 'IG']);
    expect(o.complaints.topTopics.map((c) => c.key)).toEqual(['JALAN', 'BANSOS', 'PJU', 'AIR', 'SAMPAH']);
  });

  test('IKM: mean of the complete unit values in the latest period', () => {
    // (82,5 + 90) / 2 = 86,25 → B; Disduk (S1) is older, Dinkes is incomplete
    expect(o.ikm).toMatchObject({ grade: 'B', gradeLabel: 'Baik', units: 2, period: '2025-S2' });
    expect(o.ikm.value).toBeCloseTo(86.25, 9);
  });

  test('alerts: red OPDs, red programmes and red services, deepest beyond the red line first', () => {
    // depth: S_AKTA 80−50 = 30; GOV-C −10−(−20) = 10; S_KK, S_PINDAH 10; DPUPR 8; S_PBG 5; DINHUB 1
    expect(o.alerts.map((a) => [a.family, a.name])).toEqual([
      ['layanan', 'Layanan S_AKTA'],
      ['pilar', 'Program GOV-C'],
      ['layanan', 'Layanan S_KK'],
      ['layanan', 'Layanan S_PINDAH'],
      ['anggaran', 'DPUPR'],
      ['layanan', 'Layanan S_PBG'],
      ['anggaran', 'DINHUB'],
    ]);
  });

  test('the same rows in another order give the same overview', () => {
    const input = makeInput();
    const shuffled: OverviewInput = {
      ...input,
      pillars: {
        ...input.pillars,
        rows: [...input.pillars.rows].reverse(),
        programmes: [...input.pillars.programmes].reverse(),
      },
      budget: {
        ...input.budget,
        slices: [
          ...input.budget.slices.filter((s) => s.dim === 'opd').reverse(),
          ...input.budget.slices.filter((s) => s.dim !== 'opd'),
        ],
      },
      services: {
        ...input.services,
        rows: [...input.services.rows].reverse(),
        backlog: [...input.services.backlog].reverse(),
      },
      complaints: { ...input.complaints, rows: [...input.complaints.rows].reverse() },
      ikm: { ...input.ikm, surveys: [...input.ikm.surveys].reverse() },
    };
    expect(buildOverview(shuffled)).toEqual(o);
  });
});

describe('buildOverview: empty and early states', () => {
  test('before any report: as-of month null, realisation 0, colour abu, no SPBE, no alerts', () => {
    const input = makeInput();
    const o = buildOverview({
      ...input,
      budget: { ...input.budget, monthLimit: null },
      spbe: { ...input.spbe, assessments: [] },
      pillars: { ...input.pillars, programmes: [] },
      services: { ...input.services, rows: [], backlog: [] },
      complaints: { ...input.complaints, rows: [] },
      ikm: { ...input.ikm, surveys: [] },
    });
    expect(o.budget.asOfMonth).toBeNull();
    expect([o.budget.total.realKeuRp, o.budget.total.colour, o.budget.redZone]).toEqual([0, 'abu', []]);
    expect(o.spbe).toMatchObject({ latest: null, trend: [], bands: [] });
    expect(o.services).toMatchObject({ submitted: 0, completed: 0, onTimePct: null, backlog: 0, worst: [] });
    expect(o.complaints.total).toMatchObject({ received: 0, resolvedPct: null });
    expect(o.ikm).toMatchObject({ value: null, units: 0, period: null });
    expect(o.alerts).toEqual([]);
  });

  test('without a total slice the total is an empty Rp 0 slice', () => {
    const input = makeInput();
    const o = buildOverview({
      ...input,
      budget: { ...input.budget, slices: input.budget.slices.filter((s) => s.dim !== 'total') },
    });
    expect(o.budget.asOfMonth).toBeNull();
    expect(o.budget.total).toMatchObject({ key: 'ALL', paguRp: 0, serapanPct: null, colour: 'abu' });
  });

  test('an assessment whose framework was not supplied is refused by name', () => {
    const input = makeInput();
    expect(() => buildOverview({ ...input, spbe: { ...input.spbe, frameworks: [SPBE_2020] } })).toThrow(
      /TOY-2025/,
    );
  });

  test('a malformed as-of date is refused', () => {
    expect(() => buildOverview({ ...makeInput(), asOf: '2026-02-30' })).toThrow(RangeError);
  });
});

describe('budgetMonthLimit', () => {
  test.each([
    [2026, '2026-05-20', 5],
    [2026, '2026-01-01', 1],
    [2025, '2026-01-15', 12], // a past year is complete
    [2027, '2026-12-31', null], // a future year has nothing yet
  ])('year %i as of %s → %s', (year, asOf, limit) => {
    expect(budgetMonthLimit(year, asOf)).toBe(limit);
  });
});

describe('behind-plan programmes on the summary', () => {
  test('a pillar names its five worst behind-plan programmes, counts all, and alerts still rank all of them', () => {
    const input = makeInput();
    // Eight ECO programmes, each 20 + i poin behind: all merah; ECO-X8 (−27) is the worst.
    const extra = Array.from({ length: 8 }, (_, i) =>
      programme(`ECO-X${i + 1}`, 'ECO', 1_000_000_000, 0, 20 + i),
    );
    input.pillars.programmes = [...input.pillars.programmes, ...extra];
    const o = buildOverview(input);
    const eco = o.pillars.items.find((p) => p.code === 'ECO');
    expect(eco?.behindPlanCount).toBe(8); // ECO-1 (30 % against a 25 % plan) is ahead
    expect(eco?.behindPlan.map((p) => p.code)).toEqual(['ECO-X8', 'ECO-X7', 'ECO-X6', 'ECO-X5', 'ECO-X4']);
    const alertNames = o.alerts.filter((a) => a.family === 'pilar').map((a) => a.name);
    expect(alertNames).toContain('Program ECO-X8');
  });
});
