import { describe, expect, test } from 'vitest';
import {
  DAYS_EN,
  DAYS_ID,
  formatClockWib,
  formatDate,
  formatDateTimeWib,
  formatDayMonth,
  formatDurationMin,
  formatFreshness,
  formatIndex,
  formatIndexLoss,
  formatNumber,
  formatPct,
  formatPeriod,
  formatPoin,
  formatRupiah,
  formatRupiahShort,
  formatSla,
  formatTimeWib,
  type Locale,
  MONTHS_EN,
  MONTHS_ID,
  monthName,
  monthShort,
  NBSP,
  type SlaUnit,
} from '../../shared/format';

const N = NBSP;
const M = '\u2212';
const DASH = '—';

// Instants around the WIB midnight between 31 Oktober and 1 November 2026 (UTC+7).
const OCT31_2359 = Date.UTC(2026, 9, 31, 16, 59, 0); // Sabtu 31 Oktober 2026 23.59 WIB
const NOV01_0000 = Date.UTC(2026, 9, 31, 17, 0, 0); // Minggu 1 November 2026 00.00 WIB
const MAY05_1430 = Date.UTC(2025, 4, 5, 7, 30, 5); // Senin 5 Mei 2025 14.30.05 WIB

describe('formatNumber', () => {
  test.each<[number, number, string]>([
    [1234567.891, 2, '1.234.567,89'],
    [2110403286000, 0, '2.110.403.286.000'],
    [0, 0, '0'],
    [0, 2, '0,00'],
    [999, 0, '999'],
    [1000, 0, '1.000'],
    [123.456, 1, '123,5'],
    [-1500, 0, `${M}1.500`],
    [-1234567.891, 2, `${M}1.234.567,89`],
    [2.5, 0, '3'],
    [-2.5, 0, `${M}3`],
    [0.5, 0, '1'],
    [1.005, 2, '1,01'],
    [1.015, 2, '1,02'],
    [8.345, 2, '8,35'],
    [0.285, 2, '0,29'],
    [1234567.005, 2, '1.234.567,01'],
    [0.1 + 0.2, 2, '0,30'],
    [1.004999, 2, '1,00'],
    [-0.004, 2, '0,00'],
    [-0, 0, '0'],
    [1e-7, 2, '0,00'],
    [1e21, 0, '1.000.000.000.000.000.000.000'],
  ])('prints %s with %i decimals as %s', (n, decimals, want) => {
    expect(formatNumber(n, decimals)).toBe(want);
  });

  test.each<[number, number, string]>([
    [1234567.891, 2, '1,234,567.89'],
    [-1500, 0, `${M}1,500`],
    [1.005, 2, '1.01'],
    [0, 1, '0.0'],
  ])('prints %s with %i decimals in English as %s', (n, decimals, want) => {
    expect(formatNumber(n, decimals, 'en')).toBe(want);
  });

  test('rounds to whole numbers when no decimals are given', () => {
    expect(formatNumber(1234.5)).toBe('1.235');
    expect(formatNumber(1234.5, undefined, 'en')).toBe('1,235');
  });

  test.each([-1, 1.5, 21])('rejects %s decimals', (decimals) => {
    expect(() => formatNumber(1, decimals)).toThrow(RangeError);
  });
});

describe('formatRupiah', () => {
  test.each<[number, Locale, string]>([
    [2110403286000, 'id', 'Rp2.110.403.286.000'],
    [-1500, 'id', `${M}Rp1.500`],
    [0, 'id', 'Rp0'],
    [999, 'id', 'Rp999'],
    [1500.5, 'id', 'Rp1.501'],
    [-1500.5, 'id', `${M}Rp1.501`],
    [999.5, 'id', 'Rp1.000'],
    [-0.4, 'id', 'Rp0'],
    [2110403286000, 'en', 'Rp2,110,403,286,000'],
    [-1500, 'en', `${M}Rp1,500`],
  ])('prints %s (%s) as %s', (n, locale, want) => {
    expect(formatRupiah(n, locale)).toBe(want);
  });
});

