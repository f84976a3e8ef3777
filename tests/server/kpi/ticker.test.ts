// The wall ticker: which items run along the foot of every screen, in which order, and that a
// long run of one kind never crowds out the others.
import { describe, expect, test } from 'vitest';
import { buildTicker, type LateFollowUp, shorten, type TickerSources } from '../../../server/kpi/ticker';
import type { BudgetKpi, OverdueReports, ProgrammeKpi, ServiceKpi } from '../../../server/kpi/types';

function opd(key: string, keu: number, fis: number): BudgetKpi {
  return {
    dim: 'opd',
    key,
    label: key,
    paguRp: 1_000_000,
    realKeuRp: 0,
    serapanPct: 50,
    targetKeuPct: 60,
    deviasiKeuPoin: keu,
    fisikPct: 50,
    targetFisPct: 60,
    deviasiFisPoin: fis,
    colour: 'merah',
  };
}

function service(code: string, onTimePct: number | null, colour: ServiceKpi['colour']): ServiceKpi {
  return {
    serviceCode: code,
    serviceName: `Layanan ${code}`,
    opdCode: 'DPMPTSP',
    group: 'perizinan',
    slaAmount: 1,
    slaUnit: 'working_days',
    submitted: 10,
    completed: 10,
    onTimePct,
    medianMin: 60,
    p90Min: 120,
    backlog: 0,
    oldestOpenDays: null,
    colour,
  };
}

function programme(code: string, deviationPoin: number | null, colour: ProgrammeKpi['colour']): ProgrammeKpi {
  return {
    id: 1,
    code,
    name: `Program ${code}`,
    pillarCode: 'GOV',
    opdCode: 'DINKOMINFO',
    opdName: 'Dinkominfo',
    status: 'berjalan',
    physicalPct: 10,
    plannedPct: 40,
    deviationPoin,
    colour,
    behindPlan: true,
    budgetRp: 0,
    kendala: null,
  };
}

const overdue = (family: OverdueReports['family'], codes: string[]): OverdueReports => ({
  family,
  period: '2026-10',
  deadline: '2026-11-10T16:59:59.999Z',
  owing: 45,
  opds: codes.map((code) => ({ code, name: code })),
});

const followUp = (id: number, opd: string, daysLate: number, text = `Tindak lanjut ${id}`): LateFollowUp => ({
  id,
  ownerOpdCode: opd,
  ownerOpdName: opd.charAt(0) + opd.slice(1).toLowerCase(),
  text,
  daysLate,
});

const none: TickerSources = { redZone: [], services: [], programmes: [], overdue: [], lateFollowUps: [] };

