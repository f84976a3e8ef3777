// Exports (CSV for Indonesian Excel and XLSX) neutralise formula injection and round-trip through
// the importer's reader; templates carry the form's header, an example row the importer skips,
// the OPD's own rows and a "Petunjuk" sheet, and a filled-in template imports.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, test } from 'vitest';
import {
  exportTable,
  FORMS,
  importActor,
  importFile,
  parseFile,
  parseNumber,
  templateXlsx,
} from '../../../server/imports';
import { makeTestDb } from '../../helpers/db';
import { tempDir } from './files';

const tmp = tempDir('export');
afterAll(() => tmp.remove());

const columns = [
  { key: 'text', header: 'Teks' },
  { key: 'amount', header: 'Jumlah (Rp)' },
  { key: 'pct', header: 'Persen' },
  { key: 'at', header: 'Waktu' },
];
const hostile = ['=1+1', '+62812345', '-5', '@SUM(A1)', '\tTAB', '\rCR', '=HYPERLINK("http://x","klik")'];
const rows: Record<string, unknown>[] = [
  ...hostile.map((text) => ({ text, amount: 1_234_567, pct: 84.8, at: null })),
  { text: 'biasa; dengan "kutip"\nbaris dua', amount: 0, pct: 0.5, at: new Date('2025-03-03T01:15:00Z') },
  { text: null, amount: null, pct: undefined, at: undefined },
];

describe('exportTable', () => {
  test('CSV has a BOM, ";" separators, decimal commas, proper quoting and an apostrophe before formula-like text', async () => {
    const buf = await exportTable(columns, rows, 'csv');
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = buf.toString('utf8', 3);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('Teks;Jumlah (Rp);Persen;Waktu');
    expect(lines[1]).toBe("'=1+1;1234567;84,8;");
    expect(lines[2]).toBe("'+62812345;1234567;84,8;");
    expect(lines[3]).toBe("'-5;1234567;84,8;");
    expect(lines[4]).toBe("'@SUM(A1);1234567;84,8;");
    expect(text).toContain('"\'=HYPERLINK(""http://x"",""klik"")"');
    expect(text).toContain('"biasa; dengan ""kutip""\nbaris dua";0;0,5;2025-03-03 08:15\r\n');
    expect(text.endsWith(';;;\r\n')).toBe(true);
  });

  test('the exported CSV reads back through parseFile with every value intact and no formula left', async () => {
    const path = tmp.file('export.csv');
    fs.writeFileSync(path, await exportTable(columns, rows, 'csv'));
    const parsed = await parseFile({ name: 'export.csv', path });
    expect(parsed.errors).toEqual([]);
    expect(parsed.header).toEqual(['Teks', 'Jumlah (Rp)', 'Persen', 'Waktu']);
    expect(parsed.rows.map((r) => r.Teks)).toEqual([
      ...hostile.map((h) => `'${h}`),
      'biasa; dengan "kutip"\nbaris dua',
    ]);
    for (const r of parsed.rows) expect((r.Teks ?? '').startsWith('=')).toBe(false);
    expect(parseNumber(parsed.rows[0]?.['Jumlah (Rp)'] ?? '', true)).toEqual({ ok: true, value: 1_234_567 });
    expect(parseNumber(parsed.rows[0]?.Persen ?? '', false)).toEqual({ ok: true, value: 84.8 });
    expect(parsed.rows.at(-1)?.Waktu).toBe('2025-03-03 08:15');
  });

  test('XLSX keeps numbers as numbers, dates as WIB date cells and formula-like text as plain text', async () => {
    const buf = await exportTable(columns, rows, 'xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    expect(ws.getRow(1).values).toEqual([undefined, 'Teks', 'Jumlah (Rp)', 'Persen', 'Waktu']);
    expect(ws.getRow(1).font?.bold).toBe(true);
    for (let i = 0; i < hostile.length; i++) {
      const cell = ws.getCell(i + 2, 1);
      expect(cell.formula).toBeUndefined();
      expect(cell.value).toBe(`'${hostile[i]}`.replace('\r', '\n')); // XML stores a CR as a line feed
      expect(ws.getCell(i + 2, 2).value).toBe(1_234_567);
      expect(ws.getCell(i + 2, 3).value).toBe(84.8);
    }
    const at = ws.getCell(hostile.length + 2, 4);
    expect(at.value).toEqual(new Date('2025-03-03T08:15:00Z')); // the WIB wall clock, as Excel shows it
    expect(at.numFmt).toBe('dd/mm/yyyy hh:mm');
    // And the importer reads the same file back without seeing a formula.
    const path = tmp.file('export.xlsx');
    fs.writeFileSync(path, buf);
    const parsed = await parseFile({ name: 'export.xlsx', path });
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0]).toEqual({ Teks: "'=1+1", 'Jumlah (Rp)': '1234567', Persen: '84,8' });
    expect(parsed.rows[hostile.length]?.Waktu).toBe('2025-03-03 08:15');
  });
});