describe('formatRupiahShort', () => {
  test.each<[number, string]>([
    [2110403286000, `Rp2,11${N}T`],
    [436400000000, `Rp436,4${N}M`],
    [12500000, `Rp12,5${N}jt`],
    [850000, `Rp850,0${N}rb`],
    [999, 'Rp999'],
    [0, 'Rp0'],
    [1000, `Rp1,00${N}rb`],
    [1e6, `Rp1,00${N}jt`],
    [1e9, `Rp1,00${N}M`],
    [1e12, `Rp1,00${N}T`],
    [1_005_000, `Rp1,01${N}jt`],
    [12_350_000, `Rp12,4${N}jt`],
    [9_994_999, `Rp9,99${N}jt`],
    [9_995_000, `Rp10,0${N}jt`],
    [5e15, `Rp5.000,0${N}T`],
    [-2110403286000, `${M}Rp2,11${N}T`],
    [-436400000000, `${M}Rp436,4${N}M`],
    [-999, `${M}Rp999`],
    [-0.4, 'Rp0'],
  ])('prints %s as %s', (n, want) => {
    expect(formatRupiahShort(n)).toBe(want);
  });

  test.each<[number, string]>([
    [999_960_000_000, `Rp1,00${N}T`],
    [999_950_000_000, `Rp1,00${N}T`],
    [999_949_999_999, `Rp999,9${N}M`],
    [999_960_000, `Rp1,00${N}M`],
    [999_999, `Rp1,00${N}jt`],
    [999.5, `Rp1,00${N}rb`],
    [999.4, 'Rp999'],
    [-999_960_000_000, `${M}Rp1,00${N}T`],
  ])('moves %s up a unit when rounding reaches a thousand: %s', (n, want) => {
    expect(formatRupiahShort(n)).toBe(want);
  });

  test.each<[number, string]>([
    [2110403286000, `Rp2.11${N}tn`],
    [436400000000, `Rp436.4${N}bn`],
    [12500000, `Rp12.5${N}m`],
    [850000, `Rp850.0${N}k`],
    [999, 'Rp999'],
    [999_960_000_000, `Rp1.00${N}tn`],
    [5e15, `Rp5,000.0${N}tn`],
    [-12500000, `${M}Rp12.5${N}m`],
  ])('prints %s in English as %s', (n, want) => {
    expect(formatRupiahShort(n, 'en')).toBe(want);
  });
});

describe('formatPct', () => {
  test.each<[number, number, Locale, string]>([
    [84.8, 2, 'id', `84,80${N}%`],
    [0, 2, 'id', `0,00${N}%`],
    [100, 2, 'id', `100,00${N}%`],
    [-4.86, 2, 'id', `${M}4,86${N}%`],
    [12.345, 2, 'id', `12,35${N}%`],
    [12.5, 0, 'id', `13${N}%`],
    [-12.5, 0, 'id', `${M}13${N}%`],
    [-0.004, 2, 'id', `0,00${N}%`],
    [1234.5, 1, 'id', `1.234,5${N}%`],
    [84.8, 2, 'en', `84.80${N}%`],
    [1234.5, 1, 'en', `1,234.5${N}%`],
  ])('prints %s with %i decimals (%s) as %s', (n, decimals, locale, want) => {
    expect(formatPct(n, decimals, locale)).toBe(want);
  });

  test('uses two decimals by default', () => {
    expect(formatPct(84.8)).toBe(`84,80${N}%`);
  });
});

describe('formatPoin', () => {
  test.each<[number, number, Locale, string]>([
    [-4.86, 2, 'id', `${M}4,86${N}poin`],
    [1.2, 2, 'id', `+1,20${N}poin`],
    [0, 2, 'id', `0,00${N}poin`],
    [-0.001, 2, 'id', `0,00${N}poin`],
    [0.004, 2, 'id', `0,00${N}poin`],
    [0.005, 2, 'id', `+0,01${N}poin`],
    [-0.005, 2, 'id', `${M}0,01${N}poin`],
    [2.5, 0, 'id', `+3${N}poin`],
    [-2.5, 0, 'id', `${M}3${N}poin`],
    [1234.5, 1, 'id', `+1.234,5${N}poin`],
    [-4.86, 2, 'en', `${M}4.86${N}pts`],
    [1.2, 2, 'en', `+1.20${N}pts`],
    [0, 2, 'en', `0.00${N}pts`],
  ])('prints %s with %i decimals (%s) as %s', (n, decimals, locale, want) => {
    expect(formatPoin(n, decimals, locale)).toBe(want);
  });
});

