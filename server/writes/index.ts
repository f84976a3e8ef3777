// Every write of a figure, as one SQLite transaction: the figure, its audit row, the rollups it
// touches, the family freshness and a change_log row commit together or not at all. Callers
// publish the returned change on the bus after the commit.
import { monthKey, wibMonth, wibParts } from '../../shared/time';
import type { Db } from '../db/connection';
import { upsertRealisation } from '../db/queries/budget';
import { complaintStateBySource, insertComplaint, updateComplaintProgress } from '../db/queries/complaints';
import { appendAudit, appendChange, type ChangeRow, touchFreshness } from '../db/queries/freshness';
import { getProgress, programmeById, upsertProgress } from '../db/queries/masterplan';
import { touchOpdReport } from '../db/queries/periods';
import { listHolidays } from '../db/queries/reference';
import { insertServiceRecord } from '../db/queries/services';
import { setIndexScore } from '../db/queries/spbe';
import { durationMin, makeCalendar, slaMet } from '../kpi/calendar';
import { bucketOf } from '../kpi/histogram';
import type { ProgrammeStatus, SlaUnit } from '../kpi/types';
import { setting } from '../settings';

export interface Actor {
  userId: number | null;
  /** 'manual' (form), 'import' (file), 'feed' (system), 'demo', 'fixture'. */
  source: string;
  sourceRef?: string | null;
  reason?: string | null;
}

const isDemo = (a: Actor) => a.source === 'demo';

/** The audit row of a write: who, when, old and new value (as JSON), why, through which channel. */
function audit(
  db: Db,
  at: string,
  actor: Actor,
  a: {
    entity: string;
    entityId: string;
    opdId: number | null;
    action: 'insert' | 'update';
    old: string | null;
    new: string;
  },
): void {
  appendAudit(db, {
    at,
    userId: actor.userId,
    entity: a.entity,
    entityId: a.entityId,
    opdId: a.opdId,
    action: a.action,
    oldJson: a.old,
    newJson: a.new,
    reason: actor.reason ?? null,
    source: actor.source,
  });
}

function change(
  db: Db,
  at: string,
  topic: string,
  year: number | null,
  opdId: number | null,
  summary: string,
): ChangeRow {
  const id = appendChange(db, { at, topic, year, opdId, summary });
  return { id, at, topic, year, opdId, summary };
}

export interface RealisationWrite {
  subKegiatanId: number;
  month: number;
  sp2dRp: number;
  spjRp: number;
  fisikPct: number;
}

export function saveRealisation(db: Db, w: RealisationWrite, actor: Actor, nowMs: number): ChangeRow {
  const at = new Date(nowMs).toISOString();
  return db.transaction(() => {
    const sub = db
      .prepare('SELECT year, opd_id AS opdId, code FROM sub_kegiatan WHERE id = ?')
      .get(w.subKegiatanId) as { year: number; opdId: number; code: string } | undefined;
    if (!sub) throw new Error(`sub_kegiatan ${w.subKegiatanId} not found`);
    const { old } = upsertRealisation(db, {
      ...w,
      source: actor.source,
      sourceRef: actor.sourceRef ?? null,
      enteredAt: at,
      enteredBy: actor.userId,
    });
    audit(db, at, actor, {
      entity: 'budget_realisation',
      entityId: `${w.subKegiatanId}:${w.month}`,
      opdId: sub.opdId,
      action: old ? 'update' : 'insert',
      old: old ? JSON.stringify({ sp2dRp: old.sp2dRp, spjRp: old.spjRp, fisikPct: old.fisikPct }) : null,
      new: JSON.stringify({ sp2dRp: w.sp2dRp, spjRp: w.spjRp, fisikPct: w.fisikPct }),
    });
    touchFreshness(db, 'budget', sub.year, monthKey(sub.year, w.month), at, isDemo(actor));
    touchOpdReport(db, 'budget', monthKey(sub.year, w.month), sub.opdId, at, old === undefined);
    return change(db, at, 'budget', sub.year, sub.opdId, `Realisasi ${sub.code} bulan ${w.month}`);
  })();
}

export interface ProgressWrite {
  programmeId: number;
  period: string;
  physicalPct: number;
  spentRp: number;
  indicatorValue: number | null;
  status: ProgrammeStatus | null;
  kendala: string | null;
  tindakLanjut: string | null;
  evidenceUrl: string | null;
}

