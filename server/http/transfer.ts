// File and machine transfer outside tRPC: spreadsheet imports (upload → job with progress →
// every error listed, all or nothing), XLSX templates, table exports, and the token-authenticated
// feed for systems that already hold the data (queue systems, Lapor MasBuP).
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import express, { type Request, type Response, type Router } from 'express';
import { lockReason } from '../auth/policy';
import { resolvePrincipal } from '../auth/principal';
import { CSRF_HEADER, csrfMatches } from '../auth/session';
import { complianceOf } from '../compliance';
import { listUsers } from '../db/queries/auth';
import { stageOn } from '../db/queries/budget';
import {
  frameworkForYear,
  opdProgrammesForPeriod,
  opdSubKegiatanForMonth,
  spbeSelfAssessment,
} from '../db/queries/entry';
import { changesAfter, lastChangeId } from '../db/queries/freshness';
import { opdByCode } from '../db/queries/reference';
import { auditForOpd, verificationQueue } from '../db/queries/verification';
import {
  DEFAULT_LIMITS,
  exportTable,
  FORM_KINDS,
  type FormKind,
  type ImportError,
  importActor,
  runImportInWorker,
  templateXlsx,
  type ValidRow,
} from '../imports';
import type { AppContext, Principal } from '../trpc';
import { importFeedRecords } from './feed';

type UserPrincipal = Extract<Principal, { kind: 'user' }>;

interface Job {
  id: string;
  userId: number;
  state: 'parsing' | 'validating' | 'writing' | 'done' | 'failed';
  done: number;
  total: number | null;
  result?: { written: number; unchanged: number };
  errors?: ImportError[];
  error?: string;
  finishedAt?: number;
}

const JOB_TTL_MS = 30 * 60 * 1000;

function fail(res: Response, status: number, error: string): void {
  res.status(status).json({ error });
}

function userOf(
  ctx: AppContext,
  req: Request,
  res: Response,
  roles: readonly string[],
  mutation: boolean,
): UserPrincipal | null {
  const p = resolvePrincipal(ctx.db, req, ctx.clock());
  if (p?.kind !== 'user') {
    fail(res, 401, 'Silakan masuk terlebih dahulu');
    return null;
  }
  if (!roles.includes(p.user.role)) {
    fail(res, 403, 'Peran Anda tidak berwenang untuk tindakan ini');
    return null;
  }
  if (mutation && !csrfMatches(p.csrfToken, req.get(CSRF_HEADER) ?? undefined)) {
    fail(res, 403, 'Token keamanan (CSRF) tidak cocok; muat ulang halaman lalu coba lagi');
    return null;
  }
  return p;
}

/** The OPD an export or template is about: an operator's own, or the one an admin names. */
function opdFor(
  ctx: AppContext,
  p: UserPrincipal,
  code: unknown,
  res: Response,
): { id: number; code: string } | null {
  if (p.user.role === 'opd') {
    if (typeof code === 'string' && code !== '' && code !== p.user.opdCode) {
      fail(res, 403, `Akun ini hanya boleh mengakses data ${p.user.opdCode ?? 'OPD-nya sendiri'}`);
      return null;
    }
    return { id: p.user.opdId ?? 0, code: p.user.opdCode ?? '' };
  }
  const opd = typeof code === 'string' ? opdByCode(ctx.db, code) : undefined;
  if (!opd) {
    fail(res, 400, `Tidak ada OPD dengan kode '${String(code ?? '')}'`);
    return null;
  }
  return { id: opd.id, code: opd.code };
}

/** May this uploader write this row? The same rules as a form save (scope, deadline, reason). */
function canWriteRow(ctx: AppContext, p: UserPrincipal, kind: FormKind, row: ValidRow): string | null {
  const family = kind === 'realisasi' ? 'budget' : kind === 'progres' ? 'masterplan' : null;
  if (p.user.role === 'opd' && row.opdId !== p.user.opdId) {
    return `Akun ini hanya boleh mengisi data ${p.user.opdCode ?? 'OPD-nya sendiri'}`;
  }
  if (family === null || row.opdId === null) return null;
  const locked = lockReason(ctx.db, family, row.period, row.opdId, ctx.clock());
  if (!locked) return null;
  if (p.user.role === 'admin' && 'reason' in row && row.reason) return null;
  return p.user.role === 'admin'
    ? 'Periode sudah dikunci: koreksi oleh admin wajib mengisi kolom Alasan'
    : locked;
}

