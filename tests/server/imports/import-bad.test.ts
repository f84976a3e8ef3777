// Malformed files: every problem comes back with its row and column (header = row 1), and the
// database is untouched (row counts, rollups and the whole audit log are identical afterwards).
// Also the write policy (canWrite) and the all-or-nothing transaction of applyImport.
import { afterAll, afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  applyImport,
  FORMULA_MESSAGE,
  type FormKind,
  type ImportOutcome,
  importActor,
  importFile,
  parseFile,
  type ValidRow,
  validateRows,
} from '../../../server/imports';
import { makeTestDb, type TestDb } from '../../helpers/db';
import { snapshot, tempDir, writeCsv, writeXlsx } from './files';

const tmp = tempDir('bad');
afterAll(() => tmp.remove());

let t: TestDb;
beforeEach(() => {
  t = makeTestDb('handcheck');
});
afterEach(() => t.close());

const run = (
  kind: FormKind,
  file: { name: string; path: string },
  canWrite: (kind: FormKind, row: ValidRow) => string | null = () => null,
): Promise<ImportOutcome> =>
  importFile(kind, file, t.db, { actor: importActor(null, file.name), nowMs: t.nowMs, canWrite });

/** Imports and checks that nothing at all changed in the database. */
async function rejected(
  kind: FormKind,
  file: { name: string; path: string },
  canWrite?: () => string | null,
) {
  const before = snapshot(t.db);
  const out = await run(kind, file, canWrite);
  expect(out.written).toBe(0);
  expect(out.changeIds).toEqual([]);
  expect(snapshot(t.db)).toEqual(before);
  return out.errors;
}

const err = (row: number, column: string, message: string) => ({
  row,
  column,
  message: expect.stringContaining(message),
});

describe('headers', () => {
  test('unknown, repeated and missing columns are each named on row 1', async () => {
    const file = writeCsv(tmp.file('headers.csv'), [
      ['ID Sumber', 'kode layanan', 'Catatan', 'Kode Layanan', 'Waktu Selesai'],
      ['H-1', 'KK', 'x', 'KK', '2025-03-01 10:00'],
    ]);
    const errors = await rejected('layanan', file);
    expect(errors).toEqual([
      err(1, 'Kode Layanan', 'muncul lebih dari sekali'),
      err(1, 'Waktu Pengajuan', 'Kolom wajib "Waktu Pengajuan" tidak ada'),
      err(1, 'Catatan', 'Kolom "Catatan" tidak dikenal'),
    ]);
  });

  test('a file with no header at all says so', async () => {
    const file = writeCsv(tmp.file('empty.csv'), [[''], ['']]);
    expect(await rejected('aduan', file)).toEqual([err(0, '', 'baris judul kolom tidak ditemukan')]);
  });
});

