// Keeps ECharts (about two thirds of the wall's JavaScript) out of the first chunk: the text tiles
// paint at once, and the chart chunk starts downloading at startup, in parallel with the data.

import { lazy, Suspense } from 'react';
import type { EChartProps } from './EChart';

const chartModule = import('./EChart');
const LazyChart = lazy(() => chartModule.then((m) => ({ default: m.EChart })));

export function LazyEChart(props: EChartProps) {
  const placeholder = (
    <div className={props.className ? `echart ${props.className}` : 'echart'} style={props.style} />
  );
  return (
    <Suspense fallback={placeholder}>
      <LazyChart {...props} />
    </Suspense>
  );
}
