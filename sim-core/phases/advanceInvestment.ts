import type { World } from '../world/world.ts';
import { ADVERSARY } from '../world/world.ts';
import { stageSpecOf } from '../world/populateFirms.ts';
import { addProject, MAX_PLANT_WORLD_SHARE, PHASE_CONSTRUCTION, PHASE_PERMITTING, RAMPED_PLANT } from '../world/projectStore.ts';
import { evaluateInvestment } from './evaluateInvestment.ts';
import { hashUniform } from '../random/hashUniform.ts';
import { firmKeyOf } from '../world/firmStore.ts';
import { payProjectCapex } from './payProjectCapex.ts';
import { sumCellFirms } from '../world/firmTotals.ts';
import { engineersNeeded, hasEngineersForExpansion } from './engineersNeeded.ts';

/** Chance per review that a firm with a positive NPV and high utilisation commits to an expansion. */
const EXPANSION_PROBABILITY = 0.25;
/** Juniors weigh price risk at half the majors' aversion (they are more risk-tolerant, less well financed). Assumption. */
const JUNIOR_RISK_MULTIPLIER = 0.5;
/** Sales over capacity above which a firm considers expanding. */
const EXPANSION_UTILISATION = 0.85;

/**
 * Phase 12: investment, entry and exit, at every `investmentReviewWeeks`. Each firm whose sales,
 * grown at the material's demand growth over the lead time, would use more than 85% of its capacity
 * (with expansions under way) and whose NPV is positive (see evaluateInvestment; majors use the major
 * hurdle rate) may commit to a brownfield expansion (at least `expansionStep` × capacity, enough to
 * serve the projected sales at 85%), built over `expansionLeadYears`, if the region has the engineers
 * it needs free (engineersPerProject; scaled by its size under behaviour.engineersSizeExponent); the firm pays its capex at once (less any subsidy), and a junior only
 * if its cash covers it, while majors borrow against their balance sheet. Outside the
 * adversary, a cell whose entrant NPV is positive gets a greenfield plant project (processing,
 * manufacturing, recycling; mines come from discoveries), sized to its region's industry and coming
 * on stream in tranches (behaviour.greenfieldPlant*, greenfieldRamp*; G30). Every tick, firms with losses for
 * `exitAfterLossWeeks` exit, handing their stocks to the largest firm left in their cell.
 */
export function advanceInvestment(world: World): void {
  retireLossMakers(world);
  const reviewTicks = Math.max(1, Math.round((world.spec.behaviour.investmentReviewWeeks * world.ticksPerYear) / 52));
  if (world.tick % reviewTicks !== reviewTicks - 1) return;
  for (let stage = 0; stage < 4; stage++) {
    expandFirms(world, stage);
    if (stage > 0) startGreenfieldPlants(world, stage);
  }
}

function expandFirms(world: World, stage: number): void {
  const store = world.stores[stage];
  const behaviour = world.spec.behaviour;
  const building = world.regionState.projectsUnderConstruction;
  const inUse = world.regionState.engineersInUse;
  for (let m = 0; m < world.materials; m++) {
    const leadYears = stageSpecOf(world.spec.materials[m], stage).expansionLeadYears;
    // Sponsors plan for the market they will serve when the capacity arrives, not today's.
    const growth = Math.pow(1 + world.spec.materials[m].demand.growthPerYear, leadYears);
    for (let r = 0; r < world.regions; r++) {
      // NPV is linear in the unit cost, so two evaluations per cell and hurdle give every firm's.
      const majorAtZero = evaluateInvestment(world, stage, m, r, 0, behaviour.hurdleRateMajor);
      const majorSlope = majorAtZero - evaluateInvestment(world, stage, m, r, 1, behaviour.hurdleRateMajor);
      const juniorAtZero = evaluateInvestment(world, stage, m, r, 0, behaviour.hurdleRateJunior, JUNIOR_RISK_MULTIPLIER);
      const juniorSlope = juniorAtZero - evaluateInvestment(world, stage, m, r, 1, behaviour.hurdleRateJunior, JUNIOR_RISK_MULTIPLIER);
      const capexPerTonnePerTick = stageSpecOf(world.spec.materials[m], stage).capexUsdPerTonnePerYear * world.ticksPerYear;
      const c = m * world.regions + r;
      for (let f = store.cellStart[c], end = f + store.cellUsedSlots[c]; f < end; f++) {
        if (store.alive[f] === 0) continue;
        const projectedSales = store.expectedSalesTonnesPerTick[f] * growth;
        const plannedCapacity = store.capacityTonnesPerTick[f] + store.pipelineCapacityTonnesPerTick[f];
        if (projectedSales < EXPANSION_UTILISATION * plannedCapacity) continue;
        const npv = store.isMajor[f] === 1 ? majorAtZero - majorSlope * store.unitCostUsdPerTonne[f] : juniorAtZero - juniorSlope * store.unitCostUsdPerTonne[f];
        if (npv <= 0 || hashUniform(world.keys.expansions, world.tick, stage, firmKeyOf(store, c, f)) >= EXPANSION_PROBABILITY) continue;
        const added = Math.max(behaviour.expansionStep * store.capacityTonnesPerTick[f], projectedSales / EXPANSION_UTILISATION - plannedCapacity);
        // Juniors have no balance sheet to borrow against: they build only what their cash pays for.
        if (store.isMajor[f] === 0 && store.cashUsd[f] < added * capexPerTonnePerTick) continue;
        // Every project under construction needs engineers: the region's workforce caps the pace.
        const need = engineersNeeded(world, stage, m, added);
        if (!hasEngineersForExpansion(world, r, need)) continue;
        addProject(world.projects, m, r, stage, added, PHASE_CONSTRUCTION, leadYears * world.ticksPerYear, f);
        store.pipelineCapacityTonnesPerTick[f] += added;
        building[r]++;
        inUse[r] += need;
        payProjectCapex(world, stage, m, r, added, f);
      }
    }
  }
}

