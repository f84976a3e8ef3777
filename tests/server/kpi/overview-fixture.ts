// One regency's worth of overview input (every family, with red, yellow and green items) for the
// overview tests. Figures are synthetic; the comments give the numbers each test expects.
import { bucketOf } from '../../../server/kpi/histogram';
import type { OverviewInput } from '../../../server/kpi/overview';
import type {
  BudgetMonthRow,
  BudgetSliceRow,
  Freshness,
  ProgrammeRow,
  ServicePeriodRow,
} from '../../../server/kpi/types';
import { GRADES, STANDARD } from './ikm-fixtures';
import {
  levels47,
  range,
  rollUp,
  SPBE_2020,
  spbeAssessment,
  TOY_2025,
  TOY_2025_INDICATORS,
} from './spbe-fixtures';

const M = 1_000_000_000; // Rp 1 miliar
const dev = { greenMinPoin: -5, yellowMinPoin: -10 };

const fresh = (period: string | null, demo = false): Freshness => ({
  period,
  updatedAt: '2026-05-19T03:00:00.000Z',
  source: demo ? 'Data contoh (sintetis)' : 'Entri OPD',
  demo,
  verifiedPct: null,
  overdue: null,
});

/** A month row from percentages of a pagu; realKeu is the month's own share. */
const row = (
  pagu: number,
  month: number,
  tKeu: number,
  rKeu: number,
  tFis: number,
  rFis: number,
  reported: number,
): BudgetMonthRow => ({
  month,
  targetKeuRp: (pagu * tKeu) / 100,
  realKeuRp: (pagu * rKeu) / 100,
  targetFisW: pagu * tFis,
  realFisW: pagu * rFis,
  reported,
});

const slice = (
  dim: BudgetSliceRow['dim'],
  key: string,
  pagu: number,
  months: BudgetMonthRow[],
): BudgetSliceRow => ({
  dim,
  key,
  label: key,
  paguRp: pagu,
  subKegiatan: 10,
  months,
});

const P = 1_000 * M;
const slices: BudgetSliceRow[] = [
  // Total: monthly realisation 3 + 4 + 6 + 8 = 21 % by April vs target 30 % → −9; fisik 28 vs 35 → −7.
  // May has its plan but no report yet, so the as-of month is April although asOf is in May.
  slice('total', 'ALL', P, [
    row(P, 1, 5, 3, 6, 4, 120),
    row(P, 2, 12, 4, 14, 10, 300),
    row(P, 3, 20, 6, 24, 18, 410),
    row(P, 4, 30, 8, 35, 28, 520),
    row(P, 5, 40, 0, 45, 0, 0),
  ]),
  // OPDs: one April row each, realisation to date booked in it.
  slice('opd', 'DINKES', 300 * M, [row(300 * M, 4, 30, 26, 35, 30, 40)]), // −4 keu, −5 fis → hijau
  slice('opd', 'DLH', 0, []), // no pagu: abu, listed last
  slice('opd', 'DPUPR', 400 * M, [row(400 * M, 4, 30, 12, 35, 30, 60)]), // −18 keu → merah
  slice('opd', 'DINHUB', 300 * M, [row(300 * M, 4, 30, 19, 35, 33, 30)]), // −11 keu → merah
  slice('group', 'operasi', 700 * M, [row(700 * M, 4, 32, 24, 35, 30, 400)]),
  slice('group', 'modal', 300 * M, [row(300 * M, 4, 25, 14, 35, 24, 120)]),
  slice('source', 'PAD', 400 * M, [row(400 * M, 4, 30, 22, 35, 29, 200)]),
  slice('source', 'DAK_FISIK', 100 * M, [row(100 * M, 4, 30, 9, 35, 20, 20)]),
];

let id = 1;
export const programme = (
  code: string,
  pillarCode: string,
  budget: number,
  physicalPct: number | null,
  plannedPct: number | null,
): ProgrammeRow => ({
  id: id++,
  code,
  name: `Program ${code}`,
  pillarCode,
  coordinatorOpdCode: 'DINKOMINFO',
  coordinatorOpdName: 'Dinkominfo',
  budgetRp: budget,
  startYear: 2025,
  endYear: 2027,
  reportedStatus: null,
  physicalPct,
  plannedPct,
  progressPeriod: '2026-04',
  kendala: null,
});

const service = (code: string, completed: number, onTime: number): ServicePeriodRow => ({
  serviceCode: code,
  serviceName: `Layanan ${code}`,
  opdCode: code.startsWith('S_P') ? 'DPMPTSP' : 'DINPENDUKCAPIL',
  group: 'adminduk',
  slaAmount: 1,
  slaUnit: 'working_days',
  submitted: completed + 2,
  completed,
  onTime,
  sumDurationMin: completed * 100,
  hist: completed > 0 ? [{ bucket: bucketOf(100), n: completed }] : [],
});

