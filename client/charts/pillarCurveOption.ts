import type { EChartsCoreOption } from 'echarts/core';
import { formatPct, monthShort } from '../../shared/format';
import { type Locale, t } from '../../shared/i18n';
import type { RouterOutputs } from '../trpc';
import { SERIES, WALL } from './palette';
import { asOfMarkLine, labelAtAsOf, MONTHS } from './sCurveOption';

export type PillarCurvePoint = RouterOutputs['masterplan']['pillar']['curve']['points'][number];

/** One value per month Jan–Des (null where the point is missing), whatever gaps the input has. */
function column(points: readonly PillarCurvePoint[], key: 'planPct' | 'actualPct'): (number | null)[] {
  const byMonth = new Map(points.map((p) => [p.month, p]));
  return MONTHS.map((m) => byMonth.get(m)?.[key] ?? null);
}

/**
 * A pillar's plan against its progress over the year, both cumulative and budget-weighted: the
 * plan dashed in the muted tone and the progress solid in the keuangan blue, as the swatches of
 * the programme list. Progress stops at the as-of month (the server sends null after it), where a
 * dotted marker stands and both lines carry their value.
 */
export function pillarCurveOption(
  points: readonly PillarCurvePoint[],
  locale: Locale = 'id',
  asOfMonth: number | null = null,
): EChartsCoreOption {
  const names = { plan: t('wall.pilar.plan', locale), actual: t('wall.pilar.progress', locale) };
  return {
    animation: false,
    legend: { top: 0, left: 0, data: [names.actual, names.plan] },
    grid: { left: 88, right: 28, top: 56, bottom: 44 },
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
      {
        type: 'line',
        name: names.plan,
        // A line label needs its symbol drawn: every point gets a size-0 symbol but the as-of one.
        data: labelAtAsOf(column(points, 'planPct'), asOfMonth, WALL.text, 'top', locale).map((d) =>
          d !== null && typeof d === 'object' ? { ...d, symbolSize: 10 } : d,
        ),
        showSymbol: true,
        symbol: 'circle',
        symbolSize: 0,
        connectNulls: false,
        lineStyle: { color: WALL.muted, width: 3, type: 'dashed' },
        itemStyle: { color: WALL.muted },
        z: 2,
      },
      {
        type: 'line',
        name: names.actual,
        data: labelAtAsOf(column(points, 'actualPct'), asOfMonth, SERIES.keuangan, 'bottom', locale),
        showSymbol: true,
        symbol: 'circle',
        symbolSize: 10,
        connectNulls: false,
        lineStyle: { color: SERIES.keuangan, width: 5, type: 'solid' },
        itemStyle: { color: SERIES.keuangan },
        z: 3,
        ...asOfMarkLine(asOfMonth, locale),
      },
    ],
  };
}
