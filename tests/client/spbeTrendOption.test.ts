import { describe, expect, test } from 'vitest';
import { type SpbeTrendPoint, spbeTrendOption } from '../../client/charts/spbeTrendOption';
import { formatIndex } from '../../shared/format';

const trend: SpbeTrendPoint[] = [
  { year: 2023, frameworkCode: 'SPBE-2020', self: 3.71, verified: 3.52 },
  { year: 2021, frameworkCode: 'SPBE-2020', self: 3.1, verified: 2.95 },
  { year: 2022, frameworkCode: 'SPBE-2020', self: 4.006, verified: 3.83 },
  { year: 2024, frameworkCode: 'SPBE-2020', self: 3.9, verified: null },
];

type Series = {
  type: string;
  name: string;
  data: (number | null)[];
  label: { formatter: (p: { value: unknown }) => string };
};
type Opt = {
  animation: boolean;
  xAxis: { data: string[] };
  yAxis: { min: number; max: number };
  series: Series[];
};
const build = (...args: Parameters<typeof spbeTrendOption>) => spbeTrendOption(...args) as unknown as Opt;

describe('spbeTrendOption', () => {
  test('orders years ascending whatever order the server sends', () => {
    expect(build(trend).xAxis.data).toEqual(['2021', '2022', '2023', '2024']);
  });

  test('verified results are bars and self-assessments a line, aligned by year', () => {
    const opt = build(trend, 'id');
    expect(opt.animation).toBe(false);
    const [bar, line] = opt.series;
    expect(bar?.type).toBe('bar');
    expect(bar?.name).toBe('Terverifikasi');
    expect(bar?.data).toEqual([2.95, 3.83, 3.52, null]);
    expect(line?.type).toBe('line');
    expect(line?.name).toBe('Penilaian mandiri');
    expect(line?.data).toEqual([3.1, 4.006, 3.71, 3.9]);
  });

  test('value labels use the shared index formatter (two decimals, decimal comma)', () => {
    const [bar] = build(trend, 'id').series;
    expect(bar?.label.formatter({ value: 4.006 })).toBe(formatIndex(4.006, 'id'));
    expect(bar?.label.formatter({ value: 4.006 })).toBe('4,01');
    expect(bar?.label.formatter({ value: null })).toBe('');
  });

  test('the axis spans the framework scale', () => {
    const opt = build(trend, 'id');
    expect([opt.yAxis.min, opt.yAxis.max]).toEqual([0, 5]);
  });

  test('names each year with its framework when the trend spans two frameworks', () => {
    const mixed = [...trend, { year: 2025, frameworkCode: 'PEMDI-2025', self: 3.4, verified: null }];
    expect(build(mixed).xAxis.data).toEqual([
      '2021\nSPBE-2020',
      '2022\nSPBE-2020',
      '2023\nSPBE-2020',
      '2024\nSPBE-2020',
      '2025\nPEMDI-2025',
    ]);
  });

  test('English legend names', () => {
    expect(build(trend, 'en').series.map((s) => s.name)).toEqual(['Verified', 'Self-assessment']);
  });
});
