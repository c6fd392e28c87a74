import { defaultSweepMetric } from '../sweep/defaultSweepMetric.ts';
import type { ScenarioOverview } from './readScenarioOverview.ts';
import type { SweepTable } from './readSweepCsv.ts';
import type { Tornado } from './readTornadoJson.ts';

/**
 * The sweep's own metric, the one the report leads with: as sweep.json records it (`--metric`, or
 * the CLI's default); in a folder written before it did, the tornado's metric (tornado.json, the
 * same one), else the CLI's default rule (defaultSweepMetric: the first material in the scenario's
 * order that an event names). Only a metric the grid holds.
 *
 * @param sweep - The grid (sweep.csv/sweep.json).
 * @param tornados - tornado.json, or undefined.
 * @param overview - The swept scenario, or undefined.
 * @returns The metric id, or undefined when the grid holds none of them.
 * @example
 * pickSweepMetric(sweep, undefined, overview); // 'timeToRecoveryWeeks.ndpr.endUse.US'
 */
export function pickSweepMetric(sweep: SweepTable, tornados: readonly Tornado[] | undefined, overview: ScenarioOverview | undefined): string | undefined {
  const named = (overview?.events ?? []).flatMap((e) => (typeof e.fields.material === 'string' ? [e.fields.material] : []));
  // Materials the overview does not list (a partial scenario) after those it does.
  const order = [...new Set([...(overview?.materials ?? []).map((m) => m.id), ...named])];
  const fallback = overview === undefined ? undefined : defaultSweepMetric(order, named, overview.homeRegion);
  return [sweep.metric, tornados?.[0]?.metric, fallback].find((id) => id !== undefined && id !== '' && sweep.rows.some((r) => r.metric === id));
}
