import type { World } from './world.ts';

/** Capacity stage name → code. */
export const CAPACITY_STAGE_INDEX = { mining: 0, processing: 1, manufacturing: 2, recycling: 3 } as const;
/** Traded stage name (the producing stage) → market index k. */
export const TRADED_STAGE_INDEX = { mining: 0, processing: 1, manufacturing: 2 } as const;

/** Index of a material id (ids are validated at load time; an unknown id is a programming error). */
export function materialIndex(world: World, id: string): number {
  const index = world.spec.materials.findIndex((m) => m.id === id);
  if (index < 0) throw new Error(`unknown material "${id}"`);
  return index;
}

/** Index of a region id. */
export function regionIndexOf(world: World, id: string): number {
  const index = world.spec.regions.findIndex((r) => r.id === id);
  if (index < 0) throw new Error(`unknown region "${id}"`);
  return index;
}
