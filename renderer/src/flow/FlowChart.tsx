import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ResultOf } from '../../../core/contract/operations.js';

type Metrics = ResultOf<'metrics.flow'>;

/** Bars of days from approval to implementation start per spec, with the 7-day line; open ("so far") specs included. */
export function FlowChart({ metrics }: { metrics: Metrics }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    const specs = metrics.specs.filter((s) => s.daysToStart !== null);
    if (!el || specs.length === 0) return;
    const xs = specs.map((_, i) => i + 1);
    const days = specs.map((s) => s.daysToStart);
    const limit = specs.map(() => metrics.flagAfterDays);
    // The dock can be narrow or wide: the chart takes the width it is given.
    const width = Math.max(200, el.clientWidth - 10);
    const chart = new uPlot(
      {
        width,
        height: 180,
        legend: { show: true },
        scales: { x: { time: false, range: [0.5, specs.length + 0.5] }, y: { range: (_u, _min, max) => [0, Math.max(max ?? 0, metrics.flagAfterDays) * 1.15] } },
        axes: [
          { values: (_u, splits) => splits.map((v) => (Number.isInteger(v) && specs[v - 1] ? `#${specs[v - 1].specId}` : '')), stroke: '#9aa4b2', grid: { show: false } },
          { label: 'days', stroke: '#9aa4b2', grid: { stroke: '#2a3140' } },
        ],
        series: [
          {},
          { label: 'days to start', stroke: '#5fa8ff', fill: 'rgba(95,168,255,0.45)', paths: uPlot.paths.bars?.({ size: [0.6, 60] }), points: { show: false } },
          { label: `${metrics.flagAfterDays}-day limit`, stroke: '#e5736b', dash: [6, 4], points: { show: false } },
        ],
      },
      [xs, days, limit],
      el,
    );
    return () => chart.destroy();
  }, [metrics]);
  return <div ref={host} className="flow-chart" data-testid="flow-chart" />;
}
