import { describe, expect, test } from 'vitest';
import { formatNumberInput, parseNumberInput, tidyNumberInput } from '../../client/forms/number';

describe('parseNumberInput', () => {
  test.each([
    ['1.250.000.000', 1_250_000_000],
    ['84,5', 84.5],
    ['84,50 %', 84.5],
    ['100%', 100],
    ['1.250', 1250],
    ['1.250.000,50', 1_250_000.5],
    ['Rp 1.250.000,-', 1_250_000],
    ['Rp1.000', 1000],
    ['rp. 2.500', 2500],
    ['12 500 000', 12_500_000],
    ['12\u00a0500', 12_500],
    [',5', 0.5],
    ['0', 0],
    ['-5', -5],
    ['\u22125', -5],
  ] as const)('Indonesian typing %j reads as %d', (text, expected) => {
    expect(parseNumberInput(text, 'id')).toBe(expected);
  });

  test.each([
    ['84.5', 84.5],
    ['0.250', 0.25],
    ['1,250,000', 1_250_000],
    ['1,250,000.50', 1_250_000.5],
  ] as const)('what an English spreadsheet pastes, %j, still reads as %d', (text, expected) => {
    expect(parseNumberInput(text, 'id')).toBe(expected);
  });

  test.each([
    ['1,250', 1250],
    ['84.5', 84.5],
    ['84,5', 84.5],
    ['1.250.000,5', 1_250_000.5],
  ] as const)('in English, %j reads as %d', (text, expected) => {
    expect(parseNumberInput(text, 'en')).toBe(expected);
  });

  test.each(['', '   ', '\u00a0'])(
    'an empty field (%j) is null, so the schema says it is missing',
    (text) => {
      expect(parseNumberInput(text, 'id')).toBeNull();
    },
  );

  test.each(['abc', '12a', '.', ',', '1.25.000', '1.2.3,4,5', '84,', '1,2,3.4.5', '--5', '1e5'])(
    'text that is not a number (%j) is NaN, so the schema names the field',
    (text) => {
      expect(parseNumberInput(text, 'id')).toBeNaN();
    },
  );
});

describe('formatNumberInput', () => {
  test.each([
    [1_250_000_000, 'id', '1.250.000.000'],
    [84.5, 'id', '84,5'],
    [84.5, 'en', '84.5'],
    [0.1 + 0.2, 'id', '0,3'],
    [-5, 'id', '-5'],
    [0, 'id', '0'],
  ] as const)('%d in %s reads back as %j', (n, locale, expected) => {
    expect(formatNumberInput(n, locale)).toBe(expected);
  });

  test('a missing figure is an empty input', () => {
    expect(formatNumberInput(null)).toBe('');
    expect(formatNumberInput(undefined)).toBe('');
  });

  test('what it prints parses back to the same number', () => {
    for (const n of [0, 1, 999, 1000, 1_250_000_000, 84.5, 12.3456, 9_999_999_999_999]) {
      for (const locale of ['id', 'en'] as const) {
        expect(parseNumberInput(formatNumberInput(n, locale), locale)).toBe(n);
      }
    }
  });
});

describe('tidyNumberInput', () => {
  test('a number is regrouped when the field is left', () => {
    expect(tidyNumberInput('1250000000')).toBe('1.250.000.000');
    expect(tidyNumberInput('84.5')).toBe('84,5');
  });

  test('text that is not a number stays as typed so the user can fix it', () => {
    expect(tidyNumberInput('12a')).toBe('12a');
    expect(tidyNumberInput('')).toBe('');
  });
});