describe('rows', () => {
  test('a layanan CSV reports bad dates in each notation, unknown codes, duplicates and formulas, row by row', async () => {
    const file = writeCsv(tmp.file('layanan-bad.csv'), [
      ['ID Sumber', 'Kode Layanan', 'Kode Kecamatan', 'Waktu Pengajuan', 'Waktu Selesai'],
      ['M-1', 'KK', 'BUKATEJA', '31/02/2025 10.00', ''],
      ['M-2', 'KK', 'BUKATEJA', '2025-13-01 10:00', ''],
      ['M-3', 'KK', 'BUKATEJA', '2025-03-01T10:00:00', ''],
      ['M-4', 'XXX', 'ATLANTIS', '2025-03-01 10:00', ''],
      ['M-5', 'KK', '', '2025-03-02 10:00', '2025-03-01 10:00'],
      ['M-6', 'KK', '', '2025-03-02 10:00', ''],
      ['M-6', 'KK', '', '2025-03-03 10:00', ''],
      ['=HYPERLINK("http://x")', 'KK', '', '2025-03-02 10:00', ''],
      ['M-8', '', '', '2025-03-02 10:00', ''],
      ['M-9', 'KK', '', '2025-03-02T25:00:00+07:00', '2025-03-02 10:00'],
    ]);
    const errors = await rejected('layanan', file);
    expect(errors).toEqual([
      err(2, 'Waktu Pengajuan', 'Waktu "31/02/2025 10.00" tidak dikenali'),
      err(3, 'Waktu Pengajuan', 'Waktu "2025-13-01 10:00" tidak dikenali'),
      err(4, 'Waktu Pengajuan', 'Waktu "2025-03-01T10:00:00" tidak dikenali'),
      err(5, 'Kode Layanan', 'Kode layanan "XXX" tidak dikenal'),
      err(5, 'Kode Kecamatan', 'Kode kecamatan "ATLANTIS" tidak dikenal'),
      err(6, 'Waktu Selesai', 'Waktu selesai tidak boleh sebelum waktu pengajuan'),
      err(8, 'ID Sumber', 'Duplikat: ID Sumber "M-6" sudah ada di baris 7'),
      err(9, 'ID Sumber', FORMULA_MESSAGE),
      err(10, 'Kode Layanan', 'Kolom "Kode Layanan" wajib diisi'),
      err(11, 'Waktu Pengajuan', 'tidak dikenali'),
    ]);
  });

  test('a realisasi XLSX reports wrong types, out-of-range figures, formula cells, unknown codes and duplicates', async () => {
    const code = '2.16.02.1.01.01';
    const file = await writeXlsx(tmp.file('realisasi-bad.xlsx'), [
      [
        'Kode Sub Kegiatan',
        'Tahun',
        'Bulan',
        'Realisasi Keuangan SP2D (Rp)',
        'SPJ (Rp)',
        'Realisasi Fisik (%)',
        'Alasan',
      ],
      ['9.99.99.9.99.99', 2025, 9, 1000, 0, 10, null],
      [code, 2025, '12a', 1000, 0, 10, null],
      [code, 2025, 13, 1000, 0, 10, null],
      [code, 2025, 10, -5, 0, 120, null],
      [code, 2025, 11, { formula: 'B2*2', result: 4050 }, 0, 10, null],
      [code, 1999, 11, 1000, 0, 10, null],
      ['2.16.02.1.02.03', 2025, 10, 1000.5, 0, 10, null],
      ['2.16.02.1.02.03', 2025, 11, 1000, 0, 10, null],
      ['2.16.02.1.02.03', 2025, 11, 2000, 0, 20, 'dobel'],
      [code, 2026, 1, 1000, 0, 10, null],
      [code, 2025, 12, 'seribu', 'Rp1.000', '10,5', null],
    ]);
    const errors = await rejected('realisasi', file);
    expect(errors).toEqual([
      err(2, 'Kode Sub Kegiatan', 'Kode sub kegiatan "9.99.99.9.99.99" tidak ada pada tahun 2025'),
      err(3, 'Bulan', '"12a" bukan angka'),
      err(4, 'Bulan', 'Bulan harus 1–12'),
      err(5, 'Realisasi Keuangan SP2D (Rp)', 'tidak boleh negatif'),
      err(5, 'Realisasi Fisik (%)', 'paling besar 100'),
      err(6, 'Realisasi Keuangan SP2D (Rp)', FORMULA_MESSAGE),
      err(7, 'Tahun', 'Tahun paling awal 2000'),
      err(8, 'Realisasi Keuangan SP2D (Rp)', 'harus bilangan bulat'),
      err(10, 'Kode Sub Kegiatan', 'Duplikat: sub kegiatan 2.16.02.1.02.03 bulan 11 sudah ada di baris 9'),
      err(11, 'Kode Sub Kegiatan', 'tidak ada pada tahun 2026'),
      err(12, 'Realisasi Keuangan SP2D (Rp)', '"seribu" bukan angka'),
    ]);
  });

  test('an aduan CSV reports unknown channel, topic, category, OPD, times out of order and a date without time', async () => {
    const h = [
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
    const ok = ['whatsapp', 'jalan', '', '', ''];
    const file = writeCsv(tmp.file('aduan-bad.csv'), [
      h,
      ['D-1', 'telegram', 'jalan', '', '', '', '2025-03-01 10:00', '', ''],
      ['D-2', 'whatsapp', 'cuaca', '', '', '', '2025-03-01 10:00', '', ''],
      ['D-3', 'whatsapp', 'jalan', 'keluhan', 'DINASX', '', '2025-03-01 10:00', '', ''],
      ['D-4', ...ok, '2025-03-02 10:00', '2025-03-01 10:00', '2025-03-01 09:00'],
      ['D-5', ...ok, '2025-03-02 10:00', '', ''],
      ['D-5', ...ok, '2025-03-02 10:00', '', ''],
      ['D-6', ...ok, '03/03/2025', '', ''],
      ['', ...ok, '2025-03-02 10:00', '', ''],
    ]);
    const errors = await rejected('aduan', file);
    expect(errors).toEqual([
      err(2, 'Kanal', 'Kanal "telegram" tidak dikenal'),
      err(3, 'Topik', 'Topik "cuaca" tidak dikenal'),
      err(4, 'Kategori', 'Kategori "keluhan" tidak dikenal'),
      err(4, 'Kode OPD', 'Kode OPD "DINASX" tidak dikenal'),
      err(5, 'Respons Pertama', 'Respons pertama tidak boleh sebelum aduan diterima'),
      err(5, 'Waktu Selesai', 'Waktu selesai tidak boleh sebelum aduan diterima'),
      err(7, 'ID Sumber', 'Duplikat: ID Sumber "D-5" sudah ada di baris 6'),
      err(8, 'Waktu Diterima', 'Waktu "03/03/2025" tidak dikenali'),
      err(9, 'ID Sumber', 'wajib diisi'),
    ]);
  });

  test('a progres CSV reports a bad period, status and URL, an unknown programme and a missing figure', async () => {
    const file = writeCsv(tmp.file('progres-bad.csv'), [
      [
        'Kode Program',
        'Periode (YYYY-MM)',
        'Progres Fisik (%)',
        'Anggaran Terserap (Rp)',
        'Status',
        'Tautan Data Dukung',
      ],
      ['HC-GOV-01', '2025/13', '50', '100', '', ''],
      ['HC-GOV-01', '2025-10', '50', '100', 'macet', 'ftp://x'],
      ['XX-01', '2025-10', '50', '100', '', ''],
      ['HC-GOV-01', '2025-11', '', '100', '', ''],
    ]);
    const errors = await rejected('progres', file);
    expect(errors).toEqual([
      err(2, 'Periode (YYYY-MM)', 'Periode "2025/13" tidak dikenali'),
      err(3, 'Status', 'Status "macet" tidak dikenal'),
      err(3, 'Tautan Data Dukung', 'http:// atau https://'),
      err(4, 'Kode Program', 'Kode program "XX-01" tidak dikenal'),
      err(5, 'Progres Fisik (%)', 'wajib diisi'),
    ]);
  });

  test('formula cells and Excel error cells are refused, also in a column the form does not know', async () => {
    const file = await writeXlsx(tmp.file('formula.xlsx'), [
      ['ID Sumber', 'Kode Layanan', 'Waktu Pengajuan', 'Waktu Selesai'],
      ['F-1', 'KK', { formula: 'NOW()' }, null],
      ['F-2', 'KK', '2025-03-01 10:00', { error: '#N/A' } as never],
      ['F-3', 'KK', '2025-03-01 10:00', null, { formula: 'A1', result: 'F-1' }],
    ]);
    expect(await rejected('layanan', file)).toEqual([
      err(1, '(kolom E tanpa judul)', 'tidak dikenal'),
      err(2, 'Waktu Pengajuan', FORMULA_MESSAGE),
      err(3, 'Waktu Selesai', 'Sel berisi galat Excel #N/A'),
      err(4, '(kolom E tanpa judul)', FORMULA_MESSAGE),
    ]);
  });
});

describe('write policy and atomicity', () => {
  const layanan = () =>
    writeCsv(tmp.file('policy.csv'), [
      ['ID Sumber', 'Kode Layanan', 'Waktu Pengajuan', 'Waktu Selesai'],
      ['P-1', 'KK', '2025-09-02 10:00', '2025-09-02 12:00'],
      ['P-2', 'PBG', '2025-10-02 10:00', ''],
      ['P-3', 'KK', '2025-10-03 10:00', ''],
    ]);

  test('rows refused by canWrite are errors with their row and nothing is written, not even the allowed rows', async () => {
    const seen: string[] = [];
    const canWrite = (_kind: FormKind, row: ValidRow) => {
      seen.push(`${row.row}:${row.period}`);
      return row.period === '2025-09' ? 'Periode September 2025 sudah dikunci' : null;
    };
    const before = snapshot(t.db);
    const out = await run('layanan', layanan(), canWrite);
    expect(seen).toEqual(['2:2025-09', '3:2025-10', '4:2025-10']);
    expect(out.errors).toEqual([err(2, 'Kode Layanan', 'Periode September 2025 sudah dikunci')]);
    expect(out.written).toBe(0);
    expect(snapshot(t.db)).toEqual(before);
  });

  test('validateRows hands canWrite the owning OPD of each row', async () => {
    const parsed = await parseFile(layanan());
    const pbgOwner = t.db.prepare("SELECT opd_id FROM service_type WHERE code = 'PBG'").pluck().get();
    const { valid, errors } = validateRows('layanan', parsed, {
      db: t.db,
      canWrite: (_k, row) => (row.opdId === pbgOwner ? 'Bukan OPD Anda' : null),
    });
    expect(errors).toEqual([err(3, 'Kode Layanan', 'Bukan OPD Anda')]);
    expect(valid.map((r) => r.row)).toEqual([2, 4]);
  });

  test('applyImport rolls back every row when a later row fails inside the transaction', async () => {
    const parsed = await parseFile(
      writeCsv(tmp.file('atomic.csv'), [
        ['Kode Sub Kegiatan', 'Tahun', 'Bulan', 'Realisasi Keuangan SP2D (Rp)', 'Realisasi Fisik (%)'],
        ['2.16.02.1.01.01', '2025', '10', '1.000.000', '80'],
        ['2.16.02.1.02.03', '2025', '10', '2.000.000', '70'],
      ]),
    );
    const { valid, errors } = validateRows('realisasi', parsed, { db: t.db, canWrite: () => null });
    expect(errors).toEqual([]);
    const broken = valid.map((r, i) =>
      i === 1 && r.kind === 'realisasi' ? { ...r, write: { ...r.write, subKegiatanId: 999_999 } } : r,
    );
    const before = snapshot(t.db);
    // The first row is written inside the transaction, the second throws: both are rolled back.
    expect(() => applyImport('realisasi', broken, importActor(null, 'atomic.csv'), t.nowMs, t.db)).toThrow(
      /sub_kegiatan 999999 not found/,
    );
    expect(snapshot(t.db)).toEqual(before);
  });
});
