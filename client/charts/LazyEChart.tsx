// Keeps ECharts (about two thirds of the wall's JavaScript) out of the first chunk: the text tiles
// paint at once, and the chart chunk loads in parallel with the data. It starts when a route that
// draws charts is opened (client/main.tsx calls preloadEChart) or when the first chart mounts, so
// a screen without charts (Kepatuhan) never loads it.
//
// No React.lazy/Suspense here on purpose: React throttles revealing a Suspense boundary to 300 ms
// after its fallback was shown, so a chart whose chunk was long loaded would still wait 0,3 s after
// the data arrived. A chart rendered once the chunk is in is the chart itself, straight away.

import { type ComponentType, useEffect, useState } from 'react';
import type { EChartProps } from './EChart';

let loaded: ComponentType<EChartProps> | null = null;
let loading: Promise<ComponentType<EChartProps>> | null = null;

/** Starts loading the chart chunk (once; again after a failure) and resolves with the component. */
export function preloadEChart(): Promise<ComponentType<EChartProps>> {
  loading ??= import('./EChart').then(
    (m) => {
      loaded = m.EChart;
      return m.EChart;
    },
    (err: unknown) => {
      loading = null;
      throw err;
    },
  );
  return loading;
}

/** After a failed chunk load (a server restarting on a new build), try again this much later. */
const RETRY_MS = 5_000;

export function LazyEChart(props: EChartProps) {
  const [Chart, setChart] = useState<ComponentType<EChartProps> | null>(() => loaded);
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt re-runs the load after a failure
  useEffect(() => {
    if (Chart) return;
    let live = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    preloadEChart().then(
      (c) => {
        if (live) setChart(() => c);
      },
      () => {
        if (live) retry = setTimeout(() => setAttempt((n) => n + 1), RETRY_MS);
      },
    );
    return () => {
      live = false;
      clearTimeout(retry);
    };
  }, [Chart, attempt]);
  if (Chart) return <Chart {...props} />;
  // Same test id as the chart, not yet painted: a test waiting for every chart to paint waits for
  // the chunk too, instead of finding no chart and calling the screen done.
  return (
    <div
      className={props.className ? `echart ${props.className}` : 'echart'}
      style={props.style}
      data-testid={props.testId}
      data-painted="false"
    />
  );
}
