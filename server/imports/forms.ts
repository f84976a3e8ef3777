// The four import forms: their Indonesian column headers, which are required, an example value and
// a one-line explanation (shown in the template's "Petunjuk" sheet), and how each cell is read.
import type { FormKind } from './types';

/** How a cell's text becomes a value (see values.ts for the exact rules). */
export type CellType =
  | 'code' // a reference code, compared case-insensitively
  | 'text' // free text
  | 'int' // whole number (Tahun, Bulan)
  | 'rupiah' // whole Rupiah; "1.234.567", "Rp1.234.567", "1234567"
  | 'pct' // 0–100, decimal comma or point, optional '%'
  | 'decimal' // any number, decimal comma or point
  | 'datetime' // ISO 8601 with zone, DD/MM/YYYY HH.MM (WIB), YYYY-MM-DD HH:MM (WIB), Excel date
  | 'period' // YYYY-MM
  | 'status' // belum mulai / berjalan / selesai / tertunda
  | 'info'; // shown for the user's orientation (e.g. a name next to a code), never imported

export interface FormColumn {
  header: string;
  key: string;
  example: string;
  required: boolean;
  type: CellType;
  help: string;
}

export interface FormDef {
  title: string;
  columns: FormColumn[];
}

const col = (
  header: string,
  key: string,
  type: CellType,
  required: boolean,
  example: string,
  help: string,
): FormColumn => ({ header, key, example, required, type, help });

