// UI words for the screens, Indonesian first (the default) and English for visitors.
// Numbers never get formatted here: callers pass already formatted text as {params}.

import type { Locale } from './format';

export type { Locale };
export const DEFAULT_LOCALE: Locale = 'id';
export const LOCALES: readonly Locale[] = ['id', 'en'];

const id = {
  'app.title': 'Ringkasan Eksekutif',
  'app.subtitle': 'Smart City Kabupaten Purbalingga',
  'app.loading': 'Memuat data…',
  'app.errorNoData': 'Data belum dapat dimuat dari server.',
  'app.errorRetrying': 'Mencoba lagi otomatis…',
  'app.notFound': 'Layar tidak ditemukan',
  'badge.demo': 'Data contoh',
  'tile.verified': '{pct} terverifikasi',
  'badge.disconnected': 'terputus sejak {time}',
  'header.year': 'TA {year}',
  'header.asOf': 'per {date}',
  'header.lang': 'Bahasa',
  'colour.hijau': 'Sesuai',
  'colour.kuning': 'Waspada',
  'colour.merah': 'Kritis',
  'colour.abu': 'Tanpa data',
  'pillar.progress': 'Progres tertimbang',
  'pillar.plan': 'Rencana {value}',
  'pillar.running': '{n} dari {total} berjalan',
  'pillar.behind': '{n} di bawah rencana',
  'pillar.noProgrammes': 'Belum ada program',
  'budget.title': 'Serapan Anggaran',
  'budget.stage.murni': 'APBD murni',
  'budget.stage.perubahan': 'APBD perubahan',
  'budget.serapan': 'Serapan keuangan',
  'budget.target': 'Target',
  'budget.deviasi': 'Deviasi',
  'budget.pagu': 'Pagu',
  'budget.fisikLabel': 'Fisik',
  'budget.upTo': 's.d. {month}',
  'chart.targetKeu': 'Target keuangan',
  'chart.realKeu': 'Realisasi keuangan',
  'chart.targetFis': 'Target fisik',
  'chart.realFis': 'Realisasi fisik',
  'chart.self': 'Penilaian mandiri',
  'chart.verified': 'Terverifikasi',
  'spbe.title': 'Indeks SPBE',
  'spbe.none': 'Belum ada penilaian',
  'spbe.kind.self': 'Penilaian mandiri {year}',
  'spbe.kind.verified': 'Terverifikasi {year}',
  'services.title': 'Layanan Publik',
  'services.ontime': 'Tepat waktu',
  'services.volume': 'Permohonan',
  'services.completed': 'Selesai',
  'services.backlog': 'Antrean terbuka',
  'complaints.title': 'Aduan',
  'complaints.firstResponse': 'Direspons ≤ {hours} jam',
  'complaints.resolved': 'Tuntas',
  'complaints.received': 'Masuk',
  'ikm.title': 'IKM',
  'ikm.grade': 'Mutu pelayanan',
  'alerts.title': 'Perlu Perhatian',
  'alerts.none': 'Tidak ada yang merah saat ini',
  'alerts.redZone': 'Zona merah OPD',
  'alerts.redZoneNone': 'Tidak ada OPD di zona merah',
  'alerts.more': '+{n} lainnya',
  'alerts.keu': 'keu',
  'alerts.fis': 'fis',
  'alerts.source': 'Gabungan semua indikator',
  'family.pilar': 'Pilar',
  'family.anggaran': 'Anggaran',
  'family.layanan': 'Layanan',
  'family.aduan': 'Aduan',
  'family.spbe': 'SPBE',
} as const;

export type MessageKey = keyof typeof id;

const en: Record<MessageKey, string> = {
  'app.title': 'Executive Summary',
  'app.subtitle': 'Smart City Purbalingga Regency',
  'app.loading': 'Loading data…',
  'app.errorNoData': 'The data could not be loaded from the server yet.',
  'app.errorRetrying': 'Retrying automatically…',
  'app.notFound': 'Screen not found',
  'badge.demo': 'Sample data',
  'tile.verified': '{pct} verified',
  'badge.disconnected': 'offline since {time}',
  'header.year': 'FY {year}',
  'header.asOf': 'as of {date}',
  'header.lang': 'Language',
  'colour.hijau': 'On track',
  'colour.kuning': 'Watch',
  'colour.merah': 'Critical',
  'colour.abu': 'No data',
  'pillar.progress': 'Weighted progress',
  'pillar.plan': 'Plan {value}',
  'pillar.running': '{n} of {total} running',
  'pillar.behind': '{n} behind plan',
  'pillar.noProgrammes': 'No programmes yet',
  'budget.title': 'Budget Absorption',
  'budget.stage.murni': 'Adopted budget',
  'budget.stage.perubahan': 'Revised budget',
  'budget.serapan': 'Financial absorption',
  'budget.target': 'Target',
  'budget.deviasi': 'Deviation',
  'budget.pagu': 'Ceiling',
  'budget.fisikLabel': 'Physical',
  'budget.upTo': 'to {month}',
  'chart.targetKeu': 'Financial target',
  'chart.realKeu': 'Financial actual',
  'chart.targetFis': 'Physical target',
  'chart.realFis': 'Physical actual',
  'chart.self': 'Self-assessment',
  'chart.verified': 'Verified',
  'spbe.title': 'SPBE Index',
  'spbe.none': 'No assessment yet',
  'spbe.kind.self': 'Self-assessment {year}',
  'spbe.kind.verified': 'Verified {year}',
  'services.title': 'Public Services',
  'services.ontime': 'On time',
  'services.volume': 'Requests',
  'services.completed': 'Completed',
  'services.backlog': 'Open backlog',
  'complaints.title': 'Complaints',
  'complaints.firstResponse': 'Answered ≤ {hours} h',
  'complaints.resolved': 'Resolved',
  'complaints.received': 'Received',
  'ikm.title': 'Satisfaction (IKM)',
  'ikm.grade': 'Service grade',
  'alerts.title': 'Needs Attention',
  'alerts.none': 'Nothing is red right now',
  'alerts.redZone': 'OPDs in the red zone',
  'alerts.redZoneNone': 'No OPD in the red zone',
  'alerts.more': '+{n} more',
  'alerts.keu': 'fin',
  'alerts.fis': 'phys',
  'alerts.source': 'All indicator families',
  'family.pilar': 'Pillar',
  'family.anggaran': 'Budget',
  'family.layanan': 'Service',
  'family.aduan': 'Complaints',
  'family.spbe': 'SPBE',
};

export const messages: Record<Locale, Record<MessageKey, string>> = { id, en };

export function isLocale(value: unknown): value is Locale {
  return value === 'id' || value === 'en';
}

/** `text` with {name} placeholders replaced; unknown placeholders stay visible. */
export function interpolate(text: string, params?: Record<string, string>): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/** The message for `key`, with {name} placeholders replaced; unknown placeholders stay visible. */
export function t(key: MessageKey, locale: Locale = DEFAULT_LOCALE, params?: Record<string, string>): string {
  return interpolate(messages[locale][key], params);
}
