// A good file of each form, as CSV and as XLSX, imports in full and moves the KPIs the wall shows
// (dashboard.overview through the tRPC caller, on the hand-checkable dataset).
import { afterAll, afterEach, beforeEach, describe, expect, test } from 'vitest';
import { type FormKind, type ImportOutcome, importActor, importFile } from '../../../server/imports';
import { callerFor, makeTestDb, type TestDb } from '../../helpers/db';
import { tempDir, wib, writeCsv, writeXlsx } from './files';

const tmp = tempDir('good');
afterAll(() => tmp.remove());

let t: TestDb;
beforeEach(() => {
  t = makeTestDb('handcheck');
});
afterEach(() => t.close());

const run = (kind: FormKind, file: { name: string; path: string }): Promise<ImportOutcome> =>
  importFile(kind, file, t.db, { actor: importActor(null, file.name), nowMs: t.nowMs, canWrite: () => null });

const overview = () => callerFor(t).dashboard.overview();

function expectClean(out: ImportOutcome, written: number): void {
  expect(out.errors).toEqual([]);
  expect(out.written).toBe(written);
}

describe('realisasi', () => {
  const sp2d = (code: string, month: number) =>
    t.db
      .prepare(
        `SELECT r.sp2d_rp FROM budget_realisation r JOIN sub_kegiatan s ON s.id = r.sub_kegiatan_id
          WHERE s.code = ? AND s.year = 2025 AND r.month = ?`,
      )
      .pluck()
      .get(code, month) as number | undefined;

  test('a CSV in Indonesian notation corrects September, reports October, and absorption moves by exactly that', async () => {
    const before = await overview();
    const oldSep = sp2d('2.16.02.1.01.01', 9) ?? 0;
    const file = writeCsv(tmp.file('realisasi.csv'), [
      [
        'Kode Sub Kegiatan',
        'Nama Sub Kegiatan',
        'Tahun',
        'Bulan',
        'Realisasi Keuangan SP2D (Rp)',
        'SPJ (Rp)',
        'Realisasi Fisik (%)',
        'Alasan',
      ],
      [
        '2.16.02.1.01.01',
        'Pengelolaan pusat data',
        '2025',
        '9',
        'Rp60.000.000',
        '55.000.000',
        '84,80',
        'Koreksi SP2D',
      ],
      ['2.16.02.1.02.03', 'Jaringan intra', '2025', '10', '125.000.000', '', '70,5', ''],
    ]);
    const out = await run('realisasi', file);
    expectClean(out, 2);
    expect(out.changeIds).toHaveLength(2);
    expect(sp2d('2.16.02.1.01.01', 9)).toBe(60_000_000);
    expect(sp2d('2.16.02.1.02.03', 10)).toBe(125_000_000);
    const after = await overview();
    // The first October figure makes October the latest reported month as of 15 October.
    expect([before.budget.asOfMonth, after.budget.asOfMonth]).toEqual([9, 10]);
    expect(after.budget.total.realKeuRp - before.budget.total.realKeuRp).toBe(
      60_000_000 - oldSep + 125_000_000,
    );
    const audit = t.db
      .prepare(
        "SELECT source, reason FROM audit_log WHERE entity = 'budget_realisation' ORDER BY id DESC LIMIT 2",
      )
      .all();
    expect(audit).toEqual([
      { source: 'import', reason: null },
      { source: 'import', reason: 'Koreksi SP2D' },
    ]);
    const ref = t.db
      .prepare('SELECT DISTINCT source_ref FROM budget_realisation WHERE source = ?')
      .pluck()
      .all('import');
    expect(ref).toEqual(['realisasi.csv']);
  });

  test('an XLSX with headers in another order and case, number cells and a percent-formatted cell imports', async () => {
    const file = await writeXlsx(
      tmp.file('realisasi.xlsx'),
      [
        [
          'realisasi fisik (%)',
          'BULAN',
          'Tahun',
          'kode  sub kegiatan',
          'Realisasi Keuangan SP2D (Rp)',
          'SPJ (Rp)',
        ],
        [0.848, 9, 2025, '2.16.02.1.01.01', 60_000_000, 55_000_000],
        [62.5, 10, 2025, '1.03.10.1.01.05', '75.000.000', null],
      ],
      { numFmt: { '2:1': '0.00%' } },
    );
    const out = await run('realisasi', file);
    expectClean(out, 2);
    const fisik = t.db
      .prepare(
        `SELECT r.fisik_pct FROM budget_realisation r JOIN sub_kegiatan s ON s.id = r.sub_kegiatan_id
          WHERE s.code = '2.16.02.1.01.01' AND r.month = 9`,
      )
      .pluck()
      .get();
    expect(fisik).toBeCloseTo(84.8, 9);
    expect(sp2d('1.03.10.1.01.05', 10)).toBe(75_000_000);
  });

  test('re-importing the same file writes nothing new and counts every row as unchanged', async () => {
    const rows = [
      ['Kode Sub Kegiatan', 'Tahun', 'Bulan', 'Realisasi Keuangan SP2D (Rp)', 'Realisasi Fisik (%)'],
      ['2.16.02.1.01.01', '2025', '10', '10.000.000', '90'],
    ];
    expectClean(await run('realisasi', writeCsv(tmp.file('again.csv'), rows)), 1);
    const audits = t.db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get();
    const again = await run('realisasi', writeCsv(tmp.file('again.csv'), rows));
    expect(again).toMatchObject({ errors: [], written: 0, unchanged: 1, changeIds: [] });
    expect(t.db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get()).toBe(audits);
  });
});

