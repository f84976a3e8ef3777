// Satisfaction survey (SKM/IKM) queries: one survey per unit and period with its element averages.
import type { IkmSurveyRow } from '../../kpi/types';
import type { Db } from '../connection';
import { prep } from '../prepare';

/**
 * Surveys of the two latest periods up to the year (the summary shows the latest period that has a
 * complete survey, so one earlier period is enough to fall back on), with their element averages.
 */
export function ikmSurveys(db: Db, year: number): IkmSurveyRow[] {
  const periods = prep(
    db,
    'SELECT DISTINCT period FROM ikm_survey WHERE period < ? ORDER BY period DESC LIMIT 2',
  )
    .pluck()
    .all(String(year + 1)) as string[];
  if (periods.length === 0) return [];
  const rows = prep(
    db,
    `SELECT s.id, o.code AS unitCode, o.short_name AS unitName, s.period, s.respondents, e.name, e.nrr
     FROM ikm_survey s JOIN opd o ON o.id = s.opd_id
     JOIN ikm_survey_element e ON e.survey_id = s.id
     WHERE s.period IN (?, ?) ORDER BY s.period, o.code, s.id`,
  ).all(periods[0], periods[1] ?? periods[0]) as {
    id: number;
    unitCode: string;
    unitName: string;
    period: string;
    respondents: number;
    name: string;
    nrr: number;
  }[];
  const byId = new Map<number, IkmSurveyRow>();
  for (const r of rows) {
    let survey = byId.get(r.id);
    if (!survey) {
      survey = {
        unitCode: r.unitCode,
        unitName: r.unitName,
        period: r.period,
        respondents: r.respondents,
        elements: [],
      };
      byId.set(r.id, survey);
    }
    survey.elements.push({ name: r.name, nrr: r.nrr });
  }
  return [...byId.values()];
}