export function transferRouter(ctx: AppContext): Router {
  const r = express.Router();
  const jobs = new Map<string, Job>();
  const sweep = () => {
    const now = Date.now();
    for (const [id, j] of jobs)
      if (j.finishedAt !== undefined && now - j.finishedAt > JOB_TTL_MS) jobs.delete(id);
  };

  r.post('/import/:kind', async (req, res) => {
    const p = userOf(ctx, req, res, ['admin', 'opd'], true);
    if (!p) return;
    const kind = req.params.kind as FormKind;
    if (!FORM_KINDS.includes(kind))
      return fail(res, 404, `Formulir impor '${req.params.kind}' tidak dikenal`);
    const declared = Number(req.get('content-length') ?? '0');
    if (declared > DEFAULT_LIMITS.maxBytes)
      return fail(res, 413, `Berkas terlalu besar (maks ${DEFAULT_LIMITS.maxBytes / 1024 / 1024} MB)`);
    const name = path.basename(decodeURIComponent(req.get('x-file-name') ?? 'unggahan'));
    if (!/\.(xlsx|csv)$/i.test(name)) return fail(res, 400, 'Berkas harus berformat .xlsx atau .csv');
    // Stream the body to a private temp file, counting bytes: a body over the limit is refused.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'adiguna-impor-'));
    const file = path.join(dir, name);
    let bytes = 0;
    let tooBig = false;
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > DEFAULT_LIMITS.maxBytes && !tooBig) {
        tooBig = true;
        req.unpipe();
        req.resume();
      }
    });
    try {
      await pipeline(req, fs.createWriteStream(file));
    } catch {
      fs.rmSync(dir, { recursive: true, force: true });
      return fail(res, 400, 'Unggahan terputus; coba lagi');
    }
    if (tooBig) {
      fs.rmSync(dir, { recursive: true, force: true });
      return fail(res, 413, `Berkas terlalu besar (maks ${DEFAULT_LIMITS.maxBytes / 1024 / 1024} MB)`);
    }
    sweep();
    const job: Job = { id: randomUUID(), userId: p.user.id, state: 'parsing', done: 0, total: null };
    jobs.set(job.id, job);
    res.status(202).json({ jobId: job.id });
    void runImport(ctx, job, kind, { name, path: file }, p).finally(() => {
      job.finishedAt = Date.now();
      fs.rmSync(dir, { recursive: true, force: true });
    });
  });

  r.get('/import/jobs/:id', (req, res) => {
    const p = userOf(ctx, req, res, ['admin', 'opd'], false);
    if (!p) return;
    const job = jobs.get(req.params.id);
    if (!job || job.userId !== p.user.id) return fail(res, 404, 'Proses impor tidak ditemukan');
    const { userId: _u, finishedAt: _f, ...view } = job;
    res.json(view);
  });

  r.get('/import/:kind/template', async (req, res) => {
    const p = userOf(ctx, req, res, ['admin', 'opd'], false);
    if (!p) return;
    const kind = req.params.kind as FormKind;
    if (!FORM_KINDS.includes(kind))
      return fail(res, 404, `Formulir impor '${req.params.kind}' tidak dikenal`);
    const opd = opdFor(ctx, p, req.query.opd, res);
    if (!opd) return;
    const year = Number(req.query.year ?? new Date(ctx.clock()).getUTCFullYear());
    if (!Number.isInteger(year) || year < 2000 || year > 2100) return fail(res, 400, 'Tahun tidak valid');
    const buf = await templateXlsx(kind, ctx.db, opd.id, year);
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', `attachment; filename="templat-${kind}-${opd.code}-${year}.xlsx"`);
    res.send(buf);
  });

  r.get('/export/:table', async (req, res) => {
    const p = userOf(ctx, req, res, ['admin', 'verifier', 'opd', 'executive'], false);
    if (!p) return;
    const format = req.query.format === 'csv' ? 'csv' : 'xlsx';
    const table = req.params.table;
    let columns: { key: string; header: string }[];
    let rows: Record<string, unknown>[];
    if (table === 'realisasi') {
      const opd = opdFor(ctx, p, req.query.opd, res);
      if (!opd) return;
      const year = Number(req.query.year);
      const month = Number(req.query.month);
      if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12)
        return fail(res, 400, 'Tahun atau bulan tidak valid');
      rows = opdSubKegiatanForMonth(
        ctx.db,
        opd.id,
        year,
        month,
        stageOn(ctx.db, year, new Date(ctx.clock()).toISOString().slice(0, 10)),
      );
      columns = [
        { key: 'code', header: 'Kode Sub Kegiatan' },
        { key: 'name', header: 'Sub Kegiatan' },
        { key: 'paguRp', header: 'Pagu (Rp)' },
        { key: 'sp2dRp', header: 'Realisasi Keuangan SP2D (Rp)' },
        { key: 'spjRp', header: 'SPJ (Rp)' },
        { key: 'fisikPct', header: 'Realisasi Fisik (%)' },
        { key: 'verification', header: 'Status Verifikasi' },
        { key: 'verificationNote', header: 'Catatan Verifikator' },
      ];
    } else if (table === 'kepatuhan') {
      const family = req.query.family === 'masterplan' ? 'masterplan' : 'budget';
      const period = String(req.query.period ?? '');
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) return fail(res, 400, 'Periode harus berformat YYYY-MM');
      rows = complianceOf(ctx.db, family, period, ctx.clock()).rows;
      columns = [
        { key: 'opdCode', header: 'Kode OPD' },
        { key: 'opdName', header: 'OPD' },
        { key: 'state', header: 'Status' },
        { key: 'firstAt', header: 'Pertama Melapor' },
        { key: 'rows', header: 'Jumlah Data' },
        { key: 'expected', header: 'Wajib' },
      ];
    } else if (table === 'progres') {
      const opd = opdFor(ctx, p, req.query.opd, res);
      if (!opd) return;
      const period = String(req.query.period ?? '');
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) return fail(res, 400, 'Periode harus berformat YYYY-MM');
      rows = opdProgrammesForPeriod(ctx.db, opd.id, period).map((r) => ({ ...r }));
      columns = [
        { key: 'code', header: 'Kode Program' },
        { key: 'name', header: 'Program' },
        { key: 'plannedPct', header: 'Rencana (%)' },
        { key: 'physicalPct', header: 'Progres Fisik (%)' },
        { key: 'spentRp', header: 'Anggaran Terserap (Rp)' },
        { key: 'indicatorValue', header: 'Capaian Indikator' },
        { key: 'status', header: 'Status' },
        { key: 'kendala', header: 'Kendala' },
        { key: 'tindakLanjut', header: 'Tindak Lanjut' },
        { key: 'verification', header: 'Status Verifikasi' },
      ];
    } else if (table === 'verifikasi') {
      if (p.user.role !== 'admin' && p.user.role !== 'verifier')
        return fail(res, 403, 'Hanya verifikator dan admin');
      const family = req.query.family === 'masterplan' ? 'masterplan' : 'budget';
      rows = verificationQueue(ctx.db, family, null, 5000).map((r) => ({ ...r }));
      columns = [
        { key: 'opdCode', header: 'Kode OPD' },
        { key: 'code', header: 'Kode' },
        { key: 'name', header: 'Nama' },
        { key: 'period', header: 'Periode' },
        {
          key: family === 'budget' ? 'sp2dRp' : 'physicalPct',
          header: family === 'budget' ? 'SP2D (Rp)' : 'Progres Fisik (%)',
        },
        {
          key: family === 'budget' ? 'fisikPct' : 'kendala',
          header: family === 'budget' ? 'Fisik (%)' : 'Kendala',
        },
        { key: 'enteredAt', header: 'Diisi' },
      ];
    } else if (table === 'spbe') {
      const year = Number(req.query.year);
      const fw = Number.isInteger(year) ? frameworkForYear(ctx.db, year) : undefined;
      if (fw === undefined) return fail(res, 400, 'Tahun penilaian tidak valid');
      rows = spbeSelfAssessment(ctx.db, fw, year).map((r) => ({ ...r }));
      columns = [
        { key: 'no', header: 'No' },
        { key: 'name', header: 'Indikator' },
        { key: 'aspectName', header: 'Aspek' },
        { key: 'weightPct', header: 'Bobot (%)' },
        { key: 'level', header: 'Tingkat Kematangan' },
        { key: 'evidence', header: 'Data Dukung' },
      ];
    } else if (table === 'pengguna') {
      if (p.user.role !== 'admin') return fail(res, 403, 'Hanya admin');
      rows = listUsers(ctx.db).map((u) => ({ ...u, active: u.active === 1 ? 'aktif' : 'nonaktif' }));
      columns = [
        { key: 'username', header: 'Nama Pengguna' },
        { key: 'displayName', header: 'Nama' },
        { key: 'role', header: 'Peran' },
        { key: 'opdCode', header: 'OPD' },
        { key: 'active', header: 'Status' },
      ];
    } else if (table === 'audit') {
      const opd = opdFor(ctx, p, req.query.opd, res);
      if (!opd) return;
      rows = auditForOpd(ctx.db, opd.id, 5000).map((r) => ({ ...r }));
      columns = [
        'at',
        'username',
        'entity',
        'entityId',
        'action',
        'oldJson',
        'newJson',
        'reason',
        'source',
      ].map((key) => ({ key, header: key }));
    } else {
      return fail(res, 404, `Tabel '${table}' tidak dapat diekspor`);
    }
    const buf = await exportTable(columns, rows, format);
    res.setHeader(
      'Content-Type',
      format === 'csv'
        ? 'text/csv; charset=utf-8'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    res.setHeader('Content-Disposition', `attachment; filename="${table}.${format}"`);
    res.send(buf);
  });

  r.post('/feed/:kind', express.json({ limit: '5mb' }), (req, res) => importFeedRecords(ctx, req, res));

  return r;
}

