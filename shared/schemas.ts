// zod input schemas shared by the server (procedure inputs) and the client (forms, URL params).
// Messages are Indonesian because they reach users; each names the field it is about.
import { z } from 'zod';
import { isValidDate } from './time';

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

export const servicePeriodInput = z
  .object({
    period: periodSchema.optional(),
  })
  .strict()
  .optional();

export type AsOfInput = z.infer<typeof asOfInput>;

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
