// The pillar screen's maths: the plan-vs-actual curve (the same rules as the pillar KPIs, month by
// month), the sum of programme budget slices, and the whole view of one pillar.
import { describe, expect, test } from 'vitest';
import { budgetKpi, sumSlices } from '../../../server/kpi/budget';
import { pillarCurve, pillarKpis } from '../../../server/kpi/masterplan';
import { buildPillarView, masterplanMonth, type PillarViewInput } from '../../../server/kpi/pillar';
import type { BudgetSliceRow, ProgrammeMonthRow, ProgrammeRow } from '../../../server/kpi/types';

const t = { greenMinPoin: -5, yellowMinPoin: -10 };
const M = 1_000_000_000; // Rp 1 miliar
const JT = 1_000_000;

function programme(p: Partial<ProgrammeRow> & { id: number; code: string }): ProgrammeRow {
  return {
    name: `Program ${p.code}`,
    pillarCode: 'GOV',
    coordinatorOpdCode: 'DINKOMINFO',
    coordinatorOpdName: 'Dinkominfo',
    budgetRp: 1 * M,
    startYear: 2026,
    endYear: 2027,
    reportedStatus: null,
    physicalPct: null,
    plannedPct: null,
    progressPeriod: null,
    kendala: null,
    ...p,
  };
}

/** Twelve month rows of one programme from its plan and carried progress per month. */
const monthsOf = (id: number, plan: (number | null)[], physical: (number | null)[]): ProgrammeMonthRow[] =>
  plan.map((plannedPct, i) => ({
    programmeId: id,
    month: i + 1,
    plannedPct,
    physicalPct: physical[i] ?? null,
  }));

// A: Rp3 M, plan 10 % a month; reported 4 % in January, 16 % in February, 48 % in May, and (entered
// later) 84 % in August. B: Rp1 M, a plan only from April (the months before it starts have none),
// never reported. As of June.
const A = programme({ id: 1, code: 'GOV-A', budgetRp: 3 * M });
const B = programme({ id: 2, code: 'GOV-B', budgetRp: 1 * M });
const MONTHS: ProgrammeMonthRow[] = [
  ...monthsOf(
    1,
    [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 100, 100],
    [4, 16, 16, 16, 48, 48, 48, 84, 84, 84, 84, 84],
  ),
  ...monthsOf(2, [null, null, null, 10, 20, 30, 40, 50, 60, 70, 80, 90], []),
];

/** The programmes as programmesAsOf would give them at `month`. */
const at = (month: number): ProgrammeRow[] =>
  [A, B].map((p) => {
    const r = MONTHS.find((x) => x.programmeId === p.id && x.month === month);
    return { ...p, plannedPct: r?.plannedPct ?? null, physicalPct: r?.physicalPct ?? null };
  });

describe('pillarCurve', () => {
  const curve = pillarCurve([A, B], MONTHS, 6);

  test('hand-checked: a programme before its plan starts is out of the plan, a silent one counts 0 %, mid-year as-of', () => {
    expect(curve.map((p) => [p.month, p.planPct, p.actualPct])).toEqual([
      [1, 10, 3], // plan A only; actual (3 × 4 + 1 × 0) ÷ 4 = 3
      [2, 20, 12], // 3 × 16 ÷ 4
      [3, 30, 12],
      [4, 32.5, 12], // plan (3 × 40 + 1 × 10) ÷ 4 = 130 ÷ 4
      [5, 42.5, 36], // plan (150 + 20) ÷ 4; actual 3 × 48 ÷ 4
      [6, 52.5, 36], // the as-of month: plan 210 ÷ 4
      [7, 62.5, null], // after the as-of month no actual, though August was reported
      [8, 72.5, null],
      [9, 82.5, null],
      [10, 92.5, null],
      [11, 95, null], // (300 + 80) ÷ 4
      [12, 97.5, null],
    ]);
  });

  test('every month up to the as-of month is the pillar KPI of that month', () => {
    for (let month = 1; month <= 6; month++) {
      const [k] = pillarKpis([{ code: 'GOV', name: 'Smart Governance', sort: 1 }], at(month), t);
      expect(curve[month - 1]?.planPct, `plan ${month}`).toBe(k?.weightedPlanPct);
      expect(curve[month - 1]?.actualPct, `actual ${month}`).toBe(k?.weightedProgressPct);
    }
  });

  test('no as-of month (a year not begun) gives the plan and no actual at all', () => {
    const c = pillarCurve([A, B], MONTHS, null);
    expect(c.map((p) => p.actualPct)).toEqual(Array(12).fill(null));
    expect(c[0]?.planPct).toBe(10);
  });

  test('December as-of (a past year) gives actual for every month', () => {
    expect(pillarCurve([A, B], MONTHS, 12)[11]).toEqual({ month: 12, planPct: 97.5, actualPct: 63 }); // 3 × 84 ÷ 4
  });

  test('a pillar whose programmes have no progress yet: the actual is 0 %, not missing', () => {
    const c = pillarCurve([B], MONTHS, 6);
    expect(c.map((p) => p.actualPct).slice(0, 7)).toEqual([0, 0, 0, 0, 0, 0, null]);
    expect(c.map((p) => p.planPct).slice(0, 4)).toEqual([null, null, null, 10]);
  });

  test('without programmes, or with budgets adding up to Rp 0, every point is null', () => {
    const blank = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, planPct: null, actualPct: null }));
    expect(pillarCurve([], MONTHS, 6)).toEqual(blank);
    expect(pillarCurve([{ ...A, budgetRp: 0 }], MONTHS, 6)).toEqual(blank);
  });

  test('month rows of programmes outside the pillar are ignored', () => {
    expect(
      pillarCurve([A, B], [...MONTHS, ...monthsOf(99, Array(12).fill(100), Array(12).fill(100))], 6),
    ).toEqual(curve);
  });
});

