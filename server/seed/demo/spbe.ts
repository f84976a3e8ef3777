// Demo SPBE assessments: levels per indicator whose weighted index follows a rising path, with the
// self-assessment above the verified result. The 2022 self-assessment reproduces Purbalingga's
// published 4,006 (July 2022); every other value is synthetic and labelled so.

import { touchFreshness } from '../../db/queries/freshness';
import { setIndexScore } from '../../db/queries/spbe';
import type { Rng } from '../random';
import { DEMO_SOURCE, type DemoContext } from './context';

interface Indicator {
  id: number;
  weight: number;
}

/** Integer levels 0–5 whose Σ level × weight / 100 comes as close as possible to `target`. */
export function levelsForIndex(indicators: Indicator[], target: number, rng: Rng): number[] {
  const goal = Math.round(target * 10_000); // Σ level × weight in hundredths of a percent
  const w = indicators.map((i) => Math.round(i.weight * 100));
  const levels = indicators.map(() => Math.min(5, Math.max(0, Math.round(target + rng.normal() * 0.6))));
  let sum = levels.reduce((s, l, i) => s + l * (w[i] ?? 0), 0);
  for (let step = 0; step < 20_000 && sum !== goal; step++) {
    const i = rng.int(0, indicators.length - 1);
    const dir = sum < goal ? 1 : -1;
    const next = (levels[i] ?? 0) + dir;
    if (next < 0 || next > 5) continue;
    const nextSum = sum + dir * (w[i] ?? 0);
    // Accept moves that get closer; occasionally a sideways swap to escape parity dead ends.
    if (Math.abs(goal - nextSum) < Math.abs(goal - sum) || rng.chance(0.05)) {
      levels[i] = next;
      sum = nextSum;
    }
  }
  return levels;
}

const PATH: { year: number; self: number; verified: number | null; selfSource?: string }[] = [
  { year: 2021, self: 3.12, verified: 2.64 },
  {
    year: 2022,
    self: 4.006,
    verified: 2.98,
    selfSource: 'Penilaian mandiri Juli 2022 (diberitakan media, 4,006)',
  },
  { year: 2023, self: 3.72, verified: 3.24 },
  { year: 2024, self: 3.93, verified: 3.47 },
  { year: 2025, self: 4.05, verified: 3.69 },
  { year: 2026, self: 4.14, verified: null },
];

export function seedSpbe(ctx: DemoContext): void {
  const { db, rng } = ctx;
  const fw = db.prepare('SELECT id FROM index_framework WHERE code = ?').pluck().get('SPBE-2020') as
    | number
    | undefined;
  if (fw === undefined) throw new Error('SPBE-2020 framework missing from reference data');
  const indicators = db
    .prepare('SELECT id, weight_pct AS weight FROM index_indicator WHERE framework_id = ? ORDER BY no')
    .all(fw) as Indicator[];
  const insertAssessment = db.prepare(
    `INSERT INTO index_assessment (framework_id, year, kind, assessed_on, decree, source, entered_at, verification)
     VALUES (?, ?, ?, ?, NULL, ?, ?, ?)`,
  );
  const path = PATH.filter((p) => p.year <= ctx.year && p.year > ctx.year - ctx.spec.spbeYears);
  db.transaction(() => {
    for (const p of path) {
      const runs: ['self' | 'verified', number, string][] = [
        ['self', p.self, p.selfSource ?? 'Data contoh (sintetis)'],
      ];
      if (p.verified !== null && p.year < ctx.year)
        runs.push(['verified', p.verified, 'Data contoh (sintetis)']);
      for (const [kind, target, source] of runs) {
        const assessedOn = kind === 'self' ? `${p.year}-07-15` : `${p.year}-12-20`;
        const enteredAt = `${assessedOn}T03:00:00.000Z`;
        const id = Number(
          insertAssessment.run(
            fw,
            p.year,
            kind,
            assessedOn,
            source,
            enteredAt,
            kind === 'verified' ? 'verified' : 'submitted',
          ).lastInsertRowid,
        );
        const levels = levelsForIndex(indicators, target, rng);
        indicators.forEach((ind, i) => {
          setIndexScore(db, {
            assessmentId: id,
            indicatorId: ind.id,
            level: levels[i] ?? 0,
            evidence: kind === 'self' ? 'Data dukung: dokumen contoh' : null,
            source: DEMO_SOURCE,
            enteredAt,
            enteredBy: null,
          });
        });
        // Even the published 2022 total is spread over synthetic indicator levels: all of it is demo.
        touchFreshness(db, 'spbe', p.year, String(p.year), enteredAt, true, indicators.length);
      }
    }
  })();
  ctx.log(`spbe: ${path.length} years`);
}
