// Tables out as XLSX or CSV for Indonesian Excel. Both neutralise formula injection: a text cell
// starting with = + - @ tab or CR gets a leading apostrophe, so Excel shows it as text instead of
// running it. Numbers stay numbers; instants are shown as WIB wall-clock time.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { WIB_OFFSET_MS } from '../../shared/time';

export interface ExportColumn {
  key: string;
  header: string;
}

const DANGEROUS = /^[=+\-@\t\r]/;

/** Text that a spreadsheet would treat as a formula gets a leading apostrophe. */
export function neutralize(s: string): string {
  return DANGEROUS.test(s) ? `'${s}` : s;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM-DD HH:MM' in WIB: the notation the importer reads back. */
function wibText(d: Date): string {
  const t = new Date(d.getTime() + WIB_OFFSET_MS);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
}

function textOf(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'Ya' : 'Tidak';
  if (typeof v === 'bigint') return v.toString();
  return JSON.stringify(v) ?? '';
}

/** One CSV field: Indonesian decimal comma for numbers, quoted when it holds ; " CR or LF. */
function csvField(v: unknown): string {
  let s: string;
  if (typeof v === 'number') s = Number.isFinite(v) ? String(v).replace('.', ',') : '';
  else if (v instanceof Date) s = Number.isNaN(v.getTime()) ? '' : wibText(v);
  else s = neutralize(textOf(v));
  return /[;"\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

function toCsv(columns: ExportColumn[], rows: Record<string, unknown>[]): Buffer {
  const lines = [columns.map((c) => csvField(c.header)).join(';')];
  for (const r of rows) lines.push(columns.map((c) => csvField(r[c.key])).join(';'));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}

async function toXlsx(columns: ExportColumn[], rows: Record<string, unknown>[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = 'Adiguna';
  const ws = wb.addWorksheet('Data', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ key: c.key, width: Math.min(60, Math.max(10, c.header.length + 2)) }));
  const head = ws.addRow(columns.map((c) => neutralize(c.header)));
  head.font = { bold: true };
  head.commit();
  for (const r of rows) {
    const row = ws.addRow(
      columns.map((c) => {
        const v = r[c.key];
        if (typeof v === 'number') return Number.isFinite(v) ? v : null;
        // Excel has no zones: store the WIB wall clock so the sheet shows what Purbalingga saw.
        if (v instanceof Date)
          return Number.isNaN(v.getTime()) ? null : new Date(v.getTime() + WIB_OFFSET_MS);
        const s = neutralize(textOf(v));
        return s === '' ? null : s;
      }),
    );
    columns.forEach((c, i) => {
      if (r[c.key] instanceof Date) row.getCell(i + 1).numFmt = 'dd/mm/yyyy hh:mm';
    });
    row.commit();
  }
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

export async function exportTable(
  columns: ExportColumn[],
  rows: Record<string, unknown>[],
  format: 'xlsx' | 'csv',
): Promise<Buffer> {
  return format === 'csv' ? toCsv(columns, rows) : toXlsx(columns, rows);
}
