// zod schemas for the reference fixtures in fixtures/reference/. Loading fails loudly, naming the
// file and field, so a bad edit to reference data never half-loads.
import { z } from 'zod';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'tanggal harus berformat YYYY-MM-DD');
const code = z.string().min(1);

export const pillarsFile = z.object({
  framework: z.object({
    code,
    name: z.string(),
    source: z.string().optional(),
    valid_from_year: z.number().int(),
  }),
  pillars: z
    .array(
      z.object({
        code,
        name: z.string(),
        name_en: z.string(),
        sort: z.number().int(),
        coordinator_opd: code,
        coordinator_confirmed: z.boolean(),
        elements: z.array(z.object({ code, name: z.string(), confirmed: z.boolean() })).min(1),
      }),
    )
    .min(1),
});

export const opdsFile = z.array(
  z.object({
    code,
    name: z.string(),
    short_name: z.string(),
    kind: z.enum(['sekretariat', 'inspektorat', 'badan', 'dinas', 'rsud', 'satpol_pp', 'kecamatan']),
    urusan_code: z.string().nullable().optional(),
    urusan_name: z.string().nullable().optional(),
    kecamatan_code: z.string().nullable().optional(),
    confirmed: z.boolean(),
  }),
);

export const kecamatanFile = z.array(
  z.object({
    bps_code: z.string(),
    name: z.string(),
    code,
    tile: z.object({ row: z.number().int(), col: z.number().int() }),
    size_rank: z.string().nullable().optional(),
    confirmed_code: z.boolean().optional(),
  }),
);

export const holidaysFile = z.array(
  z.object({
    date,
    kind: z.enum(['libur_nasional', 'cuti_bersama']),
    name: z.string(),
    decree: z.string().optional(),
    confirmed: z.boolean(),
    note: z.string().optional(),
  }),
);

export const indexFrameworkFile = z.object({
  code,
  name: z.string(),
  regulation: z.string(),
  valid_from_year: z.number().int(),
  valid_to_year: z.number().int().nullable(),
  scale_max: z.number(),
  levels: z.array(
    z.object({ level: z.number().int(), name: z.string(), description: z.string().optional() }),
  ),
  bands: z.array(z.object({ label: z.string(), min: z.number(), max_exclusive: z.number().nullable() })),
  bands_confirmed: z.boolean().optional(),
  domains: z.array(
    z.object({
      no: z.number().int(),
      name: z.string(),
      weight_pct: z.number(),
      aspects: z.array(
        z.object({
          no: z.number().int(),
          name: z.string(),
          weight_pct: z.number(),
          weight_confirmed: z.boolean().optional(),
          indicators: z.array(
            z.object({
              no: z.number().int(),
              name: z.string(),
              weight_pct: z.number(),
              aliases: z.array(z.string()).optional(),
              confirmed: z.boolean().optional(),
              sector_slot: z.boolean().optional(),
              /** OPD code answering for the indicator's level (index_indicator.owner_opd_id). */
              owner_opd: code.optional(),
              /** Documentation only (no column yet): false while the owner is an assumption. */
              owner_confirmed: z.boolean().optional(),
            }),
          ),
        }),
      ),
    }),
  ),
});

export const servicesFile = z.array(
  z.object({
    code,
    name: z.string(),
    opd_code: code,
    group: z.string(),
    sla_amount: z.number().min(0),
    sla_unit: z.enum(['minutes', 'hours', 'working_days']),
    confirmed: z.boolean(),
    source: z.string().optional(),
  }),
);

export const ikmFile = z.object({
  regulation: z.string(),
  elements: z.array(z.string()).min(9),
  grades: z.array(z.object({ grade: z.string(), label: z.string(), min: z.number(), max: z.number() })),
});

export const complaintsFile = z.object({
  channels: z.array(z.object({ code, name: z.string() })),
  topics: z.array(z.object({ code, name: z.string(), opd_code: z.string().nullable().optional() })),
  categories: z.array(z.object({ code, name: z.string(), deadline_days: z.number().int() })),
  first_response_hours: z.number().optional(),
});

export const settingsFile = z.array(
  z.object({
    key: z.string(),
    year_from: z.number().int(),
    value: z.unknown(),
    confirmed: z.boolean().optional(),
    note: z.string().optional(),
  }),
);

export const programmesFile = z.object({
  synthetic: z.boolean().optional(),
  label: z.string().optional(),
  programmes: z.array(
    z.object({
      code,
      pillar: code,
      element: code,
      name: z.string(),
      innovation: z.string().optional(),
      coordinator_opd: code,
      involved_opds: z.array(code).default([]),
      horizon: z.enum(['quick_win', 'short', 'medium', 'long']),
      start_year: z.number().int(),
      end_year: z.number().int(),
      budget_rp: z.number().int().nonnegative(),
      indicator: z.object({ name: z.string(), unit: z.string(), target: z.number() }),
    }),
  ),
});

export const apbdFile = z.array(
  z.object({
    year: z.number().int(),
    stage: z.enum(['murni', 'perubahan']),
    belanja_rp: z.number().int().positive(),
    adopted_on: date,
    confirmed: z.boolean(),
    source: z.string().optional(),
  }),
);

export type ProgrammeFixture = z.infer<typeof programmesFile>['programmes'][number];
export type ApbdFixture = z.infer<typeof apbdFile>[number];
