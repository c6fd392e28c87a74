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

/** Reports `id` at `path` unless it is one of `ids` (strings only; other types are the schema's). */
function expectId(id: unknown, ids: string[], what: string, path: TreePath, sink: ProblemSink, atKey = false): void {
  if (typeof id !== 'string' || ids.includes(id)) return;
  const hint = didYouMean(id, ids);
  sink.add(path, `a ${what} id (${ids.join(', ') || 'none declared'})`, quoteText(id), hint ? `did you mean "${hint}"?` : '', atKey);
}

/** Checks every element of a list of ids. */
function expectIds(list: unknown, ids: string[], what: string, path: TreePath, sink: ProblemSink): void {
  if (Array.isArray(list)) list.forEach((id, i) => expectId(id, ids, what, [...path, i], sink));
}

/** Checks the keys of a map keyed by region id. */
function expectRegionKeys(map: unknown, regions: string[], path: TreePath, sink: ProblemSink): void {
  for (const key of keysOf(map)) expectId(key, regions, 'region', [...path, key], sink, true);
}

/** Checks a material's region keys, by-product host and pipeline regions. */
function checkMaterial(id: string, m: PlainMap, regions: string[], materials: string[], sink: ProblemSink): void {
  const base = ['materials', id];
  for (const stage of ['mining', 'processing', 'manufacturing', 'recycling']) {
    if (isPlainMap(m[stage])) expectRegionKeys(m[stage].capacityByRegion, regions, [...base, stage, 'capacityByRegion'], sink);
  }
  if (isPlainMap(m.demand)) expectRegionKeys(m.demand.byRegion, regions, [...base, 'demand', 'byRegion'], sink);
  if (isPlainMap(m.exploration)) {
    expectRegionKeys(m.exploration.prospectivityByRegion, regions, [...base, 'exploration', 'prospectivityByRegion'], sink);
  }
  expectId(m.byproductOf, materials.filter((x) => x !== id), 'host material (another material)', [...base, 'byproductOf'], sink);
  if (Array.isArray(m.pipeline)) {
    m.pipeline.forEach((p, i) => isPlainMap(p) && expectId(p.region, regions, 'region', [...base, 'pipeline', i, 'region'], sink));
  }
}

/**
 * Checks an event's material and region references and its times (`startYear` names the start's
 * calendar date). A price war's region must be the foreign actor's (`actor`): the engine charges its
 * cost to the actor's budget and spending.
 */
function checkEvent(id: string, e: PlainMap, regions: string[], materials: string[], startYear: number, actor: string | undefined, sink: ProblemSink): void {
  const base = ['events', id];
  expectId(e.material, materials, 'material', [...base, 'material'], sink);
  for (const key of ['exporter', 'importer', 'region', 'acquirer']) expectId(e[key], regions, 'region', [...base, key], sink);
  if (e.kind === 'priceManipulation' && actor !== undefined && typeof e.region === 'string' && regions.includes(e.region) && e.region !== actor) {
    sink.add([...base, 'region'], `the foreign actor's region (${actor}): a price war is the foreign actor's, paid from its budget`, quoteText(e.region));
  }
  for (const key of ['destinations', 'exporters', 'members']) expectIds(e[key], regions, 'region', [...base, key], sink);
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
  const regions = keysOf(tree.regions);
  const materials = keysOf(tree.materials);
  const government = isPlainMap(tree.government) ? tree.government : {};
  expectId(government.region, regions, 'region', ['government', 'region'], sink);
  // Index only with a string: a map with its own `toString` key throws when used as a property key.
  const homeId = typeof government.region === 'string' ? government.region : undefined;
  const home = isPlainMap(tree.regions) && homeId !== undefined ? tree.regions[homeId] : undefined;
  if (isPlainMap(home) && typeof home.alignment === 'string' && home.alignment !== 'home') {
    sink.add(['government', 'region'], 'a region with alignment home', `${quoteText(homeId as string)} (alignment ${shortenText(home.alignment)})`);
  }
  if (isPlainMap(tree.foreignActor)) expectId(tree.foreignActor.region, regions, 'region', ['foreignActor', 'region'], sink);
  const actor = isPlainMap(tree.foreignActor) && typeof tree.foreignActor.region === 'string' ? tree.foreignActor.region : undefined;
  for (const id of materials) {
    const m = (tree.materials as PlainMap)[id];
    if (isPlainMap(m)) checkMaterial(id, m, regions, materials, sink);
  }
  for (const [id, e] of Object.entries(isPlainMap(tree.events) ? tree.events : {})) {
    if (isPlainMap(e)) checkEvent(id, e, regions, materials, typeof tree.startYear === 'number' ? tree.startYear : NaN, actor, sink);
  }
}
