// Public-service queries: record writes that keep the month, kecamatan, histogram and backlog
// rollups current; rollup reads for the KPIs; and the rebuild from raw records.
import { wibDate, wibMonth } from '../../../shared/time';
import type { OpenBacklogRow, ServicePeriodRow } from '../../kpi/types';
import type { Db } from '../connection';
import { prep } from '../prepare';

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

/**
 * Rollup changes accumulated in memory and written once per key: a single write is a delta of one
 * record, an import of 100 000 records one delta for the batch. Every rollup rule lives here.
 */
export class ServiceRollupDelta {
  readonly months = new Map<
    string,
    {
      serviceId: number;
      period: string;
      submitted: number;
      completed: number;
      onTime: number;
      duration: number;
      hist: Map<number, number>;
    }
  >();
  readonly kecamatan = new Map<
    string,
    { kecamatanId: number; period: string; submitted: number; completed: number; onTime: number }
  >();
  readonly open = new Map<string, { serviceId: number; day: string; n: number }>();
  private readonly wibCache = new Map<number, [string, string]>();

  /** WIB date and month of an instant, memoised per day. */
  private wib(ms: number): [string, string] {
    const k = Math.floor((ms + 25_200_000) / 86_400_000);
    let v = this.wibCache.get(k);
    if (!v) {
      v = [wibDate(ms), wibMonth(ms)];
      this.wibCache.set(k, v);
    }
    return v;
  }

  private month(serviceId: number, period: string) {
    const key = `${period}|${serviceId}`;
    let m = this.months.get(key);
    if (!m) {
      m = { serviceId, period, submitted: 0, completed: 0, onTime: 0, duration: 0, hist: new Map() };
      this.months.set(key, m);
    }
    return m;
  }

  private kec(kecamatanId: number, period: string) {
    const key = `${kecamatanId}|${period}`;
    let k = this.kecamatan.get(key);
    if (!k) {
      k = { kecamatanId, period, submitted: 0, completed: 0, onTime: 0 };
      this.kecamatan.set(key, k);
    }
    return k;
  }

  private openDelta(serviceId: number, day: string, n: number): void {
    const key = `${serviceId}|${day}`;
    const o = this.open.get(key);
    if (o) o.n += n;
    else this.open.set(key, { serviceId, day, n });
  }

  /** A new record: counted by its submission month; open, or completed in its completion month. */
  addRecord(r: ServiceRecordInput): void {
    const [day, period] = this.wib(r.submittedMs);
    this.month(r.serviceId, period).submitted++;
    if (r.kecamatanId !== null) this.kec(r.kecamatanId, period).submitted++;
    if (r.completedMs === null) this.openDelta(r.serviceId, day, 1);
    else this.addCompletion(r);
  }

  /** A completion (of a new record, or of one that was open: then `wasOpen` leaves the backlog). */
  addCompletion(r: ServiceRecordInput, wasOpen = false): void {
    if (r.completedMs === null || r.durationMin === null || r.onTime === null || r.bucket === null) {
      throw new Error('a completion needs completedMs, durationMin, onTime and bucket');
    }
    const [, period] = this.wib(r.completedMs);
    const onTime = r.onTime ? 1 : 0;
    const m = this.month(r.serviceId, period);
    m.completed++;
    m.onTime += onTime;
    m.duration += r.durationMin;
    m.hist.set(r.bucket, (m.hist.get(r.bucket) ?? 0) + 1);
    if (r.kecamatanId !== null) {
      const k = this.kec(r.kecamatanId, period);
      k.completed++;
      k.onTime += onTime;
    }
    if (wasOpen) this.openDelta(r.serviceId, this.wib(r.submittedMs)[0], -1);
  }
}

