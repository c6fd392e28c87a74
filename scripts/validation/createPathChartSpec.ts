import type { TopLevelSpec } from 'vega-lite';
import type { PathRow } from './summariseRuns.ts';

/** An observed point drawn over the simulated paths. */
export interface ObservedPoint {
  label: string;
  year: number;
  value: number;
  /** What the point is, e.g. "Dy oxide, year-end 2012 (USGS MCS 2016)". */
  note: string;
}

/** Options of a path chart. */
export interface PathChartOptions {
  title: string;
  subtitle: string;
  yTitle: string;
  log?: boolean;
  /** Calendar years of shocks, drawn as vertical rules. */
  events?: { year: number; label: string }[];
  width?: number;
  height?: number;
}

/** A fractional calendar year as an ISO date (for vega-lite's temporal axis). */
function isoDate(year: number): string {
  const whole = Math.floor(year);
  const start = Date.UTC(whole, 0, 1);
  return new Date(start + (year - whole) * (Date.UTC(whole + 1, 0, 1) - start)).toISOString();
}

/**
 * A vega-lite spec of simulated paths (mean line and min–max band across replicates, one colour
 * per label) with observed points (black diamonds) and shock dates (grey rules).
 */
export function createPathChartSpec(rows: readonly PathRow[], observed: readonly ObservedPoint[], options: PathChartOptions): TopLevelSpec {
  const y = { type: 'quantitative' as const, title: options.yTitle, scale: options.log ? { type: 'log' as const } : { zero: false } };
  const x = { field: 'date', type: 'temporal' as const, title: null };
  const dated = <T extends { year: number }>(values: readonly T[]) => values.map((v) => ({ ...v, date: isoDate(v.year) })) as unknown as Record<string, unknown>[];
  const colour = { field: 'label', type: 'nominal' as const, title: null, legend: { orient: 'bottom' as const, columns: 2, labelLimit: 320 } };
  // Staggered so that close shock dates keep readable labels.
  const events = (options.events ?? []).map((e, i) => ({ ...e, offset: 10 + 12 * (i % 3) }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: options.title, subtitle: options.subtitle },
    width: options.width ?? 560,
    height: options.height ?? 260,
    layer: [
      { data: { values: dated(rows) }, mark: { type: 'area', opacity: 0.18 }, encoding: { x, y: { ...y, field: 'low' }, y2: { field: 'high' }, color: colour } },
      { data: { values: dated(rows) }, mark: { type: 'line', strokeWidth: 1.8 }, encoding: { x, y: { ...y, field: 'mean' }, color: colour } },
      { data: { values: dated(events) }, mark: { type: 'rule', color: '#999', strokeDash: [3, 3] }, encoding: { x } },
      { data: { values: dated(events) }, mark: { type: 'text', align: 'left', dx: 3, fontSize: 10, color: '#555' }, encoding: { x, y: { field: 'offset', type: 'quantitative', scale: null }, text: { field: 'label' } } },
      { data: { values: dated(observed) }, mark: { type: 'point', shape: 'diamond', filled: true, size: 60, color: 'black' }, encoding: { x, y: { ...y, field: 'value' }, tooltip: [{ field: 'note' }] } },
    ],
  } as TopLevelSpec;
}
