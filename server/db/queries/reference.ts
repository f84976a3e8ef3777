// Reference data reads: pillars, OPDs, kecamatan, holidays, settings, index frameworks, services.
import type { IkmGrade, IndexFrameworkDef, PillarRow, SlaUnit } from '../../kpi/types';
import type { Db } from '../connection';
import { prep } from '../prepare';

export interface OpdRow {
  id: number;
  code: string;
  name: string;
  shortName: string;
  kind: string;
  confirmed: number;
}

export function listOpds(db: Db): OpdRow[] {
  return prep(
    db,
    `SELECT id, code, name, short_name AS shortName, kind, confirmed
       FROM opd WHERE active = 1 ORDER BY kind = 'kecamatan', name`,
  ).all() as OpdRow[];
}

export function opdByCode(db: Db, code: string): OpdRow | undefined {
  return prep(
    db,
    'SELECT id, code, name, short_name AS shortName, kind, confirmed FROM opd WHERE code = ?',
  ).get(code) as OpdRow | undefined;
}

export interface KecamatanRow {
  id: number;
  code: string;
  bpsCode: string;
  name: string;
  tileRow: number;
  tileCol: number;
}

export function listKecamatan(db: Db): KecamatanRow[] {
  return prep(
    db,
    `SELECT id, code, bps_code AS bpsCode, name, tile_row AS tileRow, tile_col AS tileCol
       FROM kecamatan ORDER BY bps_code`,
  ).all() as KecamatanRow[];
}

/** Pillars of the framework in force in a year. */
export function listPillars(db: Db, year: number): PillarRow[] {
  return prep(
    db,
    `SELECT p.code, p.name, p.sort FROM pillar p
       JOIN pillar_framework f ON f.id = p.framework_id
       WHERE f.valid_from_year <= @year AND (f.valid_to_year IS NULL OR f.valid_to_year >= @year)
       ORDER BY p.sort`,
  ).all({ year }) as PillarRow[];
}

export interface HolidayRow {
  date: string;
  name: string;
  kind: 'libur_nasional' | 'cuti_bersama';
}

export function listHolidays(db: Db): HolidayRow[] {
  return prep(db, 'SELECT date, name, kind FROM holiday ORDER BY date').all() as HolidayRow[];
}

/** The setting in force in a year: the row with the latest year_from ≤ year. */
export function getSetting(db: Db, key: string, year: number): unknown {
  const row = prep(
    db,
    `SELECT value_json FROM setting WHERE key = ? AND year_from <= ?
       ORDER BY year_from DESC LIMIT 1`,
  ).get(key, year) as { value_json: string } | undefined;
  return row ? JSON.parse(row.value_json) : undefined;
}

export interface FrameworkRow {
  id: number;
  code: string;
  name: string;
  validFromYear: number;
  validToYear: number | null;
  scaleMax: number;
}

export function listIndexFrameworks(db: Db): FrameworkRow[] {
  return prep(
    db,
    `SELECT id, code, name, valid_from_year AS validFromYear, valid_to_year AS validToYear,
              scale_max AS scaleMax FROM index_framework ORDER BY valid_from_year`,
  ).all() as FrameworkRow[];
}

/** A framework's domains, aspects (with indicator counts) and predicate bands. */
export function indexFrameworkDef(db: Db, frameworkId: number): IndexFrameworkDef {
  const fw = prep(db, 'SELECT code, name, scale_max AS scaleMax FROM index_framework WHERE id = ?').get(
    frameworkId,
  ) as { code: string; name: string; scaleMax: number };
  const domains = prep(
    db,
    'SELECT id, no, name, weight_pct AS weightPct FROM index_domain WHERE framework_id = ? ORDER BY no',
  ).all(frameworkId) as { id: number; no: number; name: string; weightPct: number }[];
  const aspects = prep(
    db,
    `SELECT a.domain_id AS domainId, a.no, a.name, a.weight_pct AS weightPct,
              (SELECT COUNT(*) FROM index_indicator i WHERE i.aspect_id = a.id) AS indicators
       FROM index_aspect a WHERE a.framework_id = ? ORDER BY a.no`,
  ).all(frameworkId) as {
    domainId: number;
    no: number;
    name: string;
    weightPct: number;
    indicators: number;
  }[];
  const bands = prep(
    db,
    `SELECT label, min_value AS min, max_exclusive AS maxExclusive FROM index_band
       WHERE framework_id = ? ORDER BY min_value DESC`,
  ).all(frameworkId) as IndexFrameworkDef['bands'];
  return {
    code: fw.code,
    name: fw.name,
    scaleMax: fw.scaleMax,
    domains: domains.map((d) => ({
      no: d.no,
      name: d.name,
      weightPct: d.weightPct,
      aspects: aspects
        .filter((a) => a.domainId === d.id)
        .map(({ no, name, weightPct, indicators }) => ({ no, name, weightPct, indicators })),
    })),
    bands,
  };
}

export function listIkmElements(db: Db): string[] {
  return prep(db, 'SELECT name FROM ikm_element ORDER BY sort').pluck().all() as string[];
}

export function listIkmGrades(db: Db): IkmGrade[] {
  return prep(
    db,
    'SELECT grade, label, min_value AS min, max_value AS max FROM ikm_grade ORDER BY min_value DESC',
  ).all() as IkmGrade[];
}

export interface ServiceTypeRow {
  id: number;
  code: string;
  name: string;
  opdCode: string;
  group: string;
  slaAmount: number;
  slaUnit: SlaUnit;
}

export function listServiceTypes(db: Db): ServiceTypeRow[] {
  return prep(
    db,
    `SELECT s.id, s.code, s.name, o.code AS opdCode, s.grp AS "group", s.sla_amount AS slaAmount,
              s.sla_unit AS slaUnit
       FROM service_type s JOIN opd o ON o.id = s.opd_id WHERE s.active = 1 ORDER BY s.code`,
  ).all() as ServiceTypeRow[];
}

export function complaintCodes(db: Db) {
  return {
    channels: prep(db, 'SELECT code, name FROM complaint_channel ORDER BY name').all() as {
      code: string;
      name: string;
    }[],
    topics: prep(db, 'SELECT code, name FROM complaint_topic ORDER BY name').all() as {
      code: string;
      name: string;
    }[],
    categories: prep(
      db,
      'SELECT code, name, deadline_days AS deadlineDays FROM complaint_category ORDER BY deadline_days',
    ).all() as {
      code: string;
      name: string;
      deadlineDays: number;
    }[],
  };
}
