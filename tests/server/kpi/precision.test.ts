import { describe, expect, test } from 'vitest';
import { compareNullableAsc, compareText } from '../../../server/kpi/order';
import { pctOf, settle } from '../../../server/kpi/precision';

describe('settle', () => {
  test.each([
    [3.3 - 8.3, -5], // −5,000000000000001 in binary floating point
    [((1_100 * 1e9) / (2_000 * 1e9)) * 100, 55], // 55,00000000000001
    [419.99999999999994 / 100, 4.2],
    [-5.004, -5.004], // real differences below display precision are kept
    [320 / 11, 29.090909091],
  ])('settle(%s) = %s', (x, settled) => {
    expect(settle(x)).toBe(settled);
  });

  test('null stays null', () => {
    expect(settle(null)).toBeNull();
  });
});

describe('pctOf', () => {
  test.each<[number, number, number | null]>([
    [8, 10, 80],
    [1_100, 2_000, 55],
    [10, 12, 83.333333333], // Kebumen: 10 of 12 programmes running = 83,33 %
    [0, 5, 0],
    [3, 0, null], // nothing to divide by
  ])('%i of %i = %s %%', (part, whole, pct) => {
    expect(pctOf(part, whole)).toBe(pct);
  });
});

describe('ordering helpers', () => {
  test('compareText orders by code point, the same on every host', () => {
    expect(['b', 'B', 'a', 'A_2', 'A-1'].sort(compareText)).toEqual(['A-1', 'A_2', 'B', 'a', 'b']);
  });

  test('compareNullableAsc puts null last', () => {
    expect([3, null, -2, 0, null].sort(compareNullableAsc)).toEqual([-2, 0, 3, null, null]);
  });
});
