// The hand-checkable dataset (fixtures/handcheck/dataset.json) at its frozen "now", Rabu 15 Oktober
// 2025 10.00 WIB: every figure below is worked out by hand in fixtures/README.md, so a failure here
// means the code and the pencil disagree. Exact decimals are compared exactly (the KPI code settles
// ratios to 1e-9); repeating decimals with toBeCloseTo(…, 9).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { callerFor, makeTestDb, type TestDb } from '../helpers/db';
import { find, findBy } from '../helpers/find';

const JT = 1_000_000; // Rp 1 juta
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

describe('overview at the frozen now (15 Oktober 2025)', () => {
  test('no input resolves to year 2025 as of 2025-10-15 and equals the explicit input', async () => {
    const implicit = await caller.dashboard.overview();
    const explicit = await caller.dashboard.overview(NOW);
    expect([implicit.year, implicit.asOf, implicit.generatedAt, implicit.demo]).toEqual([
      2025,
      '2025-10-15',
      '2025-10-15T03:00:00.000Z',
      false,
    ]);
    expect(explicit).toEqual(implicit);
  });

  test('pillars: GOV weighs 3 programmes by budget against the October plan and is kuning', async () => {
    const o = await caller.dashboard.overview(NOW);
    expect(o.pillars.items.map((p) => p.code)).toEqual(['GOV', 'BRA', 'ECO', 'LIV', 'SOC', 'ENV']);
    const gov = findBy(o.pillars.items, 'code', 'GOV');
    expect(gov.programmes).toBe(3);
    expect(gov.byStatus).toEqual({ belum_mulai: 1, berjalan: 2, selesai: 0, tertunda: 0 });
    expect(gov.runningOrDonePct).toBeCloseTo(200 / 3, 9); // 2 ÷ 3
    expect(gov.weightedProgressPct).toBe(34.2); // (400×63 + 300×30 + 300×0) ÷ 1000
    expect(gov.weightedPlanPct).toBe(40.5); // (400×60 + 300×50 + 300×5) ÷ 1000
    expect(gov.deviationPoin).toBe(-6.3); // (400×3 − 300×20 − 300×5) ÷ 1000
    expect(gov.colour).toBe('kuning');
    expect(gov.behindPlan.map((p) => p.code)).toEqual(['HC-GOV-02']);
  });

  test('pillars: ENV has one tertunda programme exactly 10 poin behind, which is still kuning', async () => {
    const o = await caller.dashboard.overview(NOW);
    const env = findBy(o.pillars.items, 'code', 'ENV');
    expect(env.byStatus).toEqual({ belum_mulai: 0, berjalan: 0, selesai: 0, tertunda: 1 });
    expect(env.runningOrDonePct).toBe(0);
    expect([env.weightedProgressPct, env.weightedPlanPct, env.deviationPoin, env.colour]).toEqual([
      40,
      50,
      -10,
      'kuning',
    ]);
    expect(env.behindPlan.map((p) => p.code)).toEqual(['HC-ENV-01']);
  });

  test('pillars without programmes show nulls and abu', async () => {
    const o = await caller.dashboard.overview(NOW);
    for (const code of ['BRA', 'ECO', 'LIV', 'SOC']) {
      const p = findBy(o.pillars.items, 'code', code);
      expect(p).toMatchObject({
        programmes: 0,
        runningOrDonePct: null,
        weightedProgressPct: null,
        weightedPlanPct: null,
        deviationPoin: null,
        colour: 'abu',
        behindPlan: [],
      });
    }
  });

  test('masterplan.programmes: each programme against its October plan, never-reported counted as 0 %', async () => {
    const r = await caller.masterplan.programmes(NOW);
    const rows = r.programmes.map((p) => [
      p.code,
      p.status,
      p.physicalPct,
      p.plannedPct,
      p.deviationPoin,
      p.colour,
    ]);
    expect(rows).toEqual([
      ['HC-ENV-01', 'tertunda', 40, 50, -10, 'kuning'], // tertunda overrides; −10 is still kuning
      ['HC-GOV-01', 'berjalan', 63, 60, 3, 'hijau'],
      ['HC-GOV-02', 'berjalan', 30, 50, -20, 'merah'],
      ['HC-GOV-03', 'belum_mulai', null, 5, -5, 'hijau'], // never reported: 0 − 5 = −5, hijau at the line
    ]);
    expect(findBy(r.programmes, 'code', 'HC-ENV-01').kendala).toBe('Lahan TPS3R belum dibebaskan');
    expect(r.pillars).toEqual((await caller.dashboard.overview(NOW)).pillars);
  });

  test('budget after the APBD perubahan: regency serapan 40 % of Rp3.000 jt against a 58 % cash plan', async () => {
    const { budget } = await caller.dashboard.overview(NOW);
    expect(budget.stage).toBe('perubahan');
    expect(budget.asOfMonth).toBe(9); // October has no report yet
    expect(budget.total).toMatchObject({
      dim: 'total',
      key: 'ALL',
      paguRp: 3_000 * JT,
      realKeuRp: 1_200 * JT,
      serapanPct: 40,
      targetKeuPct: 58, // (2.400 × 70 % + 600 × 10 %) ÷ 3.000
      deviasiKeuPoin: -18,
      fisikPct: 52, // (400×87 + 1.000×66 + 1.000×48 + 600×12) ÷ 3.000: late DPUPR at August's 48 %
      targetFisPct: 63, // (2.400 × 75 + 600 × 15) ÷ 3.000
      deviasiFisPoin: -11,
      colour: 'merah',
    });
  });

  test('budget by OPD: worst deviation first, the two merah OPDs in the red zone', async () => {
    const { budget } = await caller.dashboard.overview(NOW);
    const rows = budget.byOpd.map((k) => [
      k.key,
      k.paguRp / JT,
      k.realKeuRp / JT,
      k.serapanPct,
      k.targetKeuPct,
      k.fisikPct,
      k.targetFisPct,
      k.colour,
    ]);
    expect(rows).toEqual([
      ['DPUPR', 1_000, 500, 50, 70, 48, 75, 'merah'], // late with September: fisik stays at August's 48 %
      ['DINKOMINFO', 1_400, 700, 50, 70, 72, 75, 'merah'], // (400×87 + 1.000×66) ÷ 1.400 = 72
      ['DINKES', 600, 0, 0, 10, 12, 15, 'kuning'], // added in the perubahan
    ]);
    expect(budget.byOpd.map((k) => [k.deviasiKeuPoin, k.deviasiFisPoin])).toEqual([
      [-20, -27],
      [-20, -3],
      [-10, -3],
    ]);
    expect(budget.redZone.map((k) => k.key)).toEqual(['DPUPR', 'DINKOMINFO']);
  });

  test('budget by spending group and funding source, with DAK Fisik as its own slice', async () => {
    const { budget } = await caller.dashboard.overview(NOW);
    const operasi = find(budget.byGroup, 'operasi');
    expect(operasi).toMatchObject({
      label: 'Belanja Operasi',
      paguRp: 1_000 * JT,
      realKeuRp: 280 * JT,
      serapanPct: 28,
    });
    expect([
      operasi.targetKeuPct,
      operasi.deviasiKeuPoin,
      operasi.fisikPct,
      operasi.targetFisPct,
      operasi.colour,
    ]).toEqual([34, -6, 42, 39, 'kuning']);
    const modal = find(budget.byGroup, 'modal');
    expect(modal).toMatchObject({
      label: 'Belanja Modal',
      paguRp: 2_000 * JT,
      realKeuRp: 920 * JT,
      serapanPct: 46,
    });
    // fisik (1.000×66 + 1.000×48) ÷ 2.000 = 57
    expect([
      modal.targetKeuPct,
      modal.deviasiKeuPoin,
      modal.fisikPct,
      modal.targetFisPct,
      modal.deviasiFisPoin,
    ]).toEqual([70, -24, 57, 75, -18]);
    expect(modal.colour).toBe('merah');
    expect(budget.byGroup).toHaveLength(2);

    const sources = Object.fromEntries(
      budget.bySource.map((k) => [
        k.key,
        [k.label, k.paguRp / JT, k.serapanPct, k.deviasiKeuPoin, k.fisikPct, k.colour],
      ]),
    );
    expect(sources).toEqual({
      PAD: ['PAD', 1_000, 28, -6, 42, 'kuning'],
      DAU: ['DAU', 1_000, 42, -28, 66, 'merah'],
      DAK_FISIK: ['DAK Fisik', 1_000, 50, -20, 48, 'merah'],
    });
  });

  test('S-curve under the perubahan: targets of the revised plan, realisation cumulative to September, null after', async () => {
    const { budget } = await caller.dashboard.overview(NOW);
    expect(budget.sCurve.map((p) => p.targetKeuPct)).toEqual([4, 8, 12, 20, 28, 36, 44, 48, 58, 72, 86, 100]);
    expect(budget.sCurve.map((p) => p.targetFisPct)).toEqual([
      8, 12, 16, 24, 32, 40, 48, 52, 63, 78, 92, 100,
    ]);
    const real = budget.sCurve.map((p) => p.realKeuPct);
    expect(real[1]).toBe(4); // 120 ÷ 3.000
    expect(real[3]).toBe(14); // 420 ÷ 3.000
    expect(real[8]).toBe(40); // 1.200 ÷ 3.000
    expect(real[0]).toBeCloseTo(20 / 30, 9); // 20 ÷ 3.000
    expect(real.slice(9)).toEqual([null, null, null]);
    expect(budget.sCurve[8]?.realFisPct).toBe(52); // September, DPUPR carried at 48 %
    expect(budget.sCurve.slice(9).map((p) => p.realFisPct)).toEqual([null, null, null]);
  });

  test('budget.absorption repeats the overview and adds the stage it used', async () => {
    const a = await caller.budget.absorption(NOW);
    const { budget } = await caller.dashboard.overview(NOW);
    expect([a.year, a.asOf, a.stage, a.asOfMonth]).toEqual([2025, '2025-10-15', 'perubahan', 9]);
    expect(a.total).toEqual(budget.total);
    expect(a.sCurve).toEqual(budget.sCurve);
    expect(a.byOpd.map(({ sCurve, ...k }) => k)).toEqual(budget.byOpd);
    expect(find(a.bySource, 'DAK_FISIK')).toMatchObject({ serapanPct: 50, fisikPct: 48, sCurve: null });
    expect(a.freshness).toMatchObject({ period: '2025-09', source: 'Laporan realisasi OPD', demo: false });
  });

  test('SPBE: the 2024 verified index (3,16 Baik) headlines over the newer 2025 self-assessment', async () => {
    const { spbe } = await caller.dashboard.overview(NOW);
    expect(spbe.latest).toMatchObject({
      year: 2024,
      kind: 'verified',
      frameworkCode: 'SPBE-2020',
      index: 3.16, // (13×2 + 25×3 + 16,5×2 + 45,5×4) ÷ 100; the plain mean would be 136 ÷ 47 = 2,89
      predikat: 'Baik',
      complete: true,
      scored: 47,
      indicators: 47,
    });
    expect(spbe.latest?.domains.map((d) => d.index)).toEqual([2, 3, 2, 4]);
    expect(spbe.trend).toEqual([
      { year: 2024, frameworkCode: 'SPBE-2020', self: null, verified: 3.16 },
      { year: 2025, frameworkCode: 'SPBE-2020', self: 3.505, verified: null },
    ]);
    expect(spbe.bands.map((b) => b.label)).toEqual(['Memuaskan', 'Sangat Baik', 'Baik', 'Cukup', 'Kurang']);
  });

  test('spbe.results: the 2025 self-assessment counts its empty indicator 47 as level 0 (missing policy zero)', async () => {
    const r = await caller.spbe.results(NOW);
    expect(r.results.map((x) => [x.year, x.kind])).toEqual([
      [2024, 'verified'],
      [2025, 'self'],
    ]);
    const self = findBy(r.results, 'kind', 'self');
    // 350,5 ÷ 100 = 3,505 ≥ 3,5: Sangat Baik; the plain mean 159 ÷ 47 = 3,38 would say Baik
    expect([self.index, self.predikat, self.complete, self.scored, self.indicators]).toEqual([
      3.505,
      'Sangat Baik',
      false,
      46,
      47,
    ]);
    expect(self.domains.map((d) => d.index)).toEqual([3, 3.2, 3, 4]);
    expect(self.aspects.map((a) => a.index)).toEqual([3, 4, 3, 2, 3, 3, 4, 4]); // aspect 8: 72 ÷ 18
  });

  test('services: October is the period; 7 of 10 completions on time, 2 requests still open', async () => {
    const { services } = await caller.dashboard.overview(NOW);
    expect(services).toMatchObject({
      period: '2025-10',
      submitted: 9,
      completed: 10,
      onTimePct: 70,
      backlog: 2,
    });
    expect(services.worst.map((s) => [s.serviceCode, s.onTimePct, s.colour])).toEqual([
      ['KTP-EL', 50, 'merah'],
      ['RSUD-RAJAL', 75, 'kuning'],
      ['KK', 100, 'hijau'],
      ['PBG', 100, 'hijau'],
    ]);
    expect(services.freshness).toMatchObject({ period: '2025-10', source: 'Sistem layanan', demo: false });
  });

  test('services.summary: volumes, on time, median and p90 read from the duration buckets, backlog age', async () => {
    const s = await caller.services.summary(NOW);
    expect(s.period).toBe('2025-10');
    const row = (code: string) => {
      const k = findBy(s.services, 'serviceCode', code);
      return [k.submitted, k.completed, k.onTimePct, k.medianMin, k.p90Min, k.backlog, k.oldestOpenDays];
    };
    expect(row('KTP-EL')).toEqual([3, 4, 50, 61, 1454, 0, null]); // 40, 60, 300, 1440 min
    expect(row('RSUD-RAJAL')).toEqual([4, 4, 75, 45, 61, 0, null]); // 30, 45, 59, 61 min
    expect(row('KK')).toEqual([2, 1, 100, 4073, 4073, 1, 1]); // 4.020 min; open since 14 Oct
    expect(row('PBG')).toEqual([0, 1, 100, 56729, 56729, 1, 23]); // 56.520 min; open since 22 Sep
    expect(row('AKTA-LAHIR')).toEqual([0, 0, null, null, null, 0, null]);
  });

  test('complaints year to date: 10 received, 80 % answered within 24 h, 70 % resolved, mean 675 min', async () => {
    const { complaints } = await caller.dashboard.overview(NOW);
    expect(complaints.period).toBe('2025');
    expect(complaints.responseTargetHours).toBe(24);
    expect(complaints.total).toMatchObject({
      received: 10,
      firstResponseWithinTargetPct: 80,
      resolvedPct: 70,
      meanFirstResponseMin: 675,
    });
    expect(
      complaints.byChannel.map((c) => [
        c.key,
        c.received,
        c.firstResponseWithinTargetPct,
        c.resolvedPct,
        c.meanFirstResponseMin,
      ]),
    ).toEqual([
      ['whatsapp', 8, 75, 75, 825],
      ['instagram', 1, 100, 0, 240],
      ['web', 1, 100, 100, 60],
    ]);
    expect(
      complaints.topTopics.map((c) => [
        c.key,
        c.received,
        c.firstResponseWithinTargetPct,
        c.resolvedPct,
        c.meanFirstResponseMin,
      ]),
    ).toEqual([
      ['jalan', 4, 75, 75, 885],
      ['bansos', 2, 100, 100, 412.5],
      ['adminduk', 1, 100, 0, 240],
      ['kesehatan', 1, 100, 100, 1440], // exactly 24 h 00 m counts as within
      ['pju', 1, 0, 0, null], // never answered: against both rates, out of the mean
    ]);
  });

  test('services.summary complaints by OPD and kecamatan follow the same year-to-date rule', async () => {
    const s = await caller.services.summary(NOW);
    expect(s.complaints.total).toEqual([(await caller.dashboard.overview(NOW)).complaints.total]);
    expect(s.complaints.opd.map((c) => [c.key, c.received])).toEqual([
      ['DPUPR', 4],
      ['DINSOSDALDUKKB3A', 2],
      ['DINHUB', 1],
      ['DINKES', 1],
      ['DINPENDUKCAPIL', 1],
      ['DLH', 1],
    ]);
    expect(find(s.complaints.kecamatan, 'BUKATEJA')).toMatchObject({
      received: 2,
      firstResponseWithinTargetPct: 100,
    });
    expect(s.responseTargetHours).toBe(24);
  });

  test('IKM: two complete units of 2025-S1 average to 88,75 (A); the unit missing an element has none', async () => {
    const { ikm } = await caller.dashboard.overview(NOW);
    expect(ikm.value).toBeCloseTo(88.75, 9); // (87,5 + 90) ÷ 2
    expect([ikm.grade, ikm.gradeLabel, ikm.units, ikm.period]).toEqual(['A', 'Sangat Baik', 2, '2025-S1']);

    const { ikm: units } = await caller.services.summary(NOW);
    const unit = (code: string) => findBy(units, 'unitCode', code);
    expect(unit('DINPENDUKCAPIL').ikm).toBeCloseTo(87.5, 9); // 31,5 ÷ 9 × 25
    expect(unit('DINPENDUKCAPIL').grade).toBe('B');
    expect(unit('DPMPTSP').ikm).toBeCloseTo(90, 9); // 32,4 ÷ 9 × 25, elements shuffled and spelt differently
    expect([unit('DPMPTSP').grade, unit('DPMPTSP').missingElements]).toEqual(['A', []]);
    expect([unit('DINKES').ikm, unit('DINKES').grade, unit('DINKES').missingElements]).toEqual([
      null,
      null,
      ['Biaya/Tarif'],
    ]);
  });

  test('alerts: the reddest items by depth past their red line, anggaran before pilar on a tie', async () => {
    const { alerts } = await caller.dashboard.overview(NOW);
    expect(alerts.map((a) => [a.family, a.opdCode, a.value, a.unit, a.detail])).toEqual([
      ['layanan', 'DINPENDUKCAPIL', 50, 'pct', 'penyelesaian tepat waktu'], // 75 − 50 = 25 past the line
      ['anggaran', 'DPUPR', -27, 'poin', 'deviasi fisik'], // 17
      ['anggaran', 'DINKOMINFO', -20, 'poin', 'deviasi keuangan'], // 10
      ['pilar', 'BAPPELITBANGDA', -20, 'poin', 'progres di bawah rencana'], // 10
    ]);
    expect(alerts[0]?.name).toBe('Penerbitan KTP-el');
    expect(alerts.every((a) => a.colour === 'merah')).toBe(true);
  });

  test('freshness: each family names its latest period and the fixture write time', async () => {
    const o = await caller.dashboard.overview(NOW);
    const f = (x: { period: string | null; updatedAt: string | null; demo: boolean }) => [
      x.period,
      x.updatedAt,
      x.demo,
    ];
    const at = '2025-10-15T03:00:00.000Z';
    expect(f(o.pillars.freshness)).toEqual(['2025-09', at, false]);
    expect(f(o.budget.freshness)).toEqual(['2025-09', at, false]);
    expect(f(o.spbe.freshness)).toEqual(['2025', at, false]);
    expect(f(o.services.freshness)).toEqual(['2025-10', at, false]);
    expect(f(o.complaints.freshness)).toEqual(['2025-10', at, false]);
    expect(f(o.ikm.freshness)).toEqual(['2025-S1', at, false]);
  });
});

describe('regression: aggregated fisik ignored a late sub kegiatan', () => {
  // DPUPR (its only sub kegiatan, pagu Rp1.000 jt) has not reported September. Its OPD tile carried
  // August's 48 %, but the regency total and Belanja Modal took the September reports only, where
  // DPUPR weighed 0: the total read 36 % while the OPD tiles add up to 52 %.
  test('the regency total and Belanja Modal count a sub kegiatan late with September at its last report, as its OPD tile does', async () => {
    const { budget } = await caller.dashboard.overview(NOW);
    const fromOpds =
      budget.byOpd.reduce((s, k) => s + k.paguRp * (k.fisikPct ?? 0), 0) /
      budget.byOpd.reduce((s, k) => s + k.paguRp, 0);
    expect(fromOpds).toBeCloseTo(52, 9); // (1.400×72 + 1.000×48 + 600×12) ÷ 3.000
    expect(budget.total.fisikPct).toBe(52);
    expect(find(budget.byGroup, 'modal').fisikPct).toBe(57);
  });
});