export function saveProgress(db: Db, w: ProgressWrite, actor: Actor, nowMs: number): ChangeRow {
  const at = new Date(nowMs).toISOString();
  return db.transaction(() => {
    const p = programmeById(db, w.programmeId);
    if (!p) throw new Error(`programme ${w.programmeId} not found`);
    const old = getProgress(db, w.programmeId, w.period);
    upsertProgress(db, {
      ...w,
      source: actor.source,
      sourceRef: actor.sourceRef ?? null,
      enteredAt: at,
      enteredBy: actor.userId,
    });
    audit(db, at, actor, {
      entity: 'programme_progress',
      entityId: `${w.programmeId}:${w.period}`,
      opdId: p.opdId,
      action: old ? 'update' : 'insert',
      old: old ? JSON.stringify(old) : null,
      new: JSON.stringify(w),
    });
    const year = Number(w.period.slice(0, 4));
    touchFreshness(db, 'masterplan', year, w.period, at, isDemo(actor));
    touchOpdReport(db, 'masterplan', w.period, p.opdId, at, old === undefined);
    return change(db, at, 'masterplan', year, p.opdId, `Progres ${p.code} ${w.period}`);
  })();
}

export interface ServiceRecordWrite {
  serviceId: number;
  kecamatanId: number | null;
  submittedMs: number;
  completedMs: number | null;
  sourceId: string | null;
}

/** Records one service request; on-time is decided here, once, with the holiday calendar. */
export function recordServiceRequest(db: Db, w: ServiceRecordWrite, actor: Actor, nowMs: number): ChangeRow {
  const at = new Date(nowMs).toISOString();
  return db.transaction(() => {
    const s = db
      .prepare(
        'SELECT id, opd_id AS opdId, sla_amount AS slaAmount, sla_unit AS slaUnit, code FROM service_type WHERE id = ?',
      )
      .get(w.serviceId) as
      | { id: number; opdId: number; slaAmount: number; slaUnit: SlaUnit; code: string }
      | undefined;
    if (!s) throw new Error(`service ${w.serviceId} not found`);
    const done = w.completedMs;
    const minutes = done === null ? null : durationMin(w.submittedMs, done);
    const onTime =
      done === null
        ? null
        : slaMet(w.submittedMs, done, s.slaAmount, s.slaUnit, makeCalendar(listHolidays(db)));
    const id = insertServiceRecord(db, {
      ...w,
      durationMin: minutes,
      onTime,
      bucket: minutes === null ? null : bucketOf(minutes),
      source: actor.source,
      enteredAt: at,
    });
    audit(db, at, actor, {
      entity: 'service_record',
      entityId: String(id),
      opdId: s.opdId,
      action: 'insert',
      old: null,
      new: JSON.stringify({ ...w, onTime, durationMin: minutes }),
    });
    const year = wibParts(done ?? w.submittedMs).year;
    touchFreshness(db, 'services', year, wibMonth(done ?? w.submittedMs), at, isDemo(actor));
    return change(db, at, 'services', year, s.opdId, `Layanan ${s.code}`);
  })();
}

export interface ComplaintWrite {
  channel: string;
  topic: string;
  category: string;
  opdCode: string | null;
  kecamatanCode: string | null;
  receivedMs: number;
  firstResponseMs: number | null;
  resolvedMs: number | null;
  sourceId: string | null;
}

export function recordComplaint(db: Db, w: ComplaintWrite, actor: Actor, nowMs: number): ChangeRow {
  const at = new Date(nowMs).toISOString();
  return db.transaction(() => {
    const year = wibParts(w.receivedMs).year;
    const hours = setting(db, 'complaint.first_response_hours', year);
    const opdId = w.opdCode
      ? ((db.prepare('SELECT id FROM opd WHERE code = ?').pluck().get(w.opdCode) as number | undefined) ??
        null)
      : null;
    const kecamatanId = w.kecamatanCode
      ? ((db.prepare('SELECT id FROM kecamatan WHERE code = ?').pluck().get(w.kecamatanCode) as
          | number
          | undefined) ?? null)
      : null;
    const id = insertComplaint(db, {
      ...w,
      opdId,
      kecamatanId,
      respondedWithin: w.firstResponseMs !== null && w.firstResponseMs - w.receivedMs <= hours * 3_600_000,
      source: actor.source,
      enteredAt: at,
    });
    audit(db, at, actor, {
      entity: 'complaint',
      entityId: String(id),
      opdId,
      action: 'insert',
      old: null,
      new: JSON.stringify(w),
    });
    touchFreshness(db, 'complaints', year, wibMonth(w.receivedMs), at, isDemo(actor));
    return change(db, at, 'complaints', year, opdId, `Aduan ${w.topic} via ${w.channel}`);
  })();
}

