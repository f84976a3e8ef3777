import { describe, expect, test } from 'vitest';
import { bucketOf } from '../../../server/kpi/histogram';
import { complaintKpi, serviceKpi } from '../../../server/kpi/services';
import type { ComplaintAggRow, OpenBacklogRow, ServicePeriodRow } from '../../../server/kpi/types';

const t = { greenMinPct: 90, yellowMinPct: 80 };

const histOf = (durations: number[]) => {
  const m = new Map<number, number>();
  for (const d of durations) m.set(bucketOf(d), (m.get(bucketOf(d)) ?? 0) + 1);
  return [...m].map(([bucket, n]) => ({ bucket, n }));
};

// Akta kelahiran, SLA 1 hari kerja. Ten completions: durations in minutes below.
const durations = [30, 45, 45, 50, 90, 120, 200, 480, 1500, 3000];
const akta: ServicePeriodRow = {
  serviceCode: 'AKTA_LAHIR',
  serviceName: 'Akta Kelahiran',
  opdCode: 'DINPENDUKCAPIL',
  group: 'adminduk',
  slaAmount: 1,
  slaUnit: 'working_days',
  submitted: 14,
  completed: 10,
  onTime: 8,
  sumDurationMin: durations.reduce((s, d) => s + d, 0),
  hist: histOf(durations),
};

const backlog: OpenBacklogRow[] = [
  { serviceCode: 'AKTA_LAHIR', day: '2026-05-11', open: 2 },
  { serviceCode: 'AKTA_LAHIR', day: '2026-04-28', open: 1 },
  { serviceCode: 'AKTA_LAHIR', day: '2026-04-20', open: 0 }, // nothing open that day any more
  { serviceCode: 'KTP_EL', day: '2026-01-05', open: 9 }, // another service
];

describe('serviceKpi', () => {
  const k = serviceKpi(akta, backlog, '2026-05-18', t);

  test('on-time share is onTime ÷ completed and sets the colour', () => {
    // 8 / 10 × 100 = 80 % → kuning (yellow bound inclusive)
    expect(k.onTimePct).toBe(80);
    expect(k.colour).toBe('kuning');
  });

  test('median and p90 come from the histogram by nearest rank, never understated', () => {
    // median rank ceil(0,5 × 10) = 5 → 90 min, bucket 60 + floor(ln 1,5 / ln 1,02) = 80, which
    // spans [60 × 1,02^20; 60 × 1,02^21) = [89,16; 90,94) → reads 90.
    expect(k.medianMin).toBe(90);
    // p90 rank 9 → 1 500 min, bucket 60 + floor(ln 25 / ln 1,02) = 222, [1 483,8; 1 513,5) → 1 513
    expect(k.p90Min).toBe(1513);
  });

  test("backlog sums this service's open requests; age runs from the oldest still open", () => {
    expect(k.backlog).toBe(3);
    // oldest open submission 28 Apr (20 Apr has nothing open) → 18 May: 20 calendar days
    expect(k.oldestOpenDays).toBe(20);
  });

  test('copies the service identity and SLA', () => {
    expect(k).toMatchObject({
      serviceCode: 'AKTA_LAHIR',
      serviceName: 'Akta Kelahiran',
      opdCode: 'DINPENDUKCAPIL',
      group: 'adminduk',
      slaAmount: 1,
      slaUnit: 'working_days',
      submitted: 14,
      completed: 10,
    });
  });

  test('a period without completions has null rates and colour abu', () => {
    const idle = serviceKpi(
      { ...akta, completed: 0, onTime: 0, sumDurationMin: 0, hist: [] },
      [],
      '2026-05-18',
      t,
    );
    expect([idle.onTimePct, idle.medianMin, idle.p90Min, idle.colour]).toEqual([null, null, null, 'abu']);
    expect([idle.backlog, idle.oldestOpenDays]).toEqual([0, null]);
  });

  test.each([
    [10, 10, 100, 'hijau'],
    [9, 10, 90, 'hijau'],
    [7, 10, 70, 'merah'],
    [2, 3, 200 / 3, 'merah'],
  ])('%i of %i on time is %s %% (%s)', (onTime, completed, pct, colour) => {
    const r = serviceKpi({ ...akta, onTime, completed }, [], '2026-05-18', t);
    expect(r.onTimePct).toBeCloseTo(pct, 9);
    expect(r.colour).toBe(colour);
  });

  test('an open request dated after nowDate counts as 0 days old', () => {
    const r = serviceKpi(akta, [{ serviceCode: 'AKTA_LAHIR', day: '2026-05-19', open: 1 }], '2026-05-18', t);
    expect(r.oldestOpenDays).toBe(0);
  });
});

describe('complaintKpi', () => {
  // Lapor MasBuP 2025 totals (DOMAIN.md §4): 5 450 received, 5 336 resolved (97,9 %)
  const row: ComplaintAggRow = {
    key: 'ALL',
    label: 'Semua kanal',
    received: 5450,
    responded: 5400,
    respondedWithinTarget: 5014,
    resolved: 5336,
    sumFirstResponseMin: 5400 * 312,
  };

  test('rates are shares of everything received; mean response is over the responded', () => {
    const k = complaintKpi(row);
    expect(k.firstResponseWithinTargetPct).toBeCloseTo((5014 / 5450) * 100, 9); // 92,0 %
    expect(k.resolvedPct).toBeCloseTo((5336 / 5450) * 100, 9); // 97,908… %
    expect(k.meanFirstResponseMin).toBe(312);
    expect([k.key, k.label, k.received]).toEqual(['ALL', 'Semua kanal', 5450]);
  });

  test('no complaints gives null rates; none responded gives a null mean', () => {
    expect(
      complaintKpi({
        ...row,
        received: 0,
        responded: 0,
        respondedWithinTarget: 0,
        resolved: 0,
        sumFirstResponseMin: 0,
      }),
    ).toMatchObject({
      received: 0,
      firstResponseWithinTargetPct: null,
      resolvedPct: null,
      meanFirstResponseMin: null,
    });
    expect(complaintKpi({ ...row, responded: 0, sumFirstResponseMin: 0 }).meanFirstResponseMin).toBeNull();
  });
});
