import type { StockpileEvent } from '../spec.ts';
import { NO_RELEASE, RELEASE_ON_PRICE_SPIKE, RELEASE_ON_SHORTAGE, STEADY_RELEASE, STOCKPILE_FORMS, stockpileForm, type World } from '../world/world.ts';
import { hashUniform } from '../random/hashUniform.ts';

/**
 * Phase 3: the home government. Elections every `electionEveryYears`: each reversible policy in
 * force is reversed with `reversalProbability` (its effects stop from the next tick). The skilled
 * workforce grows by graduates (plus programmes past their lag) and shrinks by attrition. Stockpiles
 * buy towards `targetDays` of consumption (at most `maxBuyShare` of a tick's consumption per tick,
 * while the price is at most 1.5× base and the budget lasts) and release: every doctrine when the
 * region's shortfall last tick exceeded `releaseShortfallShare` of its demand (up to that shortfall);
 * daysOfConsumption also when the price exceeds `releasePriceMultiple` × base (default 1.5; a tick's consumption per tick); the release
 * doctrine sells the stock down at up to `maxBuyShare` of consumption per tick while it lasts. Each
 * offer's reason (shortage, price spike, steady release) goes to `chain.stockpileOfferTrigger`, for
 * settlement to book what sells by trigger.
 */
export function advanceGovernment(world: World): void {
  holdElection(world);
  advanceWorkforce(world);
  planStockpiles(world);
}

function holdElection(world: World): void {
  const government = world.government;
  if (world.tick !== government.nextElectionTick) return;
  government.nextElectionTick += Math.max(1, Math.round(world.spec.government.electionEveryYears * world.ticksPerYear));
  government.elections++;
  const { events, eventState } = world;
  for (let e = 0; e < events.length; e++) {
    const event = events[e];
    // Only a policy acting this tick can be reversed: not one that ended, or lapsed with its budget spent.
    if (eventState.inForce[e] === 0 || !event.reversible) continue;
    if (hashUniform(world.keys.elections, government.elections, world.identities.events[e], 0) < world.spec.government.reversalProbability) eventState.reversedAtTick[e] = world.tick;
  }
}

function advanceWorkforce(world: World): void {
  const state = world.regionState;
  for (let r = 0; r < world.regions; r++) {
    const attrition = world.spec.regions[r].attritionPerYear * state.engineers[r];
    state.engineers[r] += (state.graduatesPerYear[r] + state.programmeGraduatesPerYear[r] - attrition) / world.ticksPerYear;
    state.programmeGraduatesPerYear[r] = 0;
  }
}

/** Daily consumption of refined material in a region, from its end users' base demand, t/day. */
export function dailyConsumptionTonnes(world: World, m: number, r: number): number {
  const yearly = world.spec.materials[m].demand.byRegion[world.spec.regions[r].id] ?? 0;
  return (yearly * world.effective.demandMultiplier[m * world.regions + r]) / 365;
}

/** Default of a days-of-consumption stockpile's `releasePriceMultiple`: the price over base above which it sells into the market. Assumption. */
export const STABILISATION_PRICE_MULTIPLE = 1.5;
/** Price over base above which no stockpile buys. Assumption. */
export const BUY_PRICE_CEILING_MULTIPLE = 1.5;

function planStockpiles(world: World): void {
  const { markets, regions: R, materials: M } = world;
  for (let m = 0; m < M; m++) {
    for (let r = 0; r < R; r++) {
      for (let form = 0; form < STOCKPILE_FORMS; form++) {
        const s = (m * 3 + 1 + form) * R + r;
        markets.stockpileBidTonnes[s] = 0;
        markets.stockpileOfferTonnes[s] = 0;
        world.chain.stockpileOfferTrigger[form * M * R + m * R + r] = NO_RELEASE;
        const e = world.effective.stockpileEvent[form * M * R + m * R + r];
        if (e >= 0) planStockpile(world, world.events[e].spec as StockpileEvent, e, form, m, r);
      }
    }
  }
}

/**
 * One stockpile's order this tick in its market s: release (doctrine `release`; on shortfall; into a
 * price spike for daysOfConsumption) or buy towards its target. A refined stockpile reads the shortfall
 * of the region's refined and component buyers, a component stockpile that of its component buyers.
 */
function planStockpile(world: World, event: StockpileEvent, e: number, form: number, m: number, r: number): void {
  const { markets, flows, regions: R, materials: M } = world;
  const s = (m * 3 + 1 + form) * R + r;
  const held = world.chain.stockpileTonnes[form * M * R + m * R + r];
  const trigger = world.chain.stockpileOfferTrigger;
  const perTick = (dailyConsumptionTonnes(world, m, r) * 365) / world.ticksPerYear;
  const demandLastTick = (form === 0 ? flows.demandTonnes[(1 * M + m) * R + r] : 0) + flows.demandTonnes[(2 * M + m) * R + r];
  const unmetLastTick = (form === 0 ? flows.unmetTonnes[(1 * M + m) * R + r] : 0) + flows.unmetTonnes[(2 * M + m) * R + r];
  if (event.doctrine === 'release') {
    markets.stockpileOfferTonnes[s] = Math.min(held, event.maxBuyShare * perTick);
    trigger[form * M * R + m * R + r] = STEADY_RELEASE;
    return;
  }
  const price = markets.priceUsdPerTonne[s];
  const short = demandLastTick > 0 && unmetLastTick > event.releaseShortfallShare * demandLastTick;
  if (short) {
    markets.stockpileOfferTonnes[s] = Math.min(held, unmetLastTick);
    trigger[form * M * R + m * R + r] = RELEASE_ON_SHORTAGE;
    return;
  }
  // A days-of-consumption stockpile also stabilises the market: it sells into a price spike, a
  // week's consumption at a time, keeping the buyers' cover; a shortfall stockpile waits for shortage.
  if (event.doctrine === 'daysOfConsumption' && price > event.releasePriceMultiple * markets.basePriceUsdPerTonne[s]) {
    markets.stockpileOfferTonnes[s] = Math.min(held, perTick);
    trigger[form * M * R + m * R + r] = RELEASE_ON_PRICE_SPIKE;
    return;
  }
  const target = event.targetDays * dailyConsumptionTonnes(world, m, r);
  if (held >= target || price > BUY_PRICE_CEILING_MULTIPLE * markets.basePriceUsdPerTonne[s]) return;
  const affordable = world.eventState.budgetLeftUsd[e] / price;
  markets.stockpileBidTonnes[s] = Math.max(0, Math.min(target - held, event.maxBuyShare * perTick, affordable));
}

/** Creates stockpiles already held at the start (`initialDays`), as part of the initial stocks. */
export function initialiseStockpiles(world: World): void {
  for (const event of world.events) {
    const spec = event.spec;
    if (spec.kind !== 'stockpile' || !spec.initialDays) continue;
    const m = world.spec.materials.findIndex((x) => x.id === spec.material);
    const r = world.spec.regions.findIndex((x) => x.id === spec.region);
    const yearly = world.spec.materials[m].demand.byRegion[spec.region] ?? 0;
    world.chain.stockpileTonnes[(stockpileForm(spec.stage) * world.materials + m) * world.regions + r] += (spec.initialDays * yearly) / 365;
  }
}
