// The display player's rotation arithmetic: which item is on screen given the entry time, the
// dwell times and now; wrap-around both ways; no drift however late the timer fires.
import { describe, expect, test } from 'vitest';
import {
  advance,
  countdownSeconds,
  positionAt,
  remainingMs,
  wrapIndex,
} from '../../client/pages/wall/player/rotation';

const PLAYLIST = [{ dwellS: 10 }, { dwellS: 20 }, { dwellS: 30 }];
const T0 = 1_000_000;

describe('player rotation', () => {
  test.each([
    [0, 0, T0],
    [9_999, 0, T0],
    [10_000, 1, T0 + 10_000],
    [29_999, 1, T0 + 10_000],
    [30_000, 2, T0 + 30_000],
    [59_999, 2, T0 + 30_000],
    [60_000, 0, T0 + 60_000],
    [75_000, 1, T0 + 70_000],
    [10 * 60_000 + 35_000, 2, T0 + 10 * 60_000 + 30_000],
  ])('%i ms after the start item %i is on screen, entered at its due time', (elapsed, index, enteredAt) => {
    expect(positionAt(PLAYLIST, T0, T0 + elapsed)).toEqual({ index, enteredAt });
  });

  test('a late tick does not shift the next switch: the entry time is the due time, not the tick', () => {
    const late = advance(PLAYLIST, { index: 0, enteredAt: T0 }, T0 + 10_900);
    expect(late).toEqual({ index: 1, enteredAt: T0 + 10_000 });
    expect(advance(PLAYLIST, late, T0 + 30_000)).toEqual({ index: 2, enteredAt: T0 + 30_000 });
  });

  test('advancing from the middle of the playlist wraps to the first item', () => {
    expect(advance(PLAYLIST, { index: 2, enteredAt: T0 }, T0 + 30_000)).toEqual({
      index: 0,
      enteredAt: T0 + 30_000,
    });
    expect(advance(PLAYLIST, { index: 2, enteredAt: T0 }, T0 + 5_000)).toEqual({ index: 2, enteredAt: T0 });
  });

  test('a clock before the entry time keeps the current item', () => {
    expect(advance(PLAYLIST, { index: 1, enteredAt: T0 }, T0 - 5_000)).toEqual({ index: 1, enteredAt: T0 });
  });

  test('an empty playlist stays at index 0', () => {
    expect(advance([], { index: 3, enteredAt: T0 }, T0 + 99_000)).toEqual({
      index: 0,
      enteredAt: T0 + 99_000,
    });
  });

  test.each([
    [0, 1, 3, 1],
    [2, 1, 3, 0],
    [0, -1, 3, 2],
    [1, -1, 3, 0],
    [0, 1, 1, 0],
    [0, -1, 1, 0],
    [5, 0, 3, 2],
  ])('wrapIndex(%i, %i, %i) = %i', (index, delta, length, expected) => {
    expect(wrapIndex(index, delta, length)).toBe(expected);
  });

  test('the countdown shows whole seconds left, 10 at entry and 1 in the last second', () => {
    const item = { dwellS: 10 };
    expect(countdownSeconds(item, T0, T0)).toBe(10);
    expect(countdownSeconds(item, T0, T0 + 250)).toBe(10);
    expect(countdownSeconds(item, T0, T0 + 9_001)).toBe(1);
    expect(countdownSeconds(item, T0, T0 + 12_000)).toBe(0);
    expect(remainingMs(item, T0, T0 + 4_000)).toBe(6_000);
  });
});