/** Write an accumulated delta: one upsert per rollup key, one histogram merge per service-month. */
export function applyServiceDelta(db: Db, d: ServiceRollupDelta): void {
  const bumpMonth = prep(
    db,
    `INSERT INTO service_month_rollup (service_id, period, submitted, completed, on_time, sum_duration_min)
     VALUES (@serviceId, @period, @submitted, @completed, @onTime, @duration)
     ON CONFLICT (period, service_id) DO UPDATE SET submitted = submitted + excluded.submitted,
       completed = completed + excluded.completed, on_time = on_time + excluded.on_time,
       sum_duration_min = sum_duration_min + excluded.sum_duration_min`,
  );
  const readHist = prep(
    db,
    'SELECT hist_json FROM service_month_rollup WHERE period = ? AND service_id = ?',
  ).pluck();
  const writeHist = prep(
    db,
    'UPDATE service_month_rollup SET hist_json = ? WHERE period = ? AND service_id = ?',
  );
  for (const m of d.months.values()) {
    bumpMonth.run({
      serviceId: m.serviceId,
      period: m.period,
      submitted: m.submitted,
      completed: m.completed,
      onTime: m.onTime,
      duration: m.duration,
    });
    if (m.hist.size === 0) continue;
    const bins = new Map<number, number>(
      JSON.parse(readHist.get(m.period, m.serviceId) as string) as [number, number][],
    );
    for (const [bucket, n] of m.hist) bins.set(bucket, (bins.get(bucket) ?? 0) + n);
    writeHist.run(histJson([...bins.entries()].sort(([a], [b]) => a - b)), m.period, m.serviceId);
  }
  const bumpKec = prep(
    db,
    `INSERT INTO service_kecamatan_rollup (kecamatan_id, period, submitted, completed, on_time)
     VALUES (@kecamatanId, @period, @submitted, @completed, @onTime)
     ON CONFLICT (kecamatan_id, period) DO UPDATE SET submitted = submitted + excluded.submitted,
       completed = completed + excluded.completed, on_time = on_time + excluded.on_time`,
  );
  for (const k of d.kecamatan.values()) bumpKec.run(k);
  const bumpOpen = prep(
    db,
    `INSERT INTO service_open_rollup (service_id, day, open) VALUES (?, ?, ?)
     ON CONFLICT (service_id, day) DO UPDATE SET open = open + excluded.open`,
  );
  for (const o of d.open.values()) if (o.n !== 0) bumpOpen.run(o.serviceId, o.day, o.n);
}

/** The raw row only; its rollup contribution goes through a ServiceRollupDelta. */
export function insertServiceRecordRow(db: Db, r: ServiceRecordInput): number {
  const { lastInsertRowid } = prep(
    db,
    `INSERT INTO service_record (service_id, kecamatan_id, submitted_ms, completed_ms, duration_min,
         on_time, source, source_id, entered_at)
       VALUES (@serviceId, @kecamatanId, @submittedMs, @completedMs, @durationMin, @onTime, @source,
         @sourceId, @enteredAt)`,
  ).run({ ...r, onTime: r.onTime === null ? null : r.onTime ? 1 : 0 });
  return Number(lastInsertRowid);
}

/** Insert one record (open or completed) and its rollup contributions. Returns its id. */
export function insertServiceRecord(db: Db, r: ServiceRecordInput): number {
  const id = insertServiceRecordRow(db, r);
  const delta = new ServiceRollupDelta();
  delta.addRecord(r);
  applyServiceDelta(db, delta);
  return id;
}

/** The canonical text of a histogram (ascending buckets), so rebuild and writes agree exactly. */
function histJson(bins: [number, number][]): string {
  return JSON.stringify(bins);
}

