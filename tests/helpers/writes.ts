// A committed write for tests that only need "a figure changed": November's realisation of the
// first 2026 sub kegiatan, through the real write path (audit row, rollups, change_log), published
// on the bus when one is given, as the server's own procedures do.
import type { ChangeRow } from '../../server/db/queries/freshness';
import type { ChangeBus } from '../../server/live';
import { saveRealisation } from '../../server/writes';
import type { TestDb } from './db';

export interface RealisationFigures {
  sp2dRp: number;
  fisikPct: number;
}

export function firstSubKegiatan2026(t: Pick<TestDb, 'db'>): number {
  return t.db
    .prepare('SELECT id FROM sub_kegiatan WHERE year = 2026 ORDER BY id LIMIT 1')
    .pluck()
    .get() as number;
}

export function saveFirstRealisation(
  t: Pick<TestDb, 'db' | 'nowMs'>,
  figures: RealisationFigures,
  opts: { bus?: ChangeBus; nowMs?: number } = {},
): ChangeRow {
  const change = saveRealisation(
    t.db,
    { subKegiatanId: firstSubKegiatan2026(t), month: 11, spjRp: 0, ...figures },
    { userId: null, source: 'manual' },
    opts.nowMs ?? t.nowMs,
  );
  opts.bus?.publish(change);
  return change;
}
