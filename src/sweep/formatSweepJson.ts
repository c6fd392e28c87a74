import { formatKeyFields } from '../outputs/formatKeyFields.ts';
import { formatMetricId } from '../outputs/formatMetricId.ts';
import { canonicalParameterValue } from './canonicalParameterValue.ts';
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
 * On every point but the first, each metric also has `"vsFirstPoint": {"meanDifference", "ciLow",
 * "ciHigh", "n"}` (added later): the point's paired difference from point 0, the reference (mean over
 * the n replicates defined at both points of this point's value minus point 0's in the same
 * replicate, with its 95% t interval; computeSweepDifferences). Point 0 and metrics point 0 lacks have none.
 * After it, `"vsPreviousPoint": {"meanDifference", "ciLow", "ciHigh", "n"}` (added later): the same
 * paired difference from the point before it in design order (point k − point k−1;
 * computeSweepPreviousDifferences); on point 1 it equals vsFirstPoint. Point 0 and metrics the
 * previous point lacks have none.
 * Each point also has `"numericValues": {"<path>": {"value", "unit"}}` (added later): its values as
 * numbers in the key's canonical unit, as sweep-points.csv has them (canonicalParameterValue), for the
 * values that are quantities (an export-control mode is not: absent there).
 * After `points` (both added later, so the earlier keys keep their order): `"metric"`, the id of the
 * sweep's metric (`--metric`, else the default, defaultSweepMetric: the one the stdout table and the
 * tornado use and the report leads with), and `"tornado"`: `"ran"`, `"off"` (`--no-tornado`) or
 * `"noUncertainParameters"` (asked for, but the scenario has no uncertain parameter to swing).
 *
 * @param run - The sweep's results.
 * @param info - Scenario path, seed, replicates and the design as given.
 * @param tornadoRequested - The tornado was asked for (no `--no-tornado`); default true.
 * @returns The file's text.
 * @example
 * formatSweepJson(run, { scenario: 'scenarios/baseline.yaml', masterSeed: 1, replicates: 50, design });
 */
export function formatSweepJson(
  run: SweepRun,
  info: { scenario: string; masterSeed: number; replicates: number; design: SweepDesign },
  tornadoRequested = true,
): string {
  const parameters = [...new Set(run.points.flatMap(({ point }) => point.map((a) => a.path)))];
  const points = run.points.map(({ point, stats, vsFirstPoint, vsPreviousPoint, loaded }, index) => {
    const metrics: Record<string, unknown> = {};
    stats.forEach((s, i) => {
      const d = vsFirstPoint?.[i];
      const p = vsPreviousPoint?.[i];
      metrics[formatMetricId(s.key)] = {
        unit: s.key.unit, n: s.n, mean: s.mean, ciLow: s.ciLow, ciHigh: s.ciHigh, ...formatKeyFields(s.key),
        ...(d === undefined ? {} : { vsFirstPoint: { meanDifference: d.meanDifference, ciLow: d.ciLow, ciHigh: d.ciHigh, n: d.n } }),
        ...(p === undefined ? {} : { vsPreviousPoint: { meanDifference: p.meanDifference, ciLow: p.ciLow, ciHigh: p.ciHigh, n: p.n } }),
      };
    });
    const numericValues = Object.fromEntries(point.flatMap((a) => {
      const { value, unit } = canonicalParameterValue(a.path, a.value, loaded.spec.startYear);
      return value === undefined ? [] : [[a.path, { value, unit }]];
    }));
    return { point: index, values: Object.fromEntries(point.map((a) => [a.path, a.value])), numericValues, metrics };
  });
  const tornado = run.tornado !== null ? 'ran' : tornadoRequested ? 'noUncertainParameters' : 'off';
  return `${JSON.stringify({ ...info, parameters, points, metric: formatMetricId(run.metric), tornado }, null, 2)}\n`;
}
