// Index framework fixtures: Indeks SPBE under PermenPANRB 59/2020 (reference/spbe-2020.md §1, §5)
// and a made-up two-domain framework standing in for a later one (e.g. PEMDI), plus a roll-up that
// does what the SQL does: Σ level × weight per aspect over the indicators that have a value.
import type { AspectScoreRow, IndexAssessmentRow, IndexFrameworkDef } from '../../../server/kpi/types';

export const SPBE_2020: IndexFrameworkDef = {
  code: 'SPBE-2020',
  name: 'Indeks SPBE (PermenPANRB 59/2020)',
  scaleMax: 5,
  domains: [
    {
      no: 1,
      name: 'Kebijakan Internal SPBE',
      weightPct: 13,
      aspects: [{ no: 1, name: 'Kebijakan Internal Tata Kelola SPBE', weightPct: 13, indicators: 10 }],
    },
    {
      no: 2,
      name: 'Tata Kelola SPBE',
      weightPct: 25,
      aspects: [
        { no: 2, name: 'Perencanaan Strategis SPBE', weightPct: 10, indicators: 4 },
        { no: 3, name: 'Teknologi Informasi dan Komunikasi', weightPct: 10, indicators: 4 },
        { no: 4, name: 'Penyelenggara SPBE', weightPct: 5, indicators: 2 },
      ],
    },
    {
      no: 3,
      name: 'Manajemen SPBE',
      weightPct: 16.5,
      aspects: [
        { no: 5, name: 'Penerapan Manajemen SPBE', weightPct: 12, indicators: 8 },
        { no: 6, name: 'Audit TIK', weightPct: 4.5, indicators: 3 },
      ],
    },
    {
      no: 4,
      name: 'Layanan SPBE',
      weightPct: 45.5,
      aspects: [
        {
          no: 7,
          name: 'Layanan Administrasi Pemerintahan Berbasis Elektronik',
          weightPct: 27.5,
          indicators: 10,
        },
        { no: 8, name: 'Layanan Publik Berbasis Elektronik', weightPct: 18, indicators: 6 },
      ],
    },
  ],
  bands: [
    { label: 'Memuaskan', min: 4.2, maxExclusive: null },
    { label: 'Sangat Baik', min: 3.5, maxExclusive: 4.2 },
    { label: 'Baik', min: 2.6, maxExclusive: 3.5 },
    { label: 'Cukup', min: 1.8, maxExclusive: 2.6 },
    { label: 'Kurang', min: 0, maxExclusive: 1.8 },
  ],
};

/** Indicators 1–47 in order: aspect and weight (1,30 / 2,50 / 1,50 / 2,75 / 3,00 %). */
export const SPBE_2020_INDICATORS: { aspectNo: number; weight: number }[] = [
  ...Array.from({ length: 10 }, () => ({ aspectNo: 1, weight: 1.3 })),
  ...Array.from({ length: 4 }, () => ({ aspectNo: 2, weight: 2.5 })),
  ...Array.from({ length: 4 }, () => ({ aspectNo: 3, weight: 2.5 })),
  ...Array.from({ length: 2 }, () => ({ aspectNo: 4, weight: 2.5 })),
  ...Array.from({ length: 8 }, () => ({ aspectNo: 5, weight: 1.5 })),
  ...Array.from({ length: 3 }, () => ({ aspectNo: 6, weight: 1.5 })),
  ...Array.from({ length: 10 }, () => ({ aspectNo: 7, weight: 2.75 })),
  ...Array.from({ length: 6 }, () => ({ aspectNo: 8, weight: 3 })),
];

/** A made-up successor framework: 2 domains, 3 aspects, 7 indicators, its own bands. */
export const TOY_2025: IndexFrameworkDef = {
  code: 'TOY-2025',
  name: 'Indeks contoh (2 domain)',
  scaleMax: 5,
  domains: [
    {
      no: 1,
      name: 'Tata Kelola',
      weightPct: 60,
      aspects: [
        { no: 1, name: 'Kebijakan', weightPct: 40, indicators: 2 }, // 20 % each
        { no: 2, name: 'Kelembagaan', weightPct: 20, indicators: 1 },
      ],
    },
    {
      no: 2,
      name: 'Layanan',
      weightPct: 40,
      aspects: [{ no: 3, name: 'Layanan Digital', weightPct: 40, indicators: 4 }],
    }, // 10 % each
  ],
  bands: [
    { label: 'Tinggi', min: 3.5, maxExclusive: null },
    { label: 'Sedang', min: 2, maxExclusive: 3.5 },
    { label: 'Rendah', min: 0, maxExclusive: 2 },
  ],
};

export const TOY_2025_INDICATORS: { aspectNo: number; weight: number }[] = [
  { aspectNo: 1, weight: 20 },
  { aspectNo: 1, weight: 20 },
  { aspectNo: 2, weight: 20 },
  ...Array.from({ length: 4 }, () => ({ aspectNo: 3, weight: 10 })),
];

/** Roll indicator levels (null = no value) up to aspect rows, summing in indicator order like SQL. */
export function rollUp(
  indicators: { aspectNo: number; weight: number }[],
  levels: (number | null)[],
): AspectScoreRow[] {
  if (levels.length !== indicators.length) throw new Error(`expected ${indicators.length} levels`);
  const rows = new Map<number, AspectScoreRow>();
  indicators.forEach(({ aspectNo, weight }, i) => {
    const row = rows.get(aspectNo) ?? {
      aspectNo,
      sumLevelWeight: 0,
      sumWeightScored: 0,
      scored: 0,
      indicators: 0,
    };
    const level = levels[i] ?? null;
    row.indicators += 1;
    if (level !== null) {
      row.sumLevelWeight += level * weight;
      row.sumWeightScored += weight;
      row.scored += 1;
    }
    rows.set(aspectNo, row);
  });
  return [...rows.values()];
}

export function spbeAssessment(
  levels: (number | null)[],
  over: Partial<IndexAssessmentRow> = {},
): IndexAssessmentRow {
  return {
    year: 2024,
    kind: 'self',
    frameworkCode: 'SPBE-2020',
    decree: null,
    source: 'Penilaian mandiri',
    aspects: rollUp(SPBE_2020_INDICATORS, levels),
    ...over,
  };
}

/** 47 levels: `base` everywhere, then overrides by indicator number (1-based). */
export function levels47(
  base: number | null,
  overrides: Record<number, number | null> = {},
): (number | null)[] {
  return Array.from({ length: 47 }, (_, i) => (i + 1 in overrides ? (overrides[i + 1] ?? null) : base));
}

/** Indicator numbers from..to inclusive, as an override map to one level. */
export function range(from: number, to: number, level: number | null): Record<number, number | null> {
  const out: Record<number, number | null> = {};
  for (let n = from; n <= to; n++) out[n] = level;
  return out;
}