/** Per-service figures for one WIB month, with the duration histogram of completions in it. */
export function servicePeriodRows(db: Db, period: string): ServicePeriodRow[] {
  const rows = prep(
    db,
    `SELECT s.code AS serviceCode, s.name AS serviceName, o.code AS opdCode, s.grp AS "group",
            s.sla_amount AS slaAmount, s.sla_unit AS slaUnit,
            COALESCE(r.submitted, 0) AS submitted, COALESCE(r.completed, 0) AS completed,
            COALESCE(r.on_time, 0) AS onTime, COALESCE(r.sum_duration_min, 0) AS sumDurationMin,
            COALESCE(r.hist_json, '[]') AS histJson
     FROM service_type s JOIN opd o ON o.id = s.opd_id
     LEFT JOIN service_month_rollup r ON r.period = ? AND r.service_id = s.id
     WHERE s.active = 1 ORDER BY s.code`,
  ).all(period) as (Omit<ServicePeriodRow, 'hist'> & { histJson: string })[];
  return rows.map(({ histJson, ...r }) => ({
    ...r,
    hist: (JSON.parse(histJson) as [number, number][]).map(([bucket, n]) => ({ bucket, n })),
  }));
}

/**
 * Requests open now that were submitted on or before `untilDay`, collapsed per service to one row:
 * its oldest open submission day and the total. That is all the backlog KPIs read (count and
 * oldest age). For a past as-of date this leaves out later submissions; requests that were open
 * then but have been completed since are not recoverable from the rollup (a meeting snapshot is).
 */
export function openBacklog(db: Db, untilDay: string): OpenBacklogRow[] {
  return prep(
    db,
    `SELECT s.code AS serviceCode, MIN(b.day) AS day, SUM(b.open) AS open FROM service_open_rollup b
     JOIN service_type s ON s.id = b.service_id WHERE b.open > 0 AND b.day <= ? GROUP BY s.code ORDER BY s.code`,
  ).all(untilDay) as OpenBacklogRow[];
}

/** The latest WIB month at or before `limit` in which any service request was completed. */
export function latestServicePeriod(db: Db, limit: string): string | null {
  return (
    (prep(db, 'SELECT MAX(period) FROM service_month_rollup WHERE period <= ? AND completed > 0')
      .pluck()
      .get(limit) as string | null) ?? null
  );
}

/**
 * Recompute every service rollup from the raw records in one streaming pass (a backfill, not a
 * request path): the raw table is read once, aggregated in memory (rollups are small: services ×
 * months), and written back. `bucketOf` comes from kpi/histogram so the rule is the writer's own.
 */
