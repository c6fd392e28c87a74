import type { SweepTable } from './readSweepCsv.ts';

/**
 * Whether every replicate defines a metric at every point of a sweep: each point's `n` is the
 * largest `n` of any metric in the sweep (the replicate count, which the always-defined cumulative
 * metrics and policy costs reach). The conservative steps between two later points
 * (computeSweepStep) need it, so that all the intervals they add are over the same runs; a folder
 * without `n` (written before it was) gets false.
 *
 * @param sweep - The grid, with `counts` where the folder gives them.
 * @param metric - The metric id.
 * @returns True when every point has the full count.
 * @example
 * isSweepMetricComplete(sweep, 'timeToRecoveryWeeks.ndpr.endUse.US'); // false when some runs never recover
 */
export function isSweepMetricComplete(sweep: SweepTable, metric: string): boolean {
  const counts = sweep.counts;
  if (counts === undefined) return false;
  const full = Math.max(...Object.values(counts).flatMap((byPoint) => Object.values(byPoint)));
  const points = [...new Set(sweep.rows.map((r) => r.point))];
  return Number.isFinite(full) && points.every((point) => counts[metric]?.[point] === full);
}
