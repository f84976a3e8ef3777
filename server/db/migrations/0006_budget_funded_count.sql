-- 0006 budget_slice_rollup.funded: how many of a slice's sub kegiatan have a pagu above zero at that
-- stage. The reporting-compliance rollcall (who owes a realisation report for a month) needs it per
-- OPD on every read of the executive summary; counting 20 000 sub kegiatan through their pagu rows
-- per call cost ~20 ms at `stress` size, the rollup makes it one row per OPD. Filled from the raw
-- rows exactly as rebuildBudgetRollups (server/db/queries/budget.ts) computes it, so an upgraded
-- database equals a rebuild. Pagu changes only through bulk loads, which rebuild the rollups.

ALTER TABLE budget_slice_rollup ADD COLUMN funded INTEGER NOT NULL DEFAULT 0;

-- One UPDATE per dimension from one aggregate each (a correlated count per row would rescan
-- every sub kegiatan of the year for each of the ~6 700 rows at `stress` size).
UPDATE budget_slice_rollup AS r SET funded = c.n
FROM (SELECT s.year, p.stage, 'ALL' AS key, COUNT(*) AS n
        FROM sub_kegiatan s JOIN opd o ON o.id = s.opd_id
        JOIN sub_kegiatan_pagu p ON p.sub_kegiatan_id = s.id AND p.pagu_rp > 0
       GROUP BY s.year, p.stage, 'ALL') AS c
WHERE r.dim = 'total' AND r.year = c.year AND r.stage = c.stage AND r.key = c.key;

UPDATE budget_slice_rollup AS r SET funded = c.n
FROM (SELECT s.year, p.stage, o.code AS key, COUNT(*) AS n
        FROM sub_kegiatan s JOIN opd o ON o.id = s.opd_id
        JOIN sub_kegiatan_pagu p ON p.sub_kegiatan_id = s.id AND p.pagu_rp > 0
       GROUP BY s.year, p.stage, o.code) AS c
WHERE r.dim = 'opd' AND r.year = c.year AND r.stage = c.stage AND r.key = c.key;

UPDATE budget_slice_rollup AS r SET funded = c.n
FROM (SELECT s.year, p.stage, s.spending_group AS key, COUNT(*) AS n
        FROM sub_kegiatan s JOIN opd o ON o.id = s.opd_id
        JOIN sub_kegiatan_pagu p ON p.sub_kegiatan_id = s.id AND p.pagu_rp > 0
       GROUP BY s.year, p.stage, s.spending_group) AS c
WHERE r.dim = 'group' AND r.year = c.year AND r.stage = c.stage AND r.key = c.key;

UPDATE budget_slice_rollup AS r SET funded = c.n
FROM (SELECT s.year, p.stage, s.funding_source AS key, COUNT(*) AS n
        FROM sub_kegiatan s JOIN opd o ON o.id = s.opd_id
        JOIN sub_kegiatan_pagu p ON p.sub_kegiatan_id = s.id AND p.pagu_rp > 0
       GROUP BY s.year, p.stage, s.funding_source) AS c
WHERE r.dim = 'source' AND r.year = c.year AND r.stage = c.stage AND r.key = c.key;

UPDATE budget_slice_rollup AS r SET funded = c.n
FROM (SELECT s.year, p.stage, pg.code AS key, COUNT(*) AS n
        FROM sub_kegiatan s JOIN opd o ON o.id = s.opd_id
        JOIN programme pg ON pg.id = s.programme_id
        JOIN sub_kegiatan_pagu p ON p.sub_kegiatan_id = s.id AND p.pagu_rp > 0
       GROUP BY s.year, p.stage, pg.code) AS c
WHERE r.dim = 'programme' AND r.year = c.year AND r.stage = c.stage AND r.key = c.key;
