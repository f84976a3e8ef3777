// The briefing's pure parts: the print palette laid over the wall's chart options (no wall colour
// left, formatters kept, room for the as-of label), the briefing route's paths, and its dates.
import { describe, expect, test } from 'vitest';
import { SERIES, STATUS, WALL } from '../../client/charts/palette';
import { pillarCurveOption } from '../../client/charts/pillarCurveOption';
import { sCurveOption } from '../../client/charts/sCurveOption';
import { briefingMeetingId, briefingPath, briefingPdfUrl } from '../../client/pages/briefing/path';
import { PRINT, printOption } from '../../client/pages/briefing/printOption';
import { followUpState, longDate } from '../../client/pages/briefing/words';

const WALL_COLOURS = [...Object.values(WALL), ...Object.values(STATUS), ...Object.values(SERIES)].map((c) =>
  c.toUpperCase(),
);

/** Every string in an option, functions skipped. */
function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(strings);
  if (v && typeof v === 'object') return Object.values(v).flatMap(strings);
  return [];
}

const points = [1, 2, 3].map((month) => ({ month, planPct: month * 10, actualPct: month * 9 }));

describe('printOption', () => {
  test('no wall colour is left in a pillar curve, and its light theme text is inked over', () => {
    const option = printOption(pillarCurveOption(points, 'id', 3)) as Record<string, never>;
    const left = strings(option).filter((s) => WALL_COLOURS.includes(s.toUpperCase()));
    expect(left).toEqual([]);
    expect(strings(option)).toContain(PRINT.keuangan);
    expect(option).toMatchObject({
      textStyle: { color: PRINT.text },
      legend: { textStyle: { color: PRINT.text } },
      xAxis: { axisLabel: { color: PRINT.muted, margin: 14 } },
      yAxis: { splitLine: { lineStyle: { color: PRINT.grid } } },
    });
  });

  test('formatters survive the swap and the as-of label gets room at the right edge', () => {
    const wall = sCurveOption(
      [{ month: 12, targetKeuPct: 90, realKeuPct: 80, targetFisPct: 92, realFisPct: 85 }],
      'id',
      12,
    ) as { grid: { right: number }; yAxis: { axisLabel: { formatter: (v: number) => string } } };
    const paper = printOption(wall as never) as unknown as typeof wall;
    expect(paper.yAxis.axisLabel.formatter(50)).toBe('50\u00A0%');
    expect(wall.grid.right).toBeLessThan(56);
    expect(paper.grid.right).toBe(56);
  });
});

describe('briefing paths', () => {
  test.each([
    ['/rapat/12/briefing', 12],
    ['/rapat/1/briefing', 1],
    ['/rapat/12', null],
    ['/rapat/0/briefing', null],
    ['/rapat/12/briefing/x', null],
    ['/rapat/abc/briefing', null],
  ])('%s is the briefing of meeting %s', (path, id) => {
    expect(briefingMeetingId(path)).toBe(id);
  });

  test('the print view and the PDF of a meeting', () => {
    expect(briefingPath(7)).toBe('/rapat/7/briefing');
    expect(briefingPdfUrl(7)).toBe('/api/meetings/7/briefing.pdf');
  });
});

describe('briefing words', () => {
  test.each([
    ['2026-05-12', 'Selasa, 12 Mei 2026'],
    ['2026-10-13', 'Selasa, 13 Oktober 2026'],
    ['2026-11-23', 'Senin, 23 November 2026'],
  ])('%s is written %s', (date, text) => {
    expect(longDate(date)).toBe(text);
  });

  test('a late follow-up says by how many days', () => {
    expect(followUpState('terlambat', 30)).toBe('Terlambat 30 hari');
    expect(followUpState('dalam_proses', 0)).toBe('Dalam proses');
    expect(followUpState('selesai', 0)).toBe('Selesai');
  });
});
