// Public-service queries: record writes that keep the month, kecamatan, histogram and backlog
// rollups current; rollup reads for the KPIs; and the rebuild from raw records.
import { wibDate, wibMonth } from '../../../shared/time';
import type { HistogramBin, OpenBacklogRow, ServicePeriodRow } from '../../kpi/types';
import type { Db } from '../connection';

export interface ServiceRecordInput {
  serviceId: number;
  kecamatanId: number | null;
  submittedMs: number;
  completedMs: number | null;
  /** Derived by the caller with kpi/calendar (durationMin, slaMet) when completed. */
  durationMin: number | null;
  onTime: boolean | null;
  /** Histogram bucket of durationMin (kpi/histogram bucketOf) when completed. */
  bucket: number | null;
  source: string;
  sourceId: string | null;
  enteredAt: string;
}

const bumpMonth = `INSERT INTO service_month_rollup (service_id, period, submitted, completed, on_time, sum_duration_min)
  VALUES (@serviceId, @period, @submitted, @completed, @onTime, @duration)
  ON CONFLICT (service_id, period) DO UPDATE SET submitted = submitted + excluded.submitted,
    completed = completed + excluded.completed, on_time = on_time + excluded.on_time,
    sum_duration_min = sum_duration_min + excluded.sum_duration_min`;
const bumpKec = `INSERT INTO service_kecamatan_rollup (kecamatan_id, period, submitted, completed, on_time)
  VALUES (@kecamatanId, @period, @submitted, @completed, @onTime)
  ON CONFLICT (kecamatan_id, period) DO UPDATE SET submitted = submitted + excluded.submitted,
    completed = completed + excluded.completed, on_time = on_time + excluded.on_time`;
const bumpHist = `INSERT INTO service_duration_hist (service_id, period, bucket, n) VALUES (?, ?, ?, 1)
  ON CONFLICT (service_id, period, bucket) DO UPDATE SET n = n + 1`;
const bumpOpen = `INSERT INTO service_open_rollup (service_id, day, open) VALUES (?, ?, ?)
  ON CONFLICT (service_id, day) DO UPDATE SET open = open + excluded.open`;

