// Per-row machinery of validate.ts: the error collector (one error per column), the reference
// codes loaded once per file, and one builder per form that maps converted cells onto the shared
// zod entry schema, resolves codes to ids and checks earlier imports.
import type { z } from 'zod';
import { complaintEntry, progressEntry, realisationEntry, serviceRecordEntry } from '../../shared/entry';
import { yearSchema } from '../../shared/schemas';
import { wibMonth } from '../../shared/time';
import type { Db } from '../db/connection';
import { recordBySourceId } from '../db/queries/services';
import type { FormColumn } from './forms';
import {
  anyImportedServiceRecord,
  complaintBySourceId,
  complaintCodes,
  kecamatanCodes,
  type OwnedCodeRow,
  opdCodes,
  programmeCodes,
  serviceCodes,
  subKegiatanOfYear,
} from './queries';
import { type FormKind, IMPORT_SOURCE, type ImportError, type ValidRow } from './types';

export type Value = string | number | null;
export type Cells = Record<string, Value>;

/** Per-row error collector: at most one error per column, the first one found. */
export class RowErrors {
  private readonly bad = new Set<string>();
  constructor(
    readonly row: number,
    private readonly out: ImportError[],
    private readonly byKey: Map<string, FormColumn>,
    private readonly present: ReadonlySet<string>,
  ) {}
  fail(key: string, message: string): void {
    const header = this.byKey.get(key)?.header ?? key;
    if (this.bad.has(key)) return;
    this.bad.add(key);
    this.out.push({ row: this.row, column: header, message });
  }
  has(key: string): boolean {
    return this.bad.has(key);
  }
  get ok(): boolean {
    return this.bad.size === 0;
  }
  /** zod issues, reported against the column their field comes from (fields → form keys). */
  schema(error: z.ZodError, fieldToKey: Record<string, string>, skip: readonly string[] = []): void {
    for (const issue of error.issues) {
      const field = String(issue.path[0] ?? '');
      if (skip.includes(field)) continue;
      const key = fieldToKey[field] ?? field;
      if (this.byKey.has(key) && !this.present.has(key)) continue; // the missing column is reported once, on row 1
      this.fail(key, issue.message);
    }
  }
}

/** Reference codes, loaded once per validation. Codes compare case-insensitively. */
export class Lookups {
  readonly services: Map<string, OwnedCodeRow>;
  readonly kecamatan = new Map<string, { id: number; code: string }>();
  readonly opds: Map<string, { id: number; code: string }>;
  readonly programmes: Map<string, OwnedCodeRow>;
  readonly channels: Map<string, string>;
  readonly topics: Map<string, string>;
  readonly categories: Map<string, string>;
  private readonly subKegiatan = new Map<number, Map<string, OwnedCodeRow[]>>();
  readonly anyImportedService: boolean;

  constructor(private readonly db: Db) {
    const byCode = <T extends { code: string }>(rows: T[]) =>
      new Map(rows.map((r) => [r.code.toUpperCase(), r]));
    this.services = byCode(serviceCodes(db));
    for (const k of kecamatanCodes(db)) {
      this.kecamatan.set(k.code.toUpperCase(), k);
      this.kecamatan.set(k.bpsCode, k);
    }
    this.opds = byCode(opdCodes(db));
    this.programmes = byCode(programmeCodes(db));
    const c = complaintCodes(db);
    const lower = (codes: string[]) => new Map(codes.map((x) => [x.toLowerCase(), x]));
    this.channels = lower(c.channels);
    this.topics = lower(c.topics);
    this.categories = lower(c.categories);
    this.anyImportedService = anyImportedServiceRecord(db, IMPORT_SOURCE);
  }

  subKegiatanOf(year: number, code: string): OwnedCodeRow[] {
    let m = this.subKegiatan.get(year);
    if (!m) {
      m = new Map();
      for (const s of subKegiatanOfYear(this.db, year)) {
        const list = m.get(s.code) ?? [];
        list.push(s);
        m.set(s.code, list);
      }
      this.subKegiatan.set(year, m);
    }
    return m.get(code) ?? [];
  }
}

type Cell = Value | undefined;
const str = (v: Cell): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: Cell): number | undefined => (typeof v === 'number' ? v : undefined);
const iso = (v: Cell): string | undefined => (typeof v === 'number' ? new Date(v).toISOString() : undefined);
const pad2 = (n: number) => String(n).padStart(2, '0');

export interface RowInput {
  cells: Cells;
  e: RowErrors;
  /** Form keys whose column exists in the file. */
  present: ReadonlySet<string>;
}

export type Builder = (input: RowInput) => ValidRow | null;

