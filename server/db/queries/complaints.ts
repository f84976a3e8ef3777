// Complaint queries: the write that keeps the per-dimension monthly rollup current, rollup reads,
// and the rebuild. A complaint counts in the WIB month it was received.
import { wibMonth } from '../../../shared/time';
import type { ComplaintAggRow } from '../../kpi/types';
import type { Db } from '../connection';
import { prep } from '../prepare';

export interface ComplaintInput {
  channel: string;
  topic: string;
  category: string;
  opdId: number | null;
  opdCode: string | null;
  kecamatanId: number | null;
  kecamatanCode: string | null;
  receivedMs: number;
  firstResponseMs: number | null;
  resolvedMs: number | null;
  /** First response within the configured target hours (decided by the caller). */
  respondedWithin: boolean;
  source: string;
  sourceId: string | null;
  enteredAt: string;
}

/** The rollup rows (dimension, key) a complaint counts in; OPD and kecamatan only when known. */
function rollupKeys(c: {
  channel: string;
  topic: string;
  opdCode: string | null;
  kecamatanCode: string | null;
}): [string, string][] {
  const keys: [string, string | null][] = [
    ['total', 'ALL'],
    ['channel', c.channel],
    ['topic', c.topic],
    ['opd', c.opdCode],
    ['kecamatan', c.kecamatanCode],
  ];
  return keys.filter((k): k is [string, string] => k[1] !== null);
}

export function insertComplaint(db: Db, c: ComplaintInput): number {
  const { lastInsertRowid } = prep(
    db,
    `INSERT INTO complaint (channel, topic, category, opd_id, kecamatan_id, received_ms,
         first_response_ms, resolved_ms, source, source_id, entered_at)
       VALUES (@channel, @topic, @category, @opdId, @kecamatanId, @receivedMs, @firstResponseMs,
         @resolvedMs, @source, @sourceId, @enteredAt)`,
  ).run(c);
  const bump = prep(
    db,
    `INSERT INTO complaint_rollup (period, dim, key, received, responded, responded_within, resolved, sum_first_response_min)
     VALUES (@period, @dim, @key, 1, @responded, @within, @resolved, @firstMin)
     ON CONFLICT (period, dim, key) DO UPDATE SET received = received + 1,
       responded = responded + excluded.responded, responded_within = responded_within + excluded.responded_within,
       resolved = resolved + excluded.resolved, sum_first_response_min = sum_first_response_min + excluded.sum_first_response_min`,
  );
  const values = {
    period: wibMonth(c.receivedMs),
    responded: c.firstResponseMs === null ? 0 : 1,
    within: c.respondedWithin ? 1 : 0,
    resolved: c.resolvedMs === null ? 0 : 1,
    firstMin: c.firstResponseMs === null ? 0 : Math.floor((c.firstResponseMs - c.receivedMs) / 60_000),
  };
  for (const [dim, key] of rollupKeys(c)) bump.run({ ...values, dim, key });
  return Number(lastInsertRowid);
}

/** Year-to-date aggregates of one dimension, through the month `untilPeriod`. */
export function complaintAgg(
  db: Db,
  year: number,
  untilPeriod: string,
  dim: 'total' | 'channel' | 'topic' | 'opd' | 'kecamatan',
): ComplaintAggRow[] {
  const label =
    dim === 'channel'
      ? '(SELECT name FROM complaint_channel WHERE code = r.key)'
      : dim === 'topic'
        ? '(SELECT name FROM complaint_topic WHERE code = r.key)'
        : dim === 'opd'
          ? '(SELECT short_name FROM opd WHERE code = r.key)'
          : dim === 'kecamatan'
            ? '(SELECT name FROM kecamatan WHERE code = r.key)'
            : `'Semua kanal'`;
  return prep(
    db,
    `SELECT r.key, COALESCE(${label}, r.key) AS label, SUM(received) AS received,
              SUM(responded) AS responded, SUM(responded_within) AS respondedWithinTarget,
              SUM(resolved) AS resolved, SUM(sum_first_response_min) AS sumFirstResponseMin
       FROM complaint_rollup r
       WHERE r.dim = ? AND r.period >= ? AND r.period <= ?
       GROUP BY r.key ORDER BY received DESC, r.key`,
  ).all(dim, `${year}-01`, untilPeriod) as ComplaintAggRow[];
}