/** Insert one record (open or completed) and its rollup contributions. Returns its id. */
export function insertServiceRecord(db: Db, r: ServiceRecordInput): number {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO service_record (service_id, kecamatan_id, submitted_ms, completed_ms, duration_min,
         on_time, source, source_id, entered_at)
       VALUES (@serviceId, @kecamatanId, @submittedMs, @completedMs, @durationMin, @onTime, @source,
         @sourceId, @enteredAt)`,
    )
    .run({ ...r, onTime: r.onTime === null ? null : r.onTime ? 1 : 0 });
  const submittedPeriod = wibMonth(r.submittedMs);
  db.prepare(bumpMonth).run({ serviceId: r.serviceId, period: submittedPeriod, submitted: 1, completed: 0, onTime: 0, duration: 0 });
  if (r.kecamatanId !== null) {
    db.prepare(bumpKec).run({ kecamatanId: r.kecamatanId, period: submittedPeriod, submitted: 1, completed: 0, onTime: 0 });
  }
  if (r.completedMs === null) {
    db.prepare(bumpOpen).run(r.serviceId, wibDate(r.submittedMs), 1);
  } else {
    addCompletion(db, r);
  }
  return Number(lastInsertRowid);
}

function addCompletion(db: Db, r: ServiceRecordInput): void {
  if (r.completedMs === null || r.durationMin === null || r.onTime === null || r.bucket === null) {
    throw new Error('a completion needs completedMs, durationMin, onTime and bucket');
  }
  const period = wibMonth(r.completedMs);
  const onTime = r.onTime ? 1 : 0;
  db.prepare(bumpMonth).run({ serviceId: r.serviceId, period, submitted: 0, completed: 1, onTime, duration: r.durationMin });
  if (r.kecamatanId !== null) {
    db.prepare(bumpKec).run({ kecamatanId: r.kecamatanId, period, submitted: 0, completed: 1, onTime });
  }
  db.prepare(bumpHist).run(r.serviceId, period, r.bucket);
}

/** Per-service figures for one WIB month, with the duration histogram of completions in it. */
export function servicePeriodRows(db: Db, period: string): ServicePeriodRow[] {
  const rows = db
    .prepare(
      `SELECT s.id, s.code AS serviceCode, s.name AS serviceName, o.code AS opdCode, s.grp AS "group",
              s.sla_amount AS slaAmount, s.sla_unit AS slaUnit,
              COALESCE(r.submitted, 0) AS submitted, COALESCE(r.completed, 0) AS completed,
              COALESCE(r.on_time, 0) AS onTime, COALESCE(r.sum_duration_min, 0) AS sumDurationMin
       FROM service_type s JOIN opd o ON o.id = s.opd_id
       LEFT JOIN service_month_rollup r ON r.service_id = s.id AND r.period = ?
       WHERE s.active = 1 ORDER BY s.code`,
    )
    .all(period) as (Omit<ServicePeriodRow, 'hist'> & { id: number })[];
  const hist = db
    .prepare('SELECT service_id AS serviceId, bucket, n FROM service_duration_hist WHERE period = ? ORDER BY bucket')
    .all(period) as (HistogramBin & { serviceId: number })[];
  const byService = new Map<number, HistogramBin[]>();
  for (const { serviceId, bucket, n } of hist) {
    const list = byService.get(serviceId);
    if (list) list.push({ bucket, n });
    else byService.set(serviceId, [{ bucket, n }]);
  }
  return rows.map(({ id, ...r }) => ({ ...r, hist: byService.get(id) ?? [] }));
}

/** Open requests per service and WIB submission day, as of now. */
export function openBacklog(db: Db): OpenBacklogRow[] {
  return db
    .prepare(
      `SELECT s.code AS serviceCode, b.day, b.open FROM service_open_rollup b
       JOIN service_type s ON s.id = b.service_id WHERE b.open > 0 ORDER BY b.day`,
    )
    .all() as OpenBacklogRow[];
}

/** The latest WIB month at or before `limit` in which any service request was completed. */
export function latestServicePeriod(db: Db, limit: string): string | null {
  return (
    (db
      .prepare('SELECT MAX(period) FROM service_month_rollup WHERE period <= ? AND completed > 0')
      .pluck()
      .get(limit) as string | null) ?? null
  );
}

/**
 * Recompute every service rollup from the raw records. `bucketOf` is passed in (it lives in
 * kpi/histogram) and registered as an SQL function so the rebuild uses the very same rule.
 */
export function rebuildServiceRollups(db: Db, bucketOf: (min: number) => number): void {
  db.function('bucket_of', { deterministic: true }, (d) => bucketOf(Number(d)));
  const wibMonthSql = (col: string) => `strftime('%Y-%m', (${col} / 1000) + 25200, 'unixepoch')`;
  const wibDateSql = (col: string) => `strftime('%Y-%m-%d', (${col} / 1000) + 25200, 'unixepoch')`;
  db.exec(`
    DELETE FROM service_month_rollup; DELETE FROM service_kecamatan_rollup;
    DELETE FROM service_duration_hist; DELETE FROM service_open_rollup;
    INSERT INTO service_month_rollup (service_id, period, submitted)
      SELECT service_id, ${wibMonthSql('submitted_ms')}, COUNT(*) FROM service_record GROUP BY 1, 2;
    INSERT INTO service_month_rollup (service_id, period, completed, on_time, sum_duration_min)
      SELECT service_id, ${wibMonthSql('completed_ms')}, COUNT(*), SUM(on_time), SUM(duration_min)
      FROM service_record WHERE completed_ms IS NOT NULL GROUP BY 1, 2
      ON CONFLICT (service_id, period) DO UPDATE SET completed = excluded.completed,
        on_time = excluded.on_time, sum_duration_min = excluded.sum_duration_min;
    INSERT INTO service_kecamatan_rollup (kecamatan_id, period, submitted)
      SELECT kecamatan_id, ${wibMonthSql('submitted_ms')}, COUNT(*) FROM service_record
      WHERE kecamatan_id IS NOT NULL GROUP BY 1, 2;
    INSERT INTO service_kecamatan_rollup (kecamatan_id, period, completed, on_time)
      SELECT kecamatan_id, ${wibMonthSql('completed_ms')}, COUNT(*), SUM(on_time) FROM service_record
      WHERE kecamatan_id IS NOT NULL AND completed_ms IS NOT NULL GROUP BY 1, 2
      ON CONFLICT (kecamatan_id, period) DO UPDATE SET completed = excluded.completed,
        on_time = excluded.on_time;
    INSERT INTO service_duration_hist (service_id, period, bucket, n)
      SELECT service_id, ${wibMonthSql('completed_ms')}, bucket_of(duration_min), COUNT(*)
      FROM service_record WHERE completed_ms IS NOT NULL GROUP BY 1, 2, 3;
    INSERT INTO service_open_rollup (service_id, day, open)
      SELECT service_id, ${wibDateSql('submitted_ms')}, COUNT(*) FROM service_record
      WHERE completed_ms IS NULL GROUP BY 1, 2;
  `);
}
