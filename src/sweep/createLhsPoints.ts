import { createStream } from '../../sim-core/index.ts';
import { createLatinHypercube } from './createLatinHypercube.ts';
import type { SweepRange } from './parseRangeOption.ts';
import type { SweepPoint } from './sweepPoint.ts';

/** Writes a value with six significant digits and the range's unit (`5.21834%`, `31.2 kt/yr`). */
function formatValue(value: number, unit: string): string {
  const text = String(Number(value.toPrecision(6)));
  if (unit === '') return text;
  return unit === '%' ? `${text}%` : `${text} ${unit}`;
}

/**
 * The points of a Latin-hypercube design over continuous ranges: coordinate u ∈ [0, 1) maps to
 * min + u·(max − min), written with six significant digits and the range's unit. The sample is
 * drawn from sim-core's stream (masterSeed, 0, `lhs`), so the design depends on the seed only.
 * With one range the points are sorted by value, lowest first: point 0, the reference of the sweep's
 * paired differences, is then the lowest draw and the last point the highest, so "point 0 to the
 * last" is the lowest-to-highest contrast (in draw order it was two arbitrary draws). With several
 * ranges no order is a contrast of one parameter: the points stay in draw order.
 *
 * @param ranges - The ranges (one dimension each).
 * @param n - Number of points.
 * @param masterSeed - The run's master seed.
 * @returns n points (by value with one range, else in draw order), assignments in range order, each labelled `--lhs range #k` (its range's number).
 * @example
 * createLhsPoints([{ path: 'materials.ndpr.demand.growthPerYear', min: 3, max: 8, unit: '%' }], 20, 1);
 */
export function createLhsPoints(ranges: readonly SweepRange[], n: number, masterSeed: number): SweepPoint[] {
  const drawn = createLatinHypercube(n, ranges.length, createStream(masterSeed, 0, 'lhs'));
  // Sorted on the coordinate, not on the written value: the mapping to the range is increasing.
  const unitSample = ranges.length === 1 ? [...drawn].sort((a, b) => a[0] - b[0]) : drawn;
  return unitSample.map((row) =>
    ranges.map((range, d) => ({
      path: range.path, value: formatValue(range.min + row[d] * (range.max - range.min), range.unit), label: `--lhs range #${d + 1}`,
    })),
  );
}
