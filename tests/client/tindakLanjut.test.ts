// The "Tindak Lanjut HLM" wall's pure parts: how many list columns a tile holds, days to a due
// date, the overdue follow-ups tallied per OPD, and that a follow-up report refreshes the wall
// and its ticker.
import { describe, expect, test } from 'vitest';
import { pathsForTopics } from '../../client/live/topics';
import { columnsFor, daysUntil, tallyByOpd } from '../../client/pages/wall/tindakLanjutRows';

describe('columnsFor', () => {
  test.each([
    [0, 1], // not measured yet
    [599, 1],
    [787, 1], // a 16:9 wall's overdue list
    [1223, 1],
    [1224, 2], // two 600 px columns and the gap between them
    [1795, 2], // a 32:9 wall's overdue list
    [2448, 3],
  ])('a %i px list holds %i column(s)', (width, columns) => {
    expect(columnsFor(width)).toBe(columns);
  });
});

describe('daysUntil', () => {
  test.each([
    ['2026-11-23', '2026-11-23', 0],
    ['2026-11-23', '2026-11-30', 7],
    ['2026-11-23', '2026-11-18', -5],
    // Across a month and a year end.
    ['2026-12-30', '2027-01-02', 3],
  ])('from %s to %s is %i days', (day, due, n) => {
    expect(daysUntil(day, due)).toBe(n);
  });
});

describe('tallyByOpd', () => {
  test('counts per OPD, the longest overdue first, then the most, then by name', () => {
    const f = (ownerOpdCode: string, daysLate: number) => ({
      ownerOpdCode,
      ownerOpdName: ownerOpdCode.charAt(0) + ownerOpdCode.slice(1).toLowerCase(),
      daysLate,
    });
    expect(
      tallyByOpd([f('DLH', 3), f('DINKES', 5), f('DLH', 9), f('SETDA', 5), f('DINKES', 1), f('DPUPR', 5)]),
    ).toEqual([
      { code: 'DLH', name: 'Dlh', count: 2, longest: 9 },
      { code: 'DINKES', name: 'Dinkes', count: 2, longest: 5 },
      { code: 'DPUPR', name: 'Dpupr', count: 1, longest: 5 },
      { code: 'SETDA', name: 'Setda', count: 1, longest: 5 },
    ]);
    expect(tallyByOpd([])).toEqual([]);
  });
});

test('a follow-up report refreshes the board, the OPD page and the wall ticker', () => {
  const paths = pathsForTopics(['followup']) as Set<string>;
  for (const p of ['followUp.board', 'followUp.ofOpd', 'followUp.history', 'dashboard.ticker'])
    expect(paths.has(p), p).toBe(true);
});
