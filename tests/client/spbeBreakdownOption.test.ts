import { describe, expect, test } from 'vitest';
import {
  latestSpbe,
  type SpbeResult,
  spbeBreakdownOption,
  spbeTrendRows,
} from '../../client/charts/spbeBreakdownOption';
import { formatIndex } from '../../shared/format';

const result = (year: number, kind: 'self' | 'verified', index: number | null): SpbeResult =>
  ({
    year,
    kind,
    frameworkCode: 'SPBE-2020',
    index,
    predikat: null,
    complete: true,
    scored: 47,
    indicators: 47,
    domains: [],
    aspects: [],
    decree: null,
    source: 'x',
  }) as SpbeResult;

describe('spbe breakdown helpers', () => {
  test('one trend row per year, self and verified side by side, years ascending', () => {
    const rows = spbeTrendRows([
      result(2022, 'verified', 2.9),
      result(2021, 'self', 3.1),
      result(2022, 'self', 3.3),
      result(2021, 'verified', 2.6),
    ]);
    expect(rows).toEqual([
      { year: 2021, frameworkCode: 'SPBE-2020', self: 3.1, verified: 2.6 },
      { year: 2022, frameworkCode: 'SPBE-2020', self: 3.3, verified: 2.9 },
    ]);
  });

  test('the latest result is the newest year, verified before self', () => {
    expect(latestSpbe([])).toBeNull();
    const a = [result(2025, 'self', 4), result(2025, 'verified', 3.6), result(2024, 'verified', 3.4)];
    expect(latestSpbe(a)).toMatchObject({ year: 2025, kind: 'verified' });
    expect(latestSpbe([...a, result(2026, 'self', 4.1)])).toMatchObject({ year: 2026, kind: 'self' });
  });

  test('domains become numbered bars on the framework scale with formatted values', () => {
    const o = spbeBreakdownOption(
      [
        { no: 1, name: 'Kebijakan', index: 2.5 },
        { no: 2, name: 'Tata Kelola', index: null },
      ],
      5,
      'id',
    ) as unknown as {
      xAxis: { max: number };
      yAxis: { data: string[] };
      series: { data: { value: number | null; label: { formatter: () => string } }[] }[];
    };
    expect(o.xAxis.max).toBe(5);
    expect(o.yAxis.data).toEqual(['1. Kebijakan', '2. Tata Kelola']);
    expect(o.series).toHaveLength(1);
    expect(o.series[0]?.data.map((d) => d.label.formatter())).toEqual([formatIndex(2.5), '—']);
  });
});
