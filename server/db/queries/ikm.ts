// Satisfaction survey (SKM/IKM) queries: one survey per unit and period with its element averages.
import type { IkmSurveyRow } from '../../kpi/types';
import type { Db } from '../connection';

/** The surveys of the latest period ≤ `untilPeriodPrefix` ordering, with their elements. */
export function ikmSurveys(db: Db, year: number): IkmSurveyRow[] {
  const surveys = db
    .prepare(
      `SELECT s.id, o.code AS unitCode, o.short_name AS unitName, s.period, s.respondents
       FROM ikm_survey s JOIN opd o ON o.id = s.opd_id
       WHERE CAST(substr(s.period, 1, 4) AS INTEGER) BETWEEN ? AND ? ORDER BY s.period, o.code`,
    )
    .all(year - 1, year) as { id: number; unitCode: string; unitName: string; period: string; respondents: number }[];
  const elements = db.prepare('SELECT name, nrr FROM ikm_survey_element WHERE survey_id = ?');
  return surveys.map(({ id, ...s }) => ({ ...s, elements: elements.all(id) as { name: string; nrr: number }[] }));
}
