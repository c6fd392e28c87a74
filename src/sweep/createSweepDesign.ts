import { UsageError } from '../cli/exitCodes.ts';
import { createLhsPoints } from './createLhsPoints.ts';
import { crossPoints } from './crossPoints.ts';
import { expandGrid } from './expandGrid.ts';
import type { SweepDesign } from './formatSweepJson.ts';
import { parseGridOption } from './parseGridOption.ts';
import { parseRangeOption } from './parseRangeOption.ts';
import type { SweepPoint } from './sweepPoint.ts';

/**
 * Most design points one sweep runs. Each point runs every replicate and keeps its summaries (about
 * 5 KB per replicate for the shipped scenarios), so 10,000 points of 40 replicates are already
 * 400,000 runs and about 2 GB of summaries: beyond that, split the design.
 */
export const MAX_SWEEP_POINTS = 10_000;

/** A sweep design ready to run. */
export interface PlannedSweep {
  /** The design as given (echoed in sweep.json). */
  design: SweepDesign;
  /** Its points: the full-factorial grid crossed with the Latin hypercube (either alone when the other is absent). */
  points: SweepPoint[];
  /** Swept paths, grid dimensions first. */
  parameters: string[];
  /** Said on stderr before anything runs (a design of one point: nothing to compare), or undefined. */
  warning?: string;
}

/**
 * Builds a sweep design from the command line: `--grid path=v1,v2,...` options (full factorial)
 * and `--lhs N` with positional `path=min:max` ranges (Latin hypercube of N points, drawn from
 * the stream (seed, 0, `lhs`)). Given both, every grid point is crossed with every hypercube point.
 * Given neither, the design is empty (the sweep then runs the tornado only). A design of one point
 * gets a `warning` (nothing to compare).
 *
 * @param grid - `--grid` arguments.
 * @param lhs - `--lhs` argument (number of points), if given.
 * @param ranges - Positional `path=min:max` arguments.
 * @param masterSeed - Seed of the hypercube.
 * @returns The design, its points and the swept paths.
 * @throws UsageError on malformed options, ranges without `--lhs` (or the reverse), a path swept twice, or more than MAX_SWEEP_POINTS points.
 * @example
 * createSweepDesign(['years=2,3'], '4', ['materials.ndpr.demand.growthPerYear=3%:8%'], 1).points.length; // 8
 */
export function createSweepDesign(grid: readonly string[], lhs: string | undefined, ranges: readonly string[], masterSeed: number): PlannedSweep {
  const dimensions = grid.map(parseGridOption);
  if (lhs === undefined && ranges.length > 0) throw new UsageError(`sweep: ranges (${ranges[0]}, …) need --lhs N`);
  const count = lhs === undefined ? 0 : Number(lhs);
  if (lhs !== undefined && (!Number.isInteger(count) || count < 1)) throw new UsageError(`--lhs: expected an integer ≥ 1, found "${lhs}"`);
  if (lhs !== undefined && ranges.length === 0) throw new UsageError('--lhs N: give at least one range path=min:max after the scenario');
  const parsedRanges = ranges.map(parseRangeOption);
  const parameters = [...dimensions.map((d) => d.path), ...parsedRanges.map((r) => r.path)];
  const repeated = parameters.find((path, i) => parameters.indexOf(path) !== i);
  if (repeated !== undefined) throw new UsageError(`sweep: ${repeated} is swept twice`);
  // Counted before any point is built: a billion-point hypercube ran out of memory, a 300 × 300 grid worked silently for minutes.
  const size = (dimensions.length > 0 ? dimensions.reduce((product, d) => product * d.values.length, 1) : 1) * (count > 0 ? count : dimensions.length > 0 ? 1 : 0);
  if (size > MAX_SWEEP_POINTS) {
    const shape = [...dimensions.map((d) => `${d.values.length} values of ${d.path}`), ...(count > 0 ? [`--lhs ${count}`] : [])].join(' × ');
    throw new UsageError(`sweep: expected at most ${MAX_SWEEP_POINTS.toLocaleString('en-US')} design points, found ${size.toLocaleString('en-US')} (${shape}); every point runs all its replicates: sweep fewer values, or split the design into several sweeps`);
  }
  let points: SweepPoint[] = dimensions.length > 0 ? expandGrid(dimensions) : [];
  if (count > 0) {
    const hypercube = createLhsPoints(parsedRanges, count, masterSeed);
    points = dimensions.length > 0 ? crossPoints(points, hypercube) : hypercube;
  }
  const design: SweepDesign = {
    grid: dimensions,
    lhs: count > 0 ? { points: count, ranges: parsedRanges } : null,
  };
  // One point compares nothing (audit 25 L1: `--grid path=30%` ran silently as a "sweep").
  const warning = points.length === 1
    ? 'the design has one point: nothing to compare between points (the sweep shows no effect); give two or more values, or use `crm-sim run --set` for one setting'
    : undefined;
  return { design, points, parameters, ...(warning === undefined ? {} : { warning }) };
}
