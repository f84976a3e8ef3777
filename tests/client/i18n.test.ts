import { describe, expect, test } from 'vitest';
import { isLocale, type MessageKey, messages, t } from '../../shared/i18n';

describe('t', () => {
  test('Indonesian is the default language', () => {
    expect(t('badge.demo')).toBe('Data contoh');
    expect(t('badge.demo', 'en')).toBe('Sample data');
  });

  test.each([
    ['pillar.running', { n: '10', total: '12' }, '10 dari 12 berjalan'],
    ['badge.disconnected', { time: '14.32 WIB' }, 'terputus sejak 14.32 WIB'],
    ['header.year', { year: '2026' }, 'TA 2026'],
  ] as [MessageKey, Record<string, string>, string][])(
    '%s fills its placeholders',
    (key, params, expected) => {
      expect(t(key, 'id', params)).toBe(expected);
    },
  );

  test('a placeholder without a value stays visible instead of vanishing', () => {
    expect(t('pillar.running', 'id', { n: '10' })).toBe('10 dari {total} berjalan');
  });

  test('both languages have every key and the same placeholders', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(messages.id) as MessageKey[]) {
      expect(messages.en[key], key).toBeTruthy();
      expect(placeholders(messages.en[key]), key).toEqual(placeholders(messages.id[key]));
    }
  });

  test('isLocale accepts only id and en', () => {
    expect([isLocale('id'), isLocale('en'), isLocale('fr'), isLocale(null)]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});
