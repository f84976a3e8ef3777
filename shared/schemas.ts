// zod input schemas shared by the server (procedure inputs) and the client (forms, URL params).
// Messages are Indonesian because they reach users; each names the field it is about.
import { z } from 'zod';
import { isValidDate } from './time';
// Indonesian defaults for every zod message a schema leaves unstated (client and server alike).
import './zodMessages';

export const yearSchema = z
  .number({ error: 'Tahun harus berupa angka' })
  .int('Tahun harus bilangan bulat')
  .min(2000, 'Tahun paling awal 2000')
  .max(2100, 'Tahun paling akhir 2100');

export const dateSchema = z
  .string({ error: 'Tanggal harus berupa teks YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus berformat YYYY-MM-DD')
  .refine(isValidDate, 'Tanggal tidak ada di kalender');

export const periodSchema = z
  .string({ error: 'Periode harus berupa teks YYYY-MM' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Periode harus berformat YYYY-MM');

/** Year and as-of date, both optional: defaults are "now" in WIB. */
export const asOfInput = z
  .object({
    year: yearSchema.optional(),
    asOf: dateSchema.optional(),
  })
  .strict()
  .optional();

/** spbe.results: year and as-of date as above, and how many weakest indicators to list (default 8). */
export const spbeResultsInput = z
  .object({
    year: yearSchema.optional(),
    asOf: dateSchema.optional(),
    weakest: z
      .number({ error: 'Jumlah indikator terlemah harus berupa angka' })
      .int('Jumlah indikator terlemah harus bilangan bulat')
      .min(0, 'Jumlah indikator terlemah paling sedikit 0')
      .max(100, 'Jumlah indikator terlemah paling banyak 100')
      .optional(),
  })
  .strict()
  .optional();

/** An OPD code as the wall's filters and the URL carry it ('DINKES'); checked against the database. */
export const opdCodeSchema = z
  .string({ error: 'Kode OPD harus berupa teks' })
  .trim()
  .min(1, 'Kode OPD wajib diisi')
  .max(40, 'Kode OPD paling panjang 40 karakter');

/** budget.absorption: year and as-of date, optionally narrowed to one OPD (its own S-curve). */
export const absorptionInput = z
  .object({
    year: yearSchema.optional(),
    asOf: dateSchema.optional(),
    opdCode: opdCodeSchema.optional(),
  })
  .strict()
  .optional();

export const servicePeriodInput = z
  .object({
    period: periodSchema.optional(),
  })
  .strict()
  .optional();

export type AsOfInput = z.infer<typeof asOfInput>;

/** One masterplan pillar by its code ('GOV' … 'ENV'), with the same optional year and as-of date. */
export const pillarInput = z
  .object({
    code: z
      .string({ error: 'Kode pilar wajib diisi' })
      .trim()
      .min(1, 'Kode pilar wajib diisi')
      .max(16, 'Kode pilar paling panjang 16 karakter'),
    year: yearSchema.optional(),
    asOf: dateSchema.optional(),
    /** Narrow the pillar to the programmes this OPD coordinates. */
    opdCode: opdCodeSchema.optional(),
  })
  .strict();

export type PillarInput = z.infer<typeof pillarInput>;

export const loginInput = z
  .object({
    username: z
      .string({ error: 'Nama pengguna wajib diisi' })
      .trim()
      .min(1, 'Nama pengguna wajib diisi')
      .max(64, 'Nama pengguna terlalu panjang'),
    password: z
      .string({ error: 'Kata sandi wajib diisi' })
      .min(1, 'Kata sandi wajib diisi')
      .max(200, 'Kata sandi terlalu panjang'),
  })
  .strict();

export const changePasswordInput = z
  .object({
    current: z
      .string({ error: 'Kata sandi lama wajib diisi' })
      .min(1, 'Kata sandi lama wajib diisi')
      .max(200),
    next: z
      .string({ error: 'Kata sandi baru wajib diisi' })
      .min(12, 'Kata sandi baru minimal 12 karakter')
      .max(200, 'Kata sandi baru terlalu panjang'),
  })
  .strict();

/** The wall screens a playlist can show. */
export const WALL_SCREENS = [
  'ringkasan',
  'anggaran',
  'layanan',
  'spbe',
  'kepatuhan',
  'pilar',
  'tindaklanjut',
] as const;

/** Dwell time floor: a wall that turns faster than this cannot be read from across the room. */
export const MIN_DWELL_S = 10;

export const playlistItem = z
  .object({
    screen: z.enum(WALL_SCREENS, { error: 'Layar tidak dikenal' }),
    dwellS: z
      .number({ error: 'Durasi tayang harus berupa angka (detik)' })
      .int('Durasi tayang dalam detik bulat')
      .min(MIN_DWELL_S, `Durasi tayang minimal ${MIN_DWELL_S} detik`)
      .max(3600, 'Durasi tayang paling lama 3600 detik'),
    /** Narrow the screen: one pillar, one OPD, one service group. */
    pillar: z.enum(['GOV', 'BRA', 'ECO', 'LIV', 'SOC', 'ENV']).optional(),
    opdCode: z.string().trim().min(1).max(40).optional(),
    serviceGroup: z.string().trim().min(1).max(40).optional(),
  })
  .strict()
  .refine((i) => i.screen !== 'pilar' || i.pillar !== undefined, {
    message: 'Layar pilar wajib memilih pilar',
    path: ['pillar'],
  });

export const playlistSchema = z
  .array(playlistItem)
  .min(1, 'Playlist minimal berisi satu layar')
  .max(40, 'Playlist paling banyak 40 layar');

export type PlaylistItem = z.infer<typeof playlistItem>;
