// Browser-test helpers for charts: how much of each chart's canvas is actually painted.
import type { Page } from 'playwright-core';

/** Per chart, the share of sampled canvas pixels that differ from the corner (background) pixel. */
export async function paintedShare(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const out: Record<string, number> = {};
    for (const chart of document.querySelectorAll('[data-testid^="chart-"]')) {
      const canvas = chart.querySelector('canvas');
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx) {
        out[chart.getAttribute('data-testid') ?? '?'] = 0;
        continue;
      }
      const d = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      const bg = [d[0], d[1], d[2], d[3]];
      let differing = 0;
      let sampled = 0;
      for (let i = 0; i < d.length; i += 4 * 13) {
        sampled++;
        if (d[i] !== bg[0] || d[i + 1] !== bg[1] || d[i + 2] !== bg[2] || d[i + 3] !== bg[3]) differing++;
      }
      out[chart.getAttribute('data-testid') ?? '?'] = differing / sampled;
    }
    return out;
  });
}
