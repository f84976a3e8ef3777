import { describe, expect, test } from 'vitest';
import { pathWith, safeNextPath } from '../../client/navigation';
import { type OfficeKey, officeMessages } from '../../client/office/messages';

describe('office messages', () => {
  test('both languages have every key and the same placeholders', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(officeMessages.id) as OfficeKey[]) {
      expect(officeMessages.en[key], key).toBeTruthy();
      expect(placeholders(officeMessages.en[key]), key).toEqual(placeholders(officeMessages.id[key]));
    }
  });
});

describe('safeNextPath', () => {
  test.each(['/opd/realisasi?year=2026&month=10', '/admin', '/'])('%j is a same-site path', (p) => {
    expect(safeNextPath(p)).toBe(p);
  });

  test.each(['//evil.example/x', 'https://evil.example', '/\\evil.example', 'opd', '', null, '/a\nb'])(
    '%j is refused as a redirect target',
    (p) => {
      expect(safeNextPath(p)).toBeNull();
    },
  );
});

test('pathWith leaves out empty parameters', () => {
  expect(pathWith('/opd/realisasi', { year: 2026, month: 10, opd: null, kode: '' })).toBe(
    '/opd/realisasi?year=2026&month=10',
  );
  expect(pathWith('/audit', {})).toBe('/audit');
});
