import type { RunSeries } from '../../src/calibrate/runSeries.ts';

/** One chart row: a calendar time and the replicates' mean, lowest and highest value. */
export interface PathRow {
  label: string;
  year: number;
  mean: number;
  low: number;
  high: number;
}

/**
 * A per-tick quantity summarised across replicates (mean, min, max) every `stride` ticks between
 * two calendar years, for path charts.
 * @param valueAt - the quantity at tick t of replicate i (e.g. a price over its pre-shock mean)
 */
export function summariseRuns(label: string, runs: readonly RunSeries[], valueAt: (run: RunSeries, t: number, i: number) => number, from: number, to: number, stride: number): PathRow[] {
  const clock = runs[0];
  const rows: PathRow[] = [];
  for (let t = 0; t < clock.ticks; t += stride) {
    const year = clock.startYear + t / clock.ticksPerYear;
    if (year < from || year > to) continue;
    const values = runs.map((run, i) => valueAt(run, t, i)).filter(Number.isFinite);
    if (values.length === 0) continue;
    rows.push({ label, year, mean: values.reduce((a, b) => a + b, 0) / values.length, low: Math.min(...values), high: Math.max(...values) });
  }
  return rows;
}