export interface IndexScoreWrite {
  assessmentId: number;
  indicatorId: number;
  level: number | null;
  evidence: string | null;
}

export function saveIndexScore(db: Db, w: IndexScoreWrite, actor: Actor, nowMs: number): ChangeRow {
  const at = new Date(nowMs).toISOString();
  return db.transaction(() => {
    const a = db.prepare('SELECT year FROM index_assessment WHERE id = ?').get(w.assessmentId) as
      | { year: number }
      | undefined;
    if (!a) throw new Error(`assessment ${w.assessmentId} not found`);
    const { oldLevel } = setIndexScore(db, {
      ...w,
      source: actor.source,
      enteredAt: at,
      enteredBy: actor.userId,
    });
    audit(db, at, actor, {
      entity: 'index_score',
      entityId: `${w.assessmentId}:${w.indicatorId}`,
      opdId: null,
      action: oldLevel === undefined ? 'insert' : 'update',
      old: oldLevel === undefined ? null : JSON.stringify({ level: oldLevel }),
      new: JSON.stringify({ level: w.level }),
    });
    touchFreshness(db, 'spbe', a.year, String(a.year), at, isDemo(actor));
    return change(db, at, 'spbe', a.year, null, `SPBE ${a.year} indikator ${w.indicatorId}`);
  })();
}

export interface IkmSurveyWrite {
  opdId: number;
  serviceId: number | null;
  period: string;
  respondents: number;
  elements: { name: string; nrr: number }[];
}

export function saveIkmSurvey(db: Db, w: IkmSurveyWrite, actor: Actor, nowMs: number): ChangeRow {
  const at = new Date(nowMs).toISOString();
  return db.transaction(() => {
    const id = Number(
      db
        .prepare(
          `INSERT INTO ikm_survey (opd_id, service_id, period, respondents, source, entered_at, entered_by)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(w.opdId, w.serviceId, w.period, w.respondents, actor.source, at, actor.userId).lastInsertRowid,
    );
    const el = db.prepare('INSERT INTO ikm_survey_element (survey_id, name, nrr) VALUES (?, ?, ?)');
    for (const e of w.elements) el.run(id, e.name, e.nrr);
    audit(db, at, actor, {
      entity: 'ikm_survey',
      entityId: String(id),
      opdId: w.opdId,
      action: 'insert',
      old: null,
      new: JSON.stringify(w),
    });
    const year = Number(w.period.slice(0, 4));
    touchFreshness(db, 'ikm', year, w.period, at, isDemo(actor));
    return change(db, at, 'ikm', year, w.opdId, `IKM ${w.period}`);
  })();
}

/**
 * A complaint's later progress from its system of record (first response, resolution), keyed by
 * the source's id. Returns null when nothing changed.
 */
export function updateComplaintBySource(
  db: Db,
  sourceId: string,
  next: { firstResponseMs: number | null; resolvedMs: number | null },
  actor: Actor,
  nowMs: number,
): ChangeRow | null {
  const at = new Date(nowMs).toISOString();
  return db.transaction(() => {
    const c = complaintStateBySource(db, actor.source, sourceId);
    if (!c) throw new Error(`complaint ${actor.source}/${sourceId} not found`);
    if (c.firstResponseMs === next.firstResponseMs && c.resolvedMs === next.resolvedMs) return null;
    const year = wibParts(c.receivedMs).year;
    updateComplaintProgress(db, c, next, setting(db, 'complaint.first_response_hours', year));
    audit(db, at, actor, {
      entity: 'complaint',
      entityId: String(c.id),
      opdId: null,
      action: 'update',
      old: JSON.stringify({ firstResponseMs: c.firstResponseMs, resolvedMs: c.resolvedMs }),
      new: JSON.stringify(next),
    });
    touchFreshness(db, 'complaints', year, wibMonth(c.receivedMs), at, isDemo(actor));
    return change(db, at, 'complaints', year, null, `Aduan ${sourceId} diperbarui`);
  })();
}
