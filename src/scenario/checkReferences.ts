import { POLICY_KINDS } from '../../sim-core/index.ts';
import { didYouMean } from './didYouMean.ts';
import type { TreePath } from './fieldRules.ts';
import { isPlainMap, type PlainMap } from './locatedTree.ts';
import { formatCalendarDate } from './parseTime.ts';
import type { ProblemSink } from './problemSink.ts';
import { quoteText, shortenText } from './quoteText.ts';

/** Keys of a map value, or none. */
function keysOf(value: unknown): string[] {
  return isPlainMap(value) ? Object.keys(value) : [];
}

/**
 * The ids a map declares, or undefined when it is not a map (a list, a string, or removed with
 * `null`): the schema reports that once, and checking every reference against no ids would add an
 * error for each use of every id inherited from a parent (166 lines for `regions: [US, CN]`).
 */
function declaredIds(value: unknown): string[] | undefined {
  return isPlainMap(value) ? Object.keys(value) : undefined;
}

/** Region ids by their names, lower case, without a parenthetical (`china` → `CN`): a hint for an id written as a name. */
type Aliases = ReadonlyMap<string, string>;
const NO_ALIASES: Aliases = new Map();

/** Each region's name, lower case and without a parenthetical list of members, mapped to its id. */
function regionAliases(tree: PlainMap): Aliases {
  const aliases = new Map<string, string>();
  for (const [id, region] of Object.entries(isPlainMap(tree.regions) ? tree.regions : {})) {
    if (isPlainMap(region) && typeof region.name === 'string') aliases.set(region.name.replace(/\s*\(.*\)\s*$/, '').trim().toLowerCase(), id);
  }
  return aliases;
}

/** Chemical symbols of the elements a material id or name may name, lower case: `Ga` → gallium. */
const ELEMENT_SYMBOLS: Readonly<Record<string, string>> = {
  gallium: 'ga', germanium: 'ge', lithium: 'li', cobalt: 'co', dysprosium: 'dy', neodymium: 'nd', praseodymium: 'pr', nickel: 'ni',
  copper: 'cu', tungsten: 'w', antimony: 'sb', indium: 'in', tellurium: 'te', vanadium: 'v', manganese: 'mn', platinum: 'pt',
  palladium: 'pd', tin: 'sn', titanium: 'ti', niobium: 'nb', tantalum: 'ta', graphite: 'c', terbium: 'tb', magnesium: 'mg',
};

/**
 * Material ids by their names (lower case, without a parenthetical) and by the names and chemical
 * symbols of the elements their id or name names (`ga` → `gallium`; `dysprosium` → `dy`, whose name is `Dysprosium oxide`):
 * a hint for an id written as a name or symbol.
 */
function materialAliases(tree: PlainMap): Aliases {
  const aliases = new Map<string, string>();
  for (const [id, material] of Object.entries(isPlainMap(tree.materials) ? tree.materials : {})) {
    const name = isPlainMap(material) && typeof material.name === 'string' ? material.name.replace(/\s*\(.*\)\s*$/, '').trim().toLowerCase() : '';
    if (name !== '') aliases.set(name, id);
    for (const [element, symbol] of Object.entries(ELEMENT_SYMBOLS)) {
      if (id.toLowerCase().includes(element) || name.includes(element)) {
        aliases.set(symbol, id);
        aliases.set(element, id);
      }
    }
  }
  return aliases;
}

/**
 * Reports `id` at `path` unless it is one of `ids` (strings only; other types are the schema's), with
 * a hint: the closest id when it looks like a typo, else the id whose name it is or nearly is
 * (`CHINA` → `CN`).
 */
function expectId(id: unknown, ids: string[] | undefined, what: string, path: TreePath, sink: ProblemSink, atKey = false, aliases: Aliases = NO_ALIASES): void {
  // No declared ids to check against: the schema already reported the map that declares them.
  if (ids === undefined || typeof id !== 'string' || ids.includes(id)) return;
  // An exact name or symbol first (`Ga` is one edit from `Ge` too), then a typo of an id, then a typo of a name.
  const exact = aliases.get(id.toLowerCase());
  const named = didYouMean(id, [...aliases.keys()]);
  const hint = exact ?? didYouMean(id, ids) ?? (named === undefined ? undefined : aliases.get(named));
  sink.add(path, `a ${what} id (${ids.join(', ') || 'none declared'})`, quoteText(id), hint ? `did you mean "${hint}"?` : '', atKey);
}

/** Checks every element of a list of ids. */
function expectIds(list: unknown, ids: string[] | undefined, what: string, path: TreePath, sink: ProblemSink, aliases: Aliases = NO_ALIASES): void {
  if (Array.isArray(list)) list.forEach((id, i) => expectId(id, ids, what, [...path, i], sink, false, aliases));
}

/** Checks the keys of a map keyed by region id. */
function expectRegionKeys(map: unknown, regions: string[] | undefined, path: TreePath, sink: ProblemSink, aliases: Aliases): void {
  for (const key of keysOf(map)) expectId(key, regions, 'region', [...path, key], sink, true, aliases);
}

/** Checks a material's region keys, by-product host and pipeline regions. */
function checkMaterial(id: string, m: PlainMap, regions: string[] | undefined, materials: string[], sink: ProblemSink, aliases: Aliases): void {
  const base = ['materials', id];
  for (const stage of ['mining', 'processing', 'manufacturing', 'recycling']) {
    if (isPlainMap(m[stage])) expectRegionKeys(m[stage].capacityByRegion, regions, [...base, stage, 'capacityByRegion'], sink, aliases);
  }
  if (isPlainMap(m.demand)) expectRegionKeys(m.demand.byRegion, regions, [...base, 'demand', 'byRegion'], sink, aliases);
  if (isPlainMap(m.exploration)) {
    expectRegionKeys(m.exploration.prospectivityByRegion, regions, [...base, 'exploration', 'prospectivityByRegion'], sink, aliases);
  }
  expectId(m.byproductOf, materials.filter((x) => x !== id), 'host material (another material)', [...base, 'byproductOf'], sink);
  if (Array.isArray(m.pipeline)) {
    m.pipeline.forEach((p, i) => isPlainMap(p) && expectId(p.region, regions, 'region', [...base, 'pipeline', i, 'region'], sink, false, aliases));
  }
}

