// Satisfaction survey (SKM/IKM) queries: one survey per unit and period with its element averages.
import type { IkmSurveyRow } from '../../kpi/types';
import type { Db } from '../connection';
import { prep } from '../prepare';

/** The surveys of the year and the year before, with their element averages (one query). */
export function ikmSurveys(db: Db, year: number): IkmSurveyRow[] {
  const rows = prep(
    db,
    `SELECT s.id, o.code AS unitCode, o.short_name AS unitName, s.period, s.respondents, e.name, e.nrr
     FROM ikm_survey s JOIN opd o ON o.id = s.opd_id
     JOIN ikm_survey_element e ON e.survey_id = s.id
     WHERE s.period >= ? AND s.period < ? ORDER BY s.period, o.code, s.id`,
  ).all(String(year - 1), String(year + 1)) as {
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
