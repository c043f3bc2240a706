import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/i18n-context';

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  AriaComponent,
  SVGRenderer,
]);

export interface EChartProps {
  option: EChartsCoreOption;
  /** What the chart shows, for screen readers; the same numbers are also in a table nearby. */
  label: string;
  height?: number;
  onClick?: (params: { dataIndex: number; name: string; seriesName?: string }) => void;
  testId?: string;
}

type Axis = { type?: string; axisLabel?: { formatter?: unknown } & Record<string, unknown> };

/**
 * Value axes label their numbers the locale's way («1 500» beside the tables' «1 352», not ECharts'
 * own «1,500»), unless the chart sets its own formatter.
 */
export function localiseAxes(option: EChartsCoreOption, locale: string): EChartsCoreOption {
  const intl = locale === 'en' ? 'en-GB' : 'ru-RU';
  const fix = (axis: unknown): unknown => {
    if (Array.isArray(axis)) return axis.map(fix);
    const a = axis as Axis | undefined;
    if (!a || typeof a !== 'object' || a.type !== 'value' || a.axisLabel?.formatter !== undefined)
      return axis;
    return { ...a, axisLabel: { ...a.axisLabel, formatter: (v: number) => v.toLocaleString(intl) } };
  };
  return { ...option, xAxis: fix(option.xAxis), yAxis: fix(option.yAxis) };
}

/** One ECharts chart (SVG renderer: crisp at any zoom, small), resized with its container. */
export function EChart({ option, label, height = 300, onClick, testId }: EChartProps) {
  const { locale } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    const el = ref.current!;
    const c = echarts.init(el, undefined, { renderer: 'svg' });
    chart.current = c;
    c.on('click', (p) => clickRef.current?.(p as never));
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      { aria: { enabled: true }, animation: false, ...localiseAxes(option, locale) },
      true,
    );
  }, [option, locale]);

  return (
    <div ref={ref} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />
  );
}
