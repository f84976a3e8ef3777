-- 0004 budget rollups per masterplan programme: a fifth rollup dimension 'programme' (key = the
-- programme code) summing the sub kegiatan whose programme_id points at it, so a pillar screen
-- reads the serapan behind its programmes from rollups. budget_month_rollup has no CHECK on dim;
-- budget_slice_rollup has one, so it is rebuilt the SQLite way (new table, copy, drop, rename),
-- keeping its rows. Then the new dimension is filled from the raw rows, exactly as
-- rebuildBudgetRollups (server/db/queries/budget.ts) computes it, so an upgraded database already
-- agrees with a rebuild.

CREATE TABLE budget_slice_rollup_new (
  year INTEGER NOT NULL,
  stage TEXT NOT NULL,
  dim TEXT NOT NULL CHECK (dim IN ('total','opd','group','source','programme')),
  key TEXT NOT NULL,
  pagu_rp INTEGER NOT NULL DEFAULT 0,
  sub_kegiatan INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (year, stage, dim, key)
) WITHOUT ROWID;

INSERT INTO budget_slice_rollup_new (year, stage, dim, key, pagu_rp, sub_kegiatan)
  SELECT year, stage, dim, key, pagu_rp, sub_kegiatan FROM budget_slice_rollup;

DROP TABLE budget_slice_rollup;
ALTER TABLE budget_slice_rollup_new RENAME TO budget_slice_rollup;

-- Backfill of the new dimension (sub kegiatan without a programme belong to none).
DELETE FROM budget_slice_rollup WHERE dim = 'programme';
DELETE FROM budget_month_rollup WHERE dim = 'programme';

INSERT INTO budget_slice_rollup (year, stage, dim, key, pagu_rp, sub_kegiatan)
  SELECT s.year, p.stage, 'programme', pg.code, SUM(p.pagu_rp), COUNT(*)
  FROM sub_kegiatan s JOIN programme pg ON pg.id = s.programme_id
  JOIN sub_kegiatan_pagu p ON p.sub_kegiatan_id = s.id
  GROUP BY s.year, p.stage, pg.code;

INSERT INTO budget_month_rollup (year, stage, dim, key, month, target_keu_rp, target_fis_w)
  SELECT s.year, t.stage, 'programme', pg.code, t.month,
         SUM(p.pagu_rp * t.target_keu_pct / 100.0), SUM(p.pagu_rp * t.target_fis_pct)
  FROM sub_kegiatan s JOIN programme pg ON pg.id = s.programme_id
  JOIN budget_target t ON t.sub_kegiatan_id = s.id
  JOIN sub_kegiatan_pagu p ON p.sub_kegiatan_id = s.id AND p.stage = t.stage
  GROUP BY s.year, t.stage, pg.code, t.month;

INSERT INTO budget_month_rollup (year, stage, dim, key, month, real_keu_rp, reported, verified)
  SELECT s.year, p.stage, 'programme', pg.code, r.month, SUM(r.sp2d_rp), COUNT(*),
         SUM(r.verification = 'verified')
  FROM sub_kegiatan s JOIN programme pg ON pg.id = s.programme_id
  JOIN budget_realisation r ON r.sub_kegiatan_id = s.id
  JOIN sub_kegiatan_pagu p ON p.sub_kegiatan_id = s.id
  WHERE true GROUP BY s.year, p.stage, pg.code, r.month
  ON CONFLICT (year, stage, dim, key, month) DO UPDATE SET
    real_keu_rp = excluded.real_keu_rp, reported = excluded.reported, verified = excluded.verified;

-- Fisik carried forward: each sub kegiatan at its latest report at or before the month.
WITH RECURSIVE mm(month) AS (SELECT 1 UNION ALL SELECT month + 1 FROM mm WHERE month < 12),
carried AS (
  SELECT s.id AS sub, mm.month,
         (SELECT r.fisik_pct FROM budget_realisation r
          WHERE r.sub_kegiatan_id = s.id AND r.month <= mm.month ORDER BY r.month DESC LIMIT 1) AS fisik
  FROM sub_kegiatan s CROSS JOIN mm WHERE s.programme_id IS NOT NULL)
INSERT INTO budget_month_rollup (year, stage, dim, key, month, real_fis_w)
  SELECT s.year, p.stage, 'programme', pg.code, c.month, SUM(p.pagu_rp * c.fisik)
  FROM carried c JOIN sub_kegiatan s ON s.id = c.sub JOIN programme pg ON pg.id = s.programme_id
  JOIN sub_kegiatan_pagu p ON p.sub_kegiatan_id = s.id
  WHERE c.fisik IS NOT NULL GROUP BY s.year, p.stage, pg.code, c.month
  ON CONFLICT (year, stage, dim, key, month) DO UPDATE SET real_fis_w = excluded.real_fis_w;