/**
 * Checks an event's material and region references and its times (`startYear` names the start's
 * calendar date). A price war's region must be the foreign actor's (`actor`): the engine charges its
 * cost to the actor's budget and spending.
 */
function checkEvent(id: string, e: PlainMap, regions: string[] | undefined, materials: string[] | undefined, startYear: number, actor: string | undefined, sink: ProblemSink, aliases: Aliases, named: Aliases): void {
  const base = ['events', id];
  expectId(e.material, materials, 'material', [...base, 'material'], sink, false, named);
  for (const key of ['exporter', 'importer', 'region', 'acquirer']) expectId(e[key], regions, 'region', [...base, key], sink, false, aliases);
  if (e.kind === 'priceManipulation' && actor !== undefined && typeof e.region === 'string' && regions?.includes(e.region) === true && e.region !== actor) {
    sink.add([...base, 'region'], `the foreign actor's region (${actor}): a price war is the foreign actor's, paid from its budget`, quoteText(e.region));
  }
  for (const key of ['destinations', 'exporters', 'members']) expectIds(e[key], regions, 'region', [...base, key], sink, aliases);
  // A mine acquisition by the region itself diverts the output to the market where it was sold already, and, listed
  // after another acquisition of those mines, sends that one's share back too: the model cannot mean it (audit 25, M3).
  if (e.kind === 'mineAcquisition' && typeof e.acquirer === 'string' && e.acquirer === e.region) {
    sink.add([...base, 'acquirer'], `an acquirer other than the region (${e.region})`, sink.found([...base, 'acquirer'], e.acquirer),
      `the acquired share of ${e.region}'s mine output is diverted to the acquirer's market, here ${e.region}'s own, so it diverts nothing; listed after another acquisition of these mines, it also sends that one's share back to ${e.region}; name the acquiring region`);
  }
  // The map key is the id (buildSpec): an `id:` that says otherwise was dropped, silently (audit 25, L6).
  if (e.id !== undefined && e.id !== id) sink.add([...base, 'id'], `the event's map key (${quoteText(id)}) or no id`, sink.found([...base, 'id'], e.id), 'the map key is the id');
  // Only the home government's elections are modelled: `reversible: true` on a threat would let them end
  // another state's export control (audit 25, M6). An uncertain end is a drawn `end`.
  if (e.reversible === true && typeof e.kind === 'string' && !POLICY_KINDS.has(e.kind)) {
    sink.add([...base, 'reversible'], `reversible only on a policy (${[...POLICY_KINDS].join(', ')})`, `true on ${quoteText(e.kind)}`,
      "only the home government's elections are modelled, and they reverse policies; for an uncertain end, draw end from a distribution");
  }
  const { start, end, announced } = e;
  if (typeof start !== 'number') return;
  const startDate = Number.isFinite(startYear) ? formatCalendarDate(start, startYear) : `${start} years`;
  if (typeof end === 'number' && end <= start) sink.add([...base, 'end'], `an end after start (${startDate})`, sink.found([...base, 'end'], end));
  if (typeof announced === 'number' && announced > start) {
    sink.add([...base, 'announced'], `an announcement at or before start (${startDate})`, sink.found([...base, 'announced'], announced));
  }
}

/**
 * Cross-reference checks of a nominal authoring tree: every region and material id used exists,
 * the government's region is a region with alignment `home`, the foreign actor's region exists, `byproductOf` names another material, and events end after they start.
 */
export function checkReferences(tree: PlainMap, sink: ProblemSink): void {
  const regions = declaredIds(tree.regions);
  const materials = declaredIds(tree.materials);
  const aliases = regionAliases(tree);
  const government = isPlainMap(tree.government) ? tree.government : {};
  expectId(government.region, regions, 'region', ['government', 'region'], sink, false, aliases);
  // Index only with a string: a map with its own `toString` key throws when used as a property key.
  const homeId = typeof government.region === 'string' ? government.region : undefined;
  const home = isPlainMap(tree.regions) && homeId !== undefined ? tree.regions[homeId] : undefined;
  if (isPlainMap(home) && typeof home.alignment === 'string' && home.alignment !== 'home') {
    sink.add(['government', 'region'], 'a region with alignment home', `${quoteText(homeId as string)} (alignment ${shortenText(home.alignment)})`);
  }
  if (isPlainMap(tree.foreignActor)) expectId(tree.foreignActor.region, regions, 'region', ['foreignActor', 'region'], sink, false, aliases);
  const actor = isPlainMap(tree.foreignActor) && typeof tree.foreignActor.region === 'string' ? tree.foreignActor.region : undefined;
  const materialMap = isPlainMap(tree.materials) ? tree.materials : {};
  for (const [id, m] of Object.entries(materialMap)) {
    if (isPlainMap(m)) checkMaterial(id, m, regions, Object.keys(materialMap), sink, aliases);
  }
  for (const [id, e] of Object.entries(isPlainMap(tree.events) ? tree.events : {})) {
    if (isPlainMap(e)) checkEvent(id, e, regions, materials, typeof tree.startYear === 'number' ? tree.startYear : NaN, actor, sink, aliases, materialAliases(tree));
  }
}
