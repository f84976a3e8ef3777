// Builds the import tests' input files at run time in a temp dir (no binary fixtures in git):
// CSV text, XLSX workbooks through exceljs, and hand-assembled zip archives for the hostile cases.
// Also a snapshot of the database for "nothing was written" checks.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import type { Db } from '../../../server/db/connection';

export function tempDir(label: string): { dir: string; file: (name: string) => string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `adiguna-import-${label}-`));
  return {
    dir,
    file: (name) => path.join(dir, name),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** A CSV file as Indonesian Excel writes it by default: UTF-8 BOM, ';', CRLF. */
export function writeCsv(
  file: string,
  rows: string[][],
  opts: { delimiter?: string; bom?: boolean; eol?: string } = {},
): { name: string; path: string } {
  const d = opts.delimiter ?? ';';
  const quote = (v: string) => (/[";,\r\n\t]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const text = rows.map((r) => r.map(quote).join(d)).join(opts.eol ?? '\r\n');
  fs.writeFileSync(file, `${opts.bom === false ? '' : '\uFEFF'}${text}\r\n`);
  return { name: path.basename(file), path: file };
}

export type XlsxCell = string | number | Date | null | { formula: string; result?: number | string };

/**
 * An .xlsx with one data sheet (plus an optional second sheet). Date cells get a date format so
 * they come back as Excel dates; `numFmt` sets formats per cell ("r:c" 1-based, e.g. "2:7").
 */
export async function writeXlsx(
  file: string,
  rows: XlsxCell[][],
  opts: { numFmt?: Record<string, string>; secondSheet?: string[][] } = {},
): Promise<{ name: string; path: string }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data');
  rows.forEach((r, i) => {
    const row = ws.getRow(i + 1);
    r.forEach((v, j) => {
      if (v === null) return;
      const cell = row.getCell(j + 1);
      cell.value = v as ExcelJS.CellValue;
      if (v instanceof Date) cell.numFmt = 'dd/mm/yyyy hh:mm';
      const fmt = opts.numFmt?.[`${i + 1}:${j + 1}`];
      if (fmt) cell.numFmt = fmt;
    });
    row.commit();
  });
  if (opts.secondSheet) {
    const s2 = wb.addWorksheet('Lain');
    for (const r of opts.secondSheet) s2.addRow(r);
  }
  await wb.xlsx.writeFile(file);
  return { name: path.basename(file), path: file };
}

/** An Excel date cell value: exceljs stores the UTC fields as the sheet's wall clock (here WIB). */
export const wib = (y: number, mo: number, d: number, h = 0, mi = 0) =>
  new Date(Date.UTC(y, mo - 1, d, h, mi));

const crcTable = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

export function crc32(buf: Buffer): number {
  let c = -1;
  for (const b of buf) c = (crcTable[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

export interface ZipPart {
  name: string;
  /** Bytes as stored (already deflated when method is 8). */
  data: Buffer;
  method: 0 | 8;
  /** What the headers declare; a bomb may lie here. */
  uncompressedSize: number;
  crc?: number;
}

/** A zip archive assembled by hand: local headers, data, central directory, EOCD. */
export function buildZip(parts: ZipPart[], opts: { gapBefore?: Buffer } = {}): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [i, p] of parts.entries()) {
    if (i === 1 && opts.gapBefore) {
      chunks.push(opts.gapBefore);
      offset += opts.gapBefore.length;
    }
    const name = Buffer.from(p.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(p.method, 8);
    local.writeUInt32LE(p.crc ?? 0, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(p.uncompressedSize, 22);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(p.method, 10);
    cd.writeUInt32LE(p.crc ?? 0, 16);
    cd.writeUInt32LE(p.data.length, 20);
    cd.writeUInt32LE(p.uncompressedSize, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    chunks.push(local, name, p.data);
    central.push(cd, name);
    offset += 30 + name.length + p.data.length;
  }
  const cdBuf = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(parts.length, 8);
  eocd.writeUInt16LE(parts.length, 10);
  eocd.writeUInt32LE(cdBuf.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, cdBuf, eocd]);
}

/** `mb` megabytes of zeros, deflated chunk by chunk (the input never sits in memory at once). */
export async function deflatedZeros(mb: number): Promise<Buffer> {
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((r) => deflate.on('end', r));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < mb; i++) if (!deflate.write(zeros)) await new Promise((r) => deflate.once('drain', r));
  deflate.end();
  await done;
  return Buffer.concat(out);
}

/** Row counts of every table plus the whole audit log: equal before and after = nothing written. */
export function snapshot(db: Db): { counts: Record<string, number>; audit: unknown[]; rollups: unknown[] } {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const counts: Record<string, number> = {};
  for (const t of tables) counts[t] = db.prepare(`SELECT COUNT(*) FROM "${t}"`).pluck().get() as number;
  return {
    counts,
    audit: db.prepare('SELECT * FROM audit_log ORDER BY id').all(),
    rollups: [
      db.prepare('SELECT * FROM service_month_rollup ORDER BY period, service_id').all(),
      db.prepare('SELECT * FROM budget_month_rollup ORDER BY year, stage, dim, key, month').all(),
      db.prepare('SELECT * FROM complaint_rollup ORDER BY period, dim, key').all(),
      db.prepare('SELECT * FROM family_freshness ORDER BY family, year').all(),
    ],
  };
}
