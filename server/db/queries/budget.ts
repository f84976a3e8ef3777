// Budget (APBD) queries: stage lookup, rollup reads for the KPIs, the realisation write that keeps
// the rollups current in the same transaction, and the full rebuild of a year's rollups.
import type { BudgetMonthRow, BudgetSliceRow, BudgetStage } from '../../kpi/types';
import type { Db } from '../connection';
import { prep } from '../prepare';

export interface FiscalYearRow {
  year: number;
  stage: BudgetStage;
  belanjaRp: number;
  adoptedOn: string;
  confirmed: number;
  source: string | null;
}

export function listFiscalYears(db: Db, year: number): FiscalYearRow[] {
  return prep(
    db,
    `SELECT year, stage, belanja_rp AS belanjaRp, adopted_on AS adoptedOn, confirmed, source
       FROM fiscal_year WHERE year = ? ORDER BY adopted_on`,
  ).all(year) as FiscalYearRow[];
}

/** The budget stage in force on a date: perubahan once adopted, otherwise murni. */
export function stageOn(db: Db, year: number, date: string): BudgetStage {
  const row = prep(
    db,
    `SELECT stage FROM fiscal_year WHERE year = ? AND stage = 'perubahan' AND adopted_on <= ?`,
  ).get(year, date) as { stage: BudgetStage } | undefined;
  return row ? 'perubahan' : 'murni';
}

interface SliceRollupRow {
  dim: BudgetSliceRow['dim'];
  key: string;
  paguRp: number;
  subKegiatan: number;
  label: string;
}

interface MonthRollupRow extends BudgetMonthRow {
  dim: string;
  key: string;
}

const GROUP_LABELS: Record<string, string> = {
  operasi: 'Belanja Operasi',
  modal: 'Belanja Modal',
  tidak_terduga: 'Belanja Tidak Terduga',
  transfer: 'Belanja Transfer',
};

const SOURCE_LABELS: Record<string, string> = {
  PAD: 'PAD',
  DAU: 'DAU',
  DAK_FISIK: 'DAK Fisik',
  DAK_NON_FISIK: 'DAK Non Fisik',
  DBH: 'DBH',
  BANKEU_PROV: 'Bankeu Provinsi',
  DANA_DESA: 'Dana Desa',
};

/**
 * Every regency-wide slice (total, per OPD, per spending group, per funding source) of a year and
 * stage. The 'programme' dimension is read only for the programmes a screen shows
 * (programmeBudgetSlices), so the executive summary reads no more rows than before.
 */
export function budgetSlices(db: Db, year: number, stage: BudgetStage): BudgetSliceRow[] {
  const slices = prep(
    db,
    `SELECT r.dim, r.key, r.pagu_rp AS paguRp, r.sub_kegiatan AS subKegiatan,
              COALESCE(o.short_name, r.key) AS label
       FROM budget_slice_rollup r
       LEFT JOIN opd o ON r.dim = 'opd' AND o.code = r.key
       WHERE r.year = ? AND r.stage = ? AND r.dim IN ('total', 'opd', 'group', 'source')`,
  ).all(year, stage) as SliceRollupRow[];
  const months = prep(
    db,
    `SELECT dim, key, month, target_keu_rp AS targetKeuRp, real_keu_rp AS realKeuRp,
              target_fis_w AS targetFisW, real_fis_w AS realFisW, reported
       FROM budget_month_rollup
       WHERE year = ? AND stage = ? AND dim IN ('total', 'opd', 'group', 'source') ORDER BY month`,
  ).all(year, stage) as MonthRollupRow[];
  const byKey = monthsBySlice(months);
  return slices.map((s) => ({
    dim: s.dim,
    key: s.key,
    label:
      s.dim === 'total'
        ? 'Pemerintah Kabupaten Purbalingga'
        : s.dim === 'group'
          ? (GROUP_LABELS[s.key] ?? s.key)
          : s.dim === 'source'
            ? (SOURCE_LABELS[s.key] ?? s.key)
            : s.label,
    paguRp: s.paguRp,
    subKegiatan: s.subKegiatan,
    months: byKey.get(`${s.dim}\u0000${s.key}`) ?? [],
  }));
}

function monthsBySlice(months: readonly MonthRollupRow[]): Map<string, BudgetMonthRow[]> {
  const byKey = new Map<string, BudgetMonthRow[]>();
  for (const { dim, key, ...m } of months) {
    const k = `${dim}\u0000${key}`;
    const list = byKey.get(k);
    if (list) list.push(m);
    else byKey.set(k, [m]);
  }
  return byKey;
}

/**
 * The 'programme' slices (the sub kegiatan linked to each programme) of the given programme codes,
 * labelled with the programme's name. A programme without linked sub kegiatan has no slice.
 */
