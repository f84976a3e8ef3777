// Turns parsed cell text into rows ready to write, checking every row (never stopping at the first
// problem): headers against the form, each cell's notation (values.ts), the shared zod entry
// schema (shared/entry.ts, the same one the forms use), codes against the reference data,
// duplicates inside the file, earlier imports, and finally the caller's write policy (canWrite).
import type { Db } from '../db/connection';
import { FORMS, type FormColumn, normalizeHeader } from './forms';
import { builders, type Cells, duplicateKey, Lookups, RowErrors, type Value } from './rows';
import type { FormKind, ImportContext, ImportError, ParsedTable, ValidRow } from './types';
import { parseDateTime, parseNumber, parsePeriod, parseStatus } from './values';

export { IMPORT_SOURCE } from './types';

/** More errors than this are summarised: nobody reads half a million lines. */
export const MAX_ERRORS = 5000;
export const FORMULA_MESSAGE = 'Sel berisi rumus; isi dengan nilai';
/** Excel's error values, as an .xlsx error cell or as the text a CSV saved by Excel holds. */
const EXCEL_ERROR = /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!)$/;

/** Columns a template pre-fills: a row with nothing else filled in is skipped, not an error. */
const PREFILLED: Record<FormKind, ReadonlySet<string>> = {
  realisasi: new Set(['subKegiatanCode', 'subKegiatanName', 'year']),
  progres: new Set(['programmeCode', 'programmeName']),
  layanan: new Set(),
  aduan: new Set(),
};

/** The column a write-policy refusal is reported against. */
const OWNER_COLUMN: Record<FormKind, string> = {
  realisasi: 'subKegiatanCode',
  progres: 'programmeCode',
  layanan: 'serviceCode',
  aduan: 'opdCode',
};

/** Everything per-row except the write policy; shared by validateRows and the worker. */
export function checkRows(
  kind: FormKind,
  parsed: ParsedTable,
  db: Db,
  opts: { opdId?: number | null; onProgress?: (done: number, total: number | null) => void } = {},
): { valid: ValidRow[]; errors: ImportError[] } {
  const form = FORMS[kind];
  const errors: ImportError[] = [];
  const headerRow = parsed.headerRow ?? 1;
  const byKey = new Map(form.columns.map((c) => [c.key, c]));
  const byNorm = new Map(form.columns.map((c) => [normalizeHeader(c.header), c]));

  // Headers: every known column once, nothing unknown, every required column present.
  const columnOf = new Map<string, FormColumn>(); // header text in the file → column
  const present = new Set<string>();
  for (const h of parsed.header) {
    const c = byNorm.get(normalizeHeader(h));
    if (!c) {
      errors.push({
        row: headerRow,
        column: h,
        message: `Kolom "${h}" tidak dikenal pada formulir ${form.title}; hapus kolom ini atau perbaiki judulnya`,
      });
    } else if (present.has(c.key)) {
      errors.push({ row: headerRow, column: h, message: `Kolom "${c.header}" muncul lebih dari sekali` });
    } else {
      present.add(c.key);
      columnOf.set(h, c);
    }
  }
  for (const c of form.columns)
    if (c.required && !present.has(c.key))
      errors.push({ row: headerRow, column: c.header, message: `Kolom wajib "${c.header}" tidak ada` });

  const lookups = new Lookups(db);
  const build = builders(kind, lookups, opts.opdId ?? null, db);
  const valid: ValidRow[] = [];
  const seen = new Map<string, number>(); // duplicate key → first row
  const total = parsed.rows.length;
  const prefilled = PREFILLED[kind];
  for (let i = 0; i < total; i++) {
    const rec = parsed.rows[i] as Record<string, string>;
    const rowNo = parsed.rowNumbers?.[i] ?? i + 2;
    if (opts.onProgress && i > 0 && i % 5000 === 0) opts.onProgress(i, total);
    const first = Object.values(rec).find((v) => v.trim() !== '');
    if (first === undefined || /^contoh\s*:/i.test(first.trim())) continue; // the template's example row
    const e = new RowErrors(rowNo, errors, byKey, present);
    // A formula anywhere (even in an unknown column) is refused, never evaluated; so is an Excel error value.
    for (const [h, raw] of Object.entries(rec)) {
      const v = raw.trim();
      const message = v.startsWith('=')
        ? FORMULA_MESSAGE
        : EXCEL_ERROR.test(v)
          ? `Sel berisi galat Excel ${v}; isi dengan nilai`
          : null;
      if (message === null) continue;
      const c = columnOf.get(h);
      if (c) e.fail(c.key, message);
      else errors.push({ row: rowNo, column: h, message });
    }
    let filled = false;
    const cells: Cells = {};
    for (const [h, c] of columnOf) {
      const raw = (rec[h] ?? '').replace(/\u00A0/g, ' ').trim();
      if (raw !== '' && !prefilled.has(c.key) && c.type !== 'info') filled = true;
      cells[c.key] = null;
      if (e.has(c.key) || c.type === 'info') continue;
      if (raw === '') {
        if (c.required) e.fail(c.key, `Kolom "${c.header}" wajib diisi`);
        continue;
      }
      const v = convert(c, raw);
      if (v.ok) cells[c.key] = v.value;
      else e.fail(c.key, v.message);
    }
    if (!filled && prefilled.size > 0) {
      // A pre-filled template row the OPD left empty: not an error. Drop what it collected.
      while (errors.length > 0 && errors[errors.length - 1]?.row === rowNo) errors.pop();
      continue;
    }
    const row = build({ cells, e, present });
    if (!row) continue;
    const key = duplicateKey(row);
    const earlier = seen.get(key.id);
    if (earlier !== undefined) {
      e.fail(key.column, `${key.label} sudah ada di baris ${earlier}`);
      continue;
    }
    seen.set(key.id, rowNo);
    if (e.ok) valid.push(row);
  }
  opts.onProgress?.(total, total);
  return { valid, errors };
}