export function duplicateKey(r: ValidRow): { id: string; column: string; label: string } {
  switch (r.kind) {
    case 'realisasi':
      return {
        id: `${r.write.subKegiatanId}:${r.write.month}`,
        column: 'subKegiatanCode',
        label: `Duplikat: sub kegiatan ${r.code} bulan ${r.write.month}`,
      };
    case 'progres':
      return {
        id: `${r.write.programmeId}:${r.write.period}`,
        column: 'programmeCode',
        label: `Duplikat: program ${r.code} periode ${r.write.period}`,
      };
    case 'layanan':
      return {
        id: r.write.sourceId ?? '',
        column: 'sourceId',
        label: `Duplikat: ID Sumber "${r.write.sourceId}"`,
      };
    case 'aduan':
      return {
        id: r.write.sourceId ?? '',
        column: 'sourceId',
        label: `Duplikat: ID Sumber "${r.write.sourceId}"`,
      };
  }
}

export function builders(kind: FormKind, l: Lookups, uploaderOpd: number | null, db: Db): Builder {
  /** Resolve a code column; reports an unknown code on its column. */
  const resolve = <T>(
    e: RowErrors,
    key: string,
    v: Cell,
    map: Map<string, T>,
    what: string,
    norm: (s: string) => string = (s) => s.toUpperCase(),
  ): T | null | undefined => {
    const code = str(v);
    if (code === null || e.has(key)) return null;
    const hit = map.get(norm(code));
    if (hit === undefined) e.fail(key, `${what} "${code}" tidak dikenal`);
    return hit;
  };

  switch (kind) {
    case 'realisasi':
      return ({ cells, e }) => {
        const year = num(cells.year);
        if (year !== undefined) {
          const y = yearSchema.safeParse(year);
          if (!y.success) e.fail('year', y.error.issues[0]?.message ?? 'Tahun tidak sah');
        }
        const code = str(cells.subKegiatanCode);
        let sub: OwnedCodeRow | undefined;
        if (code !== null && year !== undefined && !e.has('year')) {
          const hits = l.subKegiatanOf(year, code);
          const mine = hits.filter((s) => s.opdId === uploaderOpd);
          if (hits.length === 0)
            e.fail('subKegiatanCode', `Kode sub kegiatan "${code}" tidak ada pada tahun ${year}`);
          else if (hits.length === 1) sub = hits[0];
          else if (mine.length === 1) sub = mine[0];
          else
            e.fail(
              'subKegiatanCode',
              `Kode sub kegiatan "${code}" dipakai lebih dari satu OPD pada tahun ${year}`,
            );
        }
        const parsed = realisationEntry.safeParse({
          subKegiatanId: sub?.id,
          month: num(cells.month),
          sp2dRp: num(cells.sp2dRp),
          spjRp: cells.spjRp === null || cells.spjRp === undefined ? 0 : num(cells.spjRp),
          fisikPct: num(cells.fisikPct),
          reason: str(cells.reason),
        });
        if (!parsed.success) {
          // An unresolved sub kegiatan was already reported on Kode Sub Kegiatan or Tahun.
          e.schema(parsed.error, { subKegiatanId: 'subKegiatanCode' }, sub ? [] : ['subKegiatanId']);
          return null;
        }
        if (!sub || code === null || year === undefined || !e.ok) return null;
        const d = parsed.data;
        return {
          kind: 'realisasi',
          row: e.row,
          opdId: sub.opdId,
          period: `${year}-${pad2(d.month)}`,
          code,
          year,
          reason: d.reason,
          write: {
            subKegiatanId: sub.id,
            month: d.month,
            sp2dRp: d.sp2dRp,
            spjRp: d.spjRp,
            fisikPct: d.fisikPct,
          },
        };
      };

    case 'progres':
      return ({ cells, e }) => {
        const p = resolve(e, 'programmeCode', cells.programmeCode, l.programmes, 'Kode program');
        const parsed = progressEntry.safeParse({
          programmeId: p?.id,
          period: str(cells.period) ?? undefined,
          physicalPct: num(cells.physicalPct),
          spentRp: num(cells.spentRp),
          indicatorValue: num(cells.indicatorValue) ?? null,
          status: str(cells.status),
          kendala: str(cells.kendala),
          tindakLanjut: str(cells.tindakLanjut),
          evidenceUrl: str(cells.evidenceUrl),
        });
        if (!parsed.success) {
          e.schema(parsed.error, { programmeId: 'programmeCode' }, p ? [] : ['programmeId']);
          return null;
        }
        if (!p || !e.ok) return null;
        const { expectedVersion: _v, reason, ...write } = parsed.data;
        return {
          kind: 'progres',
          row: e.row,
          opdId: p.opdId,
          period: write.period,
          code: p.code,
          reason,
          write,
        };
      };

    case 'layanan':
      return ({ cells, e }) => {
        const service = resolve(e, 'serviceCode', cells.serviceCode, l.services, 'Kode layanan');
        const kec = resolve(e, 'kecamatanCode', cells.kecamatanCode, l.kecamatan, 'Kode kecamatan');
        const parsed = serviceRecordEntry.safeParse({
          serviceCode: service?.code ?? str(cells.serviceCode) ?? undefined,
          kecamatanCode: kec?.code ?? null,
          submittedAt: iso(cells.submittedAt),
          completedAt: iso(cells.completedAt) ?? null,
          sourceId: str(cells.sourceId),
        });
        if (!parsed.success) {
          e.schema(parsed.error, {});
          return null;
        }
        if (!service || !e.ok) return null;
        const submittedMs = cells.submittedAt as number;
        const completedMs = num(cells.completedAt) ?? null;
        const sourceId = parsed.data.sourceId;
        if (sourceId !== null && completedMs !== null && l.anyImportedService) {
          const before = recordBySourceId(db, IMPORT_SOURCE, sourceId);
          if (before && before.completedMs === null && completedMs < before.submittedMs) {
            e.fail('completedAt', 'Waktu selesai lebih awal daripada waktu pengajuan yang sudah tercatat');
            return null;
          }
        }
        return {
          kind: 'layanan',
          row: e.row,
          opdId: service.opdId,
          period: wibMonth(submittedMs),
          serviceCode: service.code,
          write: { serviceId: service.id, kecamatanId: kec?.id ?? null, submittedMs, completedMs, sourceId },
        };
      };

    case 'aduan':
      return ({ cells, e }) => {
        const lower = (s: string) => s.toLowerCase();
        const channel = resolve(e, 'channel', cells.channel, l.channels, 'Kanal', lower);
        const topic = resolve(e, 'topic', cells.topic, l.topics, 'Topik', lower);
        const category = resolve(e, 'category', cells.category, l.categories, 'Kategori', lower);
        const opd = resolve(e, 'opdCode', cells.opdCode, l.opds, 'Kode OPD');
        const kec = resolve(e, 'kecamatanCode', cells.kecamatanCode, l.kecamatan, 'Kode kecamatan');
        const parsed = complaintEntry.safeParse({
          channel: channel ?? str(cells.channel) ?? undefined,
          topic: topic ?? str(cells.topic) ?? undefined,
          category: category ?? undefined,
          opdCode: opd?.code ?? null,
          kecamatanCode: kec?.code ?? null,
          receivedAt: iso(cells.receivedAt),
          firstResponseAt: iso(cells.firstResponseAt) ?? null,
          resolvedAt: iso(cells.resolvedAt) ?? null,
          sourceId: str(cells.sourceId),
        });
        if (!parsed.success) {
          e.schema(parsed.error, {});
          return null;
        }
        if (!e.ok) return null;
        const d = parsed.data;
        const write = {
          channel: d.channel,
          topic: d.topic,
          category: d.category,
          opdCode: d.opdCode,
          kecamatanCode: d.kecamatanCode,
          receivedMs: Date.parse(d.receivedAt),
          firstResponseMs: d.firstResponseAt === null ? null : Date.parse(d.firstResponseAt),
          resolvedMs: d.resolvedAt === null ? null : Date.parse(d.resolvedAt),
          sourceId: d.sourceId,
        };
        let existing = false;
        if (write.sourceId !== null) {
          const before = complaintBySourceId(db, IMPORT_SOURCE, write.sourceId);
          if (before) {
            const same =
              before.channel === write.channel &&
              before.topic === write.topic &&
              before.category === write.category &&
              before.opdId === (opd?.id ?? null) &&
              before.kecamatanId === (kec?.id ?? null) &&
              before.receivedMs === write.receivedMs &&
              before.firstResponseMs === write.firstResponseMs &&
              before.resolvedMs === write.resolvedMs;
            if (!same) {
              e.fail(
                'sourceId',
                `Aduan dengan ID Sumber "${write.sourceId}" sudah tercatat dengan isi berbeda; perubahan aduan lewat impor belum didukung`,
              );
              return null;
            }
            existing = true;
          }
        }
        return {
          kind: 'aduan',
          row: e.row,
          opdId: opd?.id ?? null,
          period: wibMonth(write.receivedMs),
          existing,
          write,
        };
      };
  }
}
