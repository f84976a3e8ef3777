import { describe, expect, test } from 'vitest';
import { type BarItem, barListOption, niceCeil } from '../../client/charts/barListOption';
import { STATUS, WALL } from '../../client/charts/palette';

type Label = { show: boolean; formatter: () => string; fontWeight: string };
type Datum = { value: number | null; label: Label; itemStyle?: { color: string; borderWidth: number } };
type Series = { type: string; name: string; data: Datum[]; barGap: string };
type Opt = {
  animation: boolean;
  xAxis: { min: number; max: number };
  yAxis: { inverse: boolean; data: string[]; axisLabel: { formatter: (l: string, i: number) => string } };
  series: Series[];
  grid: { left: number; right: number };
};
const build = (...args: Parameters<typeof barListOption>) => barListOption(...args) as unknown as Opt;

const items: BarItem[] = [
  { key: 'A', label: 'Alpha', value: 60, target: 70, colour: 'kuning', valueText: '60,0 %' },
  { key: 'B', label: 'Beta', value: 80, target: 70, colour: 'hijau', valueText: '80,0 %', highlight: true },
  { key: 'C', label: 'Gamma', value: null, colour: '#123456', valueText: '—' },
];

describe('barListOption', () => {
  test('keeps the given order, first item on top', () => {
    const o = build(items, { valueName: 'Serapan', targetName: 'Target', max: 100 });
    expect(o.yAxis.data).toEqual(['Alpha', 'Beta', 'Gamma']);
    expect(o.yAxis.inverse).toBe(true);
    expect(o.xAxis).toMatchObject({ min: 0, max: 100 });
    expect(o.animation).toBe(false);
  });

  test('status colours map to the wall palette; other colours pass through', () => {
    const value = build(items, { valueName: 'v', targetName: 't' }).series.find((s) => s.name === 'v');
    expect(value?.data.map((d) => d.itemStyle?.color)).toEqual([STATUS.kuning, STATUS.hijau, '#123456']);
  });

  test('the target is an overlaid outline and the text sits after the longer of bar and target', () => {
    const o = build(items, { valueName: 'v', targetName: 't' });
    const target = o.series.find((s) => s.name === 't');
    const value = o.series.find((s) => s.name === 'v');
    expect(target?.barGap).toBe('-100%');
    expect(target?.data.map((d) => d.value)).toEqual([70, 70, null]);
    // Alpha is behind its target: the text goes on the target outline, once.
    expect(target?.data[0]?.label.show).toBe(true);
    expect(value?.data[0]?.label.show).toBe(false);
    // Beta is ahead: on its own bar.
    expect(value?.data[1]?.label.show).toBe(true);
    expect(target?.data[1]?.label.show).toBe(false);
    expect(value?.data[1]?.label.formatter()).toBe('80,0 %');
  });

  test('without targets there is one series, and the highlighted item is bold with an outline', () => {
    const o = build(
      items.map(({ target: _t, ...i }) => i),
      { valueName: 'v' },
    );
    expect(o.series).toHaveLength(1);
    const beta = o.series[0]?.data[1];
    expect(beta?.itemStyle?.borderWidth).toBeGreaterThan(0);
    expect(beta?.label.fontWeight).toBe('bold');
    expect(o.yAxis.axisLabel.formatter('Beta', 1)).toBe('{hl|Beta}');
    expect(o.yAxis.axisLabel.formatter('Alpha', 0)).toBe('Alpha');
  });

  test('tags: a pill of its colour before each name, names left-aligned after a fixed-width tag column', () => {
    const tagged: BarItem[] = [
      { ...items[0], tag: { text: 'Berjalan', colour: '#56B4E9' } } as BarItem,
      { ...items[1], tag: { text: 'Tertunda', colour: 'merah' } } as BarItem,
      items[2] as BarItem, // no tag: the same room is kept empty so the names still line up
    ];
    const o = build(tagged, { valueName: 'v', labelWidth: 540, tagWidth: 146 }) as unknown as {
      yAxis: {
        axisLabel: {
          formatter: (l: string, i: number) => string;
          rich: Record<
            string,
            { width?: number; padding?: number[]; borderColor?: string; color?: string; align?: string }
          >;
        };
      };
    };
    const { formatter, rich } = o.yAxis.axisLabel;
    expect(formatter('Alpha', 0)).toBe('{t0|Berjalan}{gap|}{n|Alpha}');
    expect(formatter('Beta', 1)).toBe('{t1|Tertunda}{gap|}{hl|Beta}'); // still highlighted
    expect(formatter('Gamma', 2)).toBe('{pad|}{n|Gamma}');
    expect(rich.t0).toMatchObject({ borderColor: '#56B4E9', color: '#56B4E9', align: 'left' });
    expect(rich.t1).toMatchObject({ borderColor: STATUS.merah, color: STATUS.merah });
    // pill width + its padding + the gap = the tag column = the empty room of an untagged row
    const pill = (rich.t0?.width ?? 0) + (rich.t0?.padding?.[1] ?? 0) * 2 + (rich.gap?.width ?? 0);
    expect(pill).toBe(146);
    expect(rich.pad?.width).toBe(146);
    expect([rich.n?.align, rich.hl?.align]).toEqual(['left', 'left']);
  });

  test('rich-text markup in a name or tag cannot break the label', () => {
    const o = build([{ ...items[0], label: 'A|B {x}', tag: { text: 'a}b', colour: 'abu' } } as BarItem], {
      valueName: 'v',
    });
    expect(o.yAxis.axisLabel.formatter('A|B {x}', 0)).toBe('{t0|a b}{gap|}{n|A B  x }');
  });

  test('the scale defaults to a round number above the largest value', () => {
    expect(build(items, { valueName: 'v' }).xAxis.max).toBe(100);
    expect(niceCeil(1821)).toBe(2000);
    expect(niceCeil(0)).toBe(1);
    expect(niceCeil(4.4)).toBe(5);
    expect(WALL.text).toBeTruthy();
  });
});