describe('templateXlsx', () => {
  test('the realisasi template has a bold frozen header, a grey example row, the OPD’s sub kegiatan and a Petunjuk sheet', async () => {
    const t = makeTestDb('handcheck');
    try {
      const opd = t.db.prepare("SELECT id FROM opd WHERE code = 'DINKOMINFO'").pluck().get() as number;
      const buf = await templateXlsx('realisasi', t.db, opd, 2025);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(buf as unknown as ArrayBuffer);
      const [sheet, help] = wb.worksheets;
      if (!sheet || !help) throw new Error('two sheets expected');
      expect(help.name).toBe('Petunjuk');
      const header = FORMS.realisasi.columns.map((c) => c.header);
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(header);
      expect(sheet.getRow(1).font?.bold).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const example = sheet.getRow(2);
      expect(String(example.getCell(1).value)).toMatch(/^Contoh: /);
      expect(example.font).toMatchObject({ italic: true, color: { argb: 'FF7F7F7F' } });
      const prefilled = [3, 4].map((r) => [sheet.getCell(r, 1).value, sheet.getCell(r, 3).value]);
      expect(prefilled).toEqual([
        ['2.16.02.1.01.01', 2025],
        ['2.16.02.1.02.03', 2025],
      ]);
      expect(sheet.getCell(3, 2).value).toBe('Pengelolaan pusat data pemerintah daerah');
      expect(sheet.rowCount).toBe(4); // no other OPD's sub kegiatan
      const helpText = help.getSheetValues().flat().join(' ');
      for (const h of header) expect(helpText).toContain(h);
      expect(helpText).toContain('semua-atau-tidak-sama-sekali');
    } finally {
      t.close();
    }
  });

  test('a filled-in template imports: the example row and the rows left empty are skipped', async () => {
    const t = makeTestDb('handcheck');
    try {
      const opd = t.db.prepare("SELECT id FROM opd WHERE code = 'DINKOMINFO'").pluck().get() as number;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await templateXlsx('realisasi', t.db, opd, 2025)) as unknown as ArrayBuffer);
      const sheet = wb.worksheets[0];
      if (!sheet) throw new Error('no sheet');
      const row = sheet.getRow(3); // 2.16.02.1.01.01; row 4 is left as the template made it
      row.getCell(4).value = 10;
      row.getCell(5).value = 45_000_000;
      row.getCell(7).value = 88.5;
      row.commit();
      const path = tmp.file('filled.xlsx');
      await wb.xlsx.writeFile(path);
      const out = await importFile('realisasi', { name: 'filled.xlsx', path }, t.db, {
        actor: importActor(null, 'filled.xlsx'),
        nowMs: t.nowMs,
        canWrite: () => null,
      });
      expect(out.errors).toEqual([]);
      expect(out).toMatchObject({ rows: 3, written: 1 });
    } finally {
      t.close();
    }
  });

  test('the progres template lists the programmes the OPD coordinates in that year', async () => {
    const t = makeTestDb('handcheck');
    try {
      const opd = t.db.prepare("SELECT id FROM opd WHERE code = 'DINKOMINFO'").pluck().get() as number;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await templateXlsx('progres', t.db, opd, 2025)) as unknown as ArrayBuffer);
      const sheet = wb.worksheets[0];
      expect(sheet?.getCell(3, 1).value).toBe('HC-GOV-01');
      expect(sheet?.rowCount).toBe(3);
      // Code and period columns are text, so Excel keeps "2025-09" as typed.
      expect(sheet?.getColumn(3).numFmt).toBe('@');
    } finally {
      t.close();
    }
  });

  test.each([['layanan'], ['aduan']] as const)(
    'the %s template has the header and example row only',
    async (kind) => {
      const t = makeTestDb('reference');
      try {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load((await templateXlsx(kind, t.db, 1, 2025)) as unknown as ArrayBuffer);
        const sheet = wb.worksheets[0];
        if (!sheet) throw new Error('no sheet');
        expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(
          FORMS[kind].columns.map((c) => c.header),
        );
        expect(sheet.rowCount).toBe(2);
      } finally {
        t.close();
      }
    },
  );
});
