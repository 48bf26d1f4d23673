// The trend: readers, reactors and contributors per week as a uPlot line chart (canvas; no eval and
// no inline script, so it runs under the extension's CSP; its CSS is imported, not injected). A
// suppressed week (null: fewer than 5 people) is a gap in the line, never a zero. With fewer than
// two weeks that have figures there is no line to draw: the view says why instead. The chart is an
// image for screen readers (its label says what it shows); the same figures are in the table
// under it (tables.ts trendTable), which is always in the page.
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { t } from '../../../lib/any/i18n';
import type { InsightsReport } from '../../../lib/core/insights/model';
import { numberText } from './figures';

/** The series drawn, their colour and dash: told apart by dash as well as colour (colour blindness, print in grey). */
const SERIES = [
  { step: 'readers', label: 'insightsReaders', stroke: '#1f6feb', dash: undefined },
  { step: 'reactors', label: 'insightsReactors', stroke: '#c2410c', dash: [8, 4] },
  { step: 'contributors', label: 'insightsContributors', stroke: '#2f9e44', dash: [2, 3] },
] as const;

/** Weeks with at least one figure: a chart needs two of them. */
export const weeksWithData = (report: InsightsReport): number => report.trend.filter((w) => SERIES.some((s) => w.funnel[s.step] !== null)).length;

export interface TrendChartProps {
  report: InsightsReport;
  /** A fixed width (the printed report); default: the container's. */
  width?: number;
  height?: number;
  label: string;
}

export function TrendChart({ report, width, height = 260, label }: TrendChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const data = JSON.stringify(report.trend);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const weeks = report.trend.map((w) => Number(w.week.split('W')[1] ?? 0));
    const x = report.trend.map((_, i) => i);
    const muted = getComputedStyle(document.documentElement).getPropertyValue('--muted').trim() || '#57606a';
    const line = getComputedStyle(document.documentElement).getPropertyValue('--line').trim() || '#d0d7de';
    const axis = { stroke: muted, grid: { stroke: line, width: 1 }, ticks: { stroke: line, width: 1 } };
    const size = () => ({ width: width ?? Math.max(280, element.clientWidth), height });
    const chart = new uPlot(
      {
        ...size(),
        scales: { x: { time: false, range: [-0.3, Math.max(1, x.length - 1) + 0.3] }, y: { range: (_u, _min, max) => [0, Math.max(5, Math.ceil(max * 1.1))] } },
        axes: [
          { ...axis, splits: () => x, values: (_u, splits) => splits.map((i) => t('insightsWeekShort', weeks[i] ?? '')) },
          { ...axis, values: (_u, splits) => splits.map((n) => numberText(n)), size: 50 },
        ],
        series: [
          { label: t('insightsWeek'), value: (_u, i) => (i === null ? '' : t('insightsWeekShort', weeks[i] ?? '')) },
          ...SERIES.map((s) => ({
            label: t(s.label),
            stroke: s.stroke,
            width: 2.5,
            dash: s.dash ? [...s.dash] : undefined,
            points: { show: true, size: 7, fill: s.stroke },
            // A gap where the figure was suppressed: drawing through it would suggest a value.
            spanGaps: false,
            // Only for the week under the cursor: without one the legend shows no figure at all.
            value: (_u: uPlot, v: number | null, _s: number, i: number | null) => (i === null ? '' : v === null ? t('insightsBelowK') : numberText(v)),
          })),
        ],
        cursor: { drag: { x: false, y: false } },
        // A fixed-size chart is the printed one: no cursor there, so the legend names the lines only.
        legend: { show: true, live: !width },
      },
      [x, ...SERIES.map((s) => report.trend.map((w) => w.funnel[s.step]))],
      element,
    );
    if (width) return () => chart.destroy();
    const observer = new ResizeObserver(() => chart.setSize(size()));
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.destroy();
    };
  }, [data, width, height]);
  return (
    <div class="trend-chart" role="img" aria-label={label}>
      <div ref={box} aria-hidden="true" />
    </div>
  );
}
