import type { World } from './world.ts';
import { ALLY, HOME } from './world.ts';
import { stageSpecOf } from './populateFirms.ts';

/** Weeks → ticks for this world. */
export function weeksToTicks(world: World, weeks: number): number {
  return (weeks * world.ticksPerYear) / 52;
}

/**
 * Puts a new world in a steady state consistent with its base prices: firms produce their share of
 * demand, hold their target stocks, and trade pipelines are full. Without it every run would open
 * with a transient (importers empty for the first transport lead time) that looks like a shock.
 */
export function initialiseSteadyState(world: World): void {
  const { spec, regions: R } = world;
  // A plain loop, not a forEach callback: a CPU profile of world creation then names this function, not "(anonymous)".
  for (let m = 0; m < spec.materials.length; m++) {
    const material = spec.materials[m];
    const demand = new Float64Array(R);
    const recycled = new Float64Array(R);
    for (let r = 0; r < R; r++) demand[r] = (material.demand.byRegion[spec.regions[r].id] ?? 0) / world.ticksPerYear;
    const recycling = material.recycling;
    const vintage = Math.pow(1 + material.demand.growthPerYear, -recycling.productLifetimeYears);
    for (let r = 0; r < R; r++) {
      const collected = demand[r] * vintage * recycling.collectionShare * recycling.yield;
      recycled[r] = Math.min(cellCapacity(world, 3, m, r), collected);
    }
    const totalDemand = sum(demand);
    const refinedNeed = Math.max(0, totalDemand - sum(recycled));
    const stageOutput = [refinedNeed / material.processing.yield, refinedNeed, totalDemand];
    const production: Float64Array[] = [0, 1, 2].map((stage) => allocateByCapacity(world, stage, m, stageOutput[stage]));
    production.push(recycled);
    for (let stage = 0; stage < 4; stage++) setFirmFlows(world, stage, m, production[stage]);
    const localDemand = [
      production[1].map((q) => q / material.processing.yield),
      production[2],
      demand,
    ];
    const localSupply = [production[0], production[1].map((q, r) => q + recycled[r]), production[2]];
    for (let k = 0; k < 3; k++) fillTradePipelines(world, m, k, localSupply[k], localDemand[k]);
  }
}

function sum(values: Float64Array): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total;
}

function cellCapacity(world: World, stage: number, m: number, r: number): number {
  const store = world.stores[stage];
  const c = m * world.regions + r;
  let capacity = 0;
  for (let f = store.cellStart[c], end = f + store.cellUsedSlots[c]; f < end; f++) {
    if (store.alive[f] === 1) capacity += store.capacityTonnesPerTick[f];
  }
  return capacity;
}

/** Splits a stage's total output over regions in proportion to capacity (capped at capacity). */
function allocateByCapacity(world: World, stage: number, m: number, total: number): Float64Array {
  const out = new Float64Array(world.regions);
  let capacity = 0;
  for (let r = 0; r < world.regions; r++) capacity += cellCapacity(world, stage, m, r);
  if (capacity <= 0) return out;
  const utilisation = Math.min(1, total / capacity);
  for (let r = 0; r < world.regions; r++) out[r] = cellCapacity(world, stage, m, r) * utilisation;
  return out;
}

/** Gives each firm of (stage, m) its share of the region's output as expected sales, and target stocks. */
function setFirmFlows(world: World, stage: number, m: number, output: Float64Array): void {
  const store = world.stores[stage];
  const stageSpec = stageSpecOf(world.spec.materials[m], stage);
  const coverTicks = weeksToTicks(world, stageSpec.inventoryTargetWeeks);
  for (let r = 0; r < world.regions; r++) {
    const capacity = cellCapacity(world, stage, m, r);
    if (capacity <= 0) continue;
    const c = m * world.regions + r;
    // As if the steady state had run the tick before: by-product miners read their host's output of the last tick.
    world.flows.productionTonnes[(stage * world.materials + m) * world.regions + r] = output[r];
    for (let f = store.cellStart[c], end = f + store.cellUsedSlots[c]; f < end; f++) {
      if (store.alive[f] === 0) continue;
      const sales = (output[r] * store.capacityTonnesPerTick[f]) / capacity;
      store.expectedSalesTonnesPerTick[f] = sales;
      store.outputInventoryTonnes[f] = sales * coverTicks;
      // One tick of use on top of the target: production draws it down before orders are placed.
      store.inputInventoryTonnes[f] = stage === 1 || stage === 2 ? (sales / stageSpec.yield) * (coverTicks + 1) : 0;
    }
  }
}

/**
 * Fills traders' pipelines for market k of material m: each deficit region imports its gap from the
 * surplus regions in proportion to their surplus; transit slots and terminal stocks start full.
 */
function fillTradePipelines(world: World, m: number, k: number, supply: Float64Array, demand: Float64Array): void {
  const R = world.regions;
  const markets = world.markets;
  let totalSurplus = 0;
  let alliedSurplus = 0;
  for (let r = 0; r < R; r++) {
    const surplus = Math.max(0, supply[r] - demand[r]);
    totalSurplus += surplus;
    const alignment = world.regionState.alignment[r];
    if (alignment === HOME || alignment === ALLY) alliedSurplus += surplus;
  }
  if (totalSurplus <= 0) return;
  const sellerStage = k === 0 ? 0 : k === 1 ? 1 : 2;
  const coverTicks = weeksToTicks(world, stageSpecOf(world.spec.materials[m], sellerStage).inventoryTargetWeeks);
  for (let d = 0; d < R; d++) {
    const need = Math.max(0, demand[d] - supply[d]);
    const s = (m * 3 + k) * R + d;
    markets.importNeedTonnesPerTick[s] = need;
    if (need <= 0) continue;
    const alliedShare = alliedSurplus / totalSurplus;
    for (let slot = 0; slot < world.transportTicks; slot++) {
      markets.transitAlliedTonnes[s * markets.transitSlots + slot] = need * alliedShare;
      markets.transitOtherTonnes[s * markets.transitSlots + slot] = need * (1 - alliedShare);
    }
    markets.terminalAlliedTonnes[s] = need * coverTicks * alliedShare;
    markets.terminalOtherTonnes[s] = need * coverTicks * (1 - alliedShare);
    for (let r = 0; r < R; r++) {
      const surplus = Math.max(0, supply[r] - demand[r]);
      markets.exportEmaTonnesPerTick[(m * 3 + k) * R + r] += (need * surplus) / totalSurplus;
      markets.routeExportEmaTonnesPerTick[((m * 3 + k) * R + r) * R + d] = (need * surplus) / totalSurplus;
    }
  }
}
