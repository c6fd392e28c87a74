import type { SweepRow } from './readSweepCsv.ts';

/** The change of one metric from one sweep point to another, with a 95% interval and how it was obtained. */
export interface SweepStep {
  /** Mean over replicates of (`to`'s value − `from`'s value), paired run by run. */
  mean: number;
  /** The interval's ends (NaN when none can be given). */
  low: number;
  high: number;
  /**
   * `paired`: the sweep's own paired t interval (one end is point 0, whose differences the outputs
   * hold, or the two points are next to each other in design order, whose difference they hold
   * since `vsPreviousPoint`); `bound`: a conservative interval built from the outputs (see
   * computeSweepStep), at least as wide as the paired one a sweep keeping per-replicate values would give.
   */
  kind: 'paired' | 'bound';
}

/** Half the width of an interval (NaN when an end is not finite). */
function halfWidth(low: number, high: number): number {
  return Number.isFinite(low) && Number.isFinite(high) ? (high - low) / 2 : NaN;
}

/** The design-order index of a row's point (NaN when the id is not a whole number). */
function designIndex(row: SweepRow): number {
  return /^\d+$/.test(row.point) ? Number(row.point) : NaN;
}

/**
 * The change of one metric between two sweep points, from what the outputs hold: each point's mean
 * and 95% t interval, each later point's paired difference from point 0 (`vsFirstPoint`) and, in
 * newer outputs, from the point before it in design order (`vsPreviousPoint`).
 *
 * When one of the two is point 0 the sweep's paired difference is the answer (its sign turned when
 * point 0 is `to`). When the two are next to each other in design order and the later one carries
 * `vsPreviousPoint`, that is the paired answer the same way: as it is when `to` comes right after
 * `from` (a grid typed in the value order), its sign turned when `from` comes right after `to` (a
 * grid typed high to low), since the interval of the negated differences is the negated interval.
 * Otherwise (points further apart in the design, or an older folder) no paired interval exists
 * (the sweep keeps no per-replicate values; docs/commands.md, `sweep`), but a conservative one does: the change is D_to − D_from
 * (D: the paired difference from point 0) replicate by replicate, and sd(X − Y) ≤ sd(X) + sd(Y)
 * whatever their correlation, so the two t half-widths added (same n, same t quantile) bound its
 * half-width; the same holds for the points' own values, so the narrower of the two sums is used.
 * An interval built so that excludes 0 means the paired one would too; one that includes 0 says
 * nothing either way. It holds only when every replicate defines the metric at both points and at
 * point 0 (`complete`), so that all the intervals are over the same runs; otherwise undefined.
 *
 * @param from - The row of the point the change starts from.
 * @param to - The row of the point it ends at (same metric).
 * @param reference - The id of point 0.
 * @param complete - Every replicate defines this metric at every point (the caller checks `n`).
 * @returns The change, or undefined when the outputs do not give it.
 * @example
 * computeSweepStep(rowAt30, rowAt60, '0', true); // { mean: -7.3, low: -76, high: 62, kind: 'bound' } (or 'paired', from vsPreviousPoint)
 */
export function computeSweepStep(from: SweepRow, to: SweepRow, reference: string, complete: boolean): SweepStep | undefined {
  if (from.point === reference || to.point === reference) {
    const d = (from.point === reference ? to : from).vsFirstPoint;
    if (d === undefined || from.point === to.point) return undefined;
    return from.point === reference
      ? { mean: d.meanDifference, low: d.ciLow, high: d.ciHigh, kind: 'paired' }
      : { mean: -d.meanDifference, low: -d.ciHigh, high: -d.ciLow, kind: 'paired' };
  }
  // Neighbours in the design: the sweep paired them run by run (vsPreviousPoint, point k − point k−1).
  if (designIndex(to) === designIndex(from) + 1 && to.vsPreviousPoint !== undefined) {
    const d = to.vsPreviousPoint;
    return { mean: d.meanDifference, low: d.ciLow, high: d.ciHigh, kind: 'paired' };
  }
  if (designIndex(from) === designIndex(to) + 1 && from.vsPreviousPoint !== undefined) {
    const d = from.vsPreviousPoint;
    return { mean: -d.meanDifference, low: -d.ciHigh, high: -d.ciLow, kind: 'paired' };
  }
  const [a, b] = [from.vsFirstPoint, to.vsFirstPoint];
  if (!complete || a === undefined || b === undefined) return undefined;
  const mean = b.meanDifference - a.meanDifference;
  const bounds = [
    halfWidth(a.ciLow, a.ciHigh) + halfWidth(b.ciLow, b.ciHigh),
    halfWidth(from.ciLow, from.ciHigh) + halfWidth(to.ciLow, to.ciHigh),
  ].filter(Number.isFinite);
  // Neither bound (n < 2): no interval rather than half of one.
  const half = bounds.length === 0 ? NaN : Math.min(...bounds);
  return { mean, low: mean - half, high: mean + half, kind: 'bound' };
}
