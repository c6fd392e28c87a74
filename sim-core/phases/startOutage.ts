import type { World } from '../world/world.ts';
import { hashUniform } from '../random/hashUniform.ts';
import { firmKeyOf } from '../world/firmStore.ts';

/**
 * Takes a share of a stage's facilities in one region offline for `downtimeTicks` (cyberattacks).
 * Each live facility is hit independently with probability `facilityShare`; when none is drawn the
 * largest is hit, so a scripted attack always lands (at coarse resolution this makes the hit share
 * larger than `facilityShare`).
 * @param material - material index, or null for every material
 * @param attackId - identifies the attack, so each facility's draw is fixed by (replicate, attack, facility)
 */
export function startOutage(world: World, stage: number, region: number, material: number | null, facilityShare: number, downtimeTicks: number, attackId: number): void {
  const store = world.stores[stage];
  let hits = 0;
  let largest = -1;
  for (let m = 0; m < world.materials; m++) {
    if (material !== null && m !== material) continue;
    const c = m * world.regions + region;
    for (let f = store.cellStart[c], end = f + store.cellUsedSlots[c]; f < end; f++) {
      if (store.alive[f] === 0) continue;
      if (largest < 0 || store.capacityTonnesPerTick[f] > store.capacityTonnesPerTick[largest]) largest = f;
      if (hashUniform(world.keys.outages, attackId, firmKeyOf(store, c, f), 0) < facilityShare) {
        store.downtimeTicks[f] = downtimeAfter(world, store.downtimeTicks[f], downtimeTicks);
        hits++;
      }
    }
  }
  if (hits === 0 && largest >= 0 && facilityShare > 0) store.downtimeTicks[largest] = downtimeAfter(world, store.downtimeTicks[largest], downtimeTicks);
}

/**
 * A facility's downtime after a new outage: the longer of the two, capped at the horizon (the
 * facility is down to the end of the run either way, and the cap fits the Uint16 column).
 */
function downtimeAfter(world: World, current: number, outageTicks: number): number {
  return Math.min(Math.max(current, outageTicks), world.ticks);
}
