import { type CapacityStage, isReversibleByDefault, POLICY_KINDS } from '../../sim-core/index.ts';
import {
  BEHAVIOUR_DEFAULTS, childMap, COMMON_STAGE_DEFAULTS, DEMAND_DEFAULTS, DEPOSIT_SHARE_OF_WORLD_MINING,
  EVENT_DEFAULTS, EXPLORATION_DEFAULTS, FOREIGN_RULES_DEFAULTS, fillDefaults, GOVERNMENT_DEFAULTS,
  MATERIAL_DEFAULTS, RECYCLING_DEFAULTS, REGION_DEFAULTS, RESOLUTION_DEFAULTS,
  SCENARIO_DEFAULTS, STAGE_DEFAULTS, THREAT_DEFAULTS,
} from './defaults.ts';
import { isPlainMap, type PlainMap } from './locatedTree.ts';
import { nominalValue } from './nominalValue.ts';

const CAPACITY_STAGES: CapacityStage[] = ['mining', 'processing', 'manufacturing', 'recycling'];

/** Applies the maps of `collection` to `fill`, skipping entries that are not maps. */
function eachEntry(tree: PlainMap, collection: string, fill: (entry: PlainMap, path: string[]) => void): void {
  const map = tree[collection];
  if (!isPlainMap(map)) return;
  for (const [id, entry] of Object.entries(map)) if (isPlainMap(entry)) fill(entry, [collection, id]);
}

/** Sum of nominal values of a map of numbers (NaN entries ignored). */
function sumNominal(map: unknown): number {
  if (!isPlainMap(map)) return 0;
  return Object.values(map).map(nominalValue).filter(Number.isFinite).reduce((a, b) => a + b, 0);
}

/** Called with the path of a default that could not be derived (its source value is invalid). */
export type OnUnderived = (path: string[]) => void;

/** Fills a producing stage, deriving unit cost and capex from the base price of its stage. */
function fillStage(material: PlainMap, stage: CapacityStage, onUnderived: OnUnderived, base: string[]): void {
  const spec = childMap(material, stage);
  if (!spec) return;
  const { unitCostFactor, capexFactor, priceStage, ...plain } = STAGE_DEFAULTS[stage];
  fillDefaults(spec, { ...COMMON_STAGE_DEFAULTS, ...plain, ...(stage === 'recycling' ? RECYCLING_DEFAULTS : {}) });
  const prices = material.basePriceUsdPerTonne;
  const price = isPlainMap(prices) ? nominalValue(prices[priceStage]) : NaN;
  if (!Number.isFinite(price)) {
    for (const key of ['unitCostUsdPerTonne', 'capexUsdPerTonnePerYear']) onUnderived([...base, stage, key]);
    return;
  }
  fillDefaults(spec, { unitCostUsdPerTonne: unitCostFactor * price, capexUsdPerTonnePerYear: capexFactor * price });
}

/** Fills one material: stages, demand, exploration (deposit size from world mining capacity). */
function fillMaterial(material: PlainMap, onUnderived: OnUnderived, base: string[]): void {
  fillDefaults(material, MATERIAL_DEFAULTS);
  for (const stage of CAPACITY_STAGES) fillStage(material, stage, onUnderived, base);
  const demand = childMap(material, 'demand');
  if (demand) fillDefaults(demand, DEMAND_DEFAULTS);
  const exploration = childMap(material, 'exploration');
  if (!exploration) return;
  fillDefaults(exploration, EXPLORATION_DEFAULTS);
  const mining = material.mining;
  const world = isPlainMap(mining) ? sumNominal(mining.capacityByRegion) : 0;
  fillDefaults(exploration, { depositCapacityTonnesPerYear: DEPOSIT_SHARE_OF_WORLD_MINING * world });
}

/** Fills an event's kind-specific defaults and `reversible` (a policy of the home region, `home`: compileEvents.ts). */
function fillEvent(event: PlainMap, home: string | undefined): void {
  if (typeof event.kind !== 'string') return;
  const defaults = EVENT_DEFAULTS[event.kind as keyof typeof EVENT_DEFAULTS] ?? {};
  // Without a valid home region (reported elsewhere) the kind alone decides.
  const reversible = home === undefined ? POLICY_KINDS.has(event.kind) : isReversibleByDefault({ kind: event.kind, region: event.region, importer: event.importer, members: event.members }, home);
  fillDefaults(event, { ...defaults, reversible });
}

/**
 * Applies the defaults of defaults.ts to an authoring tree whose units are already canonical,
 * in place. Derived defaults use nominal values of distributions. Parts of the wrong shape are left
 * for the schema to report; defaults that cannot be derived because their source is invalid are
 * passed to `onUnderived` (so that only the source is reported).
 */
export function applyDefaults(tree: PlainMap, onUnderived: OnUnderived = () => {}): void {
  fillDefaults(tree, SCENARIO_DEFAULTS);
  const behaviour = childMap(tree, 'behaviour');
  if (behaviour) fillDefaults(behaviour, BEHAVIOUR_DEFAULTS);
  const resolution = childMap(tree, 'resolution');
  if (resolution) fillDefaults(resolution, RESOLUTION_DEFAULTS);
  eachEntry(tree, 'regions', (region) => fillDefaults(region, REGION_DEFAULTS));
  eachEntry(tree, 'materials', (material, path) => fillMaterial(material, onUnderived, path));
  if (isPlainMap(tree.government)) fillDefaults(tree.government, GOVERNMENT_DEFAULTS);
  const home = isPlainMap(tree.government) && typeof tree.government.region === 'string' ? tree.government.region : undefined;
  eachEntry(tree, 'events', (event) => fillEvent(event, home));
  if (isPlainMap(tree.foreignActor)) {
    fillDefaults(tree.foreignActor, { threat: THREAT_DEFAULTS, rules: FOREIGN_RULES_DEFAULTS });
  }
}
