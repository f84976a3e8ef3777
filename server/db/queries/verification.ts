// The verifier's queue and decisions. Verifying a budget figure also moves the rollup's
// verified count, so screens can say how much of a figure is verified.
import type { Db } from '../connection';
import { prep } from '../prepare';

export type VerifyFamily = 'budget' | 'masterplan';

export function verificationQueue(db: Db, family: VerifyFamily, opdId: number | null, limit: number) {
  if (family === 'budget') {
    return prep(
      db,
      `SELECT r.id, o.code AS opdCode, o.short_name AS opdName, s.code, s.name, printf('%04d-%02d', s.year, r.month) AS period,
              r.sp2d_rp AS sp2dRp, r.fisik_pct AS fisikPct, r.entered_at AS enteredAt, r.verification
       FROM budget_realisation r JOIN sub_kegiatan s ON s.id = r.sub_kegiatan_id JOIN opd o ON o.id = s.opd_id
       WHERE r.verification = 'submitted' AND (@opdId IS NULL OR s.opd_id = @opdId)
       ORDER BY r.entered_at LIMIT @limit`,
    ).all({ opdId, limit }) as Record<string, unknown>[];
  }
  return prep(
    db,
    `SELECT pp.id, o.code AS opdCode, o.short_name AS opdName, p.code, p.name, pp.period, pp.physical_pct AS physicalPct,
            pp.kendala, pp.entered_at AS enteredAt, pp.verification
     FROM programme_progress pp JOIN programme p ON p.id = pp.programme_id JOIN opd o ON o.id = p.coordinator_opd_id
     WHERE pp.verification = 'submitted' AND (@opdId IS NULL OR p.coordinator_opd_id = @opdId)
     ORDER BY pp.entered_at LIMIT @limit`,
  ).all({ opdId, limit }) as Record<string, unknown>[];
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
         OR (dim = 'source' AND key = (SELECT funding_source FROM sub_kegiatan WHERE id = @sub)))`,
  ).run({ delta, month, sub: subKegiatanId });
}

export function auditForFigure(db: Db, entity: string, entityId: string) {
  return prep(
    db,
    `SELECT a.id, a.at, u.username, u.display_name AS displayName, a.action, a.old_json AS oldJson, a.new_json AS newJson,
            a.reason, a.source
     FROM audit_log a LEFT JOIN app_user u ON u.id = a.user_id WHERE a.entity = ? AND a.entity_id = ? ORDER BY a.id DESC`,
  ).all(entity, entityId) as Record<string, unknown>[];
}

export function auditForOpd(db: Db, opdId: number, limit: number) {
  return prep(
    db,
    `SELECT a.id, a.at, a.entity, a.entity_id AS entityId, u.username, a.action, a.old_json AS oldJson, a.new_json AS newJson,
            a.reason, a.source
     FROM audit_log a LEFT JOIN app_user u ON u.id = a.user_id WHERE a.opd_id = ? ORDER BY a.at DESC, a.id DESC LIMIT ?`,
  ).all(opdId, limit) as Record<string, unknown>[];
}

export function auditTouchesOpd(db: Db, entity: string, entityId: string, opdId: number | null): boolean {
  return (
    prep(db, 'SELECT 1 FROM audit_log WHERE entity = ? AND entity_id = ? AND opd_id IS ? LIMIT 1')
      .pluck()
      .get(entity, entityId, opdId) === 1
  );
}
