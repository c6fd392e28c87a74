import type { ScenarioOverview } from './readScenarioOverview.ts';

const NOT_MATERIAL = new Set(['policyCost', 'netPolicyCost', 'foreignActorCost']);

/**
 * When a metric is about a material that none of the scenario's events names (a `--metric` chosen
 * for another material; until session 15 `crm-sim sweep`'s default was NdPr's for any scenario), says so and
 * suggests the same metric for the materials the events do name. Says nothing when the metric is
 * not about a material, when an event names no material (it may act on all), or when there are
 * no events.
 *
 * @param metric - A metric id (`cumulativeShortfall.ndpr.endUse.US`).
 * @param overview - The scenario, or undefined.
 * @param materialName - Maps a material id to its name.
 * @returns A sentence (plain text) or ''.
 * @example
 * describeUntouchedMaterial('cumulativeShortfall.ndpr.endUse.US', overview, name);
 * // "The scenario's events act only on Gallium, not on NdPr oxide: … `--metric cumulativeShortfall.gallium.endUse.US`."
 */
export function describeUntouchedMaterial(metric: string, overview: ScenarioOverview | undefined, materialName: (id: string) => string): string {
  const [kind, material, ...rest] = metric.split('.');
  const events = overview?.events ?? [];
  if (material === undefined || NOT_MATERIAL.has(kind) || events.length === 0) return '';
  const named = events.map((e) => e.fields.material);
  if (!named.every((m): m is string => typeof m === 'string') || named.includes(material)) return '';
  // In the scenario's order of materials, as the CLI picks its default metric (defaultSweepMetric), not in the events' order.
  const order = (overview?.materials ?? []).map((m) => m.id);
  const rank = (id: string): number => (order.includes(id) ? order.indexOf(id) : order.length);
  const touched = [...new Set(named)].sort((a, b) => rank(a) - rank(b));
  const others = touched.map(materialName).join(', ');
  const suggestion = [kind, touched[0], ...rest].join('.');
  return `The scenario’s events act only on ${others}, not on ${materialName(material)}: this metric can only move through the baseline market. ` +
    `To see what the parameters do to what the events disrupt, choose the metric with --metric ${suggestion}.`;
}
