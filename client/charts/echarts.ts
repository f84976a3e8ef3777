// The one place ECharts modules are registered (tree-shaken: only what the walls draw) and the dark
// wall theme with type large enough to read from 4 m. Add a chart or component here before use.

import { BarChart, LineChart } from 'echarts/charts';
import { GridSimpleComponent, LegendPlainComponent, MarkLineComponent } from 'echarts/components';
import { registerTheme, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { FONT_FAMILY, SERIES, WALL } from './palette';

export const WALL_THEME = 'adiguna-wall';
export const CHART_FONT_SIZE = 20;

// The "simple" grid (no axis pointer: the walls have no tooltip or pointer) and the plain legend
// (never the scrolling one): less to load, and no axis-pointer pass on every update.
use([LineChart, BarChart, GridSimpleComponent, LegendPlainComponent, MarkLineComponent, CanvasRenderer]);

const axis = {
  axisLine: { show: true, lineStyle: { color: WALL.axis, width: 2 } },
  axisTick: { show: false },
  axisLabel: { color: WALL.muted, fontSize: CHART_FONT_SIZE, fontFamily: FONT_FAMILY },
  splitLine: { show: true, lineStyle: { color: WALL.grid, width: 1 } },
  nameTextStyle: { color: WALL.muted, fontSize: CHART_FONT_SIZE },
};

registerTheme(WALL_THEME, {
  color: [SERIES.keuangan, SERIES.fisik, SERIES.self, '#009E73', '#F0E442', '#D55E00'],
  backgroundColor: 'transparent',
  textStyle: { color: WALL.text, fontSize: CHART_FONT_SIZE, fontFamily: FONT_FAMILY },
  legend: {
    textStyle: { color: WALL.text, fontSize: CHART_FONT_SIZE, fontFamily: FONT_FAMILY },
    itemWidth: 32,
    itemHeight: 14,
    itemGap: 24,
  },
  categoryAxis: { ...axis, splitLine: { show: false } },
  valueAxis: axis,
  line: { lineStyle: { width: 4 }, symbolSize: 10, symbol: 'circle' },
  bar: { itemStyle: { borderRadius: [4, 4, 0, 0] } },
  markLine: { label: { color: WALL.text, fontSize: CHART_FONT_SIZE } },
});
