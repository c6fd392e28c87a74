import type { SweepPoint } from './sweepPoint.ts';

/**
 * Every combination of a point of `a` with a point of `b` (the points of `b` vary fastest),
 * each the concatenation of the two assignment lists.
 *
 * @param a - First design.
 * @param b - Second design.
 * @returns |a| × |b| points.
 * @example
 * crossPoints([[{ path: 'x', value: '1' }]], [[{ path: 'y', value: '2' }], [{ path: 'y', value: '3' }]]).length; // 2
 */
export function crossPoints(a: readonly SweepPoint[], b: readonly SweepPoint[]): SweepPoint[] {
  return a.flatMap((left) => b.map((right) => [...left, ...right]));
}
