// Hostile and odd uploads: zip bombs (by declared ratio, by declared total, and by a header that
// lies about the size), hidden zip entries, oversized files, text or OLE files named .xlsx, too
// many rows, and the CSV dialects Indonesian offices produce (';' or ',', BOM, Windows-1252).
import fs from 'node:fs';
import zlib from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { DEFAULT_LIMITS, importActor, importFile, parseFile } from '../../../server/imports';
import { makeTestDb } from '../../helpers/db';
import { buildZip, crc32, deflatedZeros, snapshot, tempDir, writeCsv, writeXlsx } from './files';

const tmp = tempDir('hostile');
afterAll(() => tmp.remove());

const SHEET = 'xl/worksheets/sheet1.xml';
const small = (name: string, text: string) => {
  const data = Buffer.from(text);
  return {
    name,
    data: zlib.deflateRawSync(data),
    method: 8 as const,
    uncompressedSize: data.length,
    crc: crc32(data),
  };
};
const contentTypes = small('[Content_Types].xml', '<?xml version="1.0"?><Types/>');

function save(name: string, buf: Buffer) {
  fs.writeFileSync(tmp.file(name), buf);
  return { name, path: tmp.file(name) };
}

/** parseFile's result plus how long it took and how much the process grew meanwhile. */
async function timed(file: { name: string; path: string }, limits = DEFAULT_LIMITS) {
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  const t0 = performance.now();
  const res = await parseFile(file, limits);
  const ms = performance.now() - t0;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { res, ms, growthMb: (peak - rss0) / 1024 / 1024 };
}

const only = (message: string) => [{ row: 0, column: '', message: expect.stringContaining(message) }];

describe('zip bombs', () => {
  test('50 MB of zeros deflated to a few KB is refused by its ratio, quickly and without inflating it', async () => {
    const bomb = await deflatedZeros(50);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const file = save(
      'bomb.xlsx',
      buildZip([contentTypes, { name: SHEET, data: bomb, method: 8, uncompressedSize: 50 * 1024 * 1024 }]),
    );
    const { res, ms, growthMb } = await timed(file);
    expect(res.errors).toEqual(only('zip bomb'));
    expect(res.errors[0]?.message).toContain('100:1');
    expect(res.rows).toEqual([]);
    expect(ms).toBeLessThan(1000);
    expect(growthMb).toBeLessThan(20);
  });

  test('entries whose declared sizes add up to more than maxUncompressedBytes are refused', async () => {
    const bomb = await deflatedZeros(50);
    const file = save(
      'total.xlsx',
      buildZip([contentTypes, { name: SHEET, data: bomb, method: 8, uncompressedSize: 50 * 1024 * 1024 }]),
    );
    const { res } = await timed(file, { ...DEFAULT_LIMITS, maxUncompressedBytes: 10 * 1024 * 1024 });
    expect(res.errors).toEqual(only('melebihi batas 10 MB'));
  });

  test('an entry that declares 512 KB but inflates to 50 MB is stopped once it passes what it declared', async () => {
    const bomb = await deflatedZeros(50);
    const file = save(
      'liar.xlsx',
      buildZip([contentTypes, { name: SHEET, data: bomb, method: 8, uncompressedSize: 512 * 1024 }]),
    );
    const { res, ms, growthMb } = await timed(file);
    expect(res.errors).toEqual(only('lebih besar daripada yang dinyatakan'));
    expect(ms).toBeLessThan(1000);
    expect(growthMb).toBeLessThan(20);
  });

  test('a local entry hidden between the listed ones (a streaming reader would inflate it) is refused', async () => {
    const hidden = buildZip([small('xl/hidden.xml', 'x'.repeat(1000))]).subarray(0, 60); // a stray local header
    const file = save(
      'hidden.xlsx',
      buildZip([contentTypes, small(SHEET, '<worksheet/>')], {
        gapBefore: Buffer.concat([hidden, Buffer.alloc(40)]),
      }),
    );
    const { res } = await timed(file);
    expect(res.errors).toEqual(only('tersembunyi'));
  });

  test('an encrypted zip entry is refused', async () => {
    const zip = buildZip([contentTypes, small(SHEET, '<worksheet/>')]);
    // Set the "encrypted" flag bit in the sheet's central directory record.
    const cd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt16LE(1, cd + 8);
    const { res } = await timed(save('encrypted.xlsx', zip));
    expect(res.errors).toEqual(only('terenkripsi'));
  });
});

describe('files that are not what they claim', () => {
  test('a text file named .xlsx is refused as not a zip archive', async () => {
    const file = save('text.xlsx', Buffer.from('ID Sumber;Kode Layanan\nA;KK\n'));
    expect((await timed(file)).res.errors).toEqual(only('bukan arsip zip'));
  });

  test('a password-protected workbook (an OLE file) named .xlsx is refused with a hint', async () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(2048),
    ]);
    expect((await timed(save('locked.xlsx', ole))).res.errors).toEqual(only('dilindungi kata sandi'));
  });

  test('a truncated real workbook is refused without throwing', async () => {
    const xlsx = buildZip([contentTypes, small(SHEET, '<worksheet/>')]);
    expect((await timed(save('cut.xlsx', xlsx.subarray(0, xlsx.length - 30)))).res.errors).toEqual(
      only('Berkas XLSX rusak'),
    );
  });

  test.each([
    ['laporan.xls', 'Format .xls lama tidak didukung'],
    ['laporan.pdf', 'Format berkas tidak didukung'],
  ])('%s is refused by its type', async (name, message) => {
    expect((await timed(save(name, Buffer.from('x')))).res.errors).toEqual(only(message));
  });
});

