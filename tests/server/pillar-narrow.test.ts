// A pillar narrowed to one OPD (a display's playlist filter): only the programmes it coordinates,
// their KPIs and curve recomputed for that part of the pillar, and the missed-deadline notes kept
// to the OPDs on screen.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { callerFor, makeTestDb, type TestDb } from '../helpers/db';

let t: TestDb;
beforeAll(() => {
  t = makeTestDb({ demo: 'small', nowMs: Date.parse('2026-11-23T03:00:00.000Z') });
});
afterAll(() => t.close());

describe('masterplan.pillar narrowed to one OPD', () => {
  test('shows only the programmes that OPD coordinates, and the pillar KPI of just those', async () => {
    const caller = callerFor(t);
    const whole = await caller.masterplan.pillar({ code: 'GOV' });
    const opd = whole.programmes[0]?.opdCode;
    if (!opd) throw new Error('GOV has no programme in the demo');
    const mine = whole.programmes.filter((p) => p.opdCode === opd);
    const narrowed = await caller.masterplan.pillar({ code: 'GOV', opdCode: opd.toLowerCase() });
    expect(narrowed.opdCode).toBe(opd);
    expect(narrowed.programmes.map((p) => p.code).sort()).toEqual(mine.map((p) => p.code).sort());
    expect(narrowed.pillar.programmes).toBe(mine.length);
    // Budget-weighted over just those programmes: recompute by hand from the whole view.
    const weight = mine.reduce((s, p) => s + p.budgetRp, 0);
    const progress = mine.reduce((s, p) => s + (p.physicalPct ?? 0) * p.budgetRp, 0) / weight;
    expect(narrowed.pillar.weightedProgressPct).toBeCloseTo(progress, 9);
    const asOfPoint = narrowed.curve.points.find((p) => p.month === narrowed.curve.asOfMonth);
    expect(asOfPoint?.actualPct).toBeCloseTo(narrowed.pillar.weightedProgressPct ?? Number.NaN, 9);
  });

  test('the missed-deadline notes name only OPDs whose programmes are on screen', async () => {
    const caller = callerFor(t);
    const whole = await caller.masterplan.pillar({ code: 'ECO' });
    const onScreen = new Set(whole.programmes.map((p) => p.opdCode));
    for (const o of [whole.freshness.pillars.overdue, whole.freshness.budget.overdue]) {
      for (const opd of o?.opds ?? []) expect(onScreen.has(opd.code), opd.code).toBe(true);
    }
  });

  test('an OPD that coordinates nothing in the pillar is a NOT_FOUND naming both', async () => {
    await expect(callerFor(t).masterplan.pillar({ code: 'GOV', opdCode: 'TIDAKADA' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: "OPD 'TIDAKADA' tidak mengoordinasikan program pilar GOV pada TA 2026",
    });
  });
});