/**
 * Recompute the rollup from raw complaints. `withinHours` is the response target; the SQL
 * compares milliseconds so the rule matches the write path exactly.
 */
export function rebuildComplaintRollups(db: Db, withinHours: number): void {
  const targetMs = withinHours * 3_600_000;
  db.exec('DELETE FROM complaint_rollup');
  const keyExpr: Record<string, string> = {
    total: `'ALL'`,
    channel: 'c.channel',
    topic: 'c.topic',
    opd: 'o.code',
    kecamatan: 'k.code',
  };
  for (const [dim, expr] of Object.entries(keyExpr)) {
    prep(
      db,
      `INSERT INTO complaint_rollup (period, dim, key, received, responded, responded_within, resolved, sum_first_response_min)
       SELECT strftime('%Y-%m', (c.received_ms / 1000) + 25200, 'unixepoch'), '${dim}', ${expr}, COUNT(*),
              COUNT(c.first_response_ms),
              SUM(c.first_response_ms IS NOT NULL AND c.first_response_ms - c.received_ms <= ${targetMs}),
              COUNT(c.resolved_ms),
              COALESCE(SUM((c.first_response_ms - c.received_ms) / 60000), 0)
       FROM complaint c LEFT JOIN opd o ON o.id = c.opd_id LEFT JOIN kecamatan k ON k.id = c.kecamatan_id
       WHERE ${expr} IS NOT NULL GROUP BY 1, 3`,
    ).run();
  }
}

export interface ComplaintState {
  id: number;
  channel: string;
  topic: string;
  opdCode: string | null;
  kecamatanCode: string | null;
  receivedMs: number;
  firstResponseMs: number | null;
  resolvedMs: number | null;
}

export function complaintStateBySource(db: Db, source: string, sourceId: string): ComplaintState | undefined {
  return prep(
    db,
    `SELECT c.id, c.channel, c.topic, o.code AS opdCode, k.code AS kecamatanCode, c.received_ms AS receivedMs,
            c.first_response_ms AS firstResponseMs, c.resolved_ms AS resolvedMs
     FROM complaint c LEFT JOIN opd o ON o.id = c.opd_id LEFT JOIN kecamatan k ON k.id = c.kecamatan_id
     WHERE c.source = ? AND c.source_id = ?`,
  ).get(source, sourceId) as ComplaintState | undefined;
}

/** What a complaint adds to its month's rollup, given the response target. */
function contribution(
  c: { receivedMs: number; firstResponseMs: number | null; resolvedMs: number | null },
  targetMs: number,
) {
  return {
    responded: c.firstResponseMs === null ? 0 : 1,
    within: c.firstResponseMs !== null && c.firstResponseMs - c.receivedMs <= targetMs ? 1 : 0,
    resolved: c.resolvedMs === null ? 0 : 1,
    firstMin: c.firstResponseMs === null ? 0 : Math.floor((c.firstResponseMs - c.receivedMs) / 60_000),
  };
}

/** A later first response or resolution of a complaint: the row and every dimension of its month move. */
export function updateComplaintProgress(
  db: Db,
  c: ComplaintState,
  next: { firstResponseMs: number | null; resolvedMs: number | null },
  targetHours: number,
): void {
  prep(db, 'UPDATE complaint SET first_response_ms = ?, resolved_ms = ? WHERE id = ?').run(
    next.firstResponseMs,
    next.resolvedMs,
    c.id,
  );
  const targetMs = targetHours * 3_600_000;
  const before = contribution(c, targetMs);
  const after = contribution({ receivedMs: c.receivedMs, ...next }, targetMs);
  const bump = prep(
    db,
    `UPDATE complaint_rollup SET responded = responded + @responded, responded_within = responded_within + @within,
       resolved = resolved + @resolved, sum_first_response_min = sum_first_response_min + @firstMin
     WHERE period = @period AND dim = @dim AND key = @key`,
  );
  const delta = {
    responded: after.responded - before.responded,
    within: after.within - before.within,
    resolved: after.resolved - before.resolved,
    firstMin: after.firstMin - before.firstMin,
  };
  const period = wibMonth(c.receivedMs);
  for (const [dim, key] of rollupKeys(c)) bump.run({ ...delta, period, dim, key });
}
