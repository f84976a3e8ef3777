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
    [1920, 1080, { scale: 1, x: 0, y: 0 }],
    [3840, 2160, { scale: 2, x: 0, y: 0 }],
    // wider than 16:9: letterbox left and right, centred
    [2560, 1080, { scale: 1, x: 320, y: 0 }],
    // taller than 16:9: bars top and bottom, centred
    [1920, 1440, { scale: 1, x: 0, y: 180 }],
    [1280, 1024, { scale: 1280 / 1920, x: 0, y: (1024 - 720) / 2 }],
  ])('%i×%i viewport', (w, h, expected) => {
    const fit = fitStage(w, h);
    expect(fit.scale).toBeCloseTo(expected.scale, 10);
    expect(fit.x).toBeCloseTo(expected.x, 10);
    expect(fit.y).toBeCloseTo(expected.y, 10);
  });

  test('a zero-sized viewport does not produce a zero or NaN scale', () => {
    expect(fitStage(0, 0).scale).toBe(1);
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