describe('progres', () => {
  const gov = async () => (await overview()).pillars.items.find((p) => p.code === 'GOV');

  test('a comma-separated CSV starts a programme and the pillar counts it as running', async () => {
    const before = await gov();
    const file = writeCsv(
      tmp.file('progres.csv'),
      [
        [
          'Kode Program',
          'Periode (YYYY-MM)',
          'Progres Fisik (%)',
          'Anggaran Terserap (Rp)',
          'Capaian Indikator',
          'Status',
          'Kendala',
          'Tindak Lanjut',
          'Tautan Data Dukung',
        ],
        [
          'hc-gov-03',
          '2025-09',
          '40.5',
          '1,250,000',
          '12,5',
          'Berjalan',
          'Kendala, dengan koma',
          'Rapat koordinasi',
          'https://satudata.purbalinggakab.go.id/x',
        ],
      ],
      { delimiter: ',', bom: false },
    );
    const out = await run('progres', file);
    expectClean(out, 1);
    const row = t.db
      .prepare(
        `SELECT physical_pct AS p, spent_rp AS s, indicator_value AS i, status, kendala, evidence_url AS url, source
           FROM programme_progress WHERE programme_id = (SELECT id FROM programme WHERE code = 'HC-GOV-03')`,
      )
      .get();
    expect(row).toEqual({
      p: 40.5,
      s: 1_250_000,
      i: 12.5,
      status: 'berjalan',
      kendala: 'Kendala, dengan koma',
      url: 'https://satudata.purbalinggakab.go.id/x',
      source: 'import',
    });
    const after = await gov();
    expect(after?.byStatus.berjalan).toBe((before?.byStatus.berjalan ?? 0) + 1);
    expect(after?.byStatus.belum_mulai).toBe((before?.byStatus.belum_mulai ?? 0) - 1);
  });

  test('an XLSX whose period Excel turned into a date cell still reads as that month', async () => {
    const file = await writeXlsx(tmp.file('progres.xlsx'), [
      [
        'Kode Program',
        'Nama Program',
        'Periode (YYYY-MM)',
        'Progres Fisik (%)',
        'Anggaran Terserap (Rp)',
        'Status',
      ],
      ['HC-GOV-01', 'Lapor MasBuP', wib(2025, 10, 1), 70, 150_000_000, 'selesai'],
      ['HC-ENV-01', 'Bank sampah', '2025-10', '55,25', 'Rp80.000.000', null],
    ]);
    const out = await run('progres', file);
    expectClean(out, 2);
    const periods = t.db
      .prepare(
        "SELECT p.code, g.period, g.physical_pct AS pct FROM programme_progress g JOIN programme p ON p.id = g.programme_id WHERE g.source = 'import' ORDER BY p.code",
      )
      .all();
    expect(periods).toEqual([
      { code: 'HC-ENV-01', period: '2025-10', pct: 55.25 },
      { code: 'HC-GOV-01', period: '2025-10', pct: 70 },
    ]);
  });
});

