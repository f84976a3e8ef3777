import { describe, expect, test } from 'vitest';
import { spbeBreakdownOption } from '../../client/charts/spbeBreakdownOption';
import { formatIndex } from '../../shared/format';

describe('spbe breakdown helpers', () => {
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
