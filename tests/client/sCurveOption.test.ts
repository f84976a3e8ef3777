import { describe, expect, test } from 'vitest';
import { SERIES } from '../../client/charts/palette';
import { type SCurvePoint, sCurveOption } from '../../client/charts/sCurveOption';
import { formatPct, monthShort } from '../../shared/format';

// A year seen at the end of October: realisation stops after month 10.
const points: SCurvePoint[] = Array.from({ length: 12 }, (_, i) => {
  const month = i + 1;
  return {
    month,
    targetKeuPct: month * 8,
    realKeuPct: month <= 10 ? month * 7 : null,
    targetFisPct: month * 8.2,
    realFisPct: month <= 10 ? month * 7.5 : null,
  };
});

type Series = {
  type: string;
  name: string;
  data: (number | null | { value: number; label: { formatter: () => string } })[];
  lineStyle: { type: string; color: string };
  markLine?: { data: { xAxis: number }[]; label: { formatter: string } };
};
type Opt = {
  animation: boolean;
  xAxis: { type: string; data: string[] };
  yAxis: { min: number; max: number; axisLabel: { formatter: (v: number) => string } };
  series: Series[];
  legend: { data: string[] };
};

const build = (...args: Parameters<typeof sCurveOption>) => sCurveOption(...args) as unknown as Opt;
const plain = (data: Series['data']) => data.map((d) => (d !== null && typeof d === 'object' ? d.value : d));

describe('sCurveOption', () => {
  test('has twelve month categories named in the locale', () => {
    expect(build(points, 'id').xAxis.data).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => monthShort(m, 'id')),
    );
    expect(build(points, 'en').xAxis.data[4]).toBe('May');
    expect(build(points, 'id').xAxis.data[4]).toBe('Mei');
  });

  test('draws keuangan and fisik, target dashed and realisation solid, without animation', () => {
    const opt = build(points, 'id', 10);
    expect(opt.animation).toBe(false);
    expect(opt.series.map((s) => [s.name, s.lineStyle.type, s.lineStyle.color])).toEqual([
      ['Target keuangan', 'dashed', SERIES.keuangan],
      ['Realisasi keuangan', 'solid', SERIES.keuangan],
      ['Target fisik', 'dashed', SERIES.fisik],
      ['Realisasi fisik', 'solid', SERIES.fisik],
    ]);
    expect(opt.legend.data).toHaveLength(4);
  });

  test('realisation stops at the as-of month while targets run to December', () => {
    const opt = build(points, 'id', 10);
    const [targetKeu, realKeu, , realFis] = opt.series;
    expect(plain(targetKeu?.data ?? [])).toEqual(points.map((p) => p.targetKeuPct));
    expect(plain(realKeu?.data ?? []).slice(10)).toEqual([null, null]);
    expect(plain(realKeu?.data ?? [])[9]).toBe(70);
    expect(plain(realFis?.data ?? [])[9]).toBe(75);
  });

  test('labels the as-of realisation with the shared percent formatter and marks the month', () => {
    const opt = build(points, 'id', 10);
    const realKeu = opt.series[1];
    const point = realKeu?.data[9];
    expect(typeof point === 'object' && point !== null ? point.label.formatter() : null).toBe(
      formatPct(70, 1, 'id'),
    );
    expect(realKeu?.markLine?.data).toEqual([{ xAxis: 9 }]);
    expect(realKeu?.markLine?.label.formatter).toBe('s.d. Okt');
  });

  test('fills months missing from the input with null instead of shifting the curve', () => {
    const gappy = points.filter((p) => p.month !== 3);
    const opt = build(gappy, 'id', null);
    expect(plain(opt.series[0]?.data ?? [])[2]).toBeNull();
    expect(plain(opt.series[0]?.data ?? [])[3]).toBe(32);
    expect(opt.series[1]?.markLine).toBeUndefined();
  });

  test('an empty year still gives a 0–100 % axis and twelve empty points', () => {
    const opt = build([], 'id', null);
    expect(opt.yAxis.min).toBe(0);
    expect(opt.yAxis.max).toBe(100);
    expect(opt.yAxis.axisLabel.formatter(50)).toBe(formatPct(50, 0, 'id'));
    expect(opt.series.every((s) => s.data.length === 12 && s.data.every((d) => d === null))).toBe(true);
  });
});
