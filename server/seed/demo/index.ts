// Deterministic demo / benchmark data: the same size, seed and "now" give the same database.
// Figures are synthetic (source 'demo', shown as "Data contoh"); names come from the real
// reference data. Sizes follow DESIGN.md: kabupaten, stress (×10), and small for browser tests.
import { wibParts } from '../../../shared/time';
import type { Db } from '../../db/connection';
import { rebuildOpdReports } from '../../db/queries/periods';
import { Rng } from '../random';
import { chooseRedOpds, seedBudget } from './budget';
import { seedComplaints, seedIkm } from './complaints';
import { type DemoContext, type OpdRef, type SeedSize, SIZES } from './context';
import { seedMasterplan } from './masterplan';
import { seedMeetings } from './meetings';
import { seedServices } from './services';
import { seedSpbe } from './spbe';

export type { SeedSize } from './context';
export { SIZES } from './context';

export interface DemoOptions {
  size: SeedSize;
  seed?: number;
  nowMs: number;
  log?: (msg: string) => void;
}

export function hasFigures(db: Db): boolean {
  return (
    (db
      .prepare('SELECT EXISTS (SELECT 1 FROM sub_kegiatan) OR EXISTS (SELECT 1 FROM programme)')
      .pluck()
      .get() as number) === 1
  );
}

export function seedDemo(db: Db, opts: DemoOptions): void {
  const p = wibParts(opts.nowMs);
  const opds = db
    .prepare(
      'SELECT id, code, kind, urusan_code AS urusanCode, urusan_name AS urusanName FROM opd ORDER BY id',
    )
    .all() as OpdRef[];
  const ctx: DemoContext = {
    db,
    size: opts.size,
    spec: SIZES[opts.size],
    nowMs: opts.nowMs,
    nowIso: new Date(opts.nowMs).toISOString(),
    year: p.year,
    month: p.month,
    day: p.day,
    rng: new Rng(opts.seed ?? 20_260_523),
    opds,
    opdByCode: new Map(opds.map((o) => [o.code, o])),
    kecamatan: db.prepare('SELECT id, code FROM kecamatan ORDER BY bps_code').all() as {
      id: number;
      code: string;
    }[],
    redOpds: chooseRedOpds(opds),
    log: opts.log ?? (() => {}),
  };
  // Each family in its own transactions (services in chunks): a bulk load is a backfill, not a
  // request, and the rollups are rebuilt from the raw rows once each family is in.
  const steps: [string, (c: DemoContext) => void][] = [
    ['masterplan', seedMasterplan],
    ['budget', seedBudget],
    ['spbe', seedSpbe],
    ['services', seedServices],
    ['complaints', seedComplaints],
    ['ikm', seedIkm],
  ];
  for (const [name, step] of steps) {
    const t0 = performance.now();
    step(ctx);
    ctx.log(`  ${name} took ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  rebuildOpdReports(db);
  // Last: a meeting freezes the figures of every family as they stood on its date.
  seedMeetings(ctx);
  db.prepare(`INSERT OR REPLACE INTO meta (key, value) VALUES ('seed', ?)`).run(
    JSON.stringify({ size: opts.size, seed: opts.seed ?? 20_260_523, now: ctx.nowIso }),
  );
}