function startGreenfieldPlants(world: World, stage: number): void {
  const { regions: R, materials: M } = world;
  const behaviour = world.spec.behaviour;
  const pending = markPendingPlants(world, stage);
  for (let m = 0; m < M; m++) {
    const stageSpec = stageSpecOf(world.spec.materials[m], stage);
    let worldCapacity = 0;
    for (const id in stageSpec.capacityByRegion) worldCapacity += stageSpec.capacityByRegion[id];
    for (let r = 0; r < R; r++) {
      // A plant started below is for this cell only, which the loop does not visit again.
      if (world.regionState.alignment[r] === ADVERSARY || pending[m * R + r] === 1) continue;
      if (evaluateInvestment(world, stage, m, r, stageSpec.unitCostUsdPerTonne, behaviour.hurdleRateJunior) <= 0) continue;
      const factor = stage === 3 ? behaviour.recyclingLeadFactor : behaviour.processingLeadFactor;
      const permitting = behaviour.greenfield.permittingYears * factor * world.ticksPerYear;
      const size = greenfieldPlantTonnesPerYear(world, worldCapacity, stageSpec.capacityByRegion[world.spec.regions[r].id] ?? 0);
      addProject(world.projects, m, r, stage, size / world.ticksPerYear, PHASE_PERMITTING, permitting, world.spec.behaviour.greenfieldRampTranches > 1 ? RAMPED_PLANT : -1);
    }
  }
}

/**
 * A greenfield plant's size, t/yr: min(5%, max(greenfieldPlantMinWorldShare, greenfieldPlantCellShare
 * × cell ÷ world)) of the stage's world capacity, both capacities the scenario's starting ones (G30:
 * at 5% of the world, a US plant more than doubled US graphite manufacturing in one week).
 */
function greenfieldPlantTonnesPerYear(world: World, worldCapacity: number, cellCapacity: number): number {
  const { greenfieldPlantCellShare: cellShare, greenfieldPlantMinWorldShare: minShare } = world.spec.behaviour;
  return Math.min(MAX_PLANT_WORLD_SHARE * worldCapacity, Math.max(minShare * worldCapacity, cellShare * cellCapacity));
}

/**
 * Marks, per cell m × R + r, whether a greenfield plant (no target firm) of `stage` is in the
 * pipeline: one pass over the projects for all cells (the pipeline holds thousands of projects in
 * large worlds).
 */
function markPendingPlants(world: World, stage: number): Uint8Array {
  const p = world.projects;
  const pending = world.scratch.pendingPlant;
  pending.fill(0);
  // Stop once every active project has been seen.
  for (let i = 0, seen = 0; seen < p.activeCount && i < p.slots; i++) {
    if (p.active[i] === 0) continue;
    seen++;
    if (p.stage[i] === stage && (p.targetFirm[i] === -1 || p.targetFirm[i] === RAMPED_PLANT)) pending[p.material[i] * world.regions + p.region[i]] = 1;
  }
  return pending;
}

function retireLossMakers(world: World): void {
  // At least one tick: a limit that rounds to 0 would retire every firm, profitable or not.
  const limit = Math.max(1, Math.round((world.spec.behaviour.exitAfterLossWeeks * world.ticksPerYear) / 52));
  for (let stage = 0; stage < 4; stage++) {
    // Settlement noted the longest loss streak: most ticks no firm of the stage is near the limit.
    if (world.firmTotals.longestLossStreakTicks[stage] < limit) continue;
    const store = world.stores[stage];
    for (let c = 0; c < world.materials * world.regions; c++) {
      for (let f = store.cellStart[c], end = f + store.cellUsedSlots[c]; f < end; f++) {
        if (store.alive[f] === 1 && store.lossStreakTicks[f] >= limit) retireFirm(world, stage, c, f);
      }
    }
  }
}

/** Firm f of cell c exits (losses for too long), handing stocks, books and expected sales to the cell's largest other firm. */
function retireFirm(world: World, stage: number, c: number, f: number): void {
  const store = world.stores[stage];
  const heir = largestOtherFirm(world, stage, c, f);
  if (heir < 0) return; // the last firm of a cell stays, idle, rather than strand its stocks
  store.alive[f] = 0;
  store.outputInventoryTonnes[heir] += store.outputInventoryTonnes[f];
  store.inputInventoryTonnes[heir] += store.inputInventoryTonnes[f];
  store.outputInventoryTonnes[f] = 0;
  store.inputInventoryTonnes[f] = 0;
  store.capacityTonnesPerTick[f] = 0;
  store.cashUsd[heir] += store.cashUsd[f]; // the heir takes over the books too, so no money vanishes
  store.cashUsd[f] = 0;
  store.pipelineCapacityTonnesPerTick[f] = 0;
  store.expectedSalesTonnesPerTick[heir] += store.expectedSalesTonnesPerTick[f];
  store.expectedSalesTonnesPerTick[f] = 0;
  world.exits[stage * world.regions + (c % world.regions)]++;
  sumCellFirms(world, stage, c);
}

function largestOtherFirm(world: World, stage: number, c: number, f: number): number {
  const store = world.stores[stage];
  let best = -1;
  for (let g = store.cellStart[c], end = g + store.cellUsedSlots[c]; g < end; g++) {
    if (g !== f && store.alive[g] === 1 && (best < 0 || store.capacityTonnesPerTick[g] > store.capacityTonnesPerTick[best])) best = g;
  }
  return best;
}