describe('formatIndex', () => {
  test.each<[number, Locale, string]>([
    [3.8349, 'id', '3,83'],
    [4.006, 'id', '4,01'],
    [3.835, 'id', '3,84'],
    [2.605, 'id', '2,61'],
    [0, 'id', '0,00'],
    [5, 'id', '5,00'],
    [3.8349, 'en', '3.83'],
  ])('prints %s (%s) as %s', (n, locale, want) => {
    expect(formatIndex(n, locale)).toBe(want);
  });
});

describe('formatIndexLoss', () => {
  test.each<[number | null, Locale, string]>([
    [0.0825, 'id', `${M}0,08${N}poin indeks`], // (5 − 2) × 2,75 ÷ 100
    [0.075, 'id', `${M}0,08${N}poin indeks`], // half away from zero
    [0.05, 'id', `${M}0,05${N}poin indeks`],
    [0.039, 'id', `${M}0,04${N}poin indeks`],
    [0.15, 'id', `${M}0,15${N}poin indeks`],
    [1.2, 'id', `${M}1,20${N}poin indeks`],
    [0.004, 'id', `0,00${N}poin indeks`], // rounds to nothing: no sign
    [0, 'id', `0,00${N}poin indeks`],
    [0.0825, 'en', `${M}0.08${N}index pts`],
    [null, 'id', DASH],
  ])('prints a loss of %s (%s) as %s', (n, locale, want) => {
    expect(formatIndexLoss(n, locale)).toBe(want);
  });
});

describe('formatDurationMin', () => {
  test.each<[number, Locale, string]>([
    [45, 'id', `45${N}menit`],
    [0, 'id', `0${N}menit`],
    [59.4, 'id', `59${N}menit`],
    [59.5, 'id', `1,0${N}jam`],
    [60, 'id', `1,0${N}jam`],
    [210, 'id', `3,5${N}jam`],
    [207, 'id', `3,5${N}jam`],
    [1436, 'id', `23,9${N}jam`],
    [1437, 'id', `1,0${N}hari`],
    [1440, 'id', `1,0${N}hari`],
    [3312, 'id', `2,3${N}hari`],
    [-45, 'id', `${M}45${N}menit`],
    [-90, 'id', `${M}1,5${N}jam`],
    [45, 'en', `45${N}min`],
    [210, 'en', `3.5${N}h`],
    [3312, 'en', `2.3${N}days`],
  ])('prints %s minutes (%s) as %s', (min, locale, want) => {
    expect(formatDurationMin(min, locale)).toBe(want);
  });
});

describe('formatSla', () => {
  test.each<[number, SlaUnit, Locale, string]>([
    [0, 'working_days', 'id', 'hari yang sama'],
    [1, 'working_days', 'id', `1${N}hari kerja`],
    [14, 'working_days', 'id', `14${N}hari kerja`],
    [24, 'hours', 'id', `24${N}jam`],
    [1.5, 'hours', 'id', `1,5${N}jam`],
    [15, 'minutes', 'id', `15${N}menit`],
    [0, 'minutes', 'id', `0${N}menit`],
    [0, 'working_days', 'en', 'same day'],
    [1, 'working_days', 'en', `1${N}working day`],
    [3, 'working_days', 'en', `3${N}working days`],
    [24, 'hours', 'en', `24${N}h`],
    [15, 'minutes', 'en', `15${N}min`],
  ])('prints %s %s (%s) as %s', (amount, unit, locale, want) => {
    expect(formatSla(amount, unit, locale)).toBe(want);
  });

  test('prints an unknown unit from the database as missing', () => {
    expect(formatSla(3, 'weeks' as SlaUnit)).toBe(DASH);
  });
});

