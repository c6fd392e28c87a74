import type { StockpileEvent } from '../spec.ts';
import type { World } from '../world/world.ts';
import { hashUniform } from '../random/hashUniform.ts';

/**
 * Phase 3: the home government. Elections every `electionEveryYears`: each reversible policy in
 * force is reversed with `reversalProbability` (its effects stop from the next tick). The skilled
 * workforce grows by graduates (plus programmes past their lag) and shrinks by attrition. Stockpile
 * doctrines place bids (buy towards `targetDays` of consumption, daysOfConsumption doctrine only,
 * while the price is at most twice its base and the budget lasts) and offers (release when the
 * region's refined shortfall last tick exceeded `releaseShortfallShare` of its demand; the release
 * doctrine sells the stock down at up to `maxBuyShare` of consumption per tick while it lasts).
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
    const active = eventState.started[e] === 1 && eventState.reversedAtTick[e] < 0 && world.tick < event.endTick;
    if (!active || !event.reversible) continue;
    if (hashUniform(world.keys.elections, government.elections, e, 0) < world.spec.government.reversalProbability) eventState.reversedAtTick[e] = world.tick;
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

function planStockpiles(world: World): void {
  const { markets, chain, effective, flows, regions: R, materials: M } = world;
  for (let m = 0; m < M; m++) {
    for (let r = 0; r < R; r++) {
      const c = m * R + r;
      const s = (m * 3 + 1) * R + r;
      markets.stockpileBidTonnes[s] = 0;
      markets.stockpileOfferTonnes[s] = 0;
      const e = effective.stockpileEvent[c];
      if (e < 0) continue;
      const event = world.events[e].spec as StockpileEvent;
      const perTick = (dailyConsumptionTonnes(world, m, r) * 365) / world.ticksPerYear;
      const demandLastTick = flows.demandTonnes[(1 * M + m) * R + r] + flows.demandTonnes[(2 * M + m) * R + r];
      const unmetLastTick = flows.unmetTonnes[(1 * M + m) * R + r] + flows.unmetTonnes[(2 * M + m) * R + r];
      if (event.doctrine === 'release') {
        markets.stockpileOfferTonnes[s] = Math.min(chain.stockpileTonnes[c], event.maxBuyShare * perTick);
        continue;
      }
      if (demandLastTick > 0 && unmetLastTick > event.releaseShortfallShare * demandLastTick) {
        markets.stockpileOfferTonnes[s] = Math.min(chain.stockpileTonnes[c], unmetLastTick);
        continue;
      }
      if (event.doctrine !== 'daysOfConsumption') continue;
      const target = event.targetDays * dailyConsumptionTonnes(world, m, r);
      const price = markets.priceUsdPerTonne[s];
      if (chain.stockpileTonnes[c] >= target || price > 2 * markets.basePriceUsdPerTonne[s]) continue;
      const affordable = world.eventState.budgetLeftUsd[e] / price;
      markets.stockpileBidTonnes[s] = Math.max(0, Math.min(target - chain.stockpileTonnes[c], event.maxBuyShare * perTick, affordable));
    }
  }
}

/** Creates stockpiles already held at the start (`initialDays`), as part of the initial stocks. */
export function initialiseStockpiles(world: World): void {
  for (const event of world.events) {
    const spec = event.spec;
    if (spec.kind !== 'stockpile' || !spec.initialDays) continue;
    const m = world.spec.materials.findIndex((x) => x.id === spec.material);
    const r = world.spec.regions.findIndex((x) => x.id === spec.region);
    const yearly = world.spec.materials[m].demand.byRegion[spec.region] ?? 0;
    world.chain.stockpileTonnes[m * world.regions + r] += (spec.initialDays * yearly) / 365;
  }
}
