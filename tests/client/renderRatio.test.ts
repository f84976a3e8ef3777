import { describe, expect, test } from 'vitest';
import { renderRatio } from '../../client/charts/EChart';

describe('chart render ratio', () => {
  test.each([
    [1, 1],
    [0.75, 1],
    [1.3333, 1.5],
    [1.3328, 1.5],
    [2, 2],
    [2.0000000001, 2],
    [2.01, 2.25],
  ])('%s → %s (small scale changes do not rebuild the canvas)', (raw, ratio) => {
    expect(renderRatio(raw)).toBe(ratio);
  });
});