function convert(c: FormColumn, raw: string): { ok: true; value: Value } | { ok: false; message: string } {
  switch (c.type) {
    case 'int':
    case 'rupiah':
      return parseNumber(raw, true);
    case 'pct':
    case 'decimal':
      return parseNumber(raw, false);
    case 'datetime':
      return parseDateTime(raw);
    case 'period':
      return parsePeriod(raw);
    case 'status':
      return parseStatus(raw);
    default:
      return { ok: true, value: raw };
  }
}

/** Errors in reading order: by row, then by the form's column order. */
export function sortErrors(kind: FormKind, errors: ImportError[]): ImportError[] {
  const order = new Map(FORMS[kind].columns.map((c, i) => [c.header, i]));
  const sorted = errors
    .map((e, i) => ({ e, i }))
    .sort(
      (a, b) =>
        a.e.row - b.e.row || (order.get(a.e.column) ?? 999) - (order.get(b.e.column) ?? 999) || a.i - b.i,
    )
    .map((x) => x.e);
  if (sorted.length <= MAX_ERRORS) return sorted;
  const rest = sorted.length - MAX_ERRORS;
  return [
    ...sorted.slice(0, MAX_ERRORS),
    {
      row: 0,
      column: '',
      message: `… dan ${rest.toLocaleString('id-ID')} galat lain tidak ditampilkan; perbaiki yang di atas dahulu`,
    },
  ];
}

/** The write-policy column of a form (its header), for refusals from canWrite. */
export function ownerColumn(kind: FormKind): string {
  const key = OWNER_COLUMN[kind];
  return FORMS[kind].columns.find((c) => c.key === key)?.header ?? '';
}

/**
 * Every row checked; `valid` holds the rows that passed (write them only when `errors` is empty:
 * an import is all-or-nothing).
 */
export function validateRows(
  kind: FormKind,
  parsed: ParsedTable,
  ctx: ImportContext,
): { valid: ValidRow[]; errors: ImportError[] } {
  const checked = checkRows(kind, parsed, ctx.db, { opdId: ctx.opdId ?? null, onProgress: ctx.onProgress });
  const errors = checked.errors;
  const valid: ValidRow[] = [];
  const column = ownerColumn(kind);
  for (const r of checked.valid) {
    const reason = ctx.canWrite(kind, r);
    if (reason) errors.push({ row: r.row, column, message: reason });
    else valid.push(r);
  }
  return { valid, errors: sortErrors(kind, errors) };
}