const complaint = (dim: 'total' | 'channel' | 'topic', key: string, received: number) => ({
  dim,
  key,
  label: key,
  received,
  responded: received,
  respondedWithinTarget: Math.round(received * 0.9),
  resolved: Math.round(received * 0.95),
  sumFirstResponseMin: received * 300,
});

const nrr9 = (nrr: number) => STANDARD.map((name) => ({ name, nrr }));

export function makeInput(): OverviewInput {
  id = 1; // same ids on every call, so two inputs can be compared
  return {
    year: 2026,
    asOf: '2026-05-20',
    nowIso: '2026-05-20T02:15:00.000Z',
    freshness: {
      pillars: fresh('2026-04'),
      budget: fresh('2026-04', true),
      spbe: fresh('2023'),
      services: fresh('2026-05'),
      complaints: fresh('2026-05'),
      ikm: fresh('2025'),
    },
    pillars: {
      rows: [
        { code: 'ECO', name: 'Smart Economy', sort: 3 },
        { code: 'GOV', name: 'Smart Governance', sort: 1 },
      ],
      programmes: [
        programme('GOV-A', 'GOV', 2 * M, 60, 55),
        programme('GOV-C', 'GOV', 5 * M, null, 20), // −20 merah
        programme('GOV-B', 'GOV', 3 * M, 40, 48), // −8 kuning: behind plan but no alert
        programme('ECO-1', 'ECO', 4 * M, 30, 25),
      ],
      thresholds: dev,
    },
    budget: { stage: 'perubahan', slices, monthLimit: 5, thresholds: dev },
    spbe: {
      frameworks: [TOY_2025, SPBE_2020],
      assessments: [
        spbeAssessment(levels47(4, { ...range(1, 3, 3), ...range(21, 23, 5) }), { year: 2022 }), // 4,006
        spbeAssessment(levels47(3), {
          year: 2023,
          kind: 'verified',
          decree: '13/2024',
          source: 'KemenPANRB',
        }),
        spbeAssessment(levels47(4), { year: 2023 }),
        {
          year: 2025,
          kind: 'self',
          frameworkCode: 'TOY-2025',
          decree: null,
          source: 'Penilaian mandiri',
          aspects: rollUp(TOY_2025_INDICATORS, [4, 5, 3, 2, 2, 3, 3]), // 3,4
        },
      ],
      missingPolicy: 'zero',
    },
    services: {
      period: '2026-05',
      rows: [
        service('S_AKTA', 10, 5), // 50 % merah
        service('S_KTP', 20, 20), // 100 %
        service('S_PINDAH', 10, 7), // 70 % merah
        service('S_KK', 10, 7), // 70 % merah, ties S_PINDAH → by code
        service('S_PBG', 4, 3), // 75 % merah
        service('S_NIB', 10, 9), // 90 % hijau
        service('S_IDLE', 0, 0), // nothing completed: cannot rank
        service('S_MATI', 10, 8), // 80 % kuning
      ],
      backlog: [
        { serviceCode: 'S_AKTA', day: '2026-05-11', open: 3 },
        { serviceCode: 'S_GONE', day: '2026-04-02', open: 2 }, // no activity this period, still open
      ],
      thresholds: { greenMinPct: 90, yellowMinPct: 80 },
    },
    complaints: {
      responseTargetHours: 24,
      rows: [
        complaint('channel', 'WEB', 500),
        complaint('total', 'ALL', 5450),
        complaint('channel', 'WA', 4560),
        complaint('channel', 'IG', 390),
        ...[
          ['LAIN', 50],
          ['SAMPAH', 300],
          ['JALAN', 900],
          ['PARKIR', 100],
          ['AIR', 300],
          ['PJU', 650],
          ['BANSOS', 700],
        ].map(([k, n]) => complaint('topic', String(k), Number(n))),
      ],
    },
    ikm: {
      surveys: [
        { unitCode: 'MPP', unitName: 'MPP', period: '2025-S2', respondents: 300, elements: nrr9(3.3) }, // 82,5
        { unitCode: 'RSUD', unitName: 'RSUD', period: '2025-S2', respondents: 400, elements: nrr9(3.6) }, // 90
        { unitCode: 'DISDUK', unitName: 'Disduk', period: '2025-S1', respondents: 200, elements: nrr9(3) }, // older
        {
          unitCode: 'DINKES',
          unitName: 'Dinkes',
          period: '2025-S2',
          respondents: 90,
          elements: nrr9(3).slice(1),
        }, // incomplete
      ],
      standardElements: STANDARD,
      grades: GRADES,
    },
  };
}
