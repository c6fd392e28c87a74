import { formatKeyFields } from '../outputs/formatKeyFields.ts';
import { formatMetricId } from '../outputs/formatMetricId.ts';
import type { SweepRun } from './runSweep.ts';

/** How the design was specified, echoed in sweep.json. */
export interface SweepDesign {
  grid: { path: string; values: string[] }[];
  lhs: { points: number; ranges: { path: string; min: number; max: number; unit: string }[] } | null;
}

/**
 * Formats `sweep.json`: `{"scenario", "masterSeed", "replicates", "design", "parameters",
 * "points": [{"point", "values": {"<path>": "<value>"}, "metrics": {"<id>": {"unit", "n", "mean",
 * "ciLow", "ciHigh", "metric", "material", "stage", "region"}}}]}`; metric ids as in summary.json
 * with their key parts stated last (added later; a part that does not apply is null), NaN as null.
 *
 * @param run - The sweep's results.
 * @param info - Scenario path, seed, replicates and the design as given.
 * @returns The file's text.
 * @example
 * formatSweepJson(run, { scenario: 'scenarios/baseline.yaml', masterSeed: 1, replicates: 50, design });
 */
export function formatSweepJson(
  run: SweepRun,
  info: { scenario: string; masterSeed: number; replicates: number; design: SweepDesign },
): string {
  const parameters = [...new Set(run.points.flatMap(({ point }) => point.map((a) => a.path)))];
  const points = run.points.map(({ point, stats }, index) => {
    const metrics: Record<string, unknown> = {};
    for (const s of stats) metrics[formatMetricId(s.key)] = {
      unit: s.key.unit, n: s.n, mean: s.mean, ciLow: s.ciLow, ciHigh: s.ciHigh, ...formatKeyFields(s.key),
    };
    return { point: index, values: Object.fromEntries(point.map((a) => [a.path, a.value])), metrics };
  });
  return `${JSON.stringify({ ...info, parameters, points }, null, 2)}\n`;
}
