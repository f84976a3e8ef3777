import { describe, expect, test } from 'vitest';
import { buildAlerts, MAX_ALERTS } from '../../../server/kpi/alerts';
import type { BudgetKpi, Colour, ProgrammeKpi, ServiceKpi } from '../../../server/kpi/types';

const dev = { greenMinPoin: -5, yellowMinPoin: -10 };
const onTime = { greenMinPct: 90, yellowMinPct: 80 };

const opd = (key: string, keu: number | null, fis: number | null, colour: Colour): BudgetKpi => ({
  dim: 'opd',
  key,
  label: `OPD ${key}`,
  paguRp: 1,
  realKeuRp: 0,
  serapanPct: null,
  targetKeuPct: null,
  deviasiKeuPoin: keu,
  fisikPct: null,
  targetFisPct: null,
  deviasiFisPoin: fis,
  colour,
});

const programme = (code: string, deviationPoin: number | null, colour: Colour): ProgrammeKpi => ({
  id: 1,
  code,
  name: `Program ${code}`,
  pillarCode: 'GOV',
  opdCode: 'DINKOMINFO',
  opdName: 'Dinkominfo',
  status: 'berjalan',
  physicalPct: null,
  plannedPct: null,
  deviationPoin,
  colour,
  behindPlan: colour === 'merah' || colour === 'kuning',
  budgetRp: 0,
  kendala: null,
});

const service = (serviceCode: string, onTimePct: number | null, colour: Colour): ServiceKpi => ({
  serviceCode,
  serviceName: `Layanan ${serviceCode}`,
  opdCode: 'DINPENDUKCAPIL',
  group: 'adminduk',
  slaAmount: 1,
  slaUnit: 'working_days',
  submitted: 10,
  completed: 10,
  onTimePct,
  medianMin: null,
  p90Min: null,
  backlog: 0,
  oldestOpenDays: null,
  colour,
});

const sources = {
  budgetThresholds: dev,
  programmeThresholds: dev,
  onTimeThresholds: onTime,
};

describe('buildAlerts', () => {
  test('ranks red items of every family by depth beyond their red line', () => {
    const alerts = buildAlerts({
      ...sources,
      opds: [
        opd('DPUPR', -2, -14, 'merah'), // worst is fisik −14: depth −10 − (−14) = 4
        opd('DINHUB', -25, null, 'merah'), // keuangan −25: depth 15
        opd('DLH', -7, -6, 'kuning'), // not red: no alert
      ],
      programmes: [
        programme('GOV-C', -20, 'merah'), // depth 10
        programme('ECO-2', -30, 'merah'), // depth 20
        programme('GOV-B', -10, 'kuning'),
      ],
      services: [
        service('KTP_EL', 70, 'merah'), // depth 80 − 70 = 10, ties GOV-C: pilar before layanan
        service('AKTA', 50, 'merah'), // depth 30
        service('KK', 95, 'hijau'),
      ],
    });
    expect(alerts.map((a) => [a.family, a.name, a.value])).toEqual([
      ['layanan', 'Layanan AKTA', 50],
      ['pilar', 'Program ECO-2', -30],
      ['anggaran', 'OPD DINHUB', -25],
      ['pilar', 'Program GOV-C', -20],
      ['layanan', 'Layanan KTP_EL', 70],
      ['anggaran', 'OPD DPUPR', -14],
    ]);
  });

  test('each alert names its unit, OPD and what makes it red', () => {
    const [a, b, c] = buildAlerts({
      ...sources,
      opds: [opd('DPUPR', -2, -14, 'merah')],
      programmes: [programme('GOV-C', -12, 'merah')],
      services: [service('KTP_EL', 60, 'merah')],
    });
    expect(a).toEqual({
      family: 'layanan',
      name: 'Layanan KTP_EL',
      opdCode: 'DINPENDUKCAPIL',
      value: 60,
      unit: 'pct',
      colour: 'merah',
      detail: 'penyelesaian tepat waktu',
    });
    expect(b).toMatchObject({ family: 'anggaran', opdCode: 'DPUPR', unit: 'poin', detail: 'deviasi fisik' });
    expect(c).toMatchObject({ family: 'pilar', opdCode: 'DINKOMINFO', unit: 'poin', value: -12 });
  });

  test(`at most ${MAX_ALERTS}, ties broken by code`, () => {
    const services = ['S10', 'S03', 'S07', 'S01', 'S05', 'S09', 'S02', 'S08', 'S04', 'S06'].map((c) =>
      service(c, 40, 'merah'),
    );
    const alerts = buildAlerts({ ...sources, opds: [], programmes: [], services });
    expect(alerts.map((a) => a.name.slice(-3))).toEqual([
      'S01',
      'S02',
      'S03',
      'S04',
      'S05',
      'S06',
      'S07',
      'S08',
    ]);
  });

  test('nothing red gives no alerts', () => {
    expect(
      buildAlerts({
        ...sources,
        opds: [opd('DLH', null, null, 'abu')],
        programmes: [programme('X', null, 'abu')],
        services: [service('KK', null, 'abu')],
      }),
    ).toEqual([]);
  });
});