describe('month and day names', () => {
  test('lists twelve months and seven days starting on Minggu', () => {
    expect(MONTHS_ID).toHaveLength(12);
    expect(MONTHS_EN).toHaveLength(12);
    expect(DAYS_ID).toEqual(['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu']);
    expect(DAYS_EN[0]).toBe('Sunday');
    expect(DAYS_EN[6]).toBe('Saturday');
  });

  test.each<[number, Locale, string]>([
    [1, 'id', 'Januari'],
    [5, 'id', 'Mei'],
    [8, 'id', 'Agustus'],
    [12, 'id', 'Desember'],
    [5, 'en', 'May'],
    [12, 'en', 'December'],
  ])('names month %i (%s) %s', (month, locale, want) => {
    expect(monthName(month, locale)).toBe(want);
  });

  test('abbreviates every month the Indonesian way', () => {
    const short = Array.from({ length: 12 }, (_, i) => monthShort(i + 1));
    expect(short).toEqual([
      'Jan',
      'Feb',
      'Mar',
      'Apr',
      'Mei',
      'Jun',
      'Jul',
      'Agu',
      'Sep',
      'Okt',
      'Nov',
      'Des',
    ]);
  });

  test.each<[number, string]>([
    [5, 'May'],
    [8, 'Aug'],
    [10, 'Oct'],
    [12, 'Dec'],
  ])('abbreviates month %i in English as %s', (month, want) => {
    expect(monthShort(month, 'en')).toBe(want);
  });

  test.each([0, 13, 1.5, Number.NaN])('prints month %s as missing', (month) => {
    expect(monthName(month)).toBe(DASH);
    expect(monthShort(month)).toBe(DASH);
  });
});

describe('formatPeriod', () => {
  test.each<[string, Locale, string]>([
    ['2026-10', 'id', 'Oktober 2026'],
    ['2026-01', 'id', 'Januari 2026'],
    ['2026', 'id', 'TA 2026'],
    ['2026-TW1', 'id', 'TW I 2026'],
    ['2026-TW3', 'id', 'TW III 2026'],
    ['2026-TW4', 'id', 'TW IV 2026'],
    ['2026-S1', 'id', 'Semester I 2026'],
    ['2026-S2', 'id', 'Semester II 2026'],
    ['2026-10', 'en', 'October 2026'],
    ['2026', 'en', 'FY 2026'],
    ['2026-TW3', 'en', 'Q3 2026'],
    ['2026-S1', 'en', 'H1 2026'],
  ])('prints %s (%s) as %s', (period, locale, want) => {
    expect(formatPeriod(period, locale)).toBe(want);
  });

  test.each(['2026-13', '2026-00', '2026-TW5', '2026-S3', 'Q3', '26', ''])(
    'returns %j unchanged',
    (period) => {
      expect(formatPeriod(period)).toBe(period);
    },
  );
});

describe('formatDate', () => {
  test.each<[string | number, Locale, string]>([
    ['2025-05-05', 'id', '5 Mei 2025'],
    ['2026-12-31', 'id', '31 Desember 2026'],
    [MAY05_1430, 'id', '5 Mei 2025'],
    [OCT31_2359, 'id', '31 Oktober 2026'],
    [NOV01_0000, 'id', '1 November 2026'],
    ['2025-05-05', 'en', '5 May 2025'],
    [NOV01_0000, 'en', '1 November 2026'],
  ])('prints %s (%s) as %s', (date, locale, want) => {
    expect(formatDate(date, locale)).toBe(want);
  });

  test.each(['2026-02-30', '5/5/2025', '2026-10-31T10:00:00Z'])('prints %j as missing', (date) => {
    expect(formatDate(date)).toBe(DASH);
  });
});