export function programmeBudgetSlices(
  db: Db,
  year: number,
  stage: BudgetStage,
  codes: readonly string[],
): BudgetSliceRow[] {
  const keys = JSON.stringify(codes);
  const slices = prep(
    db,
    `SELECT r.dim, r.key, r.pagu_rp AS paguRp, r.sub_kegiatan AS subKegiatan,
              COALESCE(pg.name, r.key) AS label
       FROM budget_slice_rollup r
       LEFT JOIN programme pg ON pg.code = r.key
       WHERE r.year = @year AND r.stage = @stage AND r.dim = 'programme'
         AND r.key IN (SELECT value FROM json_each(@keys))
       ORDER BY r.key`,
  ).all({ year, stage, keys }) as SliceRollupRow[];
  const months = prep(
    db,
    `SELECT dim, key, month, target_keu_rp AS targetKeuRp, real_keu_rp AS realKeuRp,
              target_fis_w AS targetFisW, real_fis_w AS realFisW, reported
       FROM budget_month_rollup
       WHERE year = @year AND stage = @stage AND dim = 'programme'
         AND key IN (SELECT value FROM json_each(@keys))
       ORDER BY month`,
  ).all({ year, stage, keys }) as MonthRollupRow[];
  const byKey = monthsBySlice(months);
  return slices.map((s) => ({
    dim: s.dim,
    key: s.key,
    label: s.label,
    paguRp: s.paguRp,
    subKegiatan: s.subKegiatan,
    months: byKey.get(`${s.dim}\u0000${s.key}`) ?? [],
  }));
}

// ───────────────────────────── Writes ─────────────────────────────

interface SubKegiatanKeys {
  id: number;
  year: number;
  opdCode: string;
  opdId: number;
  spendingGroup: string;
  fundingSource: string;
  /** Code of the masterplan programme the sub kegiatan serves; null when it serves none. */
  programmeCode: string | null;
}

export function subKegiatanKeys(db: Db, id: number): SubKegiatanKeys | undefined {
  return prep(
    db,
    `SELECT s.id, s.year, o.code AS opdCode, o.id AS opdId, s.spending_group AS spendingGroup,
              s.funding_source AS fundingSource, pg.code AS programmeCode
       FROM sub_kegiatan s JOIN opd o ON o.id = s.opd_id
       LEFT JOIN programme pg ON pg.id = s.programme_id
       WHERE s.id = ?`,
  ).get(id) as SubKegiatanKeys | undefined;
}

export interface RealisationRow {
  id: number;
  subKegiatanId: number;
  month: number;
  sp2dRp: number;
  spjRp: number;
  fisikPct: number;
  source: string;
  enteredAt: string;
  verification: string;
  version: number;
}

export function getRealisation(db: Db, subKegiatanId: number, month: number): RealisationRow | undefined {
  return prep(
    db,
    `SELECT id, sub_kegiatan_id AS subKegiatanId, month, sp2d_rp AS sp2dRp, spj_rp AS spjRp,
              fisik_pct AS fisikPct, source, entered_at AS enteredAt, verification, version
       FROM budget_realisation WHERE sub_kegiatan_id = ? AND month = ?`,
  ).get(subKegiatanId, month) as RealisationRow | undefined;
}

export interface RealisationInput {
  subKegiatanId: number;
  month: number;
  sp2dRp: number;
  spjRp: number;
  fisikPct: number;
  source: string;
  sourceRef: string | null;
  enteredAt: string;
  enteredBy: number | null;
}

/**
 * Insert or replace one month's realisation and move every rollup row it touches by the
 * difference. Must run inside the caller's transaction (with the audit and change rows).
 */
