// The hand-checkable dataset seen from other dates: 10 September 2025 (before the APBD perubahan
// of 15 September), the adoption day itself, and 2024 (a year without figures). The working is in
// fixtures/README.md ("Sebelum APBD Perubahan" and "Periode kosong").
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { callerFor, makeTestDb, type TestDb } from '../helpers/db';
import { find } from '../helpers/find';

const JT = 1_000_000;
const NOW = { year: 2025, asOf: '2025-10-15' };
const BEFORE = { year: 2025, asOf: '2025-09-10' };

let t: TestDb;
let caller: ReturnType<typeof callerFor>;

beforeAll(() => {
  t = makeTestDb('handcheck');
  caller = callerFor(t);
});

afterAll(() => {
  t.close();
});

describe('as of 10 September 2025, before the APBD perubahan', () => {
  test('pillars are judged against the September plan: GOV −0,9 poin hijau, ENV exactly −5 hijau', async () => {
    const o = await caller.dashboard.overview(BEFORE);
    const gov = o.pillars.items.find((p) => p.code === 'GOV');
    const env = o.pillars.items.find((p) => p.code === 'ENV');
    // (400×63 + 300×30 + 300×0) ÷ 1000; plan (400×54 + 300×45 + 300×0) ÷ 1000
    expect([gov?.weightedProgressPct, gov?.weightedPlanPct, gov?.deviationPoin, gov?.colour]).toEqual([
      34.2,
      35.1,
      -0.9,
      'hijau',
    ]);
    expect(gov?.behindPlan.map((p) => [p.code, p.deviationPoin, p.colour])).toEqual([
      ['HC-GOV-02', -15, 'merah'],
    ]);
    expect([env?.weightedProgressPct, env?.weightedPlanPct, env?.deviationPoin, env?.colour]).toEqual([
      40,
      45,
      -5,
      'hijau',
    ]);
    expect(env?.behindPlan).toEqual([]);
  });

  test('budget stage murni: Rp1.200 jt of Rp2.000 jt is 60 %, exactly 10 poin under the 70 % cash plan', async () => {
    const { budget } = await caller.dashboard.overview(BEFORE);
    expect([budget.stage, budget.asOfMonth]).toEqual(['murni', 9]);
    expect(budget.total).toMatchObject({
      paguRp: 2_000 * JT,
      realKeuRp: 1_200 * JT,
      serapanPct: 60,
      targetKeuPct: 70,
      deviasiKeuPoin: -10,
      fisikPct: 61.2, // (400×87 + 600×66 + 1.000×48) ÷ 2.000
      targetFisPct: 75,
      deviasiFisPoin: -13.8,
      colour: 'merah',
    });
  });

  test('budget by OPD under the murni: DINKOMINFO on plan (hijau), DPUPR merah, no DINKES yet', async () => {
    const { budget } = await caller.dashboard.overview(BEFORE);
    expect(
      budget.byOpd.map((k) => [
        k.key,
        k.paguRp / JT,
        k.serapanPct,
        k.deviasiKeuPoin,
        k.fisikPct,
        k.deviasiFisPoin,
        k.colour,
      ]),
    ).toEqual([
      ['DPUPR', 1_000, 50, -20, 48, -27, 'merah'],
      ['DINKOMINFO', 1_000, 70, 0, 74.4, -0.6, 'hijau'], // (400×87 + 600×66) ÷ 1.000
    ]);
    expect(budget.redZone.map((k) => k.key)).toEqual(['DPUPR']);
    expect(find(budget.byGroup, 'operasi')).toMatchObject({
      paguRp: 400 * JT,
      serapanPct: 70,
      fisikPct: 87,
      deviasiFisPoin: 12,
      colour: 'hijau',
    });
    expect(find(budget.byGroup, 'modal')).toMatchObject({
      paguRp: 1_600 * JT,
      realKeuRp: 920 * JT,
      serapanPct: 57.5,
      deviasiKeuPoin: -12.5,
      fisikPct: 54.75, // (600×66 + 1.000×48) ÷ 1.600
      deviasiFisPoin: -20.25,
      colour: 'merah',
    });
    expect(find(budget.bySource, 'DAU')).toMatchObject({
      paguRp: 600 * JT,
      serapanPct: 70,
      fisikPct: 66,
      deviasiFisPoin: -9,
      colour: 'kuning',
    });
    expect(budget.bySource.map((k) => k.key).sort()).toEqual(['DAK_FISIK', 'DAU', 'PAD']);
  });

  test('S-curve under the murni: cumulative realisation 1, 6, 11 … 60 % of Rp2.000 jt', async () => {
    const { budget } = await caller.dashboard.overview(BEFORE);
    expect(budget.sCurve.map((p) => p.realKeuPct)).toEqual([
      1,
      6,
      11,
      21,
      31,
      41,
      48.5,
      55,
      60,
      null,
      null,
      null,
    ]);
    expect(budget.sCurve.map((p) => p.targetKeuPct)).toEqual([
      5, 10, 15, 25, 35, 45, 55, 60, 70, 80, 90, 100,
    ]);
    expect(budget.sCurve[7]?.realFisPct).toBe(57); // August, all three reported: (400×75 + 600×60 + 1.000×48) ÷ 2.000
    expect(budget.sCurve[8]?.realFisPct).toBe(61.2); // September, DPUPR still at August's 48 %
  });

  test('services: September is the period; KK 1 of 2 on time, KTP-el 2 of 2, PBG nothing completed', async () => {
    const { services } = await caller.dashboard.overview(BEFORE);
    expect(services).toMatchObject({ period: '2025-09', submitted: 7, completed: 4, onTimePct: 75 });
    expect(
      services.worst.map((s) => [
        s.serviceCode,
        s.submitted,
        s.completed,
        s.onTimePct,
        s.medianMin,
        s.p90Min,
        s.colour,
      ]),
    ).toEqual([
      ['KK', 2, 2, 50, 5818, 7234, 'merah'], // 5.760 and 7.200 min
      ['KTP-EL', 3, 2, 100, 244, 363, 'hijau'], // 240 and 360 min; the third was submitted 30 Sep
    ]);
  });

  test('complaints through September (the whole as-of month): 5 received, all answered within 24 h', async () => {
    const { complaints } = await caller.dashboard.overview(BEFORE);
    expect(complaints.total).toMatchObject({
      received: 5,
      firstResponseWithinTargetPct: 100,
      resolvedPct: 80,
      meanFirstResponseMin: 641.8,
    });
  });

  test('alerts before the perubahan: KK, then DPUPR, then the programme 15 poin behind', async () => {
    const { alerts } = await caller.dashboard.overview(BEFORE);
    expect(alerts.map((a) => [a.family, a.name, a.value])).toEqual([
      ['layanan', 'Penerbitan Kartu Keluarga (KK)', 50],
      ['anggaran', 'DPUPR', -27],
      ['pilar', 'Satu Data Purbalingga: portal data sektoral', -15],
    ]);
  });
});