describe('layanan', () => {
  const header = ['ID Sumber', 'Kode Layanan', 'Kode Kecamatan', 'Waktu Pengajuan', 'Waktu Selesai'];

  test('a CSV using all three date notations adds October requests and the open backlog', async () => {
    const before = (await overview()).services;
    const file = writeCsv(tmp.file('layanan.csv'), [
      header,
      ['L-1', 'KK', 'BUKATEJA', '06/10/2025 08.15', '06/10/2025 13.40'],
      ['L-2', 'ktp-el', '3303010', '2025-10-07 09:00', ''], // kode BPS and lower-case code
      ['L-3', 'AKTA-LAHIR', '', '2025-10-07T09:00:00+07:00', '2025-10-08T02:00:00Z'],
    ]);
    const out = await run('layanan', file);
    expectClean(out, 3);
    expect(out.changeIds).toHaveLength(1); // one batch, one change
    const after = (await overview()).services;
    expect(after.submitted).toBe(before.submitted + 3);
    expect(after.completed).toBe(before.completed + 2);
    expect(after.backlog).toBe(before.backlog + 1);
    const rec = t.db
      .prepare(
        "SELECT submitted_ms AS s, completed_ms AS c, duration_min AS d FROM service_record WHERE source_id = 'L-1'",
      )
      .get();
    expect(rec).toEqual({
      s: Date.parse('2025-10-06T01:15:00Z'),
      c: Date.parse('2025-10-06T06:40:00Z'),
      d: 325,
    });
  });

  test('an XLSX with Excel date cells reads them as WIB wall-clock time', async () => {
    const file = await writeXlsx(tmp.file('layanan.xlsx'), [
      header,
      ['X-1', 'KK', 'KEMANGKON', wib(2025, 10, 6, 8, 15), wib(2025, 10, 6, 13, 40)],
      ['X-2', 'PBG', 'REMBANG', wib(2025, 10, 1, 23, 59), null],
      [12345, 'SLF', null, '2025-10-02 07:00', '2025-10-02 08:00'], // a numeric ID Sumber
    ]);
    const out = await run('layanan', file);
    expectClean(out, 3);
    const rows = t.db
      .prepare(
        "SELECT source_id AS id, submitted_ms AS s FROM service_record WHERE source = 'import' ORDER BY source_id",
      )
      .all();
    expect(rows).toEqual([
      { id: '12345', s: Date.parse('2025-10-02T00:00:00Z') },
      { id: 'X-1', s: Date.parse('2025-10-06T01:15:00Z') },
      { id: 'X-2', s: Date.parse('2025-10-01T16:59:00Z') },
    ]);
  });
});

describe('aduan', () => {
  const header = [
    'ID Sumber',
    'Kanal',
    'Topik',
    'Kategori',
    'Kode OPD',
    'Kode Kecamatan',
    'Waktu Diterima',
    'Respons Pertama',
    'Waktu Selesai',
  ];

  test('a CSV of complaints raises the year total and the channel counts', async () => {
    const before = (await overview()).complaints;
    const file = writeCsv(tmp.file('aduan.csv'), [
      header,
      [
        'A-1',
        'WhatsApp',
        'jalan',
        '',
        'DPUPR',
        'BUKATEJA',
        '01/10/2025 08.00',
        '01/10/2025 10.00',
        '03/10/2025 15.00',
      ],
      ['A-2', 'web', 'PJU', 'informasi', '', '', '2025-10-02 09:00', '', ''],
    ]);
    const out = await run('aduan', file);
    expectClean(out, 2);
    const after = (await overview()).complaints;
    expect(after.total.received).toBe(before.total.received + 2);
    const wa = (c: typeof before) => c.byChannel.find((x) => x.key === 'whatsapp')?.received ?? 0;
    expect(wa(after)).toBe(wa(before) + 1);
    const cats = t.db
      .prepare(
        "SELECT source_id AS id, channel, topic, category FROM complaint WHERE source = 'import' ORDER BY source_id",
      )
      .all();
    expect(cats).toEqual([
      { id: 'A-1', channel: 'whatsapp', topic: 'jalan', category: 'pengaduan' }, // empty Kategori = pengaduan
      { id: 'A-2', channel: 'web', topic: 'pju', category: 'informasi' },
    ]);
  });

  test('an XLSX of complaints imports, and importing it again changes nothing', async () => {
    const rows = [
      header,
      [
        'B-1',
        'instagram',
        'bansos',
        'pengaduan',
        'DINSOSDALDUKKB3A',
        'REMBANG',
        wib(2025, 10, 3, 9),
        wib(2025, 10, 3, 11),
        null,
      ],
    ];
    const file = await writeXlsx(tmp.file('aduan.xlsx'), rows);
    const before = (await overview()).complaints.total.received;
    expectClean(await run('aduan', file), 1);
    const again = await run('aduan', file);
    expect(again).toMatchObject({ errors: [], written: 0, unchanged: 1 });
    expect((await overview()).complaints.total.received).toBe(before + 1);
  });
});
