// The whole import of one file (parse → validate → write), either on the calling thread
// (importFile) or in a worker thread with its own SQLite connection (runImportInWorker), so a
// 100 000-row file never blocks the server's event loop. The worker asks the main thread for the
// write-policy decisions (canWrite holds the session's role and is not transferable).
import { Worker } from 'node:worker_threads';
import type { Db } from '../db/connection';
import type { Actor } from '../writes/index';
import { applyImport } from './apply';
import { parseFile } from './parse';
import { DEFAULT_LIMITS, type FormKind, type ImportError, type ImportLimits, type ValidRow } from './types';
import { checkRows, ownerColumn, sortErrors } from './validate';

export type ImportPhase = 'parse' | 'validate' | 'check' | 'write';

export interface ImportProgress {
  phase: ImportPhase;
  done: number;
  total: number | null;
}

export interface ImportOutcome {
  /** Data rows read from the file. */
  rows: number;
  /** Rows that passed validation (all of them, when errors is empty). */
  valid: number;
  /** Every problem; non-empty means nothing was written. */
  errors: ImportError[];
  written: number;
  unchanged: number;
  changeIds: number[];
  timings: { parseMs: number; validateMs: number; writeMs: number };
}

export interface ImportOptions {
  actor: Actor;
  nowMs: number;
  limits?: ImportLimits;
  /** Validate only: report errors and row counts, write nothing. */
  dryRun?: boolean;
  /** The uploader's OPD (picks a sub kegiatan when one code is used by several OPDs). */
  opdId?: number | null;
  canWrite?: (kind: FormKind, row: ValidRow) => string | null;
  onProgress?: (p: ImportProgress) => void;
}

/** Write-policy decisions for a batch of rows, one reason (or null) per row. */
type Check = (rows: ValidRow[]) => (string | null)[] | Promise<(string | null)[]>;

const CHECK_BATCH = 2000;

export async function runPipeline(
  kind: FormKind,
  file: { name: string; path: string },
  db: Db,
  opts: Omit<ImportOptions, 'canWrite'>,
  check: Check | null,
): Promise<ImportOutcome> {
  const progress = (phase: ImportPhase) => (done: number, total: number | null) =>
    opts.onProgress?.({ phase, done, total });
  const t0 = performance.now();
  const parsed = await parseFile(file, opts.limits ?? DEFAULT_LIMITS, progress('parse'));
  const t1 = performance.now();
  if (parsed.errors.some((e) => e.row === 0)) {
    // The file as a whole was refused (size, zip bomb, not a spreadsheet, no header): nothing to check.
    return {
      rows: parsed.rows.length,
      valid: 0,
      errors: parsed.errors,
      written: 0,
      unchanged: 0,
      changeIds: [],
      timings: { parseMs: t1 - t0, validateMs: 0, writeMs: 0 },
    };
  }
  const checked = checkRows(kind, parsed, db, {
    opdId: opts.opdId ?? null,
    onProgress: progress('validate'),
  });
  const errors = [...parsed.errors, ...checked.errors];
  const valid: ValidRow[] = [];
  if (check) {
    const column = ownerColumn(kind);
    for (let i = 0; i < checked.valid.length; i += CHECK_BATCH) {
      const batch = checked.valid.slice(i, i + CHECK_BATCH);
      const reasons = await check(batch);
      batch.forEach((r, j) => {
        const reason = reasons[j];
        if (reason) errors.push({ row: r.row, column, message: reason });
        else valid.push(r);
      });
      progress('check')(Math.min(i + CHECK_BATCH, checked.valid.length), checked.valid.length);
    }
  } else valid.push(...checked.valid);
  const t2 = performance.now();
  const outcome: ImportOutcome = {
    rows: parsed.rows.length,
    valid: valid.length,
    errors: sortErrors(kind, errors),
    written: 0,
    unchanged: 0,
    changeIds: [],
    timings: { parseMs: t1 - t0, validateMs: t2 - t1, writeMs: 0 },
  };
  if (errors.length > 0 || opts.dryRun) return outcome;
  const res = applyImport(kind, valid, opts.actor, opts.nowMs, db, progress('write'));
  outcome.timings.writeMs = performance.now() - t2;
  return { ...outcome, ...res };
}

/** The whole import on the calling thread (tests, small files, CLI). */
export function importFile(
  kind: FormKind,
  file: { name: string; path: string },
  db: Db,
  opts: ImportOptions,
): Promise<ImportOutcome> {
  const { canWrite, ...rest } = opts;
  return runPipeline(kind, file, db, rest, canWrite ? (rows) => rows.map((r) => canWrite(kind, r)) : null);
}

export interface WorkerInput {
  kind: FormKind;
  file: { name: string; path: string };
  dbPath: string;
  actor: Actor;
  nowMs: number;
  limits: ImportLimits;
  dryRun: boolean;
  opdId: number | null;
  askCanWrite: boolean;
}

export type WorkerMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'canWrite'; id: number; rows: ValidRow[] }
  | { type: 'done'; outcome: ImportOutcome }
  | { type: 'failed'; message: string };

export type MainMessage = { type: 'canWriteResult'; id: number; reasons: (string | null)[] };

/**
 * Imports a file in a worker thread with its own connection to the SQLite file at `dbPath`.
 * Resolves with the outcome (errors included); rejects only when the worker itself fails.
 */
export function runImportInWorker(
  file: { name: string; path: string },
  kind: FormKind,
  opts: ImportOptions & { dbPath: string },
): Promise<ImportOutcome> {
  const input: WorkerInput = {
    kind,
    file: { name: file.name, path: file.path },
    dbPath: opts.dbPath,
    actor: opts.actor,
    nowMs: opts.nowMs,
    limits: opts.limits ?? DEFAULT_LIMITS,
    dryRun: opts.dryRun ?? false,
    opdId: opts.opdId ?? null,
    askCanWrite: !!opts.canWrite,
  };
  return new Promise((resolve, reject) => {
    // worker-boot.mjs registers tsx in the thread, then imports worker.ts (see its header).
    const worker = new Worker(new URL('./worker-boot.mjs', import.meta.url), { workerData: input });
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      f();
    };
    worker.on('message', (m: WorkerMessage) => {
      switch (m.type) {
        case 'progress':
          opts.onProgress?.(m.progress);
          break;
        case 'canWrite': {
          const reply: MainMessage = {
            type: 'canWriteResult',
            id: m.id,
            reasons: m.rows.map((r) => opts.canWrite?.(kind, r) ?? null),
          };
          worker.postMessage(reply);
          break;
        }
        // tsx's loader keeps a port open in the thread, so the thread is ended here, not left to exit.
        case 'done':
          settle(() => resolve(m.outcome));
          void worker.terminate();
          break;
        case 'failed':
          settle(() => reject(new Error(`Impor gagal: ${m.message}`)));
          void worker.terminate();
          break;
      }
    });
    worker.on('error', (err) =>
      settle(() => reject(new Error(`Impor gagal: ${err.message}`, { cause: err }))),
    );
    worker.on('exit', (code) =>
      settle(() => reject(new Error(`Impor gagal: worker berhenti (kode ${code}) sebelum selesai`))),
    );
  });
}
