// The only component that touches an ECharts instance: init on mount with the wall theme,
// setOption when the option changes, resize with its box, dispose on unmount. The container gets
// data-painted="true" once the chart has finished drawing (browser tests wait for it).

import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { init } from 'echarts/core';
import { type CSSProperties, memo, useEffect, useRef } from 'react';
import { useStageScale } from '../components/Stage';
import { WALL_THEME } from './echarts';

export interface EChartProps {
  option: EChartsCoreOption;
  testId: string;
  /** Replace the previous option wholesale (default): series that disappear must not linger. */
  notMerge?: boolean;
  className?: string;
  style?: CSSProperties;
  /** Accessible summary of what the chart shows. */
  label?: string;
}

function EChartImpl({ option, testId, notMerge = true, className, style, label }: EChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType | null>(null);
  const stageScale = useStageScale();
  // Canvas pixels per CSS pixel, rounded up to quarter steps: a resize that nudges the stage scale
  // by a fraction must not dispose and redraw every chart (that left a moment with no chart).
  const pixelRatio = renderRatio(
    (typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1) * stageScale,
  );

  // Re-created when the render ratio changes: the canvas must hold enough pixels for the scaled
  // stage (×2 on a 4K wall), or the transform would stretch a 1080p bitmap.
  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const chart = init(el, WALL_THEME, { renderer: 'canvas', devicePixelRatio: pixelRatio });
    chartRef.current = chart;
    // Registered before any setOption so the first paint is never missed.
    const onFinished = () => el.setAttribute('data-painted', 'true');
    chart.on('finished', onFinished);
    // The observer also reports the size it starts with: that is the size init just measured, and
    // resize() would lay out and draw the whole chart a second time for nothing.
    const observer = new ResizeObserver(() => {
      if (chart.isDisposed()) return;
      if (el.clientWidth === chart.getWidth() && el.clientHeight === chart.getHeight()) return;
      chart.resize();
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.off('finished', onFinished);
      chart.dispose();
      chartRef.current = null;
      el.removeAttribute('data-painted');
    };
  }, [pixelRatio]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: pixelRatio re-applies the option to the chart re-created for a new ratio
  useEffect(() => {
    const chart = chartRef.current;
    if (!chart || chart.isDisposed()) return;
    containerRef.current?.setAttribute('data-painted', 'false');
    chart.setOption(option, { notMerge, lazyUpdate: false });
  }, [option, notMerge, pixelRatio]);

  return (
    <div
      ref={containerRef}
      className={className ? `echart ${className}` : 'echart'}
      style={style}
      data-testid={testId}
      role="img"
      aria-label={label}
    />
  );
}

/** Render ratio rounded up to 0,25 steps (never below 1). */
export function renderRatio(raw: number): number {
  return Math.max(1, Math.ceil(raw * 4 - 1e-9) / 4);
}

/** Memoised: a new render with the same option object does not touch the chart. */
export const EChart = memo(EChartImpl);
