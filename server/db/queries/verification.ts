// The verifier's queue and decisions. Verifying a budget figure also moves the rollup's
// verified count, so screens can say how much of a figure is verified.
import type { Db } from '../connection';
import { prep } from '../prepare';

export type VerifyFamily = 'budget' | 'masterplan';

export interface QueueRow {
  id: number;
  family: VerifyFamily;
  opdCode: string;
  opdName: string;
  code: string;
  name: string;
  period: string;
  /** The figure's key in the audit trail ('subKegiatanId:month' or 'programmeId:period'). */
  entityId: string;
  sp2dRp: number | null;
  spjRp: number | null;
  fisikPct: number | null;
  physicalPct: number | null;
  spentRp: number | null;
  kendala: string | null;
  enteredAt: string;
}

export function verificationQueue(
  db: Db,
  family: VerifyFamily,
  opdId: number | null,
  limit: number,
): QueueRow[] {
  if (family === 'budget') {
    return prep(
      db,
      `SELECT r.id, 'budget' AS family, o.code AS opdCode, o.short_name AS opdName, s.code, s.name,
              printf('%04d-%02d', s.year, r.month) AS period, r.sub_kegiatan_id || ':' || r.month AS entityId,
              r.sp2d_rp AS sp2dRp, r.spj_rp AS spjRp, r.fisik_pct AS fisikPct, NULL AS physicalPct, NULL AS spentRp,
              NULL AS kendala, r.entered_at AS enteredAt
       FROM budget_realisation r JOIN sub_kegiatan s ON s.id = r.sub_kegiatan_id JOIN opd o ON o.id = s.opd_id
       WHERE r.verification = 'submitted' AND (@opdId IS NULL OR s.opd_id = @opdId)
       ORDER BY r.entered_at LIMIT @limit`,
    ).all({ opdId, limit }) as QueueRow[];
  }
  return prep(
    db,
    `SELECT pp.id, 'masterplan' AS family, o.code AS opdCode, o.short_name AS opdName, p.code, p.name, pp.period,
            pp.programme_id || ':' || pp.period AS entityId, NULL AS sp2dRp, NULL AS spjRp, NULL AS fisikPct,
            pp.physical_pct AS physicalPct, pp.spent_rp AS spentRp, pp.kendala, pp.entered_at AS enteredAt
     FROM programme_progress pp JOIN programme p ON p.id = pp.programme_id JOIN opd o ON o.id = p.coordinator_opd_id
     WHERE pp.verification = 'submitted' AND (@opdId IS NULL OR p.coordinator_opd_id = @opdId)
     ORDER BY pp.entered_at LIMIT @limit`,
  ).all({ opdId, limit }) as QueueRow[];
}

export interface FigureState {
  id: number;
  opdId: number;
  verification: string;
  year: number;
  month: number | null;
  subKegiatanId: number | null;
  label: string;
  /** The figure's key in the audit trail, as the write path records it. */
  entityId: string;
}

export function figureState(db: Db, family: VerifyFamily, id: number): FigureState | undefined {
  return (
    family === 'budget'
      ? prep(
          db,
          `SELECT r.id, s.opd_id AS opdId, r.verification, s.year, r.month, r.sub_kegiatan_id AS subKegiatanId,
                  s.code || ' bulan ' || r.month AS label, r.sub_kegiatan_id || ':' || r.month AS entityId
           FROM budget_realisation r JOIN sub_kegiatan s ON s.id = r.sub_kegiatan_id WHERE r.id = ?`,
        ).get(id)
      : prep(
          db,
          `SELECT pp.id, p.coordinator_opd_id AS opdId, pp.verification, CAST(substr(pp.period, 1, 4) AS INTEGER) AS year,
                  NULL AS month, NULL AS subKegiatanId, p.code || ' ' || pp.period AS label,
                  pp.programme_id || ':' || pp.period AS entityId
           FROM programme_progress pp JOIN programme p ON p.id = pp.programme_id WHERE pp.id = ?`,
        ).get(id)
  ) as FigureState | undefined;
}

export function setVerification(
  db: Db,
  family: VerifyFamily,
  id: number,
  v: { state: 'verified' | 'returned'; note: string | null; by: number; at: string },
): void {
  const table = family === 'budget' ? 'budget_realisation' : 'programme_progress';
  prep(
    db,
    `UPDATE ${table} SET verification = ?, verification_note = ?, verified_by = ?, verified_at = ? WHERE id = ?`,
  ).run(v.state, v.note, v.by, v.at, id);
}

/** Move the verified count of every budget slice a sub kegiatan's month belongs to. */
export function bumpBudgetVerified(db: Db, subKegiatanId: number, month: number, delta: number): void {
  prep(
    db,
    `UPDATE budget_month_rollup SET verified = verified + @delta
     WHERE month = @month AND year = (SELECT year FROM sub_kegiatan WHERE id = @sub)
       AND ((dim = 'total' AND key = 'ALL')
         OR (dim = 'opd' AND key = (SELECT o.code FROM sub_kegiatan s JOIN opd o ON o.id = s.opd_id WHERE s.id = @sub))
         OR (dim = 'group' AND key = (SELECT spending_group FROM sub_kegiatan WHERE id = @sub))
         OR (dim = 'source' AND key = (SELECT funding_source FROM sub_kegiatan WHERE id = @sub))
         OR (dim = 'programme' AND key = (SELECT pg.code FROM sub_kegiatan s JOIN programme pg ON pg.id = s.programme_id WHERE s.id = @sub)))`,
  ).run({ delta, month, sub: subKegiatanId });
}

export interface AuditRow {
  id: number;
  at: string;
  entity: string;
  entityId: string;
  username: string | null;
  displayName: string | null;
  action: string;
  oldJson: string | null;
  newJson: string | null;
  reason: string | null;
  source: string;
}

export function auditForFigure(db: Db, entity: string, entityId: string): AuditRow[] {
  return prep(
    db,
    `SELECT a.id, a.at, a.entity, a.entity_id AS entityId, u.username, u.display_name AS displayName, a.action,
            a.old_json AS oldJson, a.new_json AS newJson, a.reason, a.source
     FROM audit_log a LEFT JOIN app_user u ON u.id = a.user_id WHERE a.entity = ? AND a.entity_id = ? ORDER BY a.id DESC`,
  ).all(entity, entityId) as AuditRow[];
}

export function auditForOpd(db: Db, opdId: number, limit: number): AuditRow[] {
  return prep(
    db,
    `SELECT a.id, a.at, a.entity, a.entity_id AS entityId, u.username, u.display_name AS displayName, a.action,
            a.old_json AS oldJson, a.new_json AS newJson, a.reason, a.source
     FROM audit_log a LEFT JOIN app_user u ON u.id = a.user_id WHERE a.opd_id = ? ORDER BY a.at DESC, a.id DESC LIMIT ?`,
  ).all(opdId, limit) as AuditRow[];
}

export function auditTouchesOpd(db: Db, entity: string, entityId: string, opdId: number | null): boolean {
  return (
    prep(db, 'SELECT 1 FROM audit_log WHERE entity = ? AND entity_id = ? AND opd_id IS ? LIMIT 1')
      .pluck()
      .get(entity, entityId, opdId) === 1
  );
}