export function rebuildServiceRollups(db: Db, bucketOf: (min: number) => number): void {
  interface Agg {
    submitted: number;
    completed: number;
    onTime: number;
    duration: number;
  }
  const months = new Map<string, Agg>();
  const kec = new Map<string, Agg>();
  const hist = new Map<string, Map<number, number>>();
  const open = new Map<string, number>();
  // WIB day and month per UTC day index, memoised: millions of rows share a few thousand days.
  const dayCache = new Map<number, [string, string]>();
  const wib = (ms: number): [string, string] => {
    const k = Math.floor((ms + 25_200_000) / 86_400_000);
    let v = dayCache.get(k);
    if (!v) {
      v = [wibDate(ms), wibMonth(ms)];
      dayCache.set(k, v);
    }
    return v;
  };
  const agg = (m: Map<string, Agg>, key: string): Agg => {
    let v = m.get(key);
    if (!v) {
      v = { submitted: 0, completed: 0, onTime: 0, duration: 0 };
      m.set(key, v);
    }
    return v;
  };
  const rows = prep(
    db,
    `SELECT service_id AS s, kecamatan_id AS k, submitted_ms AS sub, completed_ms AS done, duration_min AS d,
              on_time AS ok FROM service_record`,
  )
    .raw()
    .iterate() as IterableIterator<
    [number, number | null, number, number | null, number | null, number | null]
  >;
  for (const [s, k, sub, done, d, ok] of rows) {
    const [subDay, subMonth] = wib(sub);
    agg(months, `${s}|${subMonth}`).submitted++;
    if (k !== null) agg(kec, `${k}|${subMonth}`).submitted++;
    if (done === null) {
      open.set(`${s}|${subDay}`, (open.get(`${s}|${subDay}`) ?? 0) + 1);
      continue;
    }
    const [, doneMonth] = wib(done);
    const dur = d ?? 0;
    const onTime = ok ?? 0;
    const m = agg(months, `${s}|${doneMonth}`);
    m.completed++;
    m.onTime += onTime;
    m.duration += dur;
    if (k !== null) {
      const kv = agg(kec, `${k}|${doneMonth}`);
      kv.completed++;
      kv.onTime += onTime;
    }
    const hk = `${s}|${doneMonth}`;
    let bins = hist.get(hk);
    if (!bins) {
      bins = new Map();
      hist.set(hk, bins);
    }
    const b = bucketOf(dur);
    bins.set(b, (bins.get(b) ?? 0) + 1);
  }
  db.exec(`DELETE FROM service_month_rollup; DELETE FROM service_kecamatan_rollup;
           DELETE FROM service_open_rollup;`);
  const insMonth = prep(
    db,
    'INSERT INTO service_month_rollup (service_id, period, submitted, completed, on_time, sum_duration_min) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const [key, v] of months) {
    const [s, period] = key.split('|');
    insMonth.run(Number(s), period, v.submitted, v.completed, v.onTime, v.duration);
  }
  const insKec = prep(
    db,
    'INSERT INTO service_kecamatan_rollup (kecamatan_id, period, submitted, completed, on_time) VALUES (?, ?, ?, ?, ?)',
  );
  for (const [key, v] of kec) {
    const [k, period] = key.split('|');
    insKec.run(Number(k), period, v.submitted, v.completed, v.onTime);
  }
  const setHist = prep(
    db,
    'UPDATE service_month_rollup SET hist_json = ? WHERE period = ? AND service_id = ?',
  );
  for (const [key, bins] of hist) {
    const [s, period] = key.split('|');
    setHist.run(histJson([...bins.entries()].sort(([a], [b]) => a - b)), period, Number(s));
  }
  const insOpen = prep(db, 'INSERT INTO service_open_rollup (service_id, day, open) VALUES (?, ?, ?)');
  for (const [key, n] of open) {
    const [s, day] = key.split('|');
    insOpen.run(Number(s), day, n);
  }
}

export interface KecamatanServiceRow {
  code: string;
  name: string;
  tileRow: number;
  tileCol: number;
  submitted: number;
  completed: number;
  onTime: number;
}

/** Service volume and on-time completions per kecamatan for one WIB month (every kecamatan listed). */
export function serviceKecamatanRows(db: Db, period: string): KecamatanServiceRow[] {
  return prep(
    db,
    `SELECT k.code, k.name, k.tile_row AS tileRow, k.tile_col AS tileCol, COALESCE(r.submitted, 0) AS submitted,
            COALESCE(r.completed, 0) AS completed, COALESCE(r.on_time, 0) AS onTime
     FROM kecamatan k LEFT JOIN service_kecamatan_rollup r ON r.kecamatan_id = k.id AND r.period = ?
     ORDER BY k.bps_code`,
  ).all(period) as KecamatanServiceRow[];
}

export interface ExistingRecord {
  id: number;
  serviceId: number;
  kecamatanId: number | null;
  submittedMs: number;
  completedMs: number | null;
}

export function recordBySourceId(db: Db, source: string, sourceId: string): ExistingRecord | undefined {
  return prep(
    db,
    `SELECT id, service_id AS serviceId, kecamatan_id AS kecamatanId, submitted_ms AS submittedMs,
            completed_ms AS completedMs
     FROM service_record WHERE source = ? AND source_id = ?`,
  ).get(source, sourceId) as ExistingRecord | undefined;
}

/** Mark an open record completed (its rollup change goes through `delta`). */
export function completeServiceRecordRow(
  db: Db,
  rec: ExistingRecord,
  c: { completedMs: number; durationMin: number; onTime: boolean },
): void {
  if (rec.completedMs !== null) throw new Error(`service record ${rec.id} is already completed`);
  prep(db, 'UPDATE service_record SET completed_ms = ?, duration_min = ?, on_time = ? WHERE id = ?').run(
    c.completedMs,
    c.durationMin,
    c.onTime ? 1 : 0,
    rec.id,
  );
}
