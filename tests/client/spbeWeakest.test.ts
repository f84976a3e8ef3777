import { describe, expect, test } from 'vitest';
import { wallIndicatorName, weakLevelText, weakOwnerText } from '../../client/pages/wall/spbeWeakest';
import type { Locale } from '../../shared/i18n';

describe('wallIndicatorName', () => {
  test.each([
    ['Tingkat Kematangan Layanan Penganggaran', 'Layanan Penganggaran'],
    [
      'Tingkat Kematangan Kebijakan Internal Arsitektur SPBE Instansi Pusat/Pemerintah Daerah',
      'Kebijakan Internal Arsitektur SPBE Instansi Pusat/Pemerintah Daerah',
    ],
    // a sector label for the year, or another framework's name, stays as it is
    ['Layanan Publik Sektor Administrasi Kependudukan', 'Layanan Publik Sektor Administrasi Kependudukan'],
    ['Arsitektur Pemerintah Digital', 'Arsitektur Pemerintah Digital'],
    // only a leading prefix goes
    ['Layanan dengan Tingkat Kematangan tinggi', 'Layanan dengan Tingkat Kematangan tinggi'],
  ])('%s → %s', (name, shown) => {
    expect(wallIndicatorName(name)).toBe(shown);
  });
});

describe('weakLevelText', () => {
  test.each<[number | null, string | null, Locale, string]>([
    [2, 'Terkelola', 'id', 'Level 2 · Terkelola'],
    [4, 'Terpadu dan Terukur', 'id', 'Level 4 · Terpadu dan Terukur'],
    [0, null, 'id', 'Level 0'], // a value, but the framework names no level 0
    [null, null, 'id', 'Belum dinilai'], // no value: never "Level 0"
    [null, 'Rintisan', 'id', 'Belum dinilai'],
    [1, 'Rintisan', 'en', 'Level 1 · Rintisan'], // level names are the framework's own words
    [null, null, 'en', 'Not assessed'],
  ])('level %s (%s, %s) → %s', (level, levelName, locale, want) => {
    expect(weakLevelText({ level, levelName }, locale)).toBe(want);
  });
});

describe('weakOwnerText', () => {
  test('the short name of the owner OPD, or a plain note that none is set', () => {
    const owner = { code: 'BAKEUDA', name: 'Badan Keuangan Daerah', shortName: 'Bakeuda' };
    expect(weakOwnerText({ owner }, 'id')).toBe('Bakeuda');
    expect(weakOwnerText({ owner: null }, 'id')).toBe('Pengampu belum ditetapkan');
    expect(weakOwnerText({ owner: null }, 'en')).toBe('No owner set');
  });
});
