// Reads an uploaded .xlsx or .csv into header + rows of cell text, streaming, with the hostile-file
// checks first: size before anything, the zip directory (zip.ts) before exceljs, the row limit while
// reading. Cell text keeps enough of the cell's kind for validate.ts: a formula becomes "=" + its
// text (never evaluated), an Excel date becomes its WIB wall clock "YYYY-MM-DD HH:MM[:SS]", a
// number becomes plain digits with a decimal comma ("84,8") so it cannot be mistaken for a
// thousands-grouped Rupiah, and a cell formatted as a percentage is scaled to 0–100.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { DEFAULT_LIMITS, type ImportError, type ImportLimits, type ParseResult } from './types';
import { inspectXlsxZip } from './zip';

const fileError = (message: string): ImportError => ({ row: 0, column: '', message });

/** Column letters as Excel shows them: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

const unnamed = (col: number) => `(kolom ${columnLetter(col)} tanpa judul)`;
/** Rows are plain objects (compact in V8); "__proto__" is the one key such an object cannot hold. */
const safeName = (name: string, col: number) =>
  name === '__proto__' ? `(kolom ${columnLetter(col)}: ${name})` : name;
const fmtCount = (n: number) => n.toLocaleString('id-ID');

/** Collects rows keyed by header text; the first non-empty row is the header. */
class TableBuilder {
  header: string[] = [];
  private names = new Map<number, string>(); // column number → header text
  rows: Record<string, string>[] = [];
  rowNumbers: number[] = [];
  errors: ImportError[] = [];
  private seenHeader = false;
  headerRow = 1;

  constructor(
    private readonly maxRows: number,
    private readonly onProgress?: (done: number, total: number | null) => void,
  ) {}

  /** `cells` are [column number (1-based), text]; returns false once the row limit is passed. */
  add(rowNumber: number, cells: [number, string][]): boolean {
    const present = cells.filter(([, v]) => v.trim() !== '');
    if (present.length === 0) return true;
    if (!this.seenHeader) {
      this.seenHeader = true;
      this.headerRow = rowNumber;
      for (const [col, text] of present) {
        const name = safeName(text.replace(/^\uFEFF/, '').trim(), col);
        this.names.set(col, name);
        this.header.push(name);
      }
      return true;
    }
    if (this.rows.length >= this.maxRows) {
      this.errors.push({
        row: rowNumber,
        column: '',
        message: `Berkas memuat lebih dari ${fmtCount(this.maxRows)} baris data; pecah menjadi beberapa berkas`,
      });
      return false;
    }
    const record: Record<string, string> = {};
    for (const [col, text] of present) {
      let name = this.names.get(col);
      if (name === undefined) {
        name = unnamed(col);
        this.names.set(col, name);
        this.header.push(name);
      }
      record[name] = text;
    }
    this.rows.push(record);
    this.rowNumbers.push(rowNumber);
    if (this.onProgress && this.rows.length % 5000 === 0) this.onProgress(this.rows.length, null);
    return true;
  }

  cellError(rowNumber: number, col: number, message: string): void {
    this.errors.push({ row: rowNumber, column: this.names.get(col) ?? unnamed(col), message });
  }

  result(): ParseResult {
    if (!this.seenHeader) this.errors.push(fileError('Berkas kosong: baris judul kolom tidak ditemukan'));
    return {
      header: this.header,
      rows: this.rows,
      rowNumbers: this.rowNumbers,
      headerRow: this.headerRow,
      errors: this.errors,
    };
  }
}

/**
 * Reads the file's first sheet (XLSX) or its records (CSV). File-level problems come back as
 * errors with row 0 and nothing else; cell problems with their row and column.
 */
export async function parseFile(
  file: { name: string; path: string },
  limits: ImportLimits = DEFAULT_LIMITS,
  onProgress?: (done: number, total: number | null) => void,
): Promise<ParseResult> {
  const empty = (message: string): ParseResult => ({
    header: [],
    rows: [],
    rowNumbers: [],
    errors: [fileError(message)],
  });
  const ext = path.extname(file.name).toLowerCase();
  if (ext === '.xls')
    return empty('Format .xls lama tidak didukung; simpan ulang sebagai .xlsx (Excel Workbook)');
  if (ext !== '.xlsx' && ext !== '.csv' && ext !== '.txt')
    return empty('Format berkas tidak didukung; unggah .xlsx atau .csv');
  let size: number;
  try {
    size = fs.statSync(file.path).size;
  } catch {
    return empty('Berkas tidak dapat dibaca');
  }
  if (size > limits.maxBytes)
    return empty(
      `Berkas berukuran ${(size / 1024 / 1024).toFixed(1).replace('.', ',')} MB, melebihi batas ${Math.round(limits.maxBytes / 1024 / 1024)} MB`,
    );
  if (size === 0) return empty('Berkas kosong');
  const table = new TableBuilder(limits.maxRows, onProgress);
  if (ext === '.xlsx') {
    const refused = await inspectXlsxZip(file.path, limits);
    if (refused) return empty(refused);
    try {
      await readXlsx(file.path, table);
    } catch {
      return empty('Berkas XLSX rusak atau tidak dapat dibaca');
    }
  } else {
    readCsv(fs.readFileSync(file.path), table);
  }
  return table.result();
}

