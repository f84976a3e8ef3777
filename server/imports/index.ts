// Spreadsheet and CSV imports of OPD figures, templates to fill in, and table exports. The flow:
//   parseFile (hostile-file checks, streaming read) → validateRows (every row, shared zod schemas,
//   codes, duplicates, canWrite) → applyImport (one transaction, all or nothing).
// importFile runs the three on the calling thread; runImportInWorker runs them in a worker thread.
export { applyImport, importActor } from './apply';
export { type ExportColumn, exportTable, neutralize } from './export';
export { type CellType, FORM_KINDS, FORMS, type FormColumn, type FormDef, normalizeHeader } from './forms';
export { parseFile } from './parse';
export {
  type ImportOptions,
  type ImportOutcome,
  type ImportPhase,
  type ImportProgress,
  importFile,
  runImportInWorker,
} from './run';
export { templateXlsx } from './template';
export {
  type AduanRow,
  type ApplyResult,
  DEFAULT_LIMITS,
  type FormKind,
  type ImportContext,
  type ImportError,
  type ImportLimits,
  type LayananRow,
  type ParsedTable,
  type ParseResult,
  type ProgresRow,
  type RealisasiRow,
  type ValidRow,
} from './types';
export { FORMULA_MESSAGE, IMPORT_SOURCE, MAX_ERRORS, validateRows } from './validate';
export { parseDateTime, parseNumber, parsePeriod, parseStatus } from './values';
export { MAX_RATIO } from './zip';
