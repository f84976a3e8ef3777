// Gathers, from rollups and reference tables only, every row dashboard.overview needs for a year
// and an as-of date. The maths happens in kpi/overview.ts.
import { addDays, monthKey, parseDate, wibToMs } from '../../../shared/time';
import { overdueReports } from '../../compliance';
import { budgetMonthLimit, type OverviewInput } from '../../kpi/overview';
import type { Freshness } from '../../kpi/types';
import { setting } from '../../settings';
import type { Db } from '../connection';
import { budgetSlices, budgetVerification, stageOn } from './budget';
import { complaintAgg } from './complaints';
import { type Family, type FreshnessRow, freshnessForYear, latestFreshness } from './freshness';
import { ikmSurveys } from './ikm';
import { programmesAsOf } from './masterplan';
import {
  indexFrameworkDef,
  listIkmElements,
  listIkmGrades,
  listIndexFrameworks,
  listPillars,
} from './reference';
import { latestServicePeriod, openBacklog, servicePeriodRows } from './services';
import { indexAssessments } from './spbe';

const SOURCE_DEMO = 'Data contoh (sintetis)';

function freshness(row: FreshnessRow | undefined, source: string, capPeriod?: string): Freshness {
  if (!row) return { period: null, updatedAt: null, source, demo: false, verifiedPct: null, overdue: null };
  const period =
    row.maxPeriod !== null && capPeriod !== undefined && row.maxPeriod > capPeriod
      ? capPeriod
      : row.maxPeriod;
  return {
    period,
    updatedAt: row.updatedAt,
    source: row.demoRows > 0 ? SOURCE_DEMO : source,
    demo: row.demoRows > 0,
    verifiedPct: null,
    overdue: null,
  };
}

export function overviewInput(db: Db, year: number, asOf: string, nowIso: string): OverviewInput {
  const d = parseDate(asOf);
  const asOfPeriod = monthKey(d.year, d.month);
  const capPeriod = d.year > year ? `${year}-12` : asOfPeriod;
  const fresh = new Map<Family, FreshnessRow>(freshnessForYear(db, year).map((r) => [r.family, r]));

  const stage = stageOn(db, year, asOf);
  // Share of the year's realisation figures (through the as-of month) that the verifier approved.
  const verifiedPct = (): number | null => {
    const limit = budgetMonthLimit(year, asOf);
    if (limit === null) return null;
    const v = budgetVerification(db, year, stage, limit);
    return v.reported > 0 ? (v.verified / v.reported) * 100 : null;
  };
  const servicePeriod = latestServicePeriod(db, capPeriod) ?? capPeriod;
  const frameworks = listIndexFrameworks(db).map((f) => indexFrameworkDef(db, f.id));
  const assessmentYear = Math.min(year, d.year);
  // Reporting deadlines are judged now, or at the end of the as-of day when the screen looks back.
  const judgedAt = Math.min(Date.parse(nowIso), wibToMs(addDays(asOf, 1)) - 1);

  return {
    year,
    asOf,
    nowIso,
    freshness: {
      pillars: {
        ...freshness(fresh.get('masterplan'), 'Laporan OPD', capPeriod),
        overdue: overdueReports(db, 'masterplan', judgedAt),
      },
      budget: {
        ...freshness(fresh.get('budget'), 'Laporan realisasi OPD', capPeriod),
        verifiedPct: verifiedPct(),
        overdue: overdueReports(db, 'budget', judgedAt),
      },
      spbe: freshness(latestFreshness(db, 'spbe', assessmentYear), 'Penilaian SPBE'),
      services: { ...freshness(fresh.get('services'), 'Sistem layanan', capPeriod), period: servicePeriod },
      complaints: freshness(fresh.get('complaints'), 'Lapor MasBuP', capPeriod),
      ikm: freshness(latestFreshness(db, 'ikm', year), 'Survei Kepuasan Masyarakat'),
    },
    pillars: {
      rows: listPillars(db, year),
      programmes: programmesAsOf(db, year, capPeriod),
      thresholds: setting(db, 'programme.thresholds', year),
    },
    budget: {
      stage,
      slices: budgetSlices(db, year, stage),
      monthLimit: budgetMonthLimit(year, asOf),
      thresholds: setting(db, 'budget.thresholds', year),
    },
    spbe: {
      frameworks,
      assessments: indexAssessments(db, assessmentYear),
      missingPolicy: setting(db, 'spbe.missing_policy', year),
    },
    services: {
      period: servicePeriod,
      rows: servicePeriodRows(db, servicePeriod),
      backlog: openBacklog(db, asOf),
      thresholds: setting(db, 'service.on_time_thresholds', year),
    },
    complaints: {
      rows: (['total', 'channel', 'topic'] as const).flatMap((dim) =>
        complaintAgg(db, year, capPeriod, dim).map((r) => ({ ...r, dim })),
      ),
      responseTargetHours: setting(db, 'complaint.first_response_hours', year),
    },
    ikm: { surveys: ikmSurveys(db, year), standardElements: listIkmElements(db), grades: listIkmGrades(db) },
  };
}
