// Spreadsheet import over plain HTTP (outside tRPC): the file's bytes go up with XMLHttpRequest so
// the page can show upload progress, then the import job is polled until it is done or failed.
// Contract: POST /api/import/:kind → 202 { jobId }; GET /api/import/jobs/:jobId → ImportJob.

import { CSRF_HEADER, csrfToken } from '../csrf';

export const IMPORT_KINDS = ['realisasi', 'progres', 'layanan', 'aduan'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const JOB_STATES = ['parsing', 'validating', 'writing', 'done', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface ImportRowError {
  row: number;
  column: string;
  message: string;
}

export interface ImportJob {
  state: JobState;
  done: number;
  total: number | null;
  result?: { written: number; unchanged: number };
  errors?: ImportRowError[];
  error?: string;
}

/** How often a running job is asked for its progress. */
export const JOB_POLL_MS = 500;

export function isImportKind(v: unknown): v is ImportKind {
  return typeof v === 'string' && (IMPORT_KINDS as readonly string[]).includes(v);
}

const rec = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The job as the server answered it, checked field by field; null when it is not a job. */
export function parseJob(json: unknown): ImportJob | null {
  if (!rec(json) || !(JOB_STATES as readonly unknown[]).includes(json.state)) return null;
  const job: ImportJob = {
    state: json.state as JobState,
    done: typeof json.done === 'number' ? json.done : 0,
    total: typeof json.total === 'number' ? json.total : null,
  };
  if (rec(json.result)) {
    job.result = {
      written: Number(json.result.written) || 0,
      unchanged: Number(json.result.unchanged) || 0,
    };
  }
  if (Array.isArray(json.errors)) {
    job.errors = json.errors.filter(rec).map((e) => ({
      row: typeof e.row === 'number' ? e.row : 0,
      column: typeof e.column === 'string' ? e.column : '',
      message: typeof e.message === 'string' ? e.message : String(e.message ?? ''),
    }));
  }
  if (typeof json.error === 'string') job.error = json.error;
  return job;
}

/** Share of the job done, 0–1; null while the total is unknown (the bar is then indeterminate). */
export function jobFraction(job: Pick<ImportJob, 'done' | 'total' | 'state'>): number | null {
  if (job.state === 'done') return 1;
  if (job.total === null || job.total <= 0) return null;
  return Math.min(1, Math.max(0, job.done / job.total));
}

export function isFinished(job: Pick<ImportJob, 'state'>): boolean {
  return job.state === 'done' || job.state === 'failed';
}

/**
 * The x-file-name header value. Headers carry only Latin-1: a plain ASCII name goes as it is, any
 * other name (or one with '%') percent-encoded, so the server can decodeURIComponent either way.
 */
export function fileNameHeader(name: string): string {
  return /^[\x20-\x24\x26-\x7e]*$/.test(name) ? name : encodeURIComponent(name);
}

export class UploadError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

function errorText(xhr: XMLHttpRequest): string | null {
  try {
    const body = JSON.parse(xhr.responseText) as unknown;
    return rec(body) && typeof body.error === 'string' ? body.error : null;
  } catch {
    return null;
  }
}

/** Sends the file; resolves with the job id once the server accepted it (202). */
export function uploadImport(
  kind: ImportKind,
  file: File,
  opts: {
    onProgress?: (loaded: number, total: number) => void;
    signal?: AbortSignal;
    networkMessage: string;
  },
): Promise<{ jobId: string }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/import/${kind}`);
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.setRequestHeader('x-file-name', fileNameHeader(file.name));
    const token = csrfToken();
    if (token) xhr.setRequestHeader(CSRF_HEADER, token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) opts.onProgress?.(e.loaded, e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          const body = JSON.parse(xhr.responseText) as unknown;
          if (rec(body) && (typeof body.jobId === 'string' || typeof body.jobId === 'number')) {
            resolve({ jobId: String(body.jobId) });
            return;
          }
        } catch {
          // fall through to the error below
        }
      }
      reject(new UploadError(errorText(xhr) ?? `${opts.networkMessage} (HTTP ${xhr.status})`, xhr.status));
    };
    xhr.onerror = () => reject(new UploadError(opts.networkMessage, 0));
    xhr.onabort = () => reject(new UploadError(opts.networkMessage, 0));
    opts.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

/** One look at a job's progress. */
export async function fetchJob(
  jobId: string,
  networkMessage: string,
  signal?: AbortSignal,
): Promise<ImportJob> {
  const res = await fetch(`/api/import/jobs/${encodeURIComponent(jobId)}`, {
    headers: { accept: 'application/json' },
    credentials: 'same-origin',
    ...(signal ? { signal } : {}),
  });
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON: handled below
  }
  const job = res.ok ? parseJob(body) : null;
  if (!job) {
    const msg =
      rec(body) && typeof body.error === 'string' ? body.error : `${networkMessage} (HTTP ${res.status})`;
    throw new UploadError(msg, res.status);
  }
  return job;
}

/** Download URLs: the template of a form kind, and the exports. */
export function templateUrl(kind: ImportKind, year: number, opdCode: string | null): string {
  const q = new URLSearchParams({ year: String(year) });
  if (opdCode) q.set('opd', opdCode);
  return `/api/import/${kind}/template?${q}`;
}

export type ExportTable =
  | 'realisasi'
  | 'kepatuhan'
  | 'audit'
  | 'progres'
  | 'verifikasi'
  | 'spbe'
  | 'pengguna';
export type ExportFormat = 'xlsx' | 'csv';

export function exportUrl(
  table: ExportTable,
  format: ExportFormat,
  params: Record<string, string | number | null | undefined>,
): string {
  const q = new URLSearchParams({ format });
  for (const [k, v] of Object.entries(params))
    if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  return `/api/export/${table}?${q}`;
}
