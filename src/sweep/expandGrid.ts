import { crossPoints } from './crossPoints.ts';
import type { GridDimension } from './parseGridOption.ts';
import type { SweepPoint } from './sweepPoint.ts';

/**
 * The full-factorial design of grid dimensions: every combination of their values, the last
 * dimension varying fastest. No dimension gives one empty point.
 *
 * @param dimensions - Factors with their values.
 * @returns ∏ values.length points, assignments in dimension order, each labelled `--grid #k` (its option's number).
 * @example
 * expandGrid([{ path: 'a', values: ['1', '2'] }, { path: 'b', values: ['x', 'y', 'z'] }]).length; // 6
 */
export function expandGrid(dimensions: readonly GridDimension[]): SweepPoint[] {
  let points: SweepPoint[] = [[]];
  dimensions.forEach((dimension, index) => {
    const label = `--grid #${index + 1}`;
    points = crossPoints(points, dimension.values.map((value) => [{ path: dimension.path, value, label }]));
  });
  return points;
}
