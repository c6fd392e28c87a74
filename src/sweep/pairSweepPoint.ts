import { computePairedDifference } from '../compare/computePairedDifference.ts';
import { formatMetricId } from '../outputs/formatMetricId.ts';
import type { PointReplicateValues, SweepDifference } from './computeSweepDifferences.ts';

/**
 * One sweep point's paired differences from another point, metric by metric: for each of the
 * point's stats, the mean over replicates of (this point's value − the other's in the same
 * replicate) with its 95% t interval, `computePairedDifference`'s statistics (the compare
 * command's; replicates where either value is undefined left out). Metrics are matched by id, so a
 * metric the other point lacks gets no difference. Both computeSweepDifferences (against point 0)
 * and computeSweepPreviousDifferences (against the point before) pair through here, so the two
 * are computed the same way.
 *
 * @param reference - The other point's per-replicate columns by metric id (its `columnOf`, read once).
 * @param point - The point whose differences are wanted.
 * @returns One difference (or undefined) per stat of `point`.
 * @example
 * pairSweepPoint(new Map([['policyCost.US', [1, 2]]]), point)[0]?.meanDifference;
 */
export function pairSweepPoint(reference: ReadonlyMap<string, ArrayLike<number>>, point: PointReplicateValues): (SweepDifference | undefined)[] {
  return point.stats.map((s, i) => {
    const other = reference.get(formatMetricId(s.key));
    if (other === undefined) return undefined;
    // 'none': no direction is needed, only the mean and interval of the differences.
    const paired = computePairedDifference(other, point.columnOf(i), 'none');
    return { meanDifference: paired.meanDifference, ciLow: paired.ciLow, ciHigh: paired.ciHigh, n: paired.n };
  });
}
