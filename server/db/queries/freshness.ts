// Family freshness (latest period and write per KPI family and year) and the change log that the
// live stream reads. Both are written in the same transaction as the figure they describe.
import type { Db } from '../connection';
import { prep } from '../prepare';

export type Family = 'masterplan' | 'budget' | 'spbe' | 'services' | 'complaints' | 'ikm';

export interface FreshnessRow {
  family: Family;
  year: number;
  maxPeriod: string | null;
  updatedAt: string;
  demoRows: number;
  realRows: number;
}

/** Record a write: the period only moves forward; demo vs real counts say whether "Data contoh" shows. */
export function touchFreshness(
  db: Db,
  family: Family,
  year: number,
  period: string | null,
  at: string,
  isDemo: boolean,
  rows = 1,
): void {
  prep(
    db,
    `INSERT INTO family_freshness (family, year, max_period, updated_at, demo_rows, real_rows)
     VALUES (@family, @year, @period, @at, @demo, @real)
     ON CONFLICT (family, year) DO UPDATE SET
       max_period = CASE WHEN excluded.max_period IS NOT NULL AND (max_period IS NULL OR excluded.max_period > max_period)
                         THEN excluded.max_period ELSE max_period END,
       updated_at = MAX(updated_at, excluded.updated_at),
       demo_rows = demo_rows + excluded.demo_rows,
       real_rows = real_rows + excluded.real_rows`,
  ).run({ family, year, period, at, demo: isDemo ? rows : 0, real: isDemo ? 0 : rows });
}

export function freshnessForYear(db: Db, year: number): FreshnessRow[] {
  return prep(
    db,
    `SELECT family, year, max_period AS maxPeriod, updated_at AS updatedAt, demo_rows AS demoRows,
              real_rows AS realRows
       FROM family_freshness WHERE year = ?`,
  ).all(year) as FreshnessRow[];
}

/** The newest freshness row of a family at or before a year (yearly families like SPBE). */
export function latestFreshness(db: Db, family: Family, year: number): FreshnessRow | undefined {
  return prep(
    db,
    `SELECT family, year, max_period AS maxPeriod, updated_at AS updatedAt, demo_rows AS demoRows,
              real_rows AS realRows
       FROM family_freshness WHERE family = ? AND year <= ? ORDER BY year DESC LIMIT 1`,
  ).get(family, year) as FreshnessRow | undefined;
}

export interface ChangeRow {
  id: number;
  at: string;
  topic: string;
  year: number | null;
  opdId: number | null;
  summary: string | null;
}

export function appendChange(
  db: Db,
  change: { at: string; topic: string; year: number | null; opdId: number | null; summary: string | null },
): number {
  return Number(
    prep(
      db,
      'INSERT INTO change_log (at, topic, year, opd_id, summary) VALUES (@at, @topic, @year, @opdId, @summary)',
    ).run(change).lastInsertRowid,
  );
}

export function changesAfter(db: Db, afterId: number, limit = 500): ChangeRow[] {
  return prep(
    db,
    `SELECT id, at, topic, year, opd_id AS opdId, summary FROM change_log WHERE id > ? ORDER BY id LIMIT ?`,
  ).all(afterId, limit) as ChangeRow[];
}

export function lastChangeId(db: Db): number {
  return (prep(db, 'SELECT COALESCE(MAX(id), 0) FROM change_log').pluck().get() as number) ?? 0;
}

export function appendAudit(
  db: Db,
  a: {
    at: string;
    userId: number | null;
    entity: string;
    entityId: string;
    opdId: number | null;
    action: string;
    oldJson: string | null;
    newJson: string | null;
    reason: string | null;
    source: string;
  },
): void {
  prep(
    db,
    `INSERT INTO audit_log (at, user_id, entity, entity_id, opd_id, action, old_json, new_json, reason, source)
     VALUES (@at, @userId, @entity, @entityId, @opdId, @action, @oldJson, @newJson, @reason, @source)`,
  ).run(a);
}
