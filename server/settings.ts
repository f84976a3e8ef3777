// Typed access to the tunable rules in the `setting` table (versioned by year, editable by an
// admin). Each key has a zod schema; a malformed stored value is a loud error, not a silent default.
import { z } from 'zod';
import type { Db } from './db/connection';
import { getSetting } from './db/queries/reference';
import type { PctThresholds } from './kpi/colour';
import type { DeviationThresholds, MissingPolicy } from './kpi/types';

const deviation = z
  .object({ green_min_poin: z.number(), yellow_min_poin: z.number() })
  .transform(
    (v): DeviationThresholds => ({ greenMinPoin: v.green_min_poin, yellowMinPoin: v.yellow_min_poin }),
  );
const pct = z
  .object({ green_min_pct: z.number(), yellow_min_pct: z.number() })
  .transform((v): PctThresholds => ({ greenMinPct: v.green_min_pct, yellowMinPct: v.yellow_min_pct }));

export const SETTINGS = {
  'budget.thresholds': deviation,
  'programme.thresholds': deviation,
  'service.on_time_thresholds': pct,
  'complaint.first_response_hours': z.number().positive(),
  'spbe.missing_policy': z.enum(['zero', 'exclude']) as z.ZodType<MissingPolicy>,
  'reporting.deadline_day': z.number().int().min(1).max(28),
} as const;

export type SettingKey = keyof typeof SETTINGS;

export function setting<K extends SettingKey>(db: Db, key: K, year: number): z.output<(typeof SETTINGS)[K]> {
  const raw = getSetting(db, key, year);
  if (raw === undefined) throw new Error(`Setting '${key}' has no value for ${year}`);
  const parsed = SETTINGS[key].safeParse(raw);
  if (!parsed.success)
    throw new Error(`Setting '${key}' for ${year} is malformed: ${parsed.error.issues[0]?.message}`);
  return parsed.data as z.output<(typeof SETTINGS)[K]>;
}
