// zod schemas of every figure an OPD enters: the same schema validates the form in the browser,
// the tRPC procedure on the server and each row of an imported spreadsheet. Messages are
// Indonesian and name the field, because they are shown next to it.
import { z } from 'zod';
import { withoutBidiControls } from './format';
import { periodSchema } from './schemas';

const MAX_RP = 10_000_000_000_000; // Rp10 triliun: above any APBD line

const rupiah = (label: string) =>
  z
    .number({ error: `${label} harus berupa angka` })
    .int(`${label} harus bilangan bulat (Rupiah tanpa desimal)`)
    .min(0, `${label} tidak boleh negatif`)
    .max(MAX_RP, `${label} terlalu besar`);

const pct = (label: string) =>
  z
    .number({ error: `${label} harus berupa angka` })
    .min(0, `${label} paling kecil 0`)
    .max(100, `${label} paling besar 100`);

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} harus berupa teks` })
    .overwrite(withoutBidiControls)
    .trim()
    .max(max, `${label} paling panjang ${max} karakter`);

const optionalText = (label: string, max: number) =>
  text(label, max)
    .nullish()
    .transform((v) => (v === undefined || v === null || v === '' ? null : v));

/** The version the editor saw; a save against a newer version is a conflict, not an overwrite. */
const expectedVersion = z.number().int().min(0).nullish();

/** ISO instant with an offset or Z, e.g. 2026-05-04T09:30:00+07:00. */
export const instantSchema = z
  .string({ error: 'Waktu harus berupa teks ISO 8601' })
  .refine(
    (s) =>
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s) &&
      !Number.isNaN(Date.parse(s)),
    {
      message: 'Waktu harus berformat ISO 8601 dengan zona, mis. 2026-05-04T09:30:00+07:00',
    },
  );

export const realisationEntry = z
  .object({
    subKegiatanId: z
      .number({ error: 'Sub kegiatan wajib dipilih' })
      .int()
      .positive('Sub kegiatan wajib dipilih'),
    month: z
      .number({ error: 'Bulan wajib diisi' })
      .int('Bulan harus 1–12')
      .min(1, 'Bulan harus 1–12')
      .max(12, 'Bulan harus 1–12'),
    sp2dRp: rupiah('Realisasi keuangan (SP2D)'),
    spjRp: rupiah('SPJ'),
    fisikPct: pct('Realisasi fisik'),
    expectedVersion,
    reason: optionalText('Alasan perubahan', 500),
  })
  .strict();

export const progressEntry = z
  .object({
    programmeId: z.number({ error: 'Program wajib dipilih' }).int().positive('Program wajib dipilih'),
    period: periodSchema,
    physicalPct: pct('Progres fisik'),
    spentRp: rupiah('Anggaran terserap'),
    indicatorValue: z
      .number({ error: 'Capaian indikator harus berupa angka' })
      .nullish()
      .transform((v) => v ?? null),
    status: z
      .enum(['belum_mulai', 'berjalan', 'selesai', 'tertunda'], { error: 'Status tidak dikenal' })
      .nullish()
      .transform((v) => v ?? null),
    kendala: optionalText('Kendala', 1000),
    tindakLanjut: optionalText('Tindak lanjut', 1000),
    evidenceUrl: z
      .string()
      .trim()
      .url('Tautan data dukung harus berupa URL lengkap (https://…)')
      .refine((u) => /^https?:\/\//i.test(u), 'Tautan data dukung harus diawali http:// atau https://')
      .nullish()
      .transform((v) => v ?? null),
    expectedVersion,
    reason: optionalText('Alasan perubahan', 500),
  })
  .strict();

export const serviceRecordEntry = z
  .object({
    serviceCode: text('Kode layanan', 40).min(1, 'Kode layanan wajib diisi'),
    kecamatanCode: optionalText('Kode kecamatan', 40),
    submittedAt: instantSchema,
    completedAt: instantSchema.nullish().transform((v) => v ?? null),
    sourceId: optionalText('ID sumber', 120),
  })
  .strict()
  .refine((r) => r.completedAt === null || Date.parse(r.completedAt) >= Date.parse(r.submittedAt), {
    message: 'Waktu selesai tidak boleh sebelum waktu pengajuan',
    path: ['completedAt'],
  });

export const complaintEntry = z
  .object({
    channel: text('Kanal', 40).min(1, 'Kanal wajib diisi'),
    topic: text('Topik', 40).min(1, 'Topik wajib diisi'),
    category: text('Kategori', 40).default('pengaduan'),
    opdCode: optionalText('Kode OPD', 40),
    kecamatanCode: optionalText('Kode kecamatan', 40),
    receivedAt: instantSchema,
    firstResponseAt: instantSchema.nullish().transform((v) => v ?? null),
    resolvedAt: instantSchema.nullish().transform((v) => v ?? null),
    sourceId: optionalText('ID sumber', 120),
  })
  .strict()
  .refine((c) => c.firstResponseAt === null || Date.parse(c.firstResponseAt) >= Date.parse(c.receivedAt), {
    message: 'Respons pertama tidak boleh sebelum aduan diterima',
    path: ['firstResponseAt'],
  })
  .refine((c) => c.resolvedAt === null || Date.parse(c.resolvedAt) >= Date.parse(c.receivedAt), {
    message: 'Waktu selesai tidak boleh sebelum aduan diterima',
    path: ['resolvedAt'],
  });

export const ikmEntry = z
  .object({
    opdId: z.number({ error: 'Unit layanan wajib dipilih' }).int().positive('Unit layanan wajib dipilih'),
    period: z
      .string()
      .regex(/^\d{4}-(S[12]|TW[1-4])$/, 'Periode survei harus berformat YYYY-S1, YYYY-S2 atau YYYY-TW1…TW4'),
    respondents: z
      .number({ error: 'Jumlah responden harus berupa angka' })
      .int()
      .min(1, 'Jumlah responden minimal 1'),
    elements: z
      .array(
        z.object({
          name: text('Nama unsur', 120).min(1, 'Nama unsur wajib diisi'),
          nrr: z
            .number({ error: 'Nilai unsur harus berupa angka' })
            .min(1, 'Nilai unsur 1–4')
            .max(4, 'Nilai unsur 1–4'),
        }),
      )
      .min(9, 'Survei harus memuat sembilan unsur PermenPANRB 14/2017'),
  })
  .strict();

export const spbeLevelEntry = z
  .object({
    year: z.number().int().min(2018).max(2100),
    indicatorNo: z
      .number({ error: 'Nomor indikator wajib diisi' })
      .int()
      .min(1, 'Nomor indikator dimulai dari 1'),
    level: z
      .number({ error: 'Tingkat kematangan harus 0–5' })
      .int()
      .min(0, 'Tingkat kematangan 0–5')
      .max(5, 'Tingkat kematangan 0–5')
      .nullable(),
    evidence: optionalText('Data dukung', 2000),
    expectedVersion,
  })
  .strict();

export type RealisationEntry = z.infer<typeof realisationEntry>;
export type ProgressEntry = z.infer<typeof progressEntry>;
export type ServiceRecordEntry = z.infer<typeof serviceRecordEntry>;
export type ComplaintEntry = z.infer<typeof complaintEntry>;
export type IkmEntry = z.infer<typeof ikmEntry>;
export type SpbeLevelEntry = z.infer<typeof spbeLevelEntry>;