describe('buildTicker', () => {
  test('an empty regency has no items and zero counts', () => {
    expect(buildTicker(none)).toEqual({
      items: [],
      counts: { zona_merah: 0, sla: 0, laporan: 0, program: 0, tindak_lanjut: 0 },
    });
  });

  test('red-zone OPDs run worst first by the worse of their two deviations', () => {
    const t = buildTicker({ ...none, redZone: [opd('A', -12, -11), opd('B', -10, -25), opd('C', -30, -1)] });
    expect(t.items.map((i) => [i.name, i.value])).toEqual([
      ['C', -30],
      ['B', -25],
      ['A', -12],
    ]);
    expect(t.items.every((i) => i.kind === 'zona_merah' && i.unit === 'poin')).toBe(true);
  });

  test('only red services are SLA breaches, lowest on-time first; no-data services are left out', () => {
    const t = buildTicker({
      ...none,
      services: [
        service('S1', 70, 'merah'),
        service('S2', 40, 'merah'),
        service('S3', 85, 'kuning'),
        service('S4', null, 'abu'),
      ],
    });
    expect(t.items.map((i) => [i.kind, i.name, i.value, i.unit])).toEqual([
      ['sla', 'Layanan S2', 40, 'pct'],
      ['sla', 'Layanan S1', 70, 'pct'],
    ]);
  });

  test('each OPD that missed a deadline is one item, with its family, period and deadline', () => {
    const t = buildTicker({
      ...none,
      overdue: [overdue('budget', ['DLH']), overdue('masterplan', ['DINKES'])],
    });
    expect(t.items).toEqual([
      {
        kind: 'laporan',
        colour: 'kuning',
        name: 'DLH',
        opdCode: 'DLH',
        value: null,
        unit: null,
        family: 'budget',
        period: '2026-10',
        deadline: '2026-11-10T16:59:59.999Z',
        detail: null,
      },
      expect.objectContaining({ name: 'DINKES', family: 'masterplan' }),
    ]);
  });

  test('thirty late reports do not push the red zone, SLA and programmes off the ticker', () => {
    const late = Array.from({ length: 30 }, (_, i) => `OPD${String(i).padStart(2, '0')}`);
    const t = buildTicker(
      {
        redZone: [opd('A', -20, -20)],
        services: [service('S1', 50, 'merah')],
        programmes: [programme('P1', -30, 'merah'), programme('P2', -5, 'kuning')],
        overdue: [overdue('budget', late)],
        lateFollowUps: [followUp(1, 'DINKES', 5), followUp(2, 'DLH', 3)],
      },
      7,
    );
    expect(t.items.map((i) => i.kind)).toEqual([
      'zona_merah',
      'sla',
      'laporan',
      'program',
      'tindak_lanjut',
      'laporan',
      'tindak_lanjut',
    ]);
    // The counts cover everything, capped or not; a yellow programme is not an alert.
    expect(t.counts).toEqual({ zona_merah: 1, sla: 1, laporan: 30, program: 1, tindak_lanjut: 2 });
  });

  test('late follow-ups run longest overdue first, named by their OPD, with days late and the text', () => {
    const long =
      'Menyusun rencana aksi percepatan penurunan stunting di 18 kecamatan bersama puskesmas dan desa';
    const t = buildTicker({
      ...none,
      lateFollowUps: [
        followUp(3, 'DLH', 2),
        followUp(1, 'DINKES', 12, long),
        followUp(2, 'BAPPELITBANGDA', 2),
      ],
    });
    expect(t.items).toEqual([
      {
        kind: 'tindak_lanjut',
        colour: 'merah',
        name: 'Dinkes',
        opdCode: 'DINKES',
        value: 12,
        unit: 'hari',
        family: null,
        period: null,
        deadline: null,
        detail: 'Menyusun rencana aksi percepatan penurunan stunting di 18…',
      },
      // Equally late: by OPD code.
      expect.objectContaining({ opdCode: 'BAPPELITBANGDA', value: 2, detail: 'Tindak lanjut 2' }),
      expect.objectContaining({ opdCode: 'DLH', value: 2, detail: 'Tindak lanjut 3' }),
    ]);
    expect(t.counts.tindak_lanjut).toBe(3);
  });

  test('a follow-up not late (0 days) is not an alert', () => {
    expect(buildTicker({ ...none, lateFollowUps: [followUp(1, 'DINKES', 0)] }).items).toEqual([]);
  });
});

describe('shorten', () => {
  test.each([
    ['Rapat koordinasi', 'Rapat koordinasi'],
    ['  dua\n baris   teks ', 'dua baris teks'],
    // Cut at the last word that fits, without a trailing comma, with an ellipsis: at most 60 characters.
    [
      'Koordinasi lintas OPD untuk percepatan, penanganan jalan rusak di Kecamatan Rembang',
      'Koordinasi lintas OPD untuk percepatan, penanganan jalan…',
    ],
    // One long word has no boundary: it is cut at the limit.
    ['x'.repeat(80), `${'x'.repeat(59)}…`],
  ])('%j reads %j', (text, want) => {
    expect(shorten(text)).toBe(want);
    expect(shorten(text).length).toBeLessThanOrEqual(60);
  });
});
