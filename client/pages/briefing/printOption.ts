// The wall's chart options on paper: the same pure builders (pillarCurveOption, barListOption,
// sCurveOption), their dark-wall colours swapped for a print palette (dark ink on white, the
// Okabe–Ito tones darkened so they hold on paper), the theme's light text overridden where the
// option leaves it to the theme, and room kept for the as-of label at the right edge. Pure.
import type { EChartsCoreOption } from 'echarts/core';
import { FONT_FAMILY, SERIES, STATUS, WALL } from '../../charts/palette';

/** Ink for paper; status words always go with these tones (never colour alone). */
export const PRINT = {
  text: '#1A1A1A',
  muted: '#4A5261',
  axis: '#8A93A3',
  grid: '#DDE2EA',
  paper: '#FFFFFF',
  hijau: '#007A5A',
  kuning: '#A07400',
  merah: '#C2410C',
  abu: '#7A7F8A',
  keuangan: '#0068A8',
  fisik: '#C77A00',
  self: '#A8508A',
} as const;

const PAIRS: readonly (readonly [string, string])[] = [
  [WALL.text, PRINT.text],
  [WALL.muted, PRINT.muted],
  [WALL.axis, PRINT.axis],
  [WALL.grid, PRINT.grid],
  [WALL.tile, PRINT.paper],
  [WALL.background, PRINT.paper],
  [STATUS.hijau, PRINT.hijau],
  [STATUS.kuning, PRINT.kuning],
  [STATUS.merah, PRINT.merah],
  [STATUS.abu, PRINT.abu],
  [SERIES.keuangan, PRINT.keuangan],
  [SERIES.fisik, PRINT.fisik],
  [SERIES.self, PRINT.self],
];

const SWAP: ReadonlyMap<string, string> = new Map(PAIRS.map(([from, to]) => [from.toUpperCase(), to]));

type Json = unknown;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
}

/** Every wall colour in the option swapped for its print colour; functions and numbers untouched. */
function swap(v: Json): Json {
  if (typeof v === 'string') return SWAP.get(v.toUpperCase()) ?? v;
  if (Array.isArray(v)) return v.map(swap);
  if (isPlainObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, swap(x)]));
  return v;
}

/** `base` under `over`'s keys: what the option says wins, the ink fills in what it left to the theme. */
function under(base: Record<string, unknown>, over: unknown): Record<string, unknown> {
  if (!isPlainObject(over)) return base;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = base[k];
    out[k] = isPlainObject(b) && isPlainObject(v) ? under(b, v) : v;
  }
  return out;
}

const AXIS_INK = {
  axisLabel: { color: PRINT.muted, fontFamily: FONT_FAMILY },
  axisLine: { lineStyle: { color: PRINT.axis } },
  splitLine: { lineStyle: { color: PRINT.grid } },
  nameTextStyle: { color: PRINT.muted },
};

const MARKER_ROOM = 56;

const hasMarkLine = (series: unknown) =>
  Array.isArray(series) && series.some((x) => isPlainObject(x) && x.markLine !== undefined);

const eachOf = (v: unknown, f: (x: unknown) => unknown) => (Array.isArray(v) ? v.map(f) : f(v));

export function printOption(option: EChartsCoreOption): EChartsCoreOption {
  const o = swap(option) as Record<string, unknown>;
  const out: Record<string, unknown> = {
    ...o,
    textStyle: under({ color: PRINT.text, fontFamily: FONT_FAMILY }, o.textStyle),
  };
  if (o.legend !== undefined)
    out.legend = eachOf(o.legend, (l) => under({ textStyle: { color: PRINT.text } }, l));
  for (const axis of ['xAxis', 'yAxis'] as const)
    if (o[axis] !== undefined) out[axis] = eachOf(o[axis], (a) => under(AXIS_INK, a));
  // The as-of marker's label ("s.d. Des") sits on the plot's right edge: paper has no tile padding
  // beyond the chart box, so a line chart keeps room for it there.
  const grid = o.grid;
  if (isPlainObject(grid) && typeof grid.right === 'number' && hasMarkLine(o.series))
    out.grid = { ...grid, right: Math.max(grid.right, MARKER_ROOM) };
  return out as EChartsCoreOption;
}
