// Index (SPBE, later PEMDI) queries: assessments with their per-aspect rollups, one assessment's
// indicators (for the weakest-indicator list), the score write that keeps the rollup current, and
// the rebuild.
import type { IndicatorScoreRow } from '../../kpi/spbe';
import type { AspectScoreRow, IndexAssessmentRow } from '../../kpi/types';
import type { Db } from '../connection';
import { prep } from '../prepare';

/** Every assessment up to a year with its aspect rollups (one query), each under its own framework. */
export function indexAssessments(db: Db, upToYear: number): IndexAssessmentRow[] {
  const rows = prep(
    db,
    `SELECT a.id, a.year, a.kind, f.code AS frameworkCode, a.decree, a.source, x.no AS aspectNo,
            COALESCE(r.sum_level_weight, 0) AS sumLevelWeight, COALESCE(r.sum_weight_scored, 0) AS sumWeightScored,
            COALESCE(r.scored, 0) AS scored, (SELECT COUNT(*) FROM index_indicator i WHERE i.aspect_id = x.id) AS indicators
     FROM index_assessment a
     JOIN index_framework f ON f.id = a.framework_id
     JOIN index_aspect x ON x.framework_id = a.framework_id
     LEFT JOIN index_aspect_rollup r ON r.assessment_id = a.id AND r.aspect_id = x.id
     WHERE a.year <= ? ORDER BY a.year, a.kind, x.no`,
  ).all(upToYear) as ({
    id: number;
    year: number;
    kind: 'self' | 'verified';
    frameworkCode: string;
    decree: string | null;
    source: string;
  } & AspectScoreRow)[];
  const byId = new Map<number, IndexAssessmentRow>();
  for (const { id, year, kind, frameworkCode, decree, source, ...aspect } of rows) {
    let a = byId.get(id);
    if (!a) {
      a = { year, kind, frameworkCode, decree, source, aspects: [] };
      byId.set(id, a);
    }
    a.aspects.push(aspect);
  }
  return [...byId.values()];
}

/**
 * Every indicator of one assessment (a year has at most one of each kind) under the assessment's
 * own framework: its level (null when no value), the level's name, the year's sector label, and
 * the owner OPD. One row per indicator (47 for SPBE 2020), ordered by number.
 */
export function indicatorScores(db: Db, year: number, kind: 'self' | 'verified'): IndicatorScoreRow[] {
  return prep(
    db,
    `SELECT i.no, COALESCE(lb.label, i.name) AS name, x.no AS aspectNo, x.name AS aspectName,
            d.no AS domainNo, d.name AS domainName, i.weight_pct AS weightPct, s.level AS level,
            l.name AS levelName, o.code AS ownerCode, o.name AS ownerName, o.short_name AS ownerShortName
     FROM index_assessment a
     JOIN index_indicator i ON i.framework_id = a.framework_id
     JOIN index_aspect x ON x.id = i.aspect_id
     JOIN index_domain d ON d.id = x.domain_id
     LEFT JOIN index_score s ON s.assessment_id = a.id AND s.indicator_id = i.id
     LEFT JOIN index_level l ON l.framework_id = a.framework_id AND l.level = s.level
     LEFT JOIN index_indicator_label lb ON lb.indicator_id = i.id AND lb.year = a.year
     LEFT JOIN opd o ON o.id = i.owner_opd_id
     WHERE a.year = ? AND a.kind = ?
     ORDER BY i.no`,
  ).all(year, kind) as IndicatorScoreRow[];
}

export interface ScoreInput {
  assessmentId: number;
  indicatorId: number;
  level: number | null;
  evidence: string | null;
  source: string;
  enteredAt: string;
  enteredBy: number | null;
}

/** Set one indicator's level and move its aspect rollup by the difference. */
export function setIndexScore(db: Db, input: ScoreInput): { oldLevel: number | null | undefined } {
  const ind = prep(
    db,
    'SELECT aspect_id AS aspectId, weight_pct AS weight FROM index_indicator WHERE id = ?',
  ).get(input.indicatorId) as { aspectId: number; weight: number } | undefined;
  if (!ind) throw new Error(`indicator ${input.indicatorId} not found`);
  const old = prep(db, 'SELECT level FROM index_score WHERE assessment_id = ? AND indicator_id = ?').get(
    input.assessmentId,
    input.indicatorId,
  ) as { level: number | null } | undefined;
  prep(
    db,
    `INSERT INTO index_score (assessment_id, indicator_id, level, evidence, source, entered_at, entered_by)
     VALUES (@assessmentId, @indicatorId, @level, @evidence, @source, @enteredAt, @enteredBy)
     ON CONFLICT (assessment_id, indicator_id) DO UPDATE SET level = excluded.level,
       evidence = excluded.evidence, source = excluded.source, entered_at = excluded.entered_at,
       entered_by = excluded.entered_by, version = version + 1`,
  ).run(input);
  const contribution = (level: number | null | undefined) =>
    level === null || level === undefined
      ? { lw: 0, w: 0, n: 0 }
      : { lw: level * ind.weight, w: ind.weight, n: 1 };
  const before = contribution(old?.level);
  const after = contribution(input.level);
  prep(
    db,
    `INSERT INTO index_aspect_rollup (assessment_id, aspect_id, sum_level_weight, sum_weight_scored, scored)
     VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (assessment_id, aspect_id) DO UPDATE SET
       sum_level_weight = sum_level_weight + excluded.sum_level_weight,
       sum_weight_scored = sum_weight_scored + excluded.sum_weight_scored,
       scored = scored + excluded.scored`,
  ).run(input.assessmentId, ind.aspectId, after.lw - before.lw, after.w - before.w, after.n - before.n);
  return { oldLevel: old?.level };
}

export function rebuildIndexRollups(db: Db): void {
  db.exec('DELETE FROM index_aspect_rollup');
  // Every aspect with any score row gets a rollup row, empty levels contributing nothing: the
  // same rows the write path leaves behind.
  db.exec(
    `INSERT INTO index_aspect_rollup (assessment_id, aspect_id, sum_level_weight, sum_weight_scored, scored)
     SELECT s.assessment_id, i.aspect_id,
            COALESCE(SUM(s.level * i.weight_pct), 0),
            COALESCE(SUM(CASE WHEN s.level IS NULL THEN 0 ELSE i.weight_pct END), 0),
            COUNT(s.level)
     FROM index_score s JOIN index_indicator i ON i.id = s.indicator_id
     GROUP BY s.assessment_id, i.aspect_id`,
  );
}