export function upsertRealisation(db: Db, input: RealisationInput): { old: RealisationRow | undefined } {
  const keys = subKegiatanKeys(db, input.subKegiatanId);
  if (!keys) throw new Error(`sub_kegiatan ${input.subKegiatanId} not found`);
  const old = getRealisation(db, input.subKegiatanId, input.month);
  prep(
    db,
    `INSERT INTO budget_realisation (sub_kegiatan_id, month, sp2d_rp, spj_rp, fisik_pct, source,
       source_ref, entered_at, entered_by, verification, version)
     VALUES (@subKegiatanId, @month, @sp2dRp, @spjRp, @fisikPct, @source, @sourceRef, @enteredAt,
       @enteredBy, 'submitted', 1)
     ON CONFLICT (sub_kegiatan_id, month) DO UPDATE SET
       sp2d_rp = excluded.sp2d_rp, spj_rp = excluded.spj_rp, fisik_pct = excluded.fisik_pct,
       source = excluded.source, source_ref = excluded.source_ref, entered_at = excluded.entered_at,
       entered_by = excluded.entered_by, verification = 'submitted', version = version + 1`,
  ).run(input);

  const pagus = prep(
    db,
    'SELECT stage, pagu_rp AS paguRp FROM sub_kegiatan_pagu WHERE sub_kegiatan_id = ?',
  ).all(input.subKegiatanId) as { stage: BudgetStage; paguRp: number }[];
  // Fisik is cumulative and carried forward: until its next report, a sub kegiatan stands at its
  // latest reported progress. So a write to month m moves months m … (next report − 1) by the
  // change in the carried value (its own old figure, or what was carried into m before).
  const carriedIn =
    old?.fisikPct ??
    (prep(
      db,
      'SELECT fisik_pct FROM budget_realisation WHERE sub_kegiatan_id = ? AND month < ? ORDER BY month DESC LIMIT 1',
    )
      .pluck()
      .get(input.subKegiatanId, input.month) as number | undefined) ??
    0;
  const nextReport =
    (prep(db, 'SELECT MIN(month) FROM budget_realisation WHERE sub_kegiatan_id = ? AND month > ?')
      .pluck()
      .get(input.subKegiatanId, input.month) as number | null) ?? 13;
  const dKeu = input.sp2dRp - (old?.sp2dRp ?? 0);
  const dFis = input.fisikPct - carriedIn;
  const dReported = old ? 0 : 1;
  // A corrected figure goes back to 'submitted', so it leaves the verified count.
  const dVerified = old?.verification === 'verified' ? -1 : 0;
  const bumpMonth = prep(
    db,
    `INSERT INTO budget_month_rollup (year, stage, dim, key, month, real_keu_rp, reported, verified)
     VALUES (@year, @stage, @dim, @key, @month, @dKeu, @dReported, @dVerified)
     ON CONFLICT (year, stage, dim, key, month) DO UPDATE SET
       real_keu_rp = real_keu_rp + excluded.real_keu_rp,
       reported = reported + excluded.reported,
       verified = verified + excluded.verified`,
  );
  // Σ pagu × fisik % moves by differences, and (a + b) − a − b is not always 0 in floating point:
  // rounded to a hundredth of a rupiah·percent (1e-10 of a percentage point on any slice) after
  // every step, a slice whose figures return to where they were returns to exactly its value
  // (regression: a slice left at −0,00012 where a recompute says 0, shown as "−0,0 %").
  const bumpFis = prep(
    db,
    `INSERT INTO budget_month_rollup (year, stage, dim, key, month, real_fis_w)
     VALUES (@year, @stage, @dim, @key, @month, ROUND(@dFisW, 2))
     ON CONFLICT (year, stage, dim, key, month) DO UPDATE SET
       real_fis_w = ROUND(real_fis_w + excluded.real_fis_w, 2)`,
  );
  for (const { stage, paguRp } of pagus) {
    for (const [dim, key] of sliceKeys(keys)) {
      const at = { year: keys.year, stage, dim, key };
      bumpMonth.run({ ...at, month: input.month, dKeu, dReported, dVerified });
      if (dFis === 0) continue;
      for (let month = input.month; month < nextReport; month++)
        bumpFis.run({ ...at, month, dFisW: paguRp * dFis });
    }
  }
  return { old };
}

/** Every rollup slice a sub kegiatan counts in: the same dimensions as DIMENSIONS below. */
function sliceKeys(k: SubKegiatanKeys): [string, string][] {
  const keys: [string, string][] = [
    ['total', 'ALL'],
    ['opd', k.opdCode],
    ['group', k.spendingGroup],
    ['source', k.fundingSource],
  ];
  if (k.programmeCode !== null) keys.push(['programme', k.programmeCode]);
  return keys;
}

// ───────────────────────────── Rebuild ─────────────────────────────

/**
 * The rollup dimensions: key expression over sub_kegiatan s and opd o, and an extra join that
 * also filters (a sub kegiatan serving no programme has no 'programme' slice).
 */
const DIMENSIONS: { dim: string; keyExpr: string; join: string }[] = [
  { dim: 'total', keyExpr: `'ALL'`, join: '' },
  { dim: 'opd', keyExpr: 'o.code', join: '' },
  { dim: 'group', keyExpr: 's.spending_group', join: '' },
  { dim: 'source', keyExpr: 's.funding_source', join: '' },
  { dim: 'programme', keyExpr: 'pg.code', join: 'JOIN programme pg ON pg.id = s.programme_id' },
];

/**
 * Recompute a year's budget rollups from the raw tables. Used after bulk loads and pagu changes;
 * a test checks it agrees row for row with the incremental path.
 */
