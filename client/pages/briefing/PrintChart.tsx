// A chart on paper. The option builders size their type for the 1080-high wall stage, so the chart
// is laid out at that scale (CHART_WIDTH logical pixels for the 180 mm text width) and drawn at
// PRINT_SCALE of it: 22-pixel wall labels print at about 10 pt. The box has a fixed size, so the
// switch from screen to print layout never resizes (and repaints) a chart mid-print.

import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { LazyEChart } from '../../charts/LazyEChart';
import { printOption } from './printOption';

export const PRINT_SCALE = 0.6;
/** 1130 × 0,6 = 678 CSS pixels: the A4 text width between 15 mm margins (180 mm ≈ 680 px). */
export const CHART_WIDTH = 1130;

export function PrintChart({
  option,
  testId,
  label,
  height,
  caption,
}: {
  option: EChartsCoreOption;
  testId: string;
  label: string;
  /** Logical height (wall pixels); printed at PRINT_SCALE. */
  height: number;
  caption?: string;
}) {
  const printed = useMemo(() => printOption(option), [option]);
  return (
    <figure
      className="b-chart"
      style={{ width: CHART_WIDTH * PRINT_SCALE, height: height * PRINT_SCALE }}
      aria-label={caption ?? label}
    >
      <LazyEChart
        option={printed}
        testId={testId}
        label={label}
        style={{
          width: CHART_WIDTH,
          height,
          transform: `scale(${PRINT_SCALE})`,
          transformOrigin: '0 0',
        }}
      />
    </figure>
  );
}