/**
 * One import at a time, in a worker thread with its own SQLite connection: parsing, validating and
 * writing 100 000 rows takes seconds that the wall screens' event loop must not wait for. The
 * worker asks this thread for the write policy (the session's role) in batches.
 */
let importQueue: Promise<void> = Promise.resolve();

function runImport(
  ctx: AppContext,
  job: Job,
  kind: FormKind,
  file: { name: string; path: string },
  p: UserPrincipal,
): Promise<void> {
  const run = importQueue.then(() => runImportNow(ctx, job, kind, file, p));
  importQueue = run.catch(() => {});
  return run;
}

const PHASE_STATE = {
  parse: 'parsing',
  validate: 'validating',
  check: 'validating',
  write: 'writing',
} as const;

async function runImportNow(
  ctx: AppContext,
  job: Job,
  kind: FormKind,
  file: { name: string; path: string },
  p: UserPrincipal,
): Promise<void> {
  try {
    const before = lastChangeId(ctx.db);
    const outcome = await runImportInWorker(file, kind, {
      dbPath: ctx.db.name,
      actor: importActor(p.user.id, file.name),
      nowMs: ctx.clock(),
      opdId: p.user.opdId,
      limits: DEFAULT_LIMITS,
      canWrite: (k, row) => canWriteRow(ctx, p, k, row),
      onProgress: (pr) => {
        job.state = PHASE_STATE[pr.phase];
        job.done = pr.done;
        job.total = pr.total ?? job.total;
      },
    });
    job.total = outcome.rows;
    if (outcome.errors.length > 0) {
      Object.assign(job, {
        state: 'failed',
        errors: outcome.errors,
        error: 'Berkas ditolak; tidak ada data yang disimpan',
      });
      return;
    }
    for (const c of changesAfter(ctx.db, before, 10_000)) ctx.bus.publish(c);
    Object.assign(job, {
      state: 'done',
      done: outcome.rows,
      result: { written: outcome.written, unchanged: outcome.unchanged },
    });
  } catch (err) {
    Object.assign(job, {
      state: 'failed',
      error: `Impor gagal; tidak ada data yang disimpan (${(err as Error).message})`,
    });
  }
}
