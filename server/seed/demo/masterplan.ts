// Demo masterplan: the fixture programmes (real Purbalingga initiatives, synthetic figures) with an
// S-shaped plan and monthly reports that mostly follow it, some lagging, a few stalled.
import { monthKey } from '../../../shared/time';
import { touchFreshness } from '../../db/queries/freshness';
import { programmesFile } from '../fixture-schema';
import { REFERENCE_DIR, readFixture } from '../reference';
import { DEMO_SOURCE, type DemoContext, reportedAt } from './context';

const KENDALA = [
  'Proses pengadaan barang/jasa melalui LPSE belum selesai',
  'Menunggu penetapan lokasi dan kesiapan lahan',
  'Keterbatasan SDM teknis di OPD',
  'Integrasi data antar-aplikasi belum tuntas',
  'Cuaca (musim hujan) menghambat pekerjaan fisik',
  'Revisi DPA menunggu APBD Perubahan',
  'Rekanan terlambat memenuhi jadwal pelaksanaan',
];

const TINDAK_LANJUT = [
  'Koordinasi dengan Bagian Pengadaan Barang/Jasa Setda',
  'Percepatan melalui rapat teknis mingguan',
  'Pendampingan oleh Tim Teknis Smart City',
  'Surat teguran kepada penyedia jasa',
];

/** Logistic S-curve from 0 to 100 over [0, 1]. */
function sCurve(x: number): number {
  const k = 9;
  const lo = 1 / (1 + Math.exp(k * 0.5));
  const hi = 1 / (1 + Math.exp(-k * 0.5));
  return ((1 / (1 + Math.exp(-k * (x - 0.5))) - lo) / (hi - lo)) * 100;
}

export function seedMasterplan(ctx: DemoContext): void {
  const { db, rng } = ctx;
  const { programmes } = readFixture(REFERENCE_DIR, 'programmes.json', programmesFile);
  const pillarId = db.prepare('SELECT id FROM pillar WHERE code = ?').pluck();
  const elementId = db.prepare('SELECT id FROM pillar_element WHERE code = ?').pluck();
  const insertProgramme = db.prepare(
    `INSERT INTO programme (code, pillar_id, element_id, name, innovation, coordinator_opd_id, horizon,
       start_year, end_year, budget_rp, indicator_name, indicator_unit, indicator_target, source, entered_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertInvolved = db.prepare(
    'INSERT OR IGNORE INTO programme_opd (programme_id, opd_id) VALUES (?, ?)',
  );
  const insertPlan = db.prepare(
    'INSERT INTO programme_plan (programme_id, period, planned_pct) VALUES (?, ?, ?)',
  );
  const insertProgress = db.prepare(
    `INSERT INTO programme_progress (programme_id, period, physical_pct, spent_rp, indicator_value, status,
       kendala, tindak_lanjut, evidence_url, source, entered_at, verification)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const lastReported = ctx.month === 1 ? monthKey(ctx.year - 1, 12) : monthKey(ctx.year, ctx.month - 1);
  let rows = 0;

  for (let copy = 1; copy <= ctx.spec.programmeCopies; copy++) {
    for (const p of programmes) {
      const opd = ctx.opdByCode.get(p.coordinator_opd);
      if (!opd) throw new Error(`programmes.json: unknown OPD ${p.coordinator_opd}`);
      const code = copy === 1 ? p.code : `${p.code}-P${copy}`;
      const name = copy === 1 ? p.name : `${p.name} (Paket ${copy})`;
      const budget = copy === 1 ? p.budget_rp : Math.round(p.budget_rp * rng.range(0.4, 1.2));
      const id = Number(
        insertProgramme.run(
          code,
          pillarId.get(p.pillar),
          elementId.get(p.element) ?? null,
          name,
          p.innovation ?? null,
          opd.id,
          p.horizon,
          p.start_year,
          p.end_year,
          budget,
          p.indicator.name,
          p.indicator.unit,
          p.indicator.target,
          DEMO_SOURCE,
          ctx.nowIso,
        ).lastInsertRowid,
      );
      for (const other of p.involved_opds) {
        const o = ctx.opdByCode.get(other);
        if (o) insertInvolved.run(id, o.id);
      }

      // Plan: cumulative S-curve from January of the start year to December of the end year.
      const months = (p.end_year - p.start_year + 1) * 12;
      const plan: [string, number][] = [];
      for (let i = 0; i < months; i++) {
        const period = monthKey(p.start_year + Math.floor(i / 12), (i % 12) + 1);
        const pct = Math.round(sCurve((i + 1) / months) * 100) / 100;
        plan.push([period, pct]);
        insertPlan.run(id, period, pct);
      }

      // Reports: performance relative to plan; about a fifth lag badly, a few stall (tertunda).
      const performance = rng.chance(0.2) ? rng.range(0.45, 0.8) : rng.range(0.9, 1.08);
      const stallAt = rng.chance(0.06) ? rng.range(0.3, 0.7) : null;
      let physical = 0;
      let stalled = false;
      for (const [i, [period, planned]] of plan.entries()) {
        if (period > lastReported) break;
        const target = Math.min(100, planned * performance);
        if (stallAt !== null && i / months >= stallAt) stalled = true;
        if (!stalled) physical = Math.max(physical, Math.min(100, Math.round(target * 100) / 100));
        const behind = planned - physical > 5;
        const status = stalled
          ? 'tertunda'
          : physical >= 100
            ? 'selesai'
            : physical > 0
              ? 'berjalan'
              : 'belum_mulai';
        const recent = period >= monthKey(ctx.year, Math.max(1, ctx.month - 2));
        insertProgress.run(
          id,
          period,
          physical,
          Math.round((budget * physical * rng.range(0.8, 0.95)) / 100),
          Math.round(p.indicator.target * (physical / 100) * 100) / 100,
          status,
          behind || stalled ? rng.pick(KENDALA) : null,
          behind || stalled ? rng.pick(TINDAK_LANJUT) : null,
          null,
          DEMO_SOURCE,
          reportedAt(period, rng.int(3, 9)),
          recent && rng.chance(0.5) ? 'submitted' : 'verified',
        );
        rows++;
      }
    }
  }
  const years = db
    .prepare('SELECT DISTINCT substr(period, 1, 4) FROM programme_progress')
    .pluck()
    .all() as string[];
  for (const y of years) {
    const maxPeriod = db
      .prepare('SELECT MAX(period) FROM programme_progress WHERE period LIKE ?')
      .pluck()
      .get(`${y}-%`) as string;
    const updatedAt = db
      .prepare('SELECT MAX(entered_at) FROM programme_progress WHERE period LIKE ?')
      .pluck()
      .get(`${y}-%`) as string;
    touchFreshness(db, 'masterplan', Number(y), maxPeriod, updatedAt, true, rows);
  }
  ctx.log(`masterplan: ${programmes.length * ctx.spec.programmeCopies} programmes, ${rows} reports`);
}
