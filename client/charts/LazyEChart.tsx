// Keeps ECharts (about two thirds of the wall's JavaScript) out of the first chunk: the text tiles
// paint at once, and the chart chunk starts downloading at startup, in parallel with the data.

import { lazy, Suspense } from 'react';
import type { EChartProps } from './EChart';

const chartModule = import('./EChart');
const LazyChart = lazy(() => chartModule.then((m) => ({ default: m.EChart })));

export function LazyEChart(props: EChartProps) {
  // Same test id as the chart, not yet painted: a test waiting for every chart to paint waits for
  // the chunk too, instead of finding no chart and calling the screen done.
  const placeholder = (
    <div
      className={props.className ? `echart ${props.className}` : 'echart'}
      style={props.style}
      data-testid={props.testId}
      data-painted="false"
    />
  );
  return (
    <Suspense fallback={placeholder}>
      <LazyChart {...props} />
    </Suspense>
  );
}
