/**
 * The metric a sweep uses when `--metric` is not given: what the home region's end users receive
 * over the run (`cumulativeConsumption.<material>.endUse.<region>`) of the first material, in the
 * scenario's order of materials, that an event names; else of the first material. Consumption, not
 * shortfall: prices usually ration in this model (not always: docs/model.md G32, G35), so unmet
 * demand is 0 in most runs and a sweep of it would show nothing. The CLI (runSweep) and the report of a sweep folder written before sweep.json
 * recorded its metric (renderSweepAnswerBox) both use this rule, so they name the same metric.
 *
 * @param materials - Material ids in the scenario's order.
 * @param named - Material ids that events name (any order).
 * @param region - The home government's region.
 * @returns The metric id, or undefined when the scenario has no material.
 * @example
 * defaultSweepMetric(['ndpr', 'dy'], ['dy', 'ndpr'], 'US'); // 'cumulativeConsumption.ndpr.endUse.US'
 */
export function defaultSweepMetric(materials: readonly string[], named: Iterable<string>, region: string): string | undefined {
  const set = new Set(named);
  const material = materials.find((m) => set.has(m)) ?? materials[0];
  return material === undefined ? undefined : `cumulativeConsumption.${material}.endUse.${region}`;
}
