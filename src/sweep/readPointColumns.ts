import { formatMetricId } from '../outputs/formatMetricId.ts';
import type { PointReplicateValues } from './computeSweepDifferences.ts';

/**
 * A sweep point's per-replicate columns by metric id, read once, to pair other points with
 * (pairSweepPoint).
 *
 * @param point - The point.
 * @returns Its columns keyed by metric id (formatMetricId).
 * @example
 * pairSweepPoint(readPointColumns(points[0]), points[1]);
 */
export function readPointColumns(point: PointReplicateValues): Map<string, ArrayLike<number>> {
  return new Map(point.stats.map((s, i) => [formatMetricId(s.key), point.columnOf(i)]));
}