describe('the APBD perubahan adopted on 15 September 2025', () => {
  test('the same realisation over a bigger pagu gives a lower serapan and the perubahan label', async () => {
    const before = (await caller.dashboard.overview(BEFORE)).budget;
    const after = (await caller.dashboard.overview(NOW)).budget;
    expect([before.stage, after.stage]).toEqual(['murni', 'perubahan']);
    expect(after.total.realKeuRp).toBe(before.total.realKeuRp);
    expect([before.total.paguRp / JT, after.total.paguRp / JT]).toEqual([2_000, 3_000]);
    expect([before.total.serapanPct, after.total.serapanPct]).toEqual([60, 40]);
    const kominfo = (b: typeof before) => find(b.byOpd, 'DINKOMINFO');
    expect(kominfo(after).realKeuRp).toBe(kominfo(before).realKeuRp); // Rp700 jt
    expect([kominfo(before).serapanPct, kominfo(after).serapanPct]).toEqual([70, 50]); // 700 ÷ 1.000, 700 ÷ 1.400
    expect([kominfo(before).colour, kominfo(after).colour]).toEqual(['hijau', 'merah']);
  });

  test('the stage turns on the adoption date: murni on 14 September, perubahan on the 15th', async () => {
    const on14 = await caller.budget.absorption({ year: 2025, asOf: '2025-09-14' });
    const on15 = await caller.budget.absorption({ year: 2025, asOf: '2025-09-15' });
    expect([on14.stage, on14.total.paguRp / JT]).toEqual(['murni', 2_000]);
    expect([on15.stage, on15.total.paguRp / JT]).toEqual(['perubahan', 3_000]);
    expect((await caller.dashboard.overview({ year: 2025, asOf: '2025-09-15' })).budget.stage).toBe(
      'perubahan',
    );
  });

  test('a sub kegiatan added in the perubahan appears only from the adoption: DINKES', async () => {
    const before = await caller.budget.absorption(BEFORE);
    const after = await caller.budget.absorption(NOW);
    expect(before.byOpd.map((k) => k.key)).not.toContain('DINKES');
    expect(find(after.byOpd, 'DINKES')).toMatchObject({
      paguRp: 600 * JT,
      realKeuRp: 0,
      serapanPct: 0,
      fisikPct: 12,
    });
  });
});