describe('WIB times', () => {
  test.each<[number, Locale, string]>([
    [MAY05_1430, 'id', 'Senin, 5 Mei 2025 14.30 WIB'],
    [MAY05_1430, 'en', 'Monday, 5 May 2025 14:30 WIB'],
    [OCT31_2359, 'id', 'Sabtu, 31 Oktober 2026 23.59 WIB'],
    [NOV01_0000, 'id', 'Minggu, 1 November 2026 00.00 WIB'],
    [Date.UTC(2026, 11, 31, 17, 0), 'id', 'Jumat, 1 Januari 2027 00.00 WIB'],
    [Date.UTC(2025, 4, 4, 19, 5), 'id', 'Senin, 5 Mei 2025 02.05 WIB'],
  ])('formatDateTimeWib prints %s (%s) as %s', (ms, locale, want) => {
    expect(formatDateTimeWib(ms, locale)).toBe(want);
  });

  test.each<[number, Locale, string]>([
    [MAY05_1430, 'id', '14.30 WIB'],
    [MAY05_1430, 'en', '14:30 WIB'],
    [OCT31_2359, 'id', '23.59 WIB'],
    [NOV01_0000, 'id', '00.00 WIB'],
  ])('formatTimeWib prints %s (%s) as %s', (ms, locale, want) => {
    expect(formatTimeWib(ms, locale)).toBe(want);
  });

  test.each<[number | null, Locale, string]>([
    [MAY05_1430, 'id', '5 Mei'],
    [MAY05_1430, 'en', '5 May'],
    // 23.59.59 WIB on 10 November is still 10 November in the room, though UTC says the 10th too.
    [Date.UTC(2026, 10, 10, 16, 59, 59), 'id', '10 Nov'],
    // 00.00 WIB on 1 November is still 31 October in UTC.
    [NOV01_0000, 'id', '1 Nov'],
    [null, 'id', '—'],
  ])('formatDayMonth prints %s (%s) as %s', (ms, locale, want) => {
    expect(formatDayMonth(ms, locale)).toBe(want);
  });

  test.each<[number, Locale, string]>([
    [MAY05_1430, 'id', '14.30.05'],
    [MAY05_1430, 'en', '14:30:05'],
    [OCT31_2359 + 59_000, 'id', '23.59.59'],
    [NOV01_0000, 'id', '00.00.00'],
  ])('formatClockWib prints %s (%s) as %s', (ms, locale, want) => {
    expect(formatClockWib(ms, locale)).toBe(want);
  });
});

describe('formatFreshness', () => {
  const NOV12_1600 = Date.UTC(2026, 10, 12, 9, 0); // 12 November 2026 16.00 WIB
  const NOV01_0005 = NOV01_0000 + 5 * 60_000;

  test.each<[string | null, string | null, number, Locale, string]>([
    ['2026-10', '2026-11-12T07:30:00Z', NOV12_1600, 'id', 'data s.d. Oktober 2026 · diperbarui 14.30 WIB'],
    [
      '2026-10',
      '2026-11-11T07:30:00Z',
      NOV12_1600,
      'id',
      'data s.d. Oktober 2026 · diperbarui 11 Nov 2026 14.30 WIB',
    ],
    [
      '2026-10',
      '2025-08-11T07:30:00Z',
      NOV12_1600,
      'id',
      'data s.d. Oktober 2026 · diperbarui 11 Agu 2025 14.30 WIB',
    ],
    [
      '2026-10',
      '2026-11-12T14:30:00+07:00',
      NOV12_1600,
      'id',
      'data s.d. Oktober 2026 · diperbarui 14.30 WIB',
    ],
    ['2026-10', '2026-11-12 07:30:00', NOV12_1600, 'id', 'data s.d. Oktober 2026 · diperbarui 14.30 WIB'],
    [
      '2026-10',
      '2026-11-12T07:30:59.999Z',
      NOV12_1600,
      'id',
      'data s.d. Oktober 2026 · diperbarui 14.30 WIB',
    ],
    ['2026-10', null, NOV12_1600, 'id', 'data s.d. Oktober 2026'],
    ['2026-10', 'kemarin', NOV12_1600, 'id', 'data s.d. Oktober 2026'],
    ['2026-10', '2026-02-30T07:30:00Z', NOV12_1600, 'id', 'data s.d. Oktober 2026'],
    ['2026', null, NOV12_1600, 'id', 'data TA 2026'],
    ['2026', '2026-11-12T07:30:00Z', NOV12_1600, 'id', 'data TA 2026 · diperbarui 14.30 WIB'],
    [null, null, NOV12_1600, 'id', 'belum ada data'],
    [null, '2026-11-12T07:30:00Z', NOV12_1600, 'id', 'belum ada data'],
    ['2026-10', '2026-11-12T07:30:00Z', NOV12_1600, 'en', 'data to October 2026 · updated 14:30 WIB'],
    [
      '2026-10',
      '2026-11-11T07:30:00Z',
      NOV12_1600,
      'en',
      'data to October 2026 · updated 11 Nov 2026 14:30 WIB',
    ],
    ['2026', null, NOV12_1600, 'en', 'data FY 2026'],
    [null, null, NOV12_1600, 'en', 'no data yet'],
  ])('prints period %s updated %s (now %s, %s) as %s', (period, updatedAt, now, locale, want) => {
    expect(formatFreshness({ period, updatedAt }, now, locale)).toBe(want);
  });

  test.each<[string, number, string]>([
    ['2026-10-31T16:59:00Z', NOV01_0005, 'diperbarui 31 Okt 2026 23.59 WIB'],
    ['2026-10-31T17:00:00Z', NOV01_0005, 'diperbarui 00.00 WIB'],
    ['2026-10-31T00:00:00+07:00', OCT31_2359, 'diperbarui 00.00 WIB'],
    ['2026-10-31T00:00:00+07:00', NOV01_0000, 'diperbarui 31 Okt 2026 00.00 WIB'],
  ])('dates an update at %s only when now (%s) is another WIB day: %s', (updatedAt, now, want) => {
    expect(formatFreshness({ period: '2026-10', updatedAt }, now)).toBe(`data s.d. Oktober 2026 · ${want}`);
  });

  test('separates the halves with a middle dot between plain spaces', () => {
    const text = formatFreshness({ period: '2026-10', updatedAt: '2026-11-12T07:30:00Z' }, NOV12_1600);
    expect(text).toContain(' \u00B7 ');
  });
});

