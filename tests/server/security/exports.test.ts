// Exports over HTTP with hostile text in every free-text column they carry (verifier notes,
// programme kendala and tindak lanjut, display names, audit reasons): no cell of the CSV (read with
// ";", "," or tab as the separator, as Excel does in different locales) or of the XLSX starts a
// formula, no XLSX cell is a formula, and the importer's reader gets every text back exactly,
// with only the apostrophe in front of what would have been a formula.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseFile } from '../../../server/imports';
import { makeTestDb } from '../../helpers/db';
import { tempDir } from '../imports/files';
import { makeWorld, OPD, rpc, session, type World } from './fixtures';
import { FORMULA_START, HOSTILE, hostileTexts, LONG } from './hostile';

let w: World;
const tmp = tempDir('security-export');
/** An OPD with enough October figures to return one per hostile note. */
const NOTES_OPD = 'DINDIKBUD';
const texts = [...hostileTexts(), LONG];
/** What the importer's reader must give back for a text: the text, after an apostrophe when it would run. */
const readBack = (s: string) => (FORMULA_START.test(s) ? `'${s}` : s);

beforeAll(async () => {
  const t = makeTestDb({ demo: 'small', nowMs: Date.parse('2026-11-23T03:00:00.000Z') });
  w = await makeWorld(t);
  const verifier = session(t, w.users.verifier);
  const admin = session(t, w.users.admin);
  const opd = session(t, w.users.opd);
  // The verifier returns October figures of the OPD, each with a hostile note.
  const ids = t.db
    .prepare(
      `SELECT r.id FROM budget_realisation r JOIN sub_kegiatan s ON s.id = r.sub_kegiatan_id JOIN opd o ON o.id = s.opd_id
        WHERE o.code = ? AND s.year = 2026 AND r.month = 10 AND r.verification = 'submitted' ORDER BY r.id`,
    )
    .pluck()
    .all(NOTES_OPD) as number[];
  expect(ids.length).toBeGreaterThanOrEqual(texts.length);
  for (const [i, note] of texts.entries()) {
    const r = await rpc(
      w.server,
      { path: 'verify.decide', type: 'mutation' },
      { family: 'budget', id: ids[i], decision: 'returned', note },
      verifier,
    );
    expect(r.status).toBe(200);
  }
  // The operator writes hostile kendala and tindak lanjut on its programmes.
  const programmes = t.db
    .prepare(
      'SELECT p.id FROM programme p JOIN opd o ON o.id = p.coordinator_opd_id WHERE o.code = ? ORDER BY p.id',
    )
    .pluck()
    .all(OPD) as number[];
  for (const [i, programmeId] of programmes.entries()) {
    const r = await rpc(
      w.server,
      { path: 'entry.saveProgress', type: 'mutation' },
      {
        programmeId,
        period: '2026-11',
        physicalPct: 10,
        spentRp: 0,
        kendala: texts[(2 * i) % texts.length],
        tindakLanjut: texts[(2 * i + 1) % texts.length],
      },
      opd,
    );
    expect(r.status).toBe(200);
  }
  // Display names of accounts, as an admin types them.
  for (const [i, name] of texts.entries()) {
    const r = await rpc(
      w.server,
      { path: 'admin.createUser', type: 'mutation' },
      {
        username: `jahat-${i}`,
        displayName: name.slice(0, 120),
        role: 'executive',
        password: 'Sandi-Jahat-12345',
      },
      admin,
    );
    expect(r.status).toBe(200);
  }
});
afterAll(async () => {
  await w.server.close();
  w.t.close();
  tmp.remove();
});

const downloads = [
  ['realisasi', `opd=${NOTES_OPD}&year=2026&month=10`, 'Catatan Verifikator'],
  ['progres', `opd=${OPD}&period=2026-11`, 'Kendala'],
  ['verifikasi', 'family=masterplan', 'Kendala'],
  ['pengguna', '', 'Nama'],
  ['audit', `opd=${NOTES_OPD}`, 'reason'],
] as const;

async function download(table: string, query: string, format: 'csv' | 'xlsx'): Promise<Buffer> {
  const res = await fetch(`${w.server.url}/api/export/${table}?${query}&format=${format}`, {
    headers: { cookie: session(w.t, w.users.admin).cookie },
  });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

/** The texts a table must carry, as the importer's reader gives them back. */
function expectTexts(table: string, got: string[]): void {
  const want =
    table === 'pengguna'
      ? texts.map((s) => s.slice(0, 120))
      : table === 'progres' || table === 'verifikasi'
        ? texts.filter((_, i) => i % 2 === 0).slice(0, 3)
        : texts;
  for (const s of want) expect(got).toContain(readBack(s));
}

describe('exports neutralise spreadsheet formulas in OPD text', () => {
  test.each(downloads)(
    '%s as CSV: no cell starts a formula; the text reads back',
    async (table, query, column) => {
      const buf = await download(table, query, 'csv');
      const text = buf.toString('utf8').replace(/^\uFEFF/, '');
      const cells = Papa.parse<string[]>(text, { delimiter: ';' }).data.flat();
      expect(cells.filter((c) => FORMULA_START.test(c))).toEqual([]);
      const file = tmp.file(`${table}.csv`);
      fs.writeFileSync(file, buf);
      const parsed = await parseFile({ name: `${table}.csv`, path: file });
      expect(parsed.errors).toEqual([]);
      expectTexts(
        table,
        parsed.rows.map((r) => r[column] ?? ''),
      );
    },
  );

  test.each(downloads)(
    '%s as XLSX: no formula cell, no text cell starting one; the text reads back',
    async (table, query, column) => {
      const buf = await download(table, query, 'xlsx');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(buf as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      if (!ws) throw new Error('no sheet');
      const live: string[] = [];
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.formula !== undefined || cell.type === ExcelJS.ValueType.Formula)
            live.push(`formula ${cell.address}`);
          if (typeof cell.value === 'string' && FORMULA_START.test(cell.value))
            live.push(`${cell.address}: ${cell.value}`);
        }),
      );
      expect(live).toEqual([]);
      const file = tmp.file(`${table}.xlsx`);
      fs.writeFileSync(file, buf);
      const parsed = await parseFile({ name: `${table}.xlsx`, path: file });
      expect(parsed.errors).toEqual([]);
      expectTexts(
        table,
        parsed.rows.map((r) => r[column] ?? ''),
      );
    },
  );

  test('markup, bidi controls and long runs pass through a CSV export as typed', async () => {
    const text = (await download('realisasi', `opd=${NOTES_OPD}&year=2026&month=10`, 'csv')).toString('utf8');
    for (const s of [HOSTILE.script, HOSTILE.rtl, HOSTILE.template, LONG]) expect(text).toContain(s);
  });
});