export function rebuildBudgetRollups(db: Db, year: number): void {
  prep(db, 'DELETE FROM budget_slice_rollup WHERE year = ?').run(year);
  prep(db, 'DELETE FROM budget_month_rollup WHERE year = ?').run(year);
  for (const { dim, keyExpr, join } of DIMENSIONS) {
    prep(
      db,
      `INSERT INTO budget_slice_rollup (year, stage, dim, key, pagu_rp, sub_kegiatan, funded)
       SELECT s.year, p.stage, '${dim}', ${keyExpr}, SUM(p.pagu_rp), COUNT(*), SUM(p.pagu_rp > 0)
       FROM sub_kegiatan s JOIN opd o ON o.id = s.opd_id ${join}
       JOIN sub_kegiatan_pagu p ON p.sub_kegiatan_id = s.id
       WHERE s.year = ? GROUP BY p.stage, ${keyExpr}`,
    ).run(year);
    prep(
      db,
      `INSERT INTO budget_month_rollup (year, stage, dim, key, month, target_keu_rp, target_fis_w)
       SELECT s.year, t.stage, '${dim}', ${keyExpr}, t.month,
              SUM(p.pagu_rp * t.target_keu_pct / 100.0), SUM(p.pagu_rp * t.target_fis_pct)
       FROM sub_kegiatan s JOIN opd o ON o.id = s.opd_id ${join}
       JOIN budget_target t ON t.sub_kegiatan_id = s.id
       JOIN sub_kegiatan_pagu p ON p.sub_kegiatan_id = s.id AND p.stage = t.stage
       WHERE s.year = ? GROUP BY t.stage, ${keyExpr}, t.month`,
    ).run(year);
    prep(
      db,
      `INSERT INTO budget_month_rollup (year, stage, dim, key, month, real_keu_rp, reported, verified)
       SELECT s.year, p.stage, '${dim}', ${keyExpr}, r.month, SUM(r.sp2d_rp), COUNT(*), SUM(r.verification = 'verified')
       FROM sub_kegiatan s JOIN opd o ON o.id = s.opd_id ${join}
       JOIN budget_realisation r ON r.sub_kegiatan_id = s.id
       JOIN sub_kegiatan_pagu p ON p.sub_kegiatan_id = s.id
       WHERE s.year = ? GROUP BY p.stage, ${keyExpr}, r.month
       ON CONFLICT (year, stage, dim, key, month) DO UPDATE SET
         real_keu_rp = excluded.real_keu_rp, reported = excluded.reported, verified = excluded.verified`,
    ).run(year);
    // Fisik carried forward: each sub kegiatan at its latest report at or before the month.
    prep(
      db,
      `WITH RECURSIVE mm(month) AS (SELECT 1 UNION ALL SELECT month + 1 FROM mm WHERE month < 12),
       carried AS (
         SELECT s.id AS sub, mm.month,
                (SELECT r.fisik_pct FROM budget_realisation r
                 WHERE r.sub_kegiatan_id = s.id AND r.month <= mm.month ORDER BY r.month DESC LIMIT 1) AS fisik
         FROM sub_kegiatan s CROSS JOIN mm WHERE s.year = ?)
       INSERT INTO budget_month_rollup (year, stage, dim, key, month, real_fis_w)
       SELECT s.year, p.stage, '${dim}', ${keyExpr}, c.month, ROUND(SUM(p.pagu_rp * c.fisik), 2)
       FROM carried c JOIN sub_kegiatan s ON s.id = c.sub JOIN opd o ON o.id = s.opd_id ${join}
       JOIN sub_kegiatan_pagu p ON p.sub_kegiatan_id = s.id
       WHERE c.fisik IS NOT NULL GROUP BY p.stage, ${keyExpr}, c.month
       ON CONFLICT (year, stage, dim, key, month) DO UPDATE SET real_fis_w = excluded.real_fis_w`,
    ).run(year);
  }
}

export function budgetYears(db: Db): number[] {
  return prep(db, 'SELECT DISTINCT year FROM sub_kegiatan ORDER BY year').pluck().all() as number[];
}

/** Realisation figures of a year and stage through a month: how many reported, how many verified. */
export function budgetVerification(
  db: Db,
  year: number,
  stage: BudgetStage,
  untilMonth: number,
): { reported: number; verified: number } {
  return prep(
    db,
    `SELECT COALESCE(SUM(reported), 0) AS reported, COALESCE(SUM(verified), 0) AS verified FROM budget_month_rollup
     WHERE year = ? AND stage = ? AND dim = 'total' AND key = 'ALL' AND month <= ?`,
  ).get(year, stage, untilMonth) as { reported: number; verified: number };
}