/** A month row of a slice; amounts in jt, fisik weights as pagu × %. */
const row = (
  month: number,
  targetKeuJt: number,
  realKeuJt: number,
  targetFisW: number,
  realFisW: number,
  reported: number,
) => ({
  month,
  targetKeuRp: targetKeuJt * JT,
  realKeuRp: realKeuJt * JT,
  targetFisW: targetFisW * JT,
  realFisW: realFisW * JT,
  reported,
});

// X (pagu 1.000 jt) has every month; Y (pagu 3.000 jt) has no row for February, so its January
// targets still hold then.
const X: BudgetSliceRow = {
  dim: 'programme',
  key: 'GOV-A',
  label: 'A',
  paguRp: 1_000 * JT,
  subKegiatan: 2,
  months: [
    row(1, 100, 50, 15_000, 10_000, 1),
    row(2, 200, 100, 25_000, 20_000, 1),
    row(3, 300, 0, 35_000, 20_000, 0),
  ],
};
const Y: BudgetSliceRow = {
  dim: 'programme',
  key: 'GOV-B',
  label: 'B',
  paguRp: 3_000 * JT,
  subKegiatan: 1,
  months: [row(1, 300, 0, 30_000, 0, 0), row(3, 900, 600, 90_000, 75_000, 1)],
};

describe('sumSlices', () => {
  const sum = sumSlices([X, Y], { dim: 'pillar', key: 'GOV', label: 'Smart Governance' });

  test('pagu and counts add up; a month missing in one slice carries its cumulative figures', () => {
    expect(sum).toMatchObject({ dim: 'pillar', key: 'GOV', paguRp: 4_000 * JT, subKegiatan: 3 });
    // February: targets 200 + Y's January 300; realisation of the month only 100 + 0
    expect(sum.months[1]).toEqual(row(2, 500, 100, 55_000, 20_000, 1));
  });

  test('hand-checked KPI of the sum in February and March', () => {
    // Feb: serapan (50 + 100) ÷ 4.000 = 3,75 %; target 500 ÷ 4.000 = 12,5 % → −8,75 kuning;
    // fisik 20.000 ÷ 4.000 = 5 % against 13,75 %
    expect(budgetKpi(sum, 2, t)).toMatchObject({
      serapanPct: 3.75,
      targetKeuPct: 12.5,
      deviasiKeuPoin: -8.75,
      fisikPct: 5,
      targetFisPct: 13.75,
      deviasiFisPoin: -8.75,
      colour: 'kuning',
    });
    // Mar: serapan 750 ÷ 4.000 = 18,75 % against 30 % → −11,25 merah; fisik 95.000 ÷ 4.000 = 23,75 %
    expect(budgetKpi(sum, 3, t)).toMatchObject({
      realKeuRp: 750 * JT,
      serapanPct: 18.75,
      targetKeuPct: 30,
      deviasiKeuPoin: -11.25,
      fisikPct: 23.75,
      targetFisPct: 31.25,
      colour: 'merah',
    });
  });

  test('nothing to add is a Rp 0 slice: every ratio null, colour abu', () => {
    const empty = sumSlices([], { dim: 'pillar', key: 'ENV', label: 'Smart Environment' });
    expect(empty).toEqual({
      dim: 'pillar',
      key: 'ENV',
      label: 'Smart Environment',
      paguRp: 0,
      subKegiatan: 0,
      months: [],
    });
    expect(budgetKpi(empty, 3, t)).toMatchObject({ serapanPct: null, deviasiKeuPoin: null, colour: 'abu' });
  });
});

