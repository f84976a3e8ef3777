import type { EChartsCoreOption } from 'echarts/core';
import { STATUS, WALL } from './palette';

export interface BarItem {
  key: string;
  label: string;
  value: number | null;
  /** Drawn as a dashed outline behind the bar (e.g. the target for the month). */
  target?: number | null;
  /** Status colour of the bar, or any colour (e.g. a series colour) when it carries no status. */
  colour: string;
  /** The text at the end of the bar: always the number (and its status word), never colour alone. */
  valueText: string;
  /** Singled out: bold label and a bright outline (DAK Fisik among funding sources). */
  highlight?: boolean;
  /** A word in an outlined pill of its colour, in a column before the label (a programme's status). */
  tag?: { text: string; colour: string };
}

export interface BarListOptions {
  /** Right end of the scale; defaults to the largest value (or target) rounded up. */
  max?: number;
  /** Width reserved for the category labels at the left. */
  labelWidth?: number;
  /** Series names (for the legend and screen readers). */
  valueName: string;
  targetName?: string;
  /** Room at the right for the value text. */
  valueRoom?: number;
  /** Width of the tag column inside labelWidth, when items carry tags. */
  tagWidth?: number;
}

/** Rich-text markup characters, kept out of names so a '|' or '{' in a label cannot break it. */
const plainText = (s: string) => s.replace(/[{}|]/g, ' ');

const isStatus = (c: string): c is keyof typeof STATUS => c in STATUS;

/**
 * A ranked list as horizontal bars, first item on top: the value as a solid bar in its colour with
 * its text at the end, an optional target as a dashed outline on the same row.
 */
export function barListOption(items: readonly BarItem[], opts: BarListOptions): EChartsCoreOption {
  const labelWidth = opts.labelWidth ?? 220;
  const highest = Math.max(0, ...items.flatMap((i) => [i.value ?? 0, i.target ?? 0]));
  const max = opts.max ?? (highest > 0 ? niceCeil(highest) : 1);
  const hasTarget = items.some((i) => i.target !== undefined && i.target !== null);
  // The text goes after whichever is longer, the bar or its target outline, so it never overlaps.
  const onTarget = (i: BarItem) => i.target != null && i.target > (i.value ?? 0);
  const label = (i: BarItem, show: boolean) => ({
    show,
    position: 'right',
    distance: 10,
    formatter: () => i.valueText,
    color: WALL.text,
    fontSize: 22,
    fontWeight: i.highlight ? 'bold' : 'normal',
  });
  const valueData = items.map((i) => ({
    value: i.value,
    itemStyle: {
      color: isStatus(i.colour) ? STATUS[i.colour] : i.colour,
      borderColor: i.highlight ? WALL.text : 'transparent',
      borderWidth: i.highlight ? 3 : 0,
      borderRadius: [0, 4, 4, 0],
    },
    label: label(i, !onTarget(i)),
  }));
  const bar = { type: 'bar', barWidth: '70%', barMaxWidth: 44, barGap: '-100%' };
  const hasTag = items.some((i) => i.tag !== undefined);
  const tagWidth = opts.tagWidth ?? 150;
  // One rich style per row for its pill (each has its own colour); the name follows, left-aligned,
  // so tags and names each form a column. The pill's width is fixed, so only the name truncates.
  const tagStyles = Object.fromEntries(
    items.flatMap((i, index) =>
      i.tag
        ? [
            [
              `t${index}`,
              {
                // Explicit box size: the pill is drawn from these, not from the font.
                width: tagWidth - 34,
                height: 28,
                lineHeight: 28,
                padding: [2, 10],
                borderRadius: 6,
                borderWidth: 2,
                borderColor: isStatus(i.tag.colour) ? STATUS[i.tag.colour] : i.tag.colour,
                color: isStatus(i.tag.colour) ? STATUS[i.tag.colour] : i.tag.colour,
                fontSize: 20,
                fontWeight: 'bold',
                align: 'left',
              },
            ],
          ]
        : [],
    ),
  );
  const tagged = (label: string, index: number) => {
    const item = items[index];
    const name = `{${item?.highlight ? 'hl' : 'n'}|${plainText(label)}}`;
    return item?.tag ? `{t${index}|${plainText(item.tag.text)}}{gap|}${name}` : `{pad|}${name}`;
  };
  const series: unknown[] = [];
  if (hasTarget) {
    series.push({
      ...bar,
      name: opts.targetName ?? '',
      data: items.map((i) => ({ value: i.target ?? null, label: label(i, onTarget(i)) })),
      silent: true,
      itemStyle: {
        color: 'transparent',
        borderColor: WALL.muted,
        borderWidth: 2,
        borderType: 'dashed',
        borderRadius: 0,
      },
      z: 3,
    });
  }
  series.push({ ...bar, name: opts.valueName, data: valueData, z: 2 });
  return {
    animation: false,
    grid: { left: labelWidth, right: opts.valueRoom ?? 200, top: 4, bottom: 4 },
    xAxis: { type: 'value', min: 0, max, show: false },
    yAxis: {
      type: 'category',
      inverse: true,
      data: items.map((i) => i.label),
      axisLine: { show: false },
      axisLabel: {
        width: labelWidth - 16,
        overflow: 'truncate',
        fontSize: 22,
        color: WALL.text,
        formatter: hasTag
          ? tagged
          : (label: string, index: number) =>
              items[index]?.highlight ? `{hl|${plainText(label)}}` : plainText(label),
        rich: {
          hl: { fontWeight: 'bold', fontSize: 22, color: WALL.text },
          ...(hasTag
            ? {
                ...tagStyles,
                hl: { fontWeight: 'bold', fontSize: 22, color: WALL.text, align: 'left' },
                n: { fontSize: 22, color: WALL.text, align: 'left' },
                gap: { width: 14, align: 'left' },
                pad: { width: tagWidth, align: 'left' },
              }
            : {}),
        },
      },
    },
    series,
  };
}

/** 1, 2, 5 × 10^k at or above n. */
export function niceCeil(n: number): number {
  if (!(n > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(n));
  for (const m of [1, 2, 5, 10]) if (m * p >= n) return m * p;
  return 10 * p;
}
