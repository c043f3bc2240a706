import type { KindergartenHistory } from '@contracts/kindergarten-catalog';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import styles from './catalog.module.css';
import { messages } from './messages';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** Free places, enrolled and applications at each month end (ECharts), with the same data as a table. */
export function HistoryChart({ history }: { history: KindergartenHistory }) {
  const { locale } = useI18n();
  const m = messages[locale];
  const box = useRef<HTMLDivElement>(null);
  const dates = history.points.map((p) =>
    new Date(p.date).toLocaleDateString(locale, { month: 'short', year: '2-digit' }),
  );

  useEffect(() => {
    if (!box.current) return;
    const chart = echarts.init(box.current, undefined, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 40, bottom: 28 },
      xAxis: { type: 'category', data: dates },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: m.chartFree, type: 'line', data: history.points.map((p) => p.freePlaces), color: '#17693b' },
        {
          name: m.chartEnrolled,
          type: 'line',
          data: history.points.map((p) => p.enrolled),
          color: '#1d4fb8',
        },
        {
          name: m.chartApplicants,
          type: 'line',
          data: history.points.map((p) => p.applicants),
          color: '#b3261e',
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [history, dates.join(), m]); // eslint-disable-line react-hooks/exhaustive-deps

  const last = history.points.at(-1);
  return (
    <figure className={styles.chartFigure}>
      <div
        ref={box}
        className={styles.chart}
        role="img"
        aria-label={`${m.charts}. ${last ? `${m.chartFree}: ${last.freePlaces}, ${m.chartApplicants}: ${last.applicants}` : ''}`}
        data-testid="history-chart"
      />
      <details>
        <summary>{m.chartTable}</summary>
        <div className={styles.tableScroll}>
          <table className={styles.plainTable}>
            <caption className="visually-hidden">{m.charts}</caption>
            <thead>
              <tr>
                <th scope="col">{m.date}</th>
                <th scope="col">{m.chartFree}</th>
                <th scope="col">{m.chartEnrolled}</th>
                <th scope="col">{m.chartApplicants}</th>
              </tr>
            </thead>
            <tbody>
              {history.points.map((p) => (
                <tr key={p.date}>
                  <th scope="row">{p.date}</th>
                  <td>{p.freePlaces}</td>
                  <td>{p.enrolled}</td>
                  <td>{p.applicants}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