describe('size and row limits', () => {
  test('a file over maxBytes is refused before it is read', async () => {
    const path = tmp.file('big.csv');
    fs.writeFileSync(path, 'ID Sumber;Kode Layanan;Waktu Pengajuan\r\n');
    fs.truncateSync(path, DEFAULT_LIMITS.maxBytes + 1); // sparse: no 25 MB written to disk
    const { res, ms } = await timed({ name: 'big.csv', path });
    expect(res.errors).toEqual(only('melebihi batas 25 MB'));
    expect(ms).toBeLessThan(100);
  });

  test('more data rows than maxRows stop the read with an error on the first row over the limit', async () => {
    const rows = [['ID Sumber', 'Kode Layanan', 'Waktu Pengajuan']];
    for (let i = 1; i <= 12; i++) rows.push([`R-${i}`, 'KK', '2025-03-01 10:00']);
    const file = writeCsv(tmp.file('rows.csv'), rows);
    const t = makeTestDb('reference');
    try {
      const before = snapshot(t.db);
      const out = await importFile('layanan', file, t.db, {
        actor: importActor(null, file.name),
        nowMs: t.nowMs,
        limits: { ...DEFAULT_LIMITS, maxRows: 10 },
      });
      expect(out.errors).toEqual([
        { row: 12, column: '', message: expect.stringContaining('lebih dari 10 baris data') },
      ]);
      expect(out.written).toBe(0);
      expect(snapshot(t.db)).toEqual(before);
    } finally {
      t.close();
    }
  });

  test('an XLSX with more rows than maxRows stops reading early and reports the first row over', async () => {
    const rows: (string | number)[][] = [['ID Sumber', 'Kode Layanan', 'Waktu Pengajuan']];
    for (let i = 1; i <= 500; i++) rows.push([`X-${i}`, 'KK', '2025-03-01 10:00']);
    const file = await writeXlsx(tmp.file('rows.xlsx'), rows);
    const { res } = await timed(file, { ...DEFAULT_LIMITS, maxRows: 10 });
    expect(res.errors).toEqual([
      { row: 12, column: '', message: expect.stringContaining('lebih dari 10 baris data') },
    ]);
    expect(res.rows).toHaveLength(10);
  });
});

describe('CSV dialects', () => {
  const header = [
    'Kode Program',
    'Periode (YYYY-MM)',
    'Progres Fisik (%)',
    'Anggaran Terserap (Rp)',
    'Kendala',
  ];

  test.each([
    [';', true],
    [',', false],
    ['\t', true],
  ])('delimiter %j (BOM %s) is detected and quoted fields keep their separators', async (delimiter, bom) => {
    const file = writeCsv(
      tmp.file('dialect.csv'),
      [header, ['GOV-01', '2025-09', '50', '1.000', 'a; b, c "kutip"\nbaris dua']],
      { delimiter, bom },
    );
    const res = await parseFile(file);
    expect(res.errors).toEqual([]);
    expect(res.header).toEqual(header);
    expect(res.rows).toEqual([
      {
        'Kode Program': 'GOV-01',
        'Periode (YYYY-MM)': '2025-09',
        'Progres Fisik (%)': '50',
        'Anggaran Terserap (Rp)': '1.000',
        Kendala: 'a; b, c "kutip"\nbaris dua',
      },
    ]);
  });

  test('a Windows-1252 CSV from an older Excel reads its accented text correctly', async () => {
    const path = tmp.file('ansi.csv');
    fs.writeFileSync(path, Buffer.from('Kode Program;Kendala\r\nGOV-01;Caf\xe9 \x96 rapat\r\n', 'latin1'));
    const res = await parseFile({ name: 'ansi.csv', path });
    expect(res.rows).toEqual([{ 'Kode Program': 'GOV-01', Kendala: 'Café – rapat' }]);
  });

  test('an Excel "sep=" hint line sets the separator and is not taken for the header', async () => {
    const path = tmp.file('sep.csv');
    fs.writeFileSync(path, 'sep=,\r\nKode Program,Kendala\r\nGOV-01,"a; b"\r\n');
    const res = await parseFile({ name: 'sep.csv', path });
    expect(res.header).toEqual(['Kode Program', 'Kendala']);
    expect(res.rows).toEqual([{ 'Kode Program': 'GOV-01', Kendala: 'a; b' }]);
    expect(res.rowNumbers).toEqual([2]); // as Excel numbers it: the hint line is not shown
  });

  test('blank lines are skipped but row numbers stay those Excel shows', async () => {
    const path = tmp.file('blank.csv');
    fs.writeFileSync(path, '\uFEFFID Sumber;Kode Layanan\r\n\r\nA;KK\r\n;\r\nB;KK\r\n');
    const res = await parseFile({ name: 'blank.csv', path });
    expect(res.rowNumbers).toEqual([3, 5]);
    expect(res.header).toEqual(['ID Sumber', 'Kode Layanan']);
  });
});
