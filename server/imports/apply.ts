// Writes validated rows through the same write functions as the forms (server/writes), all inside
// ONE outer transaction: better-sqlite3 turns each write's own transaction into a savepoint of
// this one, so an exception anywhere rolls the whole file back. Rows equal to what is stored are
// counted as unchanged and not written again (re-importing a file adds no audit noise).
import type { Db } from '../db/connection';
import { getRealisation } from '../db/queries/budget';
import { getProgress } from '../db/queries/masterplan';
import { recordServiceBatch } from '../writes/batch';
import { type Actor, recordComplaint, saveProgress, saveRealisation } from '../writes/index';
import {
  type ApplyResult,
  type FormKind,
  IMPORT_SOURCE,
  type ProgresRow,
  type RealisasiRow,
  type ValidRow,
} from './types';

/** The actor of an import: source 'import', the file name as its reference. */
export function importActor(userId: number | null, fileName: string): Actor {
  return { userId, source: IMPORT_SOURCE, sourceRef: fileName };
}

function sameRealisation(db: Db, r: RealisasiRow): boolean {
  const old = getRealisation(db, r.write.subKegiatanId, r.write.month);
  return (
    !!old && old.sp2dRp === r.write.sp2dRp && old.spjRp === r.write.spjRp && old.fisikPct === r.write.fisikPct
  );
}

function sameProgress(db: Db, r: ProgresRow): boolean {
  const old = getProgress(db, r.write.programmeId, r.write.period);
  const w = r.write;
  return (
    !!old &&
    old.physicalPct === w.physicalPct &&
    old.spentRp === w.spentRp &&
    old.indicatorValue === w.indicatorValue &&
    old.status === w.status &&
    old.kendala === w.kendala &&
    old.tindakLanjut === w.tindakLanjut &&
    old.evidenceUrl === w.evidenceUrl
  );
}

/**
 * Writes every row or none. Call only when validation returned no errors. `actor.source` is
 * forced to 'import' (idempotency of service records and complaints is keyed on it).
 */
export function applyImport(
  kind: FormKind,
  valid: ValidRow[],
  actor: Actor,
  nowMs: number,
  db: Db,
  onProgress?: (done: number, total: number | null) => void,
): ApplyResult {
  const who: Actor = { ...actor, source: IMPORT_SOURCE };
  const total = valid.length;
  return db.transaction((): ApplyResult => {
    let written = 0;
    let unchanged = 0;
    const changeIds: number[] = [];
    const tick = (i: number) => {
      if (onProgress && i % 500 === 0) onProgress(i, total);
    };
    if (kind === 'layanan') {
      const rows = valid.map((r) => {
        if (r.kind !== 'layanan') throw new Error(`row ${r.row} is not a layanan row`);
        return r.write;
      });
      const res = recordServiceBatch(db, rows, who, nowMs);
      written = res.inserted + res.completed;
      unchanged = res.unchanged;
      if (res.change) changeIds.push(res.change.id);
    } else {
      valid.forEach((r, i) => {
        tick(i);
        if (r.kind === 'layanan' || r.kind !== kind)
          throw new Error(`row ${r.row} is a ${r.kind} row, not ${kind}`);
        switch (r.kind) {
          case 'realisasi':
            if (sameRealisation(db, r)) {
              unchanged++;
              return;
            }
            changeIds.push(
              saveRealisation(db, r.write, { ...who, reason: r.reason ?? who.reason ?? null }, nowMs).id,
            );
            break;
          case 'progres':
            if (sameProgress(db, r)) {
              unchanged++;
              return;
            }
            changeIds.push(
              saveProgress(db, r.write, { ...who, reason: r.reason ?? who.reason ?? null }, nowMs).id,
            );
            break;
          case 'aduan':
            if (r.existing) {
              unchanged++;
              return;
            }
            changeIds.push(recordComplaint(db, r.write, who, nowMs).id);
            break;
        }
        written++;
      });
    }
    onProgress?.(total, total);
    return { written, unchanged, changeIds };
  })();
}
