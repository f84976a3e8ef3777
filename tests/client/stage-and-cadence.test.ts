import { describe, expect, test } from 'vitest';
import { fitStage } from '../../client/components/Stage';
import {
  REFRESH_FLOOR_MS,
  RETRY_MAX_MS,
  refreshInterval,
  retryDelay,
  wallRefetchInterval,
} from '../../client/trpc';

describe('fitStage', () => {
  test.each([
    [1920, 1080, { width: 1920, scale: 1, x: 0, y: 0 }],
    [3840, 2160, { width: 1920, scale: 2, x: 0, y: 0 }],
    // 21:9: the canvas widens to the screen, no bars
    [2560, 1080, { width: 2560, scale: 1, x: 0, y: 0 }],
    // 32:9 video wall: 3840 logical wide at ×1,333
    [5120, 1440, { width: 3840, scale: 1440 / 1080, x: 0, y: 0 }],
    // wider still: the canvas stops at 3840, bars left and right, centred
    [7680, 1080, { width: 3840, scale: 1, x: 1920, y: 0 }],
    // taller than 16:9: 1920 wide, bars top and bottom, centred
    [1920, 1440, { width: 1920, scale: 1, x: 0, y: 180 }],
    [1280, 1024, { width: 1920, scale: 1280 / 1920, x: 0, y: (1024 - 720) / 2 }],
  ])('%i×%i viewport', (w, h, expected) => {
    const fit = fitStage(w, h);
    expect(fit.width).toBe(expected.width);
    expect(fit.scale).toBeCloseTo(expected.scale, 10);
    expect(fit.x).toBeCloseTo(expected.x, 10);
    expect(fit.y).toBeCloseTo(expected.y, 10);
  });

  test('a zero-sized viewport does not produce a zero or NaN scale', () => {
    expect(fitStage(0, 0)).toEqual({ width: 1920, scale: 1, x: 0, y: 0 });
  });
});

describe('wall refresh cadence', () => {
  test('refresh never goes below its floor', () => {
    expect(refreshInterval(1_000)).toBe(REFRESH_FLOOR_MS);
    expect(refreshInterval()).toBe(60_000);
  });

  test('a failed round polls again at the floor, a healthy one at the normal cadence', () => {
    expect(wallRefetchInterval('error')).toBe(REFRESH_FLOOR_MS);
    expect(wallRefetchInterval('success')).toBe(60_000);
    expect(wallRefetchInterval('pending')).toBe(60_000);
  });

  test('retry backoff doubles and is capped', () => {
    expect([0, 1, 2].map(retryDelay)).toEqual([1_000, 2_000, 4_000]);
    expect(retryDelay(20)).toBe(RETRY_MAX_MS);
  });
});
