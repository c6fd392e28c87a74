import type { EventSpec, ScenarioSpec } from '../spec.ts';
import { CAPACITY_STAGE_INDEX, TRADED_STAGE_INDEX } from './indexOf.ts';

/**
 * An event's ids resolved to indices once, when the scenario is compiled, so that applying an
 * active event each tick compares and allocates nothing (no id lookups, no lists of members).
 */
export interface EventIndices {
  /** Index of the event's `material`; −1 when it names none (every material). */
  readonly material: number;
  /**
   * Index of the region the event acts in or from: the exporter of an export control or technology
   * ban, the importer of a tariff, else `region`; −1 when it names none (a demand shock on every region).
   */
  readonly region: number;
  /** Index of a mine acquisition's acquirer; −1 for other kinds. */
  readonly acquirer: number;
  /** Market index k of a traded `stage` (mining 0, processing 1, manufacturing 2); −1 otherwise. */
  readonly tradedStage: number;
  /** Code of a capacity `stage` (mining … recycling 0–3); −1 when the event names none. */
  readonly capacityStage: number;
  /** A friend-shoring agreement's members as region indices, in the listed order (empty otherwise). */
  readonly members: Int32Array;
  /**
   * Per region, 1 when the event reaches it: an export control's `destinations`, a tariff's
   * `exporters` (1 everywhere when the list is omitted or the kind has none).
   */
  readonly reaches: Uint8Array;
}

/** Index of `id` in `items` (ids are validated at load time; an unknown id is a programming error). */
function indexOfId(items: readonly { id: string }[], id: string, what: string): number {
  const index = items.findIndex((item) => item.id === id);
  if (index < 0) throw new Error(`unknown ${what} "${id}"`);
  return index;
}

/** The region an event acts in or from (see {@link EventIndices.region}), or undefined. */
function mainRegionId(event: EventSpec): string | undefined {
  if (event.kind === 'exportControl' || event.kind === 'technologyBan') return event.exporter;
  if (event.kind === 'tariff') return event.importer;
  return 'region' in event ? event.region : undefined;
}

/** Resolves an event's material, region, stage and member ids against the scenario (see {@link EventIndices}). */
export function resolveEventIndices(event: EventSpec, spec: ScenarioSpec): EventIndices {
  const region = (id: string) => indexOfId(spec.regions, id, 'region');
  const materialId = 'material' in event ? event.material : undefined;
  const regionId = mainRegionId(event);
  const stage = 'stage' in event ? event.stage : undefined;
  const listed = event.kind === 'exportControl' ? event.destinations : event.kind === 'tariff' ? event.exporters : undefined;
  const reaches = new Uint8Array(spec.regions.length).fill(listed === undefined ? 1 : 0);
  for (const id of listed ?? []) reaches[region(id)] = 1;
  return {
    material: materialId === undefined ? -1 : indexOfId(spec.materials, materialId, 'material'),
    region: regionId === undefined ? -1 : region(regionId),
    acquirer: event.kind === 'mineAcquisition' ? region(event.acquirer) : -1,
    tradedStage: stage !== undefined && stage in TRADED_STAGE_INDEX ? TRADED_STAGE_INDEX[stage as keyof typeof TRADED_STAGE_INDEX] : -1,
    capacityStage: stage === undefined ? -1 : CAPACITY_STAGE_INDEX[stage],
    members: Int32Array.from(event.kind === 'friendShoring' ? event.members.map(region) : []),
    reaches,
  };
}
