import type { ScenarioSpec, UncertaintySpec } from '../../sim-core/index.ts';
import type { FoundUncertainty } from './extractUncertainties.ts';
import type { PlainMap } from './locatedTree.ts';

/**
 * Entries of an id-keyed map as records carrying their key as `id`. The key wins over an `id` written
 * inside the entry: the loader checks references against the keys, so an entry's own `id` (a fuzzed
 * region's `id: 4.6e-202weeks`) gave the engine a region no reference named.
 */
function toList(map: unknown): PlainMap[] {
  return Object.entries(map as Record<string, PlainMap>).map(([id, entry]) => ({ ...entry, id }));
}

/** Events as a list sorted by (start, id). */
function sortedEvents(map: unknown): PlainMap[] {
  return toList(map).sort((a, b) => {
    const byStart = (a.start as number) - (b.start as number);
    return byStart !== 0 ? byStart : (a.id as string) < (b.id as string) ? -1 : a.id === b.id ? 0 : 1;
  });
}

/** Translates an authoring path (ids) into the spec path (indices) of the listed collections. */
function indexPath(path: FoundUncertainty['path'], index: Record<string, Map<string, number>>): string {
  const [head, id, ...rest] = path;
  if (typeof head === 'string' && index[head] && typeof id === 'string') {
    return [head, index[head].get(id), ...rest].join('.');
  }
  return path.join('.');
}

/**
 * Builds the engine's {@link ScenarioSpec} from a validated nominal tree: regions and materials in
 * file order, events sorted by (start, id), every map key becoming the entry's `id`; each
 * distribution becomes an uncertainty with its indexed path and its id label.
 */
export function buildSpec(nominal: PlainMap, found: FoundUncertainty[]): ScenarioSpec {
  const regions = toList(nominal.regions);
  const materials = toList(nominal.materials);
  const events = sortedEvents(nominal.events);
  const indexOf = (list: PlainMap[]) => new Map(list.map((e, i) => [e.id as string, i]));
  const index = { regions: indexOf(regions), materials: indexOf(materials), events: indexOf(events) };
  const uncertainties: UncertaintySpec[] = found.map((u) => ({
    path: indexPath(u.path, index),
    label: u.path.join('.'),
    distribution: u.distribution,
  }));
  // No description (none is inherited through extends): the engine's spec carries an empty one.
  return { ...nominal, description: nominal.description ?? '', regions, materials, events, uncertainties } as unknown as ScenarioSpec;
}