export const FORMS: Record<FormKind, FormDef> = {
  realisasi: {
    title: 'Realisasi Anggaran Bulanan',
    columns: [
      col(
        'Kode Sub Kegiatan',
        'subKegiatanCode',
        'code',
        true,
        '2.16.02.1.01.01',
        'Kode sub kegiatan seperti di DPA/SIPD.',
      ),
      col(
        'Nama Sub Kegiatan',
        'subKegiatanName',
        'info',
        false,
        'Pengelolaan pusat data pemerintah daerah',
        'Keterangan saja; tidak diimpor.',
      ),
      col('Tahun', 'year', 'int', true, '2025', 'Tahun anggaran, empat angka.'),
      col('Bulan', 'month', 'int', true, '3', 'Bulan realisasi, 1–12.'),
      col(
        'Realisasi Keuangan SP2D (Rp)',
        'sp2dRp',
        'rupiah',
        true,
        '1.250.000',
        'Jumlah SP2D yang cair pada bulan itu (bukan kumulatif), Rupiah tanpa desimal.',
      ),
      col(
        'SPJ (Rp)',
        'spjRp',
        'rupiah',
        false,
        '1.100.000',
        'Jumlah SPJ bulan itu, Rupiah tanpa desimal; kosong = 0.',
      ),
      col(
        'Realisasi Fisik (%)',
        'fisikPct',
        'pct',
        true,
        '45,50',
        'Progres fisik kumulatif sampai bulan itu, 0–100.',
      ),
      col(
        'Alasan',
        'reason',
        'text',
        false,
        'Koreksi nilai SP2D',
        'Alasan bila mengubah angka yang sudah dilaporkan.',
      ),
    ],
  },
  progres: {
    title: 'Progres Program Masterplan',
    columns: [
      col(
        'Kode Program',
        'programmeCode',
        'code',
        true,
        'GOV-01',
        'Kode program prioritas Masterplan Smart City.',
      ),
      col('Nama Program', 'programmeName', 'info', false, 'Lapor MasBuP', 'Keterangan saja; tidak diimpor.'),
      col('Periode (YYYY-MM)', 'period', 'period', true, '2025-09', 'Bulan laporan, tahun-bulan.'),
      col('Progres Fisik (%)', 'physicalPct', 'pct', true, '63,5', 'Progres fisik kumulatif, 0–100.'),
      col(
        'Anggaran Terserap (Rp)',
        'spentRp',
        'rupiah',
        true,
        '250.000.000',
        'Anggaran program yang sudah terserap (kumulatif), Rupiah tanpa desimal.',
      ),
      col(
        'Capaian Indikator',
        'indicatorValue',
        'decimal',
        false,
        '87,5',
        'Nilai capaian indikator keberhasilan.',
      ),
      col('Status', 'status', 'status', false, 'berjalan', 'belum mulai, berjalan, selesai atau tertunda.'),
      col(
        'Kendala',
        'kendala',
        'text',
        false,
        'Pengadaan server tertunda',
        'Hambatan pelaksanaan, bila ada.',
      ),
      col('Tindak Lanjut', 'tindakLanjut', 'text', false, 'Lelang ulang Oktober', 'Langkah yang diambil.'),
      col(
        'Tautan Data Dukung',
        'evidenceUrl',
        'text',
        false,
        'https://satudata.purbalinggakab.go.id/dokumen/123',
        'URL lengkap (https://…) ke bukti pendukung.',
      ),
    ],
  },
  layanan: {
    title: 'Catatan Layanan Publik',
    columns: [
      col(
        'ID Sumber',
        'sourceId',
        'text',
        true,
        'SIAK-2025-000123',
        'Nomor unik dari aplikasi asal; impor ulang dengan ID yang sama tidak menggandakan data.',
      ),
      col(
        'Kode Layanan',
        'serviceCode',
        'code',
        true,
        'AKTA-LAHIR',
        'Kode jenis layanan (lihat daftar layanan).',
      ),
      col(
        'Kode Kecamatan',
        'kecamatanCode',
        'code',
        false,
        'BUKATEJA',
        'Kode atau kode BPS kecamatan pemohon.',
      ),
      col(
        'Waktu Pengajuan',
        'submittedAt',
        'datetime',
        true,
        '03/03/2025 08.15',
        'Saat berkas diterima (WIB).',
      ),
      col(
        'Waktu Selesai',
        'completedAt',
        'datetime',
        false,
        '03/03/2025 13.40',
        'Saat layanan selesai (WIB); kosong bila belum selesai.',
      ),
    ],
  },
  aduan: {
    title: 'Aduan Masyarakat',
    columns: [
      col('ID Sumber', 'sourceId', 'text', true, 'LMB-2025-004512', 'Nomor unik aduan dari kanal asal.'),
      col(
        'Kanal',
        'channel',
        'code',
        true,
        'whatsapp',
        'Kode kanal: whatsapp, web, instagram, tiktok, sp4n_lapor, …',
      ),
      col('Topik', 'topic', 'code', true, 'jalan', 'Kode topik aduan: jalan, bansos, pju, …'),
      col(
        'Kategori',
        'category',
        'code',
        false,
        'pengaduan',
        'informasi, pengaduan, sengketa atau inspeksi_lapangan; kosong = pengaduan.',
      ),
      col('Kode OPD', 'opdCode', 'code', false, 'DPUPR', 'OPD yang menangani aduan.'),
      col(
        'Kode Kecamatan',
        'kecamatanCode',
        'code',
        false,
        'KEMANGKON',
        'Kode atau kode BPS kecamatan lokasi aduan.',
      ),
      col('Waktu Diterima', 'receivedAt', 'datetime', true, '2025-03-03 09:12', 'Saat aduan masuk (WIB).'),
      col(
        'Respons Pertama',
        'firstResponseAt',
        'datetime',
        false,
        '2025-03-03 10:05',
        'Saat tanggapan pertama (WIB).',
      ),
      col(
        'Waktu Selesai',
        'resolvedAt',
        'datetime',
        false,
        '2025-03-05 15:30',
        'Saat aduan dinyatakan selesai (WIB).',
      ),
    ],
  },
};

export const FORM_KINDS = Object.keys(FORMS) as FormKind[];

/** Header comparison ignores case and every kind of whitespace: "realisasi  fisik(%)" matches. */
export function normalizeHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .replace(/[\s\u00A0]+/g, '')
    .toLowerCase();
}
