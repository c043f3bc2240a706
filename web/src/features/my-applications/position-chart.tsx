import { LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([LineChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer]);

/** A line chart of positions over time (SVG, resized with its container); lower is better, so the axis is inverted. */
export function PositionChart({
  dates,
  series,
  label,
}: {
  dates: string[];
  series: { name: string; values: (number | null)[] }[];
  label: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    const c = echarts.init(ref.current!, undefined, { renderer: 'svg' });
    chart.current = c;
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(ref.current!);
    return () => {
      observer.disconnect();
      c.dispose();
    };
  }, []);
  useEffect(() => {
    const option: EChartsCoreOption = {
      aria: { enabled: true },
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0, type: 'scroll' },
      grid: { left: 40, right: 16, top: 16, bottom: 48 },
      xAxis: { type: 'category', data: dates },
      yAxis: { type: 'value', inverse: true, minInterval: 1 },
      series: series.map((s) => ({
        name: s.name,
        type: 'line',
        data: s.values,
        connectNulls: false,
        showSymbol: dates.length < 40,
      })),
    };
    chart.current?.setOption(option, true);
  }, [dates, series]);
  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height: 260 }} />;
}
