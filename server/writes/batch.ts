// Bulk writes for imports and system feeds: many service records in one transaction (all or
// nothing), idempotent by the source's own id, on-time decided with one holiday calendar for the
// whole batch. One audit row records the batch; a record completed later is audited on its own.
import { wibMonth, wibParts } from '../../shared/time';
import type { Db } from '../db/connection';
import { appendAudit, appendChange, type ChangeRow, touchFreshness } from '../db/queries/freshness';
import { listHolidays } from '../db/queries/reference';
import {
  applyServiceDelta,
  completeServiceRecordRow,
  insertServiceRecordRow,
  recordBySourceId,
  ServiceRollupDelta,
} from '../db/queries/services';
import { durationMin, makeCalendar, slaMet } from '../kpi/calendar';
import { bucketOf } from '../kpi/histogram';
import type { SlaUnit } from '../kpi/types';
import type { Actor } from './index';

export interface ServiceBatchRow {
  serviceId: number;
  kecamatanId: number | null;
  submittedMs: number;
  completedMs: number | null;
  sourceId: string | null;
}

export interface BatchResult {
  inserted: number;
  completed: number;
  unchanged: number;
  change: ChangeRow | null;
}

export function recordServiceBatch(
  db: Db,
  rows: readonly ServiceBatchRow[],
  actor: Actor,
  nowMs: number,
): BatchResult {
  const at = new Date(nowMs).toISOString();
  return db.transaction(() => {
    const cal = makeCalendar(listHolidays(db));
    const services = new Map(
      (
        db
          .prepare(
            'SELECT id, opd_id AS opdId, sla_amount AS slaAmount, sla_unit AS slaUnit FROM service_type',
          )
          .all() as {
          id: number;
          opdId: number;
          slaAmount: number;
          slaUnit: SlaUnit;
        }[]
      ).map((s) => [s.id, s]),
    );
    const derive = (serviceId: number, submittedMs: number, completedMs: number) => {
      const s = services.get(serviceId);
      if (!s) throw new Error(`service ${serviceId} not found`);
      const minutes = durationMin(submittedMs, completedMs);
      return {
        durationMin: minutes,
        onTime: slaMet(submittedMs, completedMs, s.slaAmount, s.slaUnit, cal),
        bucket: bucketOf(minutes),
      };
    };
    // Rollup changes of the whole batch, written once per key at the end.
    const delta = new ServiceRollupDelta();
    let inserted = 0;
    let completed = 0;
    let unchanged = 0;
    // The one new record of a form entry (a manual single-row batch).
    let single: {
      id: number;
      rec: ServiceBatchRow & { onTime: boolean | null; durationMin: number | null };
    } | null = null;
    const periods = new Map<number, string>(); // year → latest WIB month written
    const opds = new Set<number>();
    for (const r of rows) {
      const existing = r.sourceId === null ? undefined : recordBySourceId(db, actor.source, r.sourceId);
      if (existing) {
        if (existing.completedMs === null && r.completedMs !== null) {
          const d = derive(existing.serviceId, existing.submittedMs, r.completedMs);
          completeServiceRecordRow(db, existing, { completedMs: r.completedMs, ...d });
          delta.addCompletion(
            {
              ...existing,
              completedMs: r.completedMs,
              ...d,
              source: actor.source,
              sourceId: r.sourceId,
              enteredAt: at,
            },
            true,
          );
          appendAudit(db, {
            at,
            userId: actor.userId,
            entity: 'service_record',
            entityId: String(existing.id),
            opdId: services.get(existing.serviceId)?.opdId ?? null,
            action: 'update',
            oldJson: JSON.stringify({ completedMs: null }),
            newJson: JSON.stringify({ completedMs: r.completedMs, ...d }),
            reason: actor.reason ?? null,
            source: actor.source,
          });
          completed++;
        } else unchanged++;
        continue;
      }
      const d = r.completedMs === null ? null : derive(r.serviceId, r.submittedMs, r.completedMs);
      const rec = {
        ...r,
        durationMin: d?.durationMin ?? null,
        onTime: d?.onTime ?? null,
        bucket: d?.bucket ?? null,
        source: actor.source,
        enteredAt: at,
      };
      const id = insertServiceRecordRow(db, rec);
      delta.addRecord(rec);
      inserted++;
      if (rows.length === 1 && actor.source === 'manual') single = { id, rec };
      const when = r.completedMs ?? r.submittedMs;
      const year = wibParts(when).year;
      const month = wibMonth(when);
      if ((periods.get(year) ?? '') < month) periods.set(year, month);
      const opd = services.get(r.serviceId)?.opdId;
      if (opd !== undefined) opds.add(opd);
    }
    applyServiceDelta(db, delta);
    if (inserted + completed === 0) return { inserted, completed, unchanged, change: null };
    for (const [year, month] of periods)
      touchFreshness(db, 'services', year, month, at, actor.source === 'demo', inserted);
    // A form entry is audited as the record it created, with its values, so its trail is found per
    // figure (audit.byFigure 'service_record' + id) like every other figure; an import or a feed
    // batch gets one summary row naming its source. (Regression: a form entry left only a summary
    // row, {inserted: 1}, naming no record and no value.)
    if (single)
      appendAudit(db, {
        at,
        userId: actor.userId,
        entity: 'service_record',
        entityId: String(single.id),
        opdId: services.get(single.rec.serviceId)?.opdId ?? null,
        action: 'insert',
        oldJson: null,
        newJson: JSON.stringify({
          serviceId: single.rec.serviceId,
          kecamatanId: single.rec.kecamatanId,
          submittedMs: single.rec.submittedMs,
          completedMs: single.rec.completedMs,
          sourceId: single.rec.sourceId,
          onTime: single.rec.onTime,
          durationMin: single.rec.durationMin,
        }),
        reason: actor.reason ?? null,
        source: actor.source,
      });
    else
      appendAudit(db, {
        at,
        userId: actor.userId,
        entity: 'service_record_batch',
        entityId: actor.sourceRef ?? at,
        opdId: opds.size === 1 ? ([...opds][0] ?? null) : null,
        action: 'insert',
        oldJson: null,
        newJson: JSON.stringify({ inserted, completed, unchanged, rows: rows.length }),
        reason: actor.reason ?? null,
        source: actor.source,
      });
    const year = [...periods.keys()].sort().at(-1) ?? wibParts(nowMs).year;
    const summary = `${inserted} layanan baru, ${completed} diselesaikan (${actor.sourceRef ?? actor.source})`;
    const id = appendChange(db, {
      at,
      topic: 'services',
      year,
      opdId: opds.size === 1 ? ([...opds][0] ?? null) : null,
      summary,
    });
    return {
      inserted,
      completed,
      unchanged,
      change: { id, at, topic: 'services', year, opdId: null, summary },
    };
  })();
}
