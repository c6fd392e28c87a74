import type { World } from '../world/world.ts';
import { ADVERSARY, ALLY, HOME } from '../world/world.ts';
import { lognormalFromUniforms, poissonFromUniform } from '../random/distributions.ts';
import { hashUniform } from '../random/hashUniform.ts';

/** Most attacks drawn per stage and tick (a Poisson draw beyond it is truncated). */
const MAX_ATTACKS_PER_STAGE_TICK = 8;
import { startOutage } from './startOutage.ts';

const THREAT_STAGE_OF_CAPACITY_STAGE = ['mining', 'processing', 'manufacturing', 'recycling'] as const;

/**
 * Phase 2: the foreign actor acts by rule. Capability c and intent i (1–3) at a stage scale its
 * actions by c·i/9 (likelihood) and c/3 (strength):
 * - cyberattacks: Poisson arrivals at `cyberattacksPerYear` × c·i/9 per year and stage, each on a
 *   random material's facilities in a random home or allied region, downtime lognormal with mean `cyberDowntimeYears` × c/3;
 * - price war: at each investment review, when it is losing market share at a stage, i.e. rivals'
 *   capacity has grown by more than `priceWarTrigger` relative to its own since the start
 *   ((rivals/rivals₀)/(own/own₀) − 1 > trigger), it starts a one-year price war with probability i/3,
 *   while its budget lasts (growth that keeps shares leaves it at peace);
 * - retaliation: while the home government tariffs its refined exports, it imposes licensing on them
 *   with probability `retaliationPerYear` × c·i/9 per year, for one year.
 */
export function advanceForeignActor(world: World): void {
  // A measure decided here is in force from the next tick (the parameters of this one are set), for
  // ticksPerYear ticks: until = tick + 1 + ticksPerYear. One in force whose last tick is the next one
  // may be renewed now, so a renewed measure runs on without a gap.
  launchCyberattacks(world);
  if (world.tick % Math.max(1, Math.round((world.spec.behaviour.investmentReviewWeeks * world.ticksPerYear) / 52)) === 0) startPriceWars(world);
  retaliateAgainstTariffs(world);
}

function threatScore(world: World, stage: number): number {
  const threat = world.spec.foreignActor.threat[THREAT_STAGE_OF_CAPACITY_STAGE[stage]];
  return (threat.capability * threat.intent) / 9;
}

function launchCyberattacks(world: World): void {
  const rules = world.spec.foreignActor.rules;
  const key = world.keys.cyberattacks;
  const targets = world.scratch.targets;
  let targetCount = 0;
  for (let r = 0; r < world.regions; r++) {
    const alignment = world.regionState.alignment[r];
    if (alignment === HOME || alignment === ALLY) targets[targetCount++] = r;
  }
  if (targetCount === 0) return;
  for (let stage = 0; stage < 4; stage++) {
    const ratePerTick = (rules.cyberattacksPerYear * threatScore(world, stage)) / world.ticksPerYear;
    const attacks = poissonFromUniform(hashUniform(key, world.tick, stage, 0), ratePerTick);
    for (let j = 0; j < attacks && j < MAX_ATTACKS_PER_STAGE_TICK; j++) {
      const slot = 1 + 4 * j; // four counter-based draws per attack (no closure: no allocation in a tick)
      const region = targets[Math.floor(hashUniform(key, world.tick, stage, slot) * targetCount)];
      const material = Math.floor(hashUniform(key, world.tick, stage, slot + 1) * world.materials);
      const capability = world.spec.foreignActor.threat[THREAT_STAGE_OF_CAPACITY_STAGE[stage]].capability;
      const downtimeYears = lognormalFromUniforms(hashUniform(key, world.tick, stage, slot + 2), hashUniform(key, world.tick, stage, slot + 3),
        (rules.cyberDowntimeYears * capability) / 3, rules.cyberDowntimeSpread);
      const attackId = (world.tick * 4 + stage) * MAX_ATTACKS_PER_STAGE_TICK + j;
      startOutage(world, stage, region, material, rules.cyberFacilityShare, Math.max(1, Math.round(downtimeYears * world.ticksPerYear)), attackId);
      world.foreignActor.attacks++;
      world.foreignActor.cyberattacksThisTick[stage * world.materials + material]++;
    }
  }
}

function startPriceWars(world: World): void {
  const actor = world.foreignActor;
  const rules = world.spec.foreignActor.rules;
  if (actor.budgetLeftUsd <= 0) return;
  for (let stage = 0; stage < 3; stage++) {
    const intent = world.spec.foreignActor.threat[THREAT_STAGE_OF_CAPACITY_STAGE[stage]].intent;
    for (let m = 0; m < world.materials; m++) {
      const rivalsStart = actor.rivalsStartCapacity[stage * world.materials + m];
      const ownStart = actor.actorStartCapacity[stage * world.materials + m];
      if (rivalsStart <= 0 || ownStart <= 0 || actor.priceWarUntilTick[m * 3 + stage] > world.tick + 1) continue; // at war beyond next tick
      const own = liveCapacity(world, stage, m, true);
      if (own <= 0) continue; // nothing left of its own to sell in a price war
      const shareLoss = (liveCapacity(world, stage, m, false) / rivalsStart) / (own / ownStart) - 1;
      if (shareLoss > rules.priceWarTrigger && hashUniform(world.keys.priceWars, world.tick, stage, m) < intent / 3) {
        actor.priceWarUntilTick[m * 3 + stage] = world.tick + 1 + world.ticksPerYear;
      }
    }
  }
}

/** Live capacity of cell column (stage, m) in the adversary's regions (`adversary`) or in all others. */
function liveCapacity(world: World, stage: number, m: number, adversary: boolean): number {
  const store = world.stores[stage];
  let capacity = 0;
  for (let r = 0; r < world.regions; r++) {
    if ((world.regionState.alignment[r] === ADVERSARY) !== adversary) continue;
    const c = m * world.regions + r;
    for (let f = store.cellStart[c], end = f + store.cellUsedSlots[c]; f < end; f++) capacity += store.alive[f] * store.capacityTonnesPerTick[f];
  }
  return capacity;
}

function retaliateAgainstTariffs(world: World): void {
  const actor = world.foreignActor;
  const R = world.regions;
  const home = world.government.region;
  const probability = (world.spec.foreignActor.rules.retaliationPerYear * threatScore(world, 1)) / world.ticksPerYear;
  for (let m = 0; m < world.materials; m++) {
    if (actor.retaliationUntilTick[m] > world.tick + 1) continue; // in force beyond next tick
    let tariffed = false;
    for (let k = 0; k < 3; k++) if (world.effective.tariff[((m * 3 + k) * R + actor.region) * R + home] > 0) tariffed = true;
    if (tariffed && hashUniform(world.keys.retaliation, world.tick, m, 0) < probability) actor.retaliationUntilTick[m] = world.tick + 1 + world.ticksPerYear;
  }
}
