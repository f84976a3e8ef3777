// The SQL of the import module: reference codes for resolving a file's codes to ids, what an
// earlier import already recorded (idempotency), and the rows a template is pre-filled with.
import type { Db } from '../db/connection';
import { prep } from '../db/prepare';

export interface CodeRow {
  id: number;
  code: string;
}

export interface OwnedCodeRow extends CodeRow {
  opdId: number;
}

export function serviceCodes(db: Db): OwnedCodeRow[] {
  return prep(db, 'SELECT id, code, opd_id AS opdId FROM service_type').all() as OwnedCodeRow[];
}

export function kecamatanCodes(db: Db): (CodeRow & { bpsCode: string })[] {
  return prep(db, 'SELECT id, code, bps_code AS bpsCode FROM kecamatan').all() as (CodeRow & {
    bpsCode: string;
  })[];
}

export function opdCodes(db: Db): CodeRow[] {
  return prep(db, 'SELECT id, code FROM opd').all() as CodeRow[];
}

export function programmeCodes(db: Db): OwnedCodeRow[] {
  return prep(db, 'SELECT id, code, coordinator_opd_id AS opdId FROM programme').all() as OwnedCodeRow[];
}

export function complaintCodes(db: Db): { channels: string[]; topics: string[]; categories: string[] } {
  const pluck = (sql: string) => prep(db, sql).pluck().all() as string[];
  return {
    channels: pluck('SELECT code FROM complaint_channel'),
    topics: pluck('SELECT code FROM complaint_topic'),
    categories: pluck('SELECT code FROM complaint_category'),
  };
}

/** Sub kegiatan of a year by code; one code may belong to more than one OPD. */
export function subKegiatanOfYear(db: Db, year: number): OwnedCodeRow[] {
  return prep(db, 'SELECT id, code, opd_id AS opdId FROM sub_kegiatan WHERE year = ?').all(
    year,
  ) as OwnedCodeRow[];
}

/** Whether any service record came from an import yet (skips per-row look-ups on a first import). */
export function anyImportedServiceRecord(db: Db, source: string): boolean {
  return (
    prep(db, 'SELECT EXISTS (SELECT 1 FROM service_record WHERE source = ? AND source_id IS NOT NULL)')
      .pluck()
      .get(source) === 1
  );
}

export interface ExistingComplaint {
  channel: string;
  topic: string;
  category: string;
  opdId: number | null;
  kecamatanId: number | null;
  receivedMs: number;
  firstResponseMs: number | null;
  resolvedMs: number | null;
}

export function complaintBySourceId(db: Db, source: string, sourceId: string): ExistingComplaint | undefined {
  return prep(
    db,
    `SELECT channel, topic, category, opd_id AS opdId, kecamatan_id AS kecamatanId,
            received_ms AS receivedMs, first_response_ms AS firstResponseMs, resolved_ms AS resolvedMs
       FROM complaint WHERE source = ? AND source_id = ?`,
  ).get(source, sourceId) as ExistingComplaint | undefined;
}

export interface TemplateRow {
  code: string;
  name: string;
}

export function subKegiatanOfOpd(db: Db, opdId: number, year: number): TemplateRow[] {
  return prep(db, 'SELECT code, name FROM sub_kegiatan WHERE opd_id = ? AND year = ? ORDER BY code').all(
    opdId,
    year,
  ) as TemplateRow[];
}

/** Programmes the OPD coordinates that run in the year. */
export function programmesCoordinatedBy(db: Db, opdId: number, year: number): TemplateRow[] {
  return prep(
    db,
    `SELECT code, name FROM programme
      WHERE coordinator_opd_id = ? AND start_year <= ? AND end_year >= ? ORDER BY code`,
  ).all(opdId, year, year) as TemplateRow[];
}

export function opdName(db: Db, opdId: number): string | undefined {
  return prep(db, 'SELECT name FROM opd WHERE id = ?').pluck().get(opdId) as string | undefined;
}
