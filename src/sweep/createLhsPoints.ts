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
 *
 * @param ranges - The ranges (one dimension each).
 * @param n - Number of points.
 * @param masterSeed - The run's master seed.
 * @returns n points, assignments in range order, each labelled `--lhs range #k` (its range's number).
 * @example
 * createLhsPoints([{ path: 'materials.ndpr.demand.growthPerYear', min: 3, max: 8, unit: '%' }], 20, 1);
 */
export function createLhsPoints(ranges: readonly SweepRange[], n: number, masterSeed: number): SweepPoint[] {
  const unitSample = createLatinHypercube(n, ranges.length, createStream(masterSeed, 0, 'lhs'));
  return unitSample.map((row) =>
    ranges.map((range, d) => ({
      path: range.path, value: formatValue(range.min + row[d] * (range.max - range.min), range.unit), label: `--lhs range #${d + 1}`,
    })),
  );
}