describe('missing values', () => {
  const formatters: [string, (v: number | null | undefined, locale: Locale) => string][] = [
    ['formatNumber', (v, l) => formatNumber(v, 2, l)],
    ['formatRupiah', formatRupiah],
    ['formatRupiahShort', formatRupiahShort],
    ['formatPct', (v, l) => formatPct(v, 2, l)],
    ['formatPoin', (v, l) => formatPoin(v, 2, l)],
    ['formatIndex', formatIndex],
    ['formatDurationMin', formatDurationMin],
    ['formatSla', (v, l) => formatSla(v, 'hours', l)],
    ['formatDate', formatDate],
    ['formatDateTimeWib', formatDateTimeWib],
    ['formatTimeWib', formatTimeWib],
    ['formatClockWib', formatClockWib],
  ];
  const cases = formatters.flatMap(([name, format]) =>
    [null, undefined, Number.NaN, Number.POSITIVE_INFINITY].flatMap((value) =>
      (['id', 'en'] as const).map((locale) => ({ name, format, value, locale })),
    ),
  );

  test.each(cases)('$name prints $value ($locale) as an em dash', ({ format, value, locale }) => {
    expect(format(value, locale)).toBe(DASH);
  });

  test.each([8.64e15, 1e16, -1e16])(
    'WIB formatters print %s, outside the Date range, as an em dash',
    (ms) => {
      expect(formatDate(ms)).toBe(DASH);
      expect(formatDateTimeWib(ms)).toBe(DASH);
      expect(formatTimeWib(ms)).toBe(DASH);
      expect(formatClockWib(ms)).toBe(DASH);
    },
  );

  test('formatPeriod prints a missing period as an em dash', () => {
    expect(formatPeriod(null)).toBe(DASH);
    expect(formatPeriod(undefined, 'en')).toBe(DASH);
  });
});

describe('typography', () => {
  test('negative numbers use the true minus sign, never a hyphen', () => {
    for (const text of [
      formatNumber(-1),
      formatRupiah(-1),
      formatRupiahShort(-1e9),
      formatPct(-1),
      formatPoin(-1),
    ]) {
      expect(text.startsWith('\u2212')).toBe(true);
      expect(text).not.toContain('-');
    }
  });

  test('a number and its unit are joined by a no-break space', () => {
    expect(NBSP).toBe('\u00A0');
    for (const text of [
      formatPct(1),
      formatPoin(1),
      formatRupiahShort(1e9),
      formatDurationMin(45),
      formatSla(1, 'working_days'),
    ]) {
      expect(text).toContain('\u00A0');
      expect(text).not.toMatch(/\d /);
    }
  });
});
