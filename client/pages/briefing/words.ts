// Words of the briefing document. A briefing is an Indonesian document of the regency (it is
// printed and filed), so it has no English twin; the shared wall words (programme status,
// colour words, chart legends) come from shared/i18n.ts so paper and wall say the same.
import { DAYS_ID, formatDate, formatNumber } from '../../../shared/format';
import { t } from '../../../shared/i18n';
import { weekdayOf } from '../../../shared/time';

export const W = {
  docKind: 'Bahan Rapat (Briefing)',
  regency: 'Pemerintah Kabupaten Purbalingga · Smart City',
  chair: 'Pimpinan rapat',
  date: 'Tanggal',
  kind: 'Jenis rapat',
  state: 'Status rapat',
  figuresAt: 'Angka per {date}',
  frozenAt: 'dibekukan {time} saat rapat dimulai',
  preview: 'Pratinjau: angka belum dibekukan',
  previewNote: 'Angka dihitung saat dokumen ini dibuat dan dibekukan ketika rapat dimulai.',
  demo: 'Data contoh',
  demoNote: 'Angka dalam dokumen ini sintetis (data contoh), bukan data resmi.',
  agenda: 'Agenda',
  summary: 'Ringkasan eksekutif',
  pillarsTitle: 'Capaian pilar masterplan',
  pillar: 'Pilar',
  programmes: 'Program',
  running: 'Berjalan/selesai',
  progress: 'Progres',
  plan: 'Rencana',
  deviation: 'Deviasi',
  status: 'Status',
  behind: 'Di bawah rencana',
  budget: 'Serapan anggaran',
  budgetOf: 'APBD {year}',
  pagu: 'Pagu',
  realisasi: 'Realisasi',
  serapan: 'Serapan',
  target: 'Target',
  fisik: 'Fisik',
  spbe: 'Indeks SPBE',
  services: 'Layanan publik',
  onTime: 'tepat waktu',
  requests: 'permohonan',
  completed: 'selesai',
  backlog: 'antrean terbuka',
  complaints: 'Aduan',
  ikm: 'IKM',
  attention: 'Perlu perhatian',
  sCurve: 'Kurva S serapan keuangan dan fisik',
  pillarSection: 'Pilar {name}',
  programmeTable: 'Program pilar',
  kendala: 'Kendala',
  budgetShort: 'Serapan anggaran',
  coordinator: 'OPD',
  noBudget: 'Belum ada sub kegiatan yang terhubung',
  opdSection: 'OPD: {name}',
  opdBudget: 'Anggaran {name}',
  opdBudgetNone: 'OPD ini tidak memiliki anggaran pada TA {year}.',
  opdProgrammes: 'Program yang dikoordinasikan',
  opdProgrammesNone: 'OPD ini tidak mengoordinasikan program masterplan.',
  opdFollowUps: 'Tindak lanjut rapat sebelumnya milik OPD ini',
  carried: 'Tindak lanjut rapat sebelumnya',
  carriedNone: 'Tidak ada tindak lanjut dari rapat sebelumnya yang perlu ditinjau.',
  carriedCounts:
    '{total} tindak lanjut: {terlambat} terlambat, {dalam_proses} dalam proses, {selesai} selesai',
  followUp: 'Tindak lanjut',
  fromMeeting: 'Rapat asal',
  owner: 'Penanggung jawab',
  due: 'Batas waktu',
  lastReport: 'Laporan terakhir',
  decided: 'Hasil rapat',
  decidedNone: 'Belum ada arahan, keputusan atau tindak lanjut yang dicatat.',
  arahan: 'Arahan',
  keputusan: 'Keputusan',
  decidedFollowUps: 'Tindak lanjut yang diputuskan',
  general: 'Umum',
  followUpsItem: 'Tindak lanjut rapat sebelumnya (dibuka otomatis: ada yang terlambat)',
  loading: 'Menyiapkan briefing…',
  signIn: 'Silakan masuk untuk membuka briefing rapat ini.',
  signInAction: 'Masuk',
  forbidden: 'Peran akun Anda tidak dapat membuka briefing rapat.',
  loadError: 'Briefing tidak dapat dimuat',
  print: 'Cetak',
  back: 'Kembali ke rapat',
  toolbarNote: 'Tampilan cetak A4. Unduh PDF atau cetak langsung dari peramban.',
} as const;

/** "{name}"-style placeholders filled in. */
export function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

export const KIND_LABEL: Record<string, string> = {
  hlm: 'High Level Meeting (HLM)',
  rakor_pok: 'Rapat Koordinasi Pengendalian Operasional Kegiatan (Rakor POK)',
  dewan: 'Rapat Dewan Smart City',
  lainnya: 'Rapat',
};

export const STATE_LABEL: Record<string, string> = {
  planned: 'Direncanakan',
  running: 'Sedang berlangsung',
  closed: 'Selesai (ditutup)',
};

/** "Selasa, 12 Mei 2026". */
export function longDate(date: string): string {
  return `${DAYS_ID[weekdayOf(date)]}, ${formatDate(date)}`;
}

export function colourWord(colour: string): string {
  return colour === 'hijau' || colour === 'kuning' || colour === 'merah' || colour === 'abu'
    ? t(`colour.${colour}`, 'id')
    : colour;
}

export function programmeStatus(status: string): string {
  return status === 'belum_mulai' || status === 'berjalan' || status === 'selesai' || status === 'tertunda'
    ? t(`wall.pilar.status.${status}`, 'id')
    : status;
}

/** A follow-up's state as the meeting sees it: late says by how many days. */
export function followUpState(state: string, daysLate: number): string {
  if (state === 'selesai') return 'Selesai';
  if (state === 'terlambat') return `Terlambat ${formatNumber(daysLate)} hari`;
  return 'Dalam proses';
}