describe('an empty period: 2024 has no programme, no sub kegiatan, no service or complaint', () => {
  test('budget and pillars are null and abu, without an error', async () => {
    const o = await caller.dashboard.overview({ year: 2024 });
    expect([o.year, o.asOf]).toEqual([2024, '2024-12-31']);
    expect(o.budget.stage).toBe('perubahan'); // the 2024 perubahan was adopted on 26 Aug 2024
    expect(o.budget.asOfMonth).toBeNull();
    expect(o.budget.total).toMatchObject({
      paguRp: 0,
      realKeuRp: 0,
      serapanPct: null,
      targetKeuPct: null,
      fisikPct: null,
      colour: 'abu',
    });
    expect(o.budget.sCurve).toHaveLength(12);
    expect(
      o.budget.sCurve.every((p) => p.targetKeuPct === null && p.realKeuPct === null && p.realFisPct === null),
    ).toBe(true);
    expect([o.budget.byOpd, o.budget.byGroup, o.budget.bySource, o.budget.redZone]).toEqual([[], [], [], []]);
    expect(o.budget.freshness).toMatchObject({ period: null, updatedAt: null });
    for (const p of o.pillars.items) {
      expect(p).toMatchObject({
        programmes: 0,
        weightedProgressPct: null,
        deviationPoin: null,
        colour: 'abu',
      });
    }
  });

  test('the family procedures answer for 2024 with empty lists and null rates', async () => {
    const a = await caller.budget.absorption({ year: 2024 });
    expect([a.stage, a.asOfMonth, a.total.serapanPct, a.total.colour, a.byOpd]).toEqual([
      'perubahan',
      null,
      null,
      'abu',
      [],
    ]);
    const m = await caller.masterplan.programmes({ year: 2024 });
    expect(m.programmes).toEqual([]);
    const s = await caller.services.summary({ year: 2024 });
    expect(s.period).toBe('2024-12');
    expect(s.services.every((k) => k.completed === 0 && k.onTimePct === null)).toBe(true);
    expect(s.complaints.total).toEqual([]);
    const o = await caller.dashboard.overview({ year: 2024 });
    expect(o.complaints.total).toMatchObject({
      received: 0,
      firstResponseWithinTargetPct: null,
      resolvedPct: null,
      meanFirstResponseMin: null,
    });
    expect([o.services.completed, o.services.onTimePct, o.services.worst]).toEqual([0, null, []]);
    expect([o.ikm.value, o.ikm.grade, o.ikm.units]).toEqual([null, null, 0]);
    // SPBE is yearly: the 2024 verified result is the one shown for 2024, the 2025 self-assessment is not
    expect(o.spbe.trend).toEqual([{ year: 2024, frameworkCode: 'SPBE-2020', self: null, verified: 3.16 }]);
  });
});

describe('backlog seen from an earlier date', () => {
  test('as of 10 September neither open request (submitted 22 Sep and 14 Oct) is in the backlog', async () => {
    const o = await caller.dashboard.overview(BEFORE);
    expect(o.services.backlog).toBe(0);
  });

  test('as of 30 September only the PBG request of 22 September is open, 8 days old', async () => {
    const s = await caller.services.summary({ year: 2025, asOf: '2025-09-30' });
    const pbg = s.services.find((x) => x.serviceCode === 'PBG');
    const kk = s.services.find((x) => x.serviceCode === 'KK');
    expect([pbg?.backlog, pbg?.oldestOpenDays]).toEqual([1, 8]);
    expect([kk?.backlog, kk?.oldestOpenDays]).toEqual([0, null]);
  });
});
