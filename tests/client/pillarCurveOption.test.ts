import { describe, expect, test } from 'vitest';
import { SERIES, WALL } from '../../client/charts/palette';
import { type PillarCurvePoint, pillarCurveOption } from '../../client/charts/pillarCurveOption';
import { monthShort } from '../../shared/format';

// A pillar seen in June: plan for the whole year, progress through June only (as the server sends it).
const points: PillarCurvePoint[] = Array.from({ length: 12 }, (_, i) => ({
  month: i + 1,
  planPct: (i + 1) * 8,
  actualPct: i < 6 ? (i + 1) * 6.5 : null,
}));

type Item =
  | number
  | null
  | { value: number; symbolSize?: number; label: { show: boolean; formatter: () => string } };
type Series = {
  type: string;
  name: string;
  data: Item[];
  showSymbol: boolean;
  symbolSize?: number;
  lineStyle: { type: string; color: string };
  markLine?: { data: { xAxis: number }[]; label: { formatter: string } };
};
type Opt = {
  animation: boolean;
  legend: { data: string[] };
  xAxis: { data: string[] };
  yAxis: { min: number; max: number; axisLabel: { formatter: (v: number) => string } };
  series: Series[];
};
const build = (...args: Parameters<typeof pillarCurveOption>) => pillarCurveOption(...args) as unknown as Opt;
const plain = (data: Item[]) => data.map((d) => (d !== null && typeof d === 'object' ? d.value : d));
const labelled = (data: Item[]) =>
  data.flatMap((d, i) => (d !== null && typeof d === 'object' ? [[i, d.label.formatter()]] : []));

describe('pillarCurveOption', () => {
  test('twelve months in the locale, 0–100 % scale, no animation', () => {
    const o = build(points, 'id', 6);
    expect(o.xAxis.data).toEqual(points.map((p) => monthShort(p.month, 'id')));
    expect(build(points, 'en', 6).xAxis.data[4]).toBe('May');
    expect([o.yAxis.min, o.yAxis.max, o.yAxis.axisLabel.formatter(50)]).toEqual([0, 100, '50\u00a0%']);
    expect(o.animation).toBe(false);
  });

  test('plan dashed and muted, progress solid in blue, named as the swatches of the programme list', () => {
    const o = build(points, 'id', 6);
    expect(o.series.map((s) => [s.name, s.lineStyle.type, s.lineStyle.color])).toEqual([
      ['Rencana', 'dashed', WALL.muted],
      ['Progres', 'solid', SERIES.keuangan],
    ]);
    expect(o.legend.data).toEqual(['Progres', 'Rencana']);
    expect(build(points, 'en', 6).series.map((s) => s.name)).toEqual(['Plan', 'Progress']);
  });

  test('the plan runs to December, progress stops at the as-of month', () => {
    const [plan, actual] = build(points, 'id', 6).series;
    expect(plain(plan?.data ?? [])).toEqual(points.map((p) => p.planPct));
    expect(plain(actual?.data ?? [])).toEqual([
      6.5,
      13,
      19.5,
      26,
      32.5,
      39,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  test('both lines carry their value at the as-of month, which gets the dotted marker', () => {
    const [plan, actual] = build(points, 'id', 6).series;
    expect(labelled(plan?.data ?? [])).toEqual([[5, '48,0\u00a0%']]);
    expect(labelled(actual?.data ?? [])).toEqual([[5, '39,0\u00a0%']]);
    // The plan line draws no symbols (size 0) except where its label hangs.
    expect(plan?.symbolSize).toBe(0);
    const asOfPoint = plan?.data[5] as { symbolSize: number } | undefined;
    expect(asOfPoint?.symbolSize).toBeGreaterThan(0);
    expect(actual?.markLine?.data).toEqual([{ xAxis: 5 }]);
    expect(actual?.markLine?.label.formatter).toBe('s.d. Jun');
  });

  test('without an as-of month there is no marker and no label; missing months are gaps', () => {
    const o = build(
      points.filter((p) => p.month !== 3),
      'id',
      null,
    );
    const [plan, actual] = o.series;
    expect(actual?.markLine).toBeUndefined();
    expect(labelled(plan?.data ?? [])).toEqual([]);
    expect(plain(plan?.data ?? [])[2]).toBeNull();
  });
});
