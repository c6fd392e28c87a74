import type { SummaryStatistic } from '../stats/computeSummaryStatistics.ts';
import { pairSweepPoint } from './pairSweepPoint.ts';
import { readPointColumns } from './readPointColumns.ts';

/** A metric's paired difference between a sweep point and another (point 0, or the point before it), in the metric's unit. */
export interface SweepDifference {
  /** Mean over replicates of (this point's value − the other point's value) in the same replicate. */
  meanDifference: number;
  /** Bounds of the 95% t interval of that mean (NaN when n < 2). */
  ciLow: number;
  ciHigh: number;
  /** Replicates where both points define the metric. */
  n: number;
}

/** What {@link computeSweepDifferences} needs of a point: its summaries and their per-replicate values. */
export interface PointReplicateValues {
  stats: readonly SummaryStatistic[];
  /**
   * The values of `stats[index]` in replicates 0…n−1. A function, so a caller reads them from the
   * replicates' results when asked instead of keeping a copy of every point's columns (points ×
   * metrics × replicates doubles).
   */
  columnOf(index: number): ArrayLike<number>;
}

/**
 * Each point's paired difference from the first point of the design, metric by metric. Every
 * point runs replicates 0…n−1 with the same master seed (common random numbers), so replicate i of
 * two points saw the same draws wherever the scenarios agree: the per-replicate differences carry
 * little of the run-to-run noise that the points' own intervals carry, and an effect smaller than
 * that noise can still show. The statistics are `computePairedDifference`'s (the compare command's):
 * mean of the differences, its t interval, replicates where either value is undefined left out
 * (pairSweepPoint, shared with computeSweepPreviousDifferences).
 *
 * Point 0 is the reference because it is the one point every design has (the first grid value of
 * every parameter, or the first Latin-hypercube draw); metrics are matched by id, so a metric that
 * point 0 lacks gets no difference.
 *
 * @param points - The design's points in design order, each with per-replicate values.
 * @returns One entry per point: undefined for point 0, else one difference (or undefined) per stat.
 * @example
 * computeSweepDifferences(points)[1]?.[0]?.meanDifference; // point 1 − point 0, first metric
 */
export function computeSweepDifferences(points: readonly PointReplicateValues[]): ((SweepDifference | undefined)[] | undefined)[] {
  if (points.length === 0) return [];
  // Point 0's columns, read once: every later point is paired with them.
  const reference = readPointColumns(points[0]);
  return points.map((point, index) => (index === 0 ? undefined : pairSweepPoint(reference, point)));
}
