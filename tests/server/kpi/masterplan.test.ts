import { describe, expect, test } from 'vitest';
import { pillarKpis, programmeKpi, programmeStatus } from '../../../server/kpi/masterplan';
import type { PillarRow, ProgrammeRow, ProgrammeStatus } from '../../../server/kpi/types';

const t = { greenMinPoin: -5, yellowMinPoin: -10 };
const M = 1_000_000_000; // Rp 1 miliar

let nextId = 1;
function programme(p: Partial<ProgrammeRow> & { code: string }): ProgrammeRow {
  return {
    id: nextId++,
    name: `Program ${p.code}`,
    pillarCode: 'GOV',
    coordinatorOpdCode: 'DINKOMINFO',
    coordinatorOpdName: 'Dinas Komunikasi dan Informatika',
    budgetRp: 1 * M,
    startYear: 2025,
    endYear: 2027,
    reportedStatus: null,
    physicalPct: null,
    plannedPct: null,
    progressPeriod: null,
    kendala: null,
    ...p,
  };
}

describe('programmeStatus', () => {
  test.each<[ProgrammeStatus | null, number | null, ProgrammeStatus]>([
    ['tertunda', 100, 'tertunda'], // only a reported tertunda overrides the figures
    ['tertunda', null, 'tertunda'],
    [null, 100, 'selesai'],
    [null, 104.5, 'selesai'],
    ['selesai', 80, 'berjalan'], // a claim of selesai at 80 % is still berjalan
    ['selesai', null, 'belum_mulai'],
    [null, 0.5, 'berjalan'],
    ['berjalan', null, 'berjalan'],
    ['berjalan', 0, 'berjalan'],
    ['belum_mulai', 30, 'berjalan'],
    [null, 0, 'belum_mulai'],
    [null, null, 'belum_mulai'],
  ])('reported %s with physical %s %% is %s', (reportedStatus, physicalPct, status) => {
    expect(programmeStatus(programme({ code: 'X', reportedStatus, physicalPct }))).toBe(status);
  });
});

describe('programmeKpi', () => {
  test.each<[number | null, number | null, number | null, string, boolean]>([
    [50, 52, -2, 'hijau', false],
    [40, 50, -10, 'kuning', true], // −10 is still kuning (bound inclusive) and behind plan
    [30, 45, -15, 'merah', true],
    [null, 12, -12, 'merah', true], // never reported against a plan counts as 0 %
    [30, null, null, 'abu', false], // no plan, nothing to judge
    [70, 50, 20, 'hijau', false],
    // 3,3 − 8,3 is −5,000000000000001 in binary floating point; settled it is −5, hijau
    [3.3, 8.3, -5, 'hijau', false],
  ])('physical %s vs planned %s → %s poin, %s, behind %s', (physicalPct, plannedPct, dev, colour, behind) => {
    const k = programmeKpi(programme({ code: 'X', physicalPct, plannedPct }), t);
    expect(k.deviationPoin).toBe(dev);
    expect(k.colour).toBe(colour);
    expect(k.behindPlan).toBe(behind);
    expect(k.physicalPct).toBe(physicalPct); // the raw value stays null so the UI can say "belum melapor"
  });

  test('carries the coordinating OPD, budget and kendala', () => {
    const k = programmeKpi(programme({ code: 'GOV-03', budgetRp: 7 * M, kendala: 'Lahan belum siap' }), t);
    expect(k).toMatchObject({
      code: 'GOV-03',
      opdCode: 'DINKOMINFO',
      opdName: 'Dinas Komunikasi dan Informatika',
      budgetRp: 7 * M,
      kendala: 'Lahan belum siap',
      status: 'belum_mulai',
    });
  });
});

