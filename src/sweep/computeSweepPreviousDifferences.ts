import type { PointReplicateValues, SweepDifference } from './computeSweepDifferences.ts';
import { pairSweepPoint } from './pairSweepPoint.ts';
import { readPointColumns } from './readPointColumns.ts';

/**
 * Each point's paired difference from the point before it in the design's order, metric by metric:
 * computed exactly as computeSweepDifferences computes the difference from point 0 (pairSweepPoint:
 * mean over replicates of this point's value minus the previous point's in the same replicate, its
 * 95% t interval, replicates where either is undefined left out), since replicate i of every point
 * sees the same draws. It gives the step between two later neighbouring points a paired interval;
 * the outputs otherwise allow only a conservative bound there (the points' half-widths added,
 * 1.5–2.2 times as wide in the sweeps measured), which can miss a real step.
 *
 * @param points - The design's points in design order, each with per-replicate values.
 * @returns One entry per point: undefined for point 0, else one difference (or undefined, for a
 *   metric the previous point lacks) per stat.
 * @example
 * computeSweepPreviousDifferences(points)[3]?.[0]?.meanDifference; // point 3 − point 2, first metric
 */
export function computeSweepPreviousDifferences(points: readonly PointReplicateValues[]): ((SweepDifference | undefined)[] | undefined)[] {
  // Each point's columns serve as the reference of the next one: read once there, once as a point.
  return points.map((point, index) => (index === 0 ? undefined : pairSweepPoint(readPointColumns(points[index - 1]), point)));
}