// ───────────────────────────── XLSX ─────────────────────────────

type CellValue = ExcelJS.CellValue;

const pad = (n: number) => String(n).padStart(2, '0');

/** exceljs turns a date serial into a Date whose UTC fields are the wall clock typed in Excel. */
function wallClockText(d: Date): string | null {
  const ms = Math.round(d.getTime() / 1000) * 1000;
  if (!Number.isFinite(ms)) return null;
  const t = new Date(ms);
  const base = `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
  return t.getUTCSeconds() ? `${base}:${pad(t.getUTCSeconds())}` : base;
}

/** Plain digits and a decimal comma: unambiguous for values.ts's parseNumber in every column. */
function numberText(n: number, numFmt: string | undefined): string {
  const v = numFmt?.includes('%') ? Math.round(n * 100 * 1e9) / 1e9 : n;
  return String(v).replace('.', ',');
}

function cellText(v: CellValue, numFmt: string | undefined): { text: string; error?: string } {
  if (v === null || v === undefined) return { text: '' };
  if (typeof v === 'string') return { text: v };
  if (typeof v === 'number') return { text: numberText(v, numFmt) };
  if (typeof v === 'boolean') return { text: v ? 'TRUE' : 'FALSE' };
  if (v instanceof Date) {
    const text = wallClockText(v);
    return text === null ? { text: '', error: 'Tanggal di sel ini tidak sah' } : { text };
  }
  if ('formula' in v || 'sharedFormula' in v) {
    const f = 'formula' in v ? v.formula : v.sharedFormula;
    return { text: `=${f ?? ''}` };
  }
  if ('richText' in v) return { text: v.richText.map((r) => r.text).join('') };
  if ('error' in v) return { text: String(v.error) }; // "#N/A": validate.ts refuses it, as in a CSV saved by Excel
  if ('text' in v) return { text: String(v.text) };
  return { text: '' };
}

async function readXlsx(file: string, table: TableBuilder): Promise<void> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // date and percentage formats decide how a number cell reads
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let chosen = false;
  let stop = false;
  for await (const ws of reader) {
    const firstTab = (reader as unknown as { model?: { sheets?: { name: string }[] } }).model?.sheets?.[0]
      ?.name;
    const sheetName = (ws as unknown as { name?: string }).name;
    const isData = !chosen && !stop && (firstTab === undefined || sheetName === firstTab);
    for await (const row of ws) {
      if (!isData) continue; // drain other sheets (the template's "Petunjuk") without reading them
      if (stop) break;
      const cells: [number, string][] = [];
      const problems: [number, string][] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        const { text, error } = cellText(cell.value, cell.numFmt);
        cells.push([col, text]);
        if (error) problems.push([col, error]);
      });
      if (!table.add(row.number, cells)) stop = true;
      for (const [col, message] of problems) table.cellError(row.number, col, message);
    }
    if (isData) chosen = true;
    if (stop) break;
  }
}

// ───────────────────────────── CSV ─────────────────────────────

// Windows-1252 differs from Latin-1 only in 0x80–0x9F (curly quotes, dashes, €). Node's TextDecoder
// decodes 'windows-1252' as Latin-1, so those 32 are mapped here (0 = undefined in 1252, kept as is).
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0,
  0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0, 0x017e, 0x0178,
];

function decodeCp1252(buf: Buffer): string {
  return buf
    .toString('latin1')
    .replace(/[\x80-\x9f]/g, (c) =>
      String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80] || c.charCodeAt(0)),
    );
}

/** UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 (older Excel "CSV" saves). */
function decode(buf: Buffer): string {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.toString('utf8', 3);
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return decodeCp1252(buf);
  }
}

/** The separator of the header line: ';' (Indonesian Excel), ',' or tab, whichever occurs most outside quotes. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [';', 0],
    [',', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (let i = 0; i < text.length && i < 65_536; i++) {
    const ch = text[i] as string;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  let most = 0;
  for (const [d, n] of counts)
    if (n > most) {
      best = d;
      most = n;
    }
  return best;
}

function readCsv(buf: Buffer, table: TableBuilder): void {
  let text = decode(buf).replace(/^\uFEFF/, '');
  let record = 0; // the row number Excel shows
  // Excel's own hint line "sep=;" names the separator and is not data (Excel hides it too).
  const hint = /^sep=(.)\r?\n/i.exec(text);
  if (hint) text = text.slice(hint[0].length); // Excel does not show it as a row either
  Papa.parse<string[]>(text, {
    delimiter: hint?.[1] ?? detectDelimiter(text),
    skipEmptyLines: false,
    step: (res, parser) => {
      record++;
      const cells: [number, string][] = res.data.map((v, i) => [i + 1, v]);
      if (!table.add(record, cells)) parser.abort();
      if (res.errors.some((e) => e.type === 'Quotes'))
        table.cellError(record, cells.length, 'Tanda kutip (") tidak tertutup; periksa baris ini');
    },
  });
}
