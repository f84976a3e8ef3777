import type { EChartsCoreOption } from 'echarts/core';
import { formatPct, monthShort } from '../../shared/format';
import { type Locale, t } from '../../shared/i18n';
import type { OverviewData } from '../trpc';
import { SERIES, WALL } from './palette';

export type SCurvePoint = OverviewData['budget']['sCurve'][number];

export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

type Key = 'targetKeuPct' | 'realKeuPct' | 'targetFisPct' | 'realFisPct';

/** One value per month Jan–Des (null where the point is missing), whatever gaps the input has. */
function column(points: readonly SCurvePoint[], key: Key): (number | null)[] {
  const byMonth = new Map(points.map((p) => [p.month, p]));
  return MONTHS.map((m) => byMonth.get(m)?.[key] ?? null);
}

/**
 * The series data with the as-of month's value labelled (bold, in the series colour, with a halo in
 * the tile colour so it stays legible where it crosses a line); other points stay plain numbers.
 */
export function labelAtAsOf(
  data: readonly (number | null)[],
  asOfMonth: number | null,
  colour: string,
  position: 'top' | 'bottom',
  locale: Locale,
) {
  return data.map((value, i) =>
    value !== null && asOfMonth !== null && i === asOfMonth - 1
      ? {
          value,
          label: {
            show: true,
            position,
            distance: 10,
            formatter: () => formatPct(value, 1, locale),
            color: colour,
            fontSize: 22,
            fontWeight: 'bold',
            textBorderColor: WALL.tile,
            textBorderWidth: 5,
          },
        }
      : value,
  );
}

/** A dotted vertical marker at the as-of month labelled "s.d. Okt", to spread into a series; {} without one. */
export function asOfMarkLine(asOfMonth: number | null, locale: Locale) {
  return asOfMonth !== null && asOfMonth >= 1 && asOfMonth <= 12
    ? {
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: WALL.muted, width: 2, type: 'dotted' },
          label: {
            show: true,
            position: 'end',
            formatter: t('budget.upTo', locale, { month: monthShort(asOfMonth, locale) }),
            color: WALL.muted,
            fontSize: 20,
          },
          data: [{ xAxis: asOfMonth - 1 }],
        },
      }
    : {};
}

/**
 * Cumulative S-curve for the budget year: keuangan and fisik, target dashed and realisation solid.
 * Realisation stops at the as-of month (the server sends null after it); the as-of month gets a
 * vertical marker and the realisation its value label there.
 */
export function sCurveOption(
  points: readonly SCurvePoint[],
  locale: Locale = 'id',
  asOfMonth: number | null = null,
): EChartsCoreOption {
  const names = {
    targetKeu: t('chart.targetKeu', locale),
    realKeu: t('chart.realKeu', locale),
    targetFis: t('chart.targetFis', locale),
    realFis: t('chart.realFis', locale),
  };
  const target = (name: string, colour: string, data: (number | null)[]) => ({
    type: 'line',
    name,
    data,
    showSymbol: false,
    connectNulls: false,
    lineStyle: { color: colour, width: 3, type: 'dashed' },
    itemStyle: { color: colour },
    z: 2,
  });
  const actual = (name: string, colour: string, data: (number | null)[], position: 'top' | 'bottom') => ({
    type: 'line',
    name,
    data: labelAtAsOf(data, asOfMonth, colour, position, locale),
    showSymbol: true,
    symbol: 'circle',
    symbolSize: 10,
    connectNulls: false,
    lineStyle: { color: colour, width: 5, type: 'solid' },
    itemStyle: { color: colour },
    z: 3,
  });
  const realKeu = actual(names.realKeu, SERIES.keuangan, column(points, 'realKeuPct'), 'bottom');
  const asOfMarker = asOfMarkLine(asOfMonth, locale);
  return {
    animation: false,
    legend: {
      top: 0,
      left: 0,
      data: [names.realKeu, names.targetKeu, names.realFis, names.targetFis],
    },
    grid: { left: 88, right: 28, top: 84, bottom: 44 },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: MONTHS.map((m) => monthShort(m, locale)),
      axisLabel: { margin: 14 },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 100,
      interval: 25,
      axisLabel: { margin: 14, formatter: (v: number) => formatPct(v, 0, locale) },
    },
    series: [
      target(names.targetKeu, SERIES.keuangan, column(points, 'targetKeuPct')),
      { ...realKeu, ...asOfMarker },
      target(names.targetFis, SERIES.fisik, column(points, 'targetFisPct')),
      actual(names.realFis, SERIES.fisik, column(points, 'realFisPct'), 'top'),
    ],
  };
}
