import { eventCategory } from './describeEvent.ts';
import { quotedPriceStage } from '../impact/quotedPriceStage.ts';
import type { EventOverview, ScenarioOverview } from './readScenarioOverview.ts';

/** A headline metric of the home region: its id in `comparison.json`/`summary.json`, and the material it is about. */
export interface HeadlineMetric {
  id: string;
  /** Material id, '' for policy cost. */
  material: string;
}

const TRADED = ['mining', 'processing', 'manufacturing'];
const CAPACITY = [...TRADED, 'recycling'];

/**
 * The capacity stage a policy event of a material builds or protects: a subsidy's or tariff's own
 * stage, a recycling mandate's recycling, a tailings reassessment's mining; none for a stockpile
 * (it holds stock, it builds nothing) or any other kind.
 */
function builtStage(event: EventOverview): string | undefined {
  if (event.kind === 'subsidy' || event.kind === 'tariff') return CAPACITY.includes(String(event.fields.stage)) ? String(event.fields.stage) : undefined;
  if (event.kind === 'recyclingMandate') return 'recycling';
  if (event.kind === 'tailingsReassessment') return 'mining';
  return undefined;
}

/** Options of {@link pickHeadlineMetrics}. */
export interface HeadlineOptions {
  /**
   * Also what a strategy builds and where its policies bite: home and allied capacity at the end
   * (`finalSecureSupplyShare`) at the stage the threat hits and at each stage a policy event of the
   * material builds or protects (subsidy, tariff, recycling mandate, tailings), and the peak home
   * price at each stage a tariff on the material taxes or a stockpile of it holds; with a
   * tariff among the events, the duties the home government collected, after the policy cost.
   */
  policyStages?: boolean;
}

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
 * @param options - See {@link HeadlineOptions} (comparisons ask for policy stages; sweeps do not).
 * @returns Headline metrics in reading order.
 * @example
 * pickHeadlineMetrics(overview, new Set(entries.map((e) => e.metric)));
 * // [{ id: 'shortfallWeeks.ndpr.endUse.US', material: 'ndpr' }, …, { id: 'policyCost.US', material: '' }]
 */
export function pickHeadlineMetrics(overview: ScenarioOverview | undefined, available: ReadonlySet<string>, otherEvents: readonly EventOverview[] = [], options: HeadlineOptions = {}): HeadlineMetric[] {
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
    const stage = quotedPriceStage(events.filter((e) => e.fields.material === material && eventCategory(e.kind) !== 'policy').map((e) => String(e.fields.stage)));
    const ids = [`shortfallWeeks.${material}.endUse.${home}`, `cumulativeShortfall.${material}.endUse.${home}`, `cumulativeConsumption.${material}.endUse.${home}`, `peakPriceMultiple.${material}.${stage}.${home}`];
    if (options.policyStages === true) ids.push(...policyStageMetrics(events, material, stage, home));
    for (const id of ids) {
      metrics.push({ id, material });
    }
  }
  metrics.push({ id: `policyCost.${home}`, material: '' }, { id: `netPolicyCost.${home}`, material: '' });
  if (options.policyStages === true && events.some((e) => e.kind === 'tariff')) metrics.push({ id: `tariffRevenue.${home}`, material: '' });
  return metrics.filter((m) => available.has(m.id));
}

/**
 * A material's extra headline metrics where policies act: the peak home price at each stage a tariff
 * taxes or a stockpile holds (other than the threat's, already listed), then home and allied capacity at the end at the
 * threat's stage and at each stage a policy event builds or protects ({@link builtStage}: a subsidy
 * builds refining; a magnet tariff protects magnet making).
 */
function policyStageMetrics(events: readonly EventOverview[], material: string, threatStage: string, home: string): string[] {
  const ofMaterial = events.filter((e) => e.fields.material === material && eventCategory(e.kind) === 'policy');
  // A tariff taxes, and a stockpile buys and releases at, its stage: the price there is where it bites (a magnet stockpile's is the magnet price).
  const tariffStages = [...new Set(ofMaterial.filter((e) => e.kind === 'tariff' || e.kind === 'stockpile').map((e) => String(e.fields.stage)).filter((s) => TRADED.includes(s)))].filter((s) => s !== threatStage);
  const built = ofMaterial.map(builtStage).filter((s): s is string => s !== undefined);
  const capacityStages = [...new Set([threatStage, ...built])].sort((a, b) => CAPACITY.indexOf(a) - CAPACITY.indexOf(b));
  return [...tariffStages.map((s) => `peakPriceMultiple.${material}.${s}.${home}`), ...capacityStages.map((s) => `finalSecureSupplyShare.${material}.${s}`)];
}
