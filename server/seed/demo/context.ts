// Shared state of one demo generation run: the size, the frozen "now", the RNG and reference ids.
import { monthKey, parseMonth, wibToMs } from '../../../shared/time';
import type { Db } from '../../db/connection';
import type { Rng } from '../random';

export type SeedSize = 'small' | 'kabupaten' | 'triple' | 'stress';

export interface SizeSpec {
  /** Copies of each fixture programme (stress multiplies the masterplan). */
  programmeCopies: number;
  subKegiatanPerYear: number;
  budgetYears: number;
  spbeYears: number;
  serviceRecords: number;
  complaints: number;
}

/**
 * DESIGN.md data sizes: kabupaten and stress (ten times); triple (three times) shows how costs grow
 * between the two; small keeps browser tests quick.
 */
export const SIZES: Record<SeedSize, SizeSpec> = {
  small: {
    programmeCopies: 1,
    subKegiatanPerYear: 300,
    budgetYears: 2,
    spbeYears: 6,
    serviceRecords: 30_000,
    complaints: 3_000,
  },
  kabupaten: {
    programmeCopies: 1,
    subKegiatanPerYear: 2_000,
    budgetYears: 5,
    spbeYears: 6,
    serviceRecords: 1_500_000,
    complaints: 25_000,
  },
  triple: {
    programmeCopies: 3,
    subKegiatanPerYear: 6_000,
    budgetYears: 5,
    spbeYears: 6,
    serviceRecords: 4_500_000,
    complaints: 75_000,
  },
  stress: {
    programmeCopies: 10,
    subKegiatanPerYear: 20_000,
    budgetYears: 5,
    spbeYears: 6,
    serviceRecords: 15_000_000,
    complaints: 250_000,
  },
};

export interface OpdRef {
  id: number;
  code: string;
  kind: string;
  urusanCode: string | null;
  urusanName: string | null;
}

export interface DemoContext {
  db: Db;
  size: SeedSize;
  spec: SizeSpec;
  nowMs: number;
  nowIso: string;
  /** WIB calendar of now. */
  year: number;
  month: number;
  day: number;
  rng: Rng;
  opds: OpdRef[];
  opdByCode: Map<string, OpdRef>;
  kecamatan: { id: number; code: string }[];
  /** OPDs that the demo makes deep red in budget absorption (DOMAIN.md: "a few OPDs"). */
  redOpds: Set<string>;
  log: (msg: string) => void;
}

export const DEMO_SOURCE = 'demo';

/** ISO instant of a report for `period` ('YYYY-MM') entered on `day` of the following month, 10.00 WIB. */
export function reportedAt(period: string, day: number): string {
  const { year, month } = parseMonth(period);
  const next = month === 12 ? monthKey(year + 1, 1) : monthKey(year, month + 1);
  return new Date(wibToMs(`${next}-${String(day).padStart(2, '0')}`, 10, 0)).toISOString();
}
