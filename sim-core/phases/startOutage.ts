import type { CyberattackEvent } from '../spec.ts';
import type { World } from '../world/world.ts';
import { lognormalFromUniforms, poissonFromUniform } from '../random/distributions.ts';
import { hashUniform } from '../random/hashUniform.ts';
import { firmKeyOf } from '../world/firmStore.ts';
import { CAPACITY_STAGE_INDEX } from '../world/indexOf.ts';

/** Most attacks of one stochastic cyberattack event in one tick (a Poisson draw beyond it is truncated). */
const MAX_EVENT_ATTACKS_PER_TICK = 8;

/**
 * This tick's attacks of an active stochastic cyberattack event (scenario-targeted): a Poisson
 * number with mean `ratePerYear` / ticks per year, each on the event's stage, region and material
 * (all when omitted), hitting `facilityShare` of the facilities for a lognormal downtime with mean
 * `downtimeYears` and coefficient of variation `downtimeSpread`. Draws are counter-based on
 * (replicate's event-attack key, tick, event id, slot), and each facility's on (outage key, tick and
 * attack, facility, event id): deterministic, independent of other decisions and of other events;
 * nothing is allocated. Counted in `foreignActor.attacks`.
 * @param region - the event's region index (resolved when compiled)
 * @param material - its material index, or null for every material
 */
export function launchEventAttacks(world: World, event: CyberattackEvent, e: number, region: number, material: number | null): void {
  const key = world.keys.eventAttacks;
  const identity = world.identities.events[e];
  const attacks = poissonFromUniform(hashUniform(key, world.tick, identity, 0), (event.ratePerYear ?? 0) / world.ticksPerYear);
  if (attacks === 0) return;
  const stage = CAPACITY_STAGE_INDEX[event.stage];
  for (let j = 0; j < attacks && j < MAX_EVENT_ATTACKS_PER_TICK; j++) {
    const downtimeYears = lognormalFromUniforms(hashUniform(key, world.tick, identity, 1 + 2 * j), hashUniform(key, world.tick, identity, 2 + 2 * j),
      event.downtimeYears, event.downtimeSpread ?? 0);
    const attackId = world.tick * MAX_EVENT_ATTACKS_PER_TICK + j;
    startOutage(world, stage, region, material, event.facilityShare, Math.max(1, Math.round(downtimeYears * world.ticksPerYear)), attackId, identity);
    world.foreignActor.attacks++;
  }
}

/**
 * Takes a share of a stage's facilities in one region offline for `downtimeTicks` (cyberattacks).
 * Each live facility is hit independently with probability `facilityShare`; when none is drawn the
 * largest is hit, so a scripted attack always lands (at coarse resolution this makes the hit share
 * larger than `facilityShare`).
 * @param material - material index, or null for every material
 * @param attackId - identifies the attack among its source's, so each facility's draw is fixed by
 *   (replicate, attack, facility, source)
 * @param source - who attacks: 0 for the foreign actor's rules, else the event's identity key
 *   (IdentityKeys.events), so an event's attacks draw the same whatever other events exist
 */
export function startOutage(world: World, stage: number, region: number, material: number | null, facilityShare: number, downtimeTicks: number, attackId: number, source = 0): void {
  const store = world.stores[stage];
  let hits = 0;
  let largest = -1;
  for (let m = 0; m < world.materials; m++) {
    if (material !== null && m !== material) continue;
    const c = m * world.regions + region;
    for (let f = store.cellStart[c], end = f + store.cellUsedSlots[c]; f < end; f++) {
      if (store.alive[f] === 0) continue;
      if (largest < 0 || store.capacityTonnesPerTick[f] > store.capacityTonnesPerTick[largest]) largest = f;
      if (hashUniform(world.keys.outages, attackId, firmKeyOf(store, c, f), source) < facilityShare) {
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
