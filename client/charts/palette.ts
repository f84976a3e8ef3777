// Colours for the dark wall theme, shared by the CSS variables (styles.css mirrors them) and the
// chart option builders. Status tones follow the Okabe–Ito colour-blind-safe set, brightened for a
// near-black background; status is never shown by colour alone (label + icon go with it).

export const WALL = {
  background: '#070D1A',
  tile: '#0E1829',
  text: '#F2F5FA',
  muted: '#AEBBD2',
  axis: '#5C6B88',
  grid: '#22304A',
} as const;

export const STATUS = {
  hijau: '#22C49A',
  kuning: '#F2CE3C',
  merah: '#FF6A4D',
  abu: '#7F8AA3',
} as const;

export const SERIES = {
  keuangan: '#56B4E9',
  fisik: '#E69F00',
  verified: '#56B4E9',
  self: '#CC79A7',
} as const;

export const FONT_FAMILY =
  "'Segoe UI', Inter, Roboto, 'Noto Sans', 'Liberation Sans', Arial, 'DejaVu Sans', sans-serif";

/**
 * The four programme status words (DOMAIN.md): grey before it starts, blue while it runs, the
 * status tones once done or stalled. Always drawn with the word itself.
 */
export const PROGRAMME_STATUS = {
  belum_mulai: STATUS.abu,
  berjalan: SERIES.keuangan,
  selesai: STATUS.hijau,
  tertunda: STATUS.merah,
} as const;
