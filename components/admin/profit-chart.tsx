'use client';

import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export type ProfitChartSeries = { key: string; label: string; color: string; values: number[] };

/**
 * The report's figures over its periods, drawn by uPlot (MIT, no dependencies, canvas) in the
 * browser. `x` holds each period's first instant (Unix seconds, UTC); values are major units of one
 * currency. The table beside it carries the same numbers for screen readers and copying; the
 * canvas is labelled as an image of it.
 */
export function ProfitChart({ x, series, label, currency }: { x: number[]; series: ProfitChartSeries[]; label: string; currency: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const number = new Intl.NumberFormat(document.documentElement.lang || 'en', { maximumFractionDigits: 2 });
    const chart = new uPlot(
      {
        width: Math.max(320, el.clientWidth),
        height: 280,
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'),
        scales: { x: { time: true } },
        axes: [{}, { values: (_u, ticks) => ticks.map((v) => number.format(v)), size: 70, label: currency }],
        series: [{}, ...series.map((s) => ({ label: s.label, stroke: s.color, width: 2, points: { show: x.length < 40 }, value: (_u: uPlot, v: number | null) => (v === null ? '—' : number.format(v)) }))],
      },
      [x, ...series.map((s) => s.values)],
      el,
    );
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(320, el.clientWidth), height: 280 }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [x, series, currency]);
  return <div ref={box} role="img" aria-label={label} data-testid="profit-chart" className="admin-profit-chart" />;
}
