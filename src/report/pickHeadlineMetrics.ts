import { eventCategory } from './describeEvent.ts';
import type { EventOverview, ScenarioOverview } from './readScenarioOverview.ts';

/** A headline metric of the home region: its id in `comparison.json`/`summary.json`, and the material it is about. */
export interface HeadlineMetric {
  id: string;
  /** Material id, '' for policy cost. */
  material: string;
}

const TRADED = ['mining', 'processing', 'manufacturing'];

/**
 * The metrics a strategy is judged on first: for each material a threat event of the reference
 * scenario or of the other compared scenarios (`otherEvents`) targets (else each material with any
 * event, else the first), the home region's weeks
 * short, unmet demand, consumption and peak price (at the stage the events hit, processing by default), then
 * the home government's policy cost, gross and net. Ids that `available` does not hold are left out.
 *
 * @param overview - The reference scenario (undefined: materials are taken from the ids).
 * @param available - Metric ids present in the results.
 * @param otherEvents - Events of the alternatives in a comparison: a baseline compared with a threat
 *   scenario has no event of its own, and its headline is the threat's materials.
 * @returns Headline metrics in reading order.
 * @example
 * pickHeadlineMetrics(overview, new Set(entries.map((e) => e.metric)));
 * // [{ id: 'shortfallWeeks.ndpr.endUse.US', material: 'ndpr' }, …, { id: 'policyCost.US', material: '' }]
 */
export function pickHeadlineMetrics(overview: ScenarioOverview | undefined, available: ReadonlySet<string>, otherEvents: readonly EventOverview[] = []): HeadlineMetric[] {
  const home = overview?.homeRegion || [...available].find((id) => id.startsWith('policyCost.'))?.split('.')[1] || 'US';
  const events = [...(overview?.events ?? []), ...otherEvents];
  const targeted = (filter: (kind: string) => boolean): string[] => [...new Set(events
    .filter((e) => filter(e.kind) && typeof e.fields.material === 'string').map((e) => String(e.fields.material)))];
  let materials = targeted((kind) => eventCategory(kind) === 'threat');
  if (materials.length === 0) materials = targeted(() => true);
  if (materials.length === 0) {
    const first = overview?.materials[0]?.id ?? [...available].find((id) => id.startsWith('cumulativeShortfall.'))?.split('.')[1];
    materials = first === undefined ? [] : [first];
  }
  const order = (id: string): number => overview?.materials.findIndex((m) => m.id === id) ?? 0;
  materials.sort((a, b) => order(a) - order(b));
  const metrics: HeadlineMetric[] = [];
  for (const material of materials) {
    // The stage a threat or shock hits; a policy's stage (a stockpile's, a subsidy's) says where it acts, not what is disrupted.
    const stage = events.filter((e) => e.fields.material === material && eventCategory(e.kind) !== 'policy').map((e) => String(e.fields.stage)).find((s) => TRADED.includes(s)) ?? 'processing';
    const ids = [`shortfallWeeks.${material}.endUse.${home}`, `cumulativeShortfall.${material}.endUse.${home}`, `cumulativeConsumption.${material}.endUse.${home}`, `peakPriceMultiple.${material}.${stage}.${home}`];
    for (const id of ids) {
      metrics.push({ id, material });
    }
  }
  metrics.push({ id: `policyCost.${home}`, material: '' }, { id: `netPolicyCost.${home}`, material: '' });
  return metrics.filter((m) => available.has(m.id));
}