describe('masterplanMonth', () => {
  test.each([
    [2026, '2026-06-30', 6],
    [2026, '2026-01-01', 1],
    [2025, '2026-03-01', 12], // a past year: its December
    [2027, '2026-11-23', null], // a year not begun
  ])('year %i on %s → %s', (year, asOf, month) => {
    expect(masterplanMonth(year, asOf)).toBe(month);
  });
});

describe('buildPillarView', () => {
  const total: BudgetSliceRow = {
    dim: 'total',
    key: 'ALL',
    label: 'Total',
    paguRp: 100 * M,
    subKegiatan: 10,
    months: [row(1, 1, 1, 1, 1, 5), row(2, 1, 1, 1, 1, 5), row(3, 1, 0, 1, 1, 0)], // nobody reported March
  };
  const input: PillarViewInput = {
    year: 2026,
    asOf: '2026-06-15',
    pillar: { code: 'GOV', name: 'Smart Governance', sort: 1 },
    programmes: at(6),
    months: MONTHS,
    thresholds: t,
    budget: { stage: 'murni', total, programmes: [Y], monthLimit: 6, thresholds: t },
  };
  const view = buildPillarView(input);

  test('the pillar KPI is pillarKpis of its programmes and equals the curve at the as-of month', () => {
    expect(view.pillar).toEqual(pillarKpis([input.pillar], input.programmes, t)[0]);
    expect(view.curve.asOfMonth).toBe(6);
    expect(view.curve.points[5]).toEqual({
      month: 6,
      planPct: view.pillar.weightedPlanPct,
      actualPct: view.pillar.weightedProgressPct,
    });
    expect([view.pillar.weightedProgressPct, view.pillar.weightedPlanPct, view.pillar.deviationPoin]).toEqual(
      [
        36,
        52.5,
        -16.5, // (3 × (48 − 60) + 1 × (0 − 30)) ÷ 4
      ],
    );
  });

  test('programmes worst first, each with the budget of its slice; one without a slice is Rp 0 and abu', () => {
    // B −30, A −12: the budget as of the regency's latest reported month (February)
    expect(view.programmes.map((p) => [p.code, p.deviationPoin, p.budget.paguRp, p.budget.colour])).toEqual([
      ['GOV-B', -30, 3_000 * JT, 'kuning'], // serapan −10 poin: on the kuning line
      ['GOV-A', -12, 0, 'abu'],
    ]);
    expect(view.programmes[0]?.budget).toEqual(budgetKpi(Y, 2, t)); // serapan 0 ÷ 3.000 with a 300 ÷ 3.000 target
    expect(view.programmes[0]?.budget).toMatchObject({
      serapanPct: 0,
      targetKeuPct: 10,
      deviasiKeuPoin: -10,
    });
  });

  test('the pillar budget is the sum of its programme slices, at the same as-of month as every budget screen', () => {
    expect(view.budget).toEqual({
      stage: 'murni',
      asOfMonth: 2,
      total: budgetKpi(sumSlices([Y], { dim: 'pillar', key: 'GOV', label: 'Smart Governance' }), 2, t),
      programmesWithBudget: 1,
      subKegiatan: 1,
    });
    expect(view.budget.total).toMatchObject({ dim: 'pillar', key: 'GOV', paguRp: 3_000 * JT });
  });

  test('before the year starts: no budget month, no actual on the curve', () => {
    const v = buildPillarView({
      ...input,
      asOf: '2025-12-31',
      budget: { ...input.budget, monthLimit: null },
    });
    expect(v.budget.asOfMonth).toBeNull();
    expect(v.curve.asOfMonth).toBeNull();
    expect(v.curve.points.every((p) => p.actualPct === null)).toBe(true);
  });
});