describe('pillarKpis', () => {
  const pillars: PillarRow[] = [
    { code: 'ENV', name: 'Smart Environment', sort: 6 },
    { code: 'GOV', name: 'Smart Governance', sort: 1 },
    { code: 'ECO', name: 'Smart Economy', sort: 3 },
  ];
  const programmes: ProgrammeRow[] = [
    // GOV
    programme({ code: 'GOV-A', budgetRp: 2 * M, physicalPct: 100, plannedPct: 100 }), // selesai, 0
    programme({ code: 'GOV-B', budgetRp: 3 * M, physicalPct: 40, plannedPct: 50 }), // berjalan, −10
    programme({ code: 'GOV-C', budgetRp: 5 * M, physicalPct: null, plannedPct: 20 }), // belum, −20
    programme({ code: 'GOV-D', budgetRp: 1 * M, physicalPct: 0, reportedStatus: 'tertunda' }), // no plan
    // ECO: every programme has a plan
    programme({ code: 'ECO-1', pillarCode: 'ECO', budgetRp: 4 * M, physicalPct: 30, plannedPct: 25 }),
    programme({ code: 'ECO-2', pillarCode: 'ECO', budgetRp: 1 * M, physicalPct: 10, plannedPct: 30 }),
    // a pillar code that is not in the list is ignored
    programme({ code: 'ZZZ-1', pillarCode: 'ZZZ', physicalPct: 1, plannedPct: 90 }),
  ];
  const kpis = pillarKpis(pillars, programmes, t);

  test('come out in pillar sort order', () => {
    expect(kpis.map((k) => k.code)).toEqual(['GOV', 'ECO', 'ENV']);
  });

  test('a pillar with programmes of every kind: counts, shares and budget-weighted figures', () => {
    const gov = kpis[0];
    expect(gov?.programmes).toBe(4);
    expect(gov?.byStatus).toEqual({ belum_mulai: 1, berjalan: 1, selesai: 1, tertunda: 1 });
    // (berjalan 1 + selesai 1) / 4 × 100 = 50
    expect(gov?.runningOrDonePct).toBe(50);
    // all four, never-reported = 0: (2×100 + 3×40 + 5×0 + 1×0) / 11 = 320/11 = 29,0909…
    expect(gov?.weightedProgressPct).toBeCloseTo(320 / 11, 9);
    // planned ones only (A, B, C): (2×100 + 3×50 + 5×20) / 10 = 450/10 = 45
    expect(gov?.weightedPlanPct).toBeCloseTo(45, 9);
    // (2×0 + 3×(−10) + 5×(−20)) / 10 = −13 → merah (progress of the same three is 32 = 45 − 13)
    expect(gov?.deviationPoin).toBeCloseTo(-13, 9);
    expect(gov?.colour).toBe('merah');
    expect(gov?.behindPlan.map((p) => [p.code, p.deviationPoin])).toEqual([
      ['GOV-C', -20],
      ['GOV-B', -10],
    ]);
  });

  test('with a plan for every programme the deviation is progress − plan; a green pillar still lists its laggard', () => {
    const eco = kpis[1];
    // progress (4×30 + 1×10)/5 = 26; plan (4×25 + 1×30)/5 = 26; deviation 0 → hijau
    expect(eco?.weightedProgressPct).toBeCloseTo(26, 9);
    expect(eco?.weightedPlanPct).toBeCloseTo(26, 9);
    expect(eco?.deviationPoin).toBeCloseTo(0, 9);
    expect(eco?.colour).toBe('hijau');
    expect(eco?.runningOrDonePct).toBe(100);
    expect(eco?.behindPlan.map((p) => p.code)).toEqual(['ECO-2']); // −20
  });

  test('a pillar without programmes has zero counts, null ratios and colour abu', () => {
    expect(kpis[2]).toEqual({
      code: 'ENV',
      name: 'Smart Environment',
      programmes: 0,
      byStatus: { belum_mulai: 0, berjalan: 0, selesai: 0, tertunda: 0 },
      runningOrDonePct: null,
      weightedProgressPct: null,
      weightedPlanPct: null,
      deviationPoin: null,
      colour: 'abu',
      behindPlanCount: 0,
      behindPlan: [],
    });
  });

  test('budget weighting is not a plain mean', () => {
    // GOV plain mean of progress would be (100 + 40 + 0 + 0)/4 = 35, not 29,09
    expect(kpis[0]?.weightedProgressPct).not.toBeCloseTo(35, 1);
  });

  test('programmes without any budget give null weighted figures but still count', () => {
    const [k] = pillarKpis(
      [{ code: 'BRA', name: 'Smart Branding', sort: 2 }],
      [programme({ code: 'BRA-1', pillarCode: 'BRA', budgetRp: 0, physicalPct: 10, plannedPct: 50 })],
      t,
    );
    expect(k?.programmes).toBe(1);
    expect(k?.runningOrDonePct).toBe(100);
    expect([k?.weightedProgressPct, k?.weightedPlanPct, k?.deviationPoin, k?.colour]).toEqual([
      null,
      null,
      null,
      'abu',
    ]);
    expect(k?.behindPlan.map((p) => p.code)).toEqual(['BRA-1']); // the programme itself is −40
  });

  test('programmes equally behind are listed by code', () => {
    const [k] = pillarKpis(
      [{ code: 'SOC', name: 'Smart Society', sort: 5 }],
      ['SOC-9', 'SOC-2', 'SOC-5'].map((code) =>
        programme({ code, pillarCode: 'SOC', physicalPct: 10, plannedPct: 30 }),
      ),
      t,
    );
    expect(k?.behindPlan.map((p) => p.code)).toEqual(['SOC-2', 'SOC-5', 'SOC-9']);
  });
});
