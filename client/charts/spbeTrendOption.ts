import type { EChartsCoreOption } from 'echarts/core';
import { formatIndex, formatNumber } from '../../shared/format';
import { type Locale, t } from '../../shared/i18n';
import type { OverviewData } from '../trpc';
import { SERIES, WALL } from './palette';

export type SpbeTrendPoint = OverviewData['spbe']['trend'][number];

export const SPBE_SCALE_MAX = 5;

/**
 * Index by year: verified results as bars, self-assessments as a line. When the years span more
 * than one framework (SPBE 2020, then PEMDI) each year's label names its framework.
 */
export function spbeTrendOption(
  trend: readonly SpbeTrendPoint[],
  locale: Locale = 'id',
  scaleMax: number = SPBE_SCALE_MAX,
): EChartsCoreOption {
  const sorted = [...trend].sort((a, b) => a.year - b.year);
  const frameworks = new Set(sorted.map((p) => p.frameworkCode));
  const years = sorted.map((p) => (frameworks.size > 1 ? `${p.year}\n${p.frameworkCode}` : String(p.year)));
  const verifiedName = t('chart.verified', locale);
  const selfName = t('chart.self', locale);
  const valueLabel = (position: 'insideTop' | 'top', colour: string) => ({
    show: true,
    position,
    distance: 8,
    color: colour,
    fontSize: 20,
    fontWeight: 'bold',
    textBorderColor: position === 'top' ? WALL.tile : 'transparent',
    textBorderWidth: position === 'top' ? 4 : 0,
    formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? formatIndex(p.value, locale) : ''),
  });
  return {
    animation: false,
    legend: { top: 0, left: 0, data: [verifiedName, selfName] },
    grid: { left: 44, right: 16, top: 64, bottom: frameworks.size > 1 ? 60 : 36 },
    xAxis: { type: 'category', data: years },
    yAxis: {
      type: 'value',
      min: 0,
      max: scaleMax,
      // Only the ends of the scale: the bars and points carry their own values.
      interval: scaleMax,
      axisLabel: { formatter: (v: number) => formatNumber(v, 0, locale) },
    },
    series: [
      {
        type: 'bar',
        name: verifiedName,
        data: sorted.map((p) => p.verified),
        barMaxWidth: 56,
        itemStyle: { color: SERIES.verified },
        label: valueLabel('insideTop', WALL.background),
      },
      {
        type: 'line',
        name: selfName,
        data: sorted.map((p) => p.self),
        symbol: 'circle',
        symbolSize: 12,
        connectNulls: false,
        lineStyle: { color: SERIES.self, width: 4 },
        itemStyle: { color: SERIES.self },
        label: valueLabel('top', SERIES.self),
      },
    ],
  };
}
