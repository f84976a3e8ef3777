// Types shared by the import pipeline (parse → validate → apply) and its worker.
import type { Db } from '../db/connection';
import type { ServiceBatchRow } from '../writes/batch';
import type { ComplaintWrite, ProgressWrite, RealisationWrite } from '../writes/index';

export type FormKind = 'realisasi' | 'progres' | 'layanan' | 'aduan';

/** Records written by an import carry this source; idempotency of layanan and aduan is per source. */
export const IMPORT_SOURCE = 'import';

/**
 * One problem found in a file. `row` is the spreadsheet row number as the user sees it (the
 * header is row 1; 0 means the file as a whole), `column` the Indonesian header text ('' when the
 * problem is not about one column), `message` Indonesian.
 */
export interface ImportError {
  row: number;
  column: string;
  message: string;
}

export interface ImportLimits {
  /** Size of the uploaded file. */
  maxBytes: number;
  /** Data rows (the header and empty rows do not count). */
  maxRows: number;
  /** XLSX: the sum of the zip entries' uncompressed sizes. */
  maxUncompressedBytes: number;
}

export const DEFAULT_LIMITS: ImportLimits = {
  maxBytes: 25 * 1024 * 1024,
  maxRows: 200_000,
  maxUncompressedBytes: 200 * 1024 * 1024,
};

/** What parseFile hands to validateRows: cells keyed by the header text as written in the file. */
export interface ParsedTable {
  header: string[];
  rows: Record<string, string>[];
  /** Spreadsheet row number of each entry of `rows`; without it row i is taken to be i + 2. */
  rowNumbers?: number[];
  /** Spreadsheet row number of the header (the first non-empty row); 1 when absent. */
  headerRow?: number;
}

export interface ParseResult extends ParsedTable {
  rowNumbers: number[];
  errors: ImportError[];
}

interface RowBase {
  /** Spreadsheet row number. */
  row: number;
  /** The OPD that owns the figure (sub kegiatan's OPD, programme coordinator, service's OPD, the complaint's OPD). */
  opdId: number | null;
  /** WIB month the figure belongs to, 'YYYY-MM' (for locked-period checks). */
  period: string;
}

export interface RealisasiRow extends RowBase {
  kind: 'realisasi';
  code: string;
  year: number;
  reason: string | null;
  write: RealisationWrite;
}

export interface ProgresRow extends RowBase {
  kind: 'progres';
  code: string;
  reason: string | null;
  write: ProgressWrite;
}

export interface LayananRow extends RowBase {
  kind: 'layanan';
  serviceCode: string;
  write: ServiceBatchRow;
}

export interface AduanRow extends RowBase {
  kind: 'aduan';
  /** A complaint with this ID Sumber was imported before with the same values: nothing to write. */
  existing: boolean;
  write: ComplaintWrite;
}

export type ValidRow = RealisasiRow | ProgresRow | LayananRow | AduanRow;

export interface ImportContext {
  db: Db;
  /** Returns an Indonesian reason when this row may not be written by the uploader (other OPD, locked period), else null. */
  canWrite(kind: FormKind, row: ValidRow): string | null;
  onProgress?(done: number, total: number | null): void;
  /** The uploader's OPD: picks the sub kegiatan when one code is used by several OPDs in a year. */
  opdId?: number | null;
}

export interface ApplyResult {
  written: number;
  unchanged: number;
  changeIds: number[];
}
