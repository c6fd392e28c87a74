import type { World } from '../world/world.ts';
import { ADVERSARY, CAPACITY_STAGE_NAMES } from '../world/world.ts';
import { lognormalFromUniforms, poissonFromUniform } from '../random/distributions.ts';
import { hashUniform } from '../random/hashUniform.ts';
import { addProject, removeProject, CELL_EXPANSION, PHASE_COMMISSIONING, PHASE_CONSTRUCTION, PHASE_FINANCING, PHASE_PERMITTING, RAMPED_PLANT } from '../world/projectStore.ts';
import { evaluateInvestment } from './evaluateInvestment.ts';
import { payProjectCapex } from './payProjectCapex.ts';
import { markSlotUsed } from '../world/firmStore.ts';
import { growFirmCell } from '../world/growFirmCell.ts';
import { engineersNeeded, hasEngineersForGreenfield } from './engineersNeeded.ts';

/** Years a project may wait for financing before it is abandoned. */
const FINANCING_PATIENCE_YEARS = 5;
/** Utilisation new capacity expects when it comes on stream. */
const NEW_CAPACITY_EXPECTED_USE = 0.8;
/** Coefficient of variation of discovered deposit sizes. */
const DEPOSIT_SIZE_CV = 1;

/**
 * Phase 4: discovery and the project pipeline. Explorers in each (material, region) spend
 * S = S_ref · (P̄/P₀) on exploration (expected concentrate price over base) and discover deposits at
 * Poisson rate λ = discoveriesPerYear · prospectivity · (S/S_ref)^spendElasticity per year; each
 * enters permitting with a lognormal size. Projects then move through permitting (speed set by
 * reform and disinformation), financing (waits while the sponsor's NPV is negative, abandoned after
 * five years), and construction (starts only while some of the region's engineers are free, each
 * project under construction taking engineersNeeded; speed set by technology bans). Done projects add capacity.
 */
export function advanceDiscovery(world: World): void {
  discoverDeposits(world);
  advancePipeline(world);
}

function discoverDeposits(world: World): void {
  const { spec, markets, regions: R } = world;
  const key = world.keys.discoveries;
  for (let m = 0; m < world.materials; m++) {
    const exploration = spec.materials[m].exploration;
    for (let r = 0; r < R; r++) {
      const s = m * 3 * R + r;
      const prospectivity = exploration.prospectivityByRegion[spec.regions[r].id] ?? 1;
      const spend = markets.longPriceUsdPerTonne[s] / markets.basePriceUsdPerTonne[s];
      const rate = (exploration.discoveriesPerYear * prospectivity * Math.pow(spend, exploration.spendElasticity)) / world.ticksPerYear;
      const cell = world.identities.cells[m * R + r];
      const found = poissonFromUniform(hashUniform(key, world.tick, cell, 0), rate);
      for (let i = 0; i < found; i++) {
        const u1 = hashUniform(key, world.tick, cell, 1 + 2 * i);
        const u2 = hashUniform(key, world.tick, cell, 2 + 2 * i);
        const size = lognormalFromUniforms(u1, u2, exploration.depositCapacityTonnesPerYear, DEPOSIT_SIZE_CV) / world.ticksPerYear;
        addProject(world.projects, m, r, 0, size, PHASE_PERMITTING, spec.behaviour.greenfield.permittingYears * world.ticksPerYear, -1);
      }
    }
  }
}

function leadFactor(world: World, stage: number): number {
  const behaviour = world.spec.behaviour;
  return stage === 0 ? 1 : stage === 3 ? behaviour.recyclingLeadFactor : behaviour.processingLeadFactor;
}

function advancePipeline(world: World): void {
  const p = world.projects;
  const { regions: R, materials: M } = world;
  const behaviour = world.spec.behaviour;
  const building = world.regionState.projectsUnderConstruction;
  const inUse = world.regionState.engineersInUse;
  building.fill(0);
  inUse.fill(0);
  // In slot order, so the sums are the same in every run.
  for (let i = 0, seen = 0; seen < p.activeCount; i++) {
    if (p.active[i] === 0) continue;
    seen++;
    // The steady-growth state's seeded expansions are staffed by the incumbents (ProjectStore.seeded).
    if (p.phase[i] === PHASE_CONSTRUCTION && p.seeded[i] === 0) {
      building[p.region[i]]++;
      inUse[p.region[i]] += engineersNeeded(world, p.stage[i], p.material[i], p.capacityTonnesPerTick[i]);
    }
  }
  // Projects completed or abandoned in this loop free their slots; count them from the start.
  const toVisit = p.activeCount;
  for (let i = 0, seen = 0; seen < toVisit && i < p.slots; i++) {
    if (p.active[i] === 0) continue;
    seen++;
    const r = p.region[i];
    const stage = p.stage[i];
    if (p.phase[i] === PHASE_PERMITTING) {
      p.ticksLeft[i] -= world.effective.permittingRate[r];
      if (p.ticksLeft[i] <= 0) {
        p.phase[i] = PHASE_FINANCING;
        p.ticksLeft[i] = behaviour.greenfield.financingYears * leadFactor(world, stage) * world.ticksPerYear;
      }
    } else if (p.phase[i] === PHASE_FINANCING) {
      const unitCost = world.spec.materials[p.material[i]][CAPACITY_STAGE_NAMES[stage]].unitCostUsdPerTonne;
      const hurdle = world.regionState.alignment[r] === ADVERSARY ? behaviour.hurdleRateMajor : behaviour.hurdleRateJunior;
      if (evaluateInvestment(world, stage, p.material[i], r, unitCost, hurdle) > 0) p.ticksLeft[i] -= 1;
      else if (++p.ticksWaiting[i] > FINANCING_PATIENCE_YEARS * world.ticksPerYear) removeProject(p, i);
      // A greenfield project starts while any of the region's engineers are free (it builds up its team).
      if (p.active[i] === 1 && p.ticksLeft[i] <= 0 && hasEngineersForGreenfield(world, r)) {
        p.phase[i] = PHASE_CONSTRUCTION;
        p.ticksLeft[i] = behaviour.greenfield.constructionYears * leadFactor(world, stage) * world.ticksPerYear;
        building[r]++;
        inUse[r] += engineersNeeded(world, stage, p.material[i], p.capacityTonnesPerTick[i]);
        payProjectCapex(world, stage, p.material[i], r, p.capacityTonnesPerTick[i], -1);
      }
    } else if (p.phase[i] === PHASE_COMMISSIONING) {
      // A built plant's tranches follow its calendar: policies that speed construction do not hurry them.
      p.ticksLeft[i] -= 1;
      if (p.ticksLeft[i] <= 0) commissionTranche(world, i);
    } else {
      p.ticksLeft[i] -= world.effective.constructionRate[(stage * M + p.material[i]) * R + r];
      if (p.ticksLeft[i] <= 0) completeProject(world, i);
    }
  }
}

/**
 * The first free slot of cell c: an empty slot among those ever used (no firm, no stock), else the
 * next slot never used, allocated if need be; −1 when the cell holds all the firms it may.
 */
function freeSlotOf(world: World, stage: number, c: number): number {
  const store = world.stores[stage];
  const used = store.cellUsedSlots[c];
  for (let g = store.cellStart[c], end = g + used; g < end; g++) {
    if (store.alive[g] === 0 && store.outputInventoryTonnes[g] === 0 && store.inputInventoryTonnes[g] === 0) return g;
  }
  return growFirmCell(world, stage, c, used + 1) ? store.cellStart[c] + used : -1;
}

/**
 * Adds a finished project's capacity: to its target firm, else to a free slot, else to the cell's
 * largest firm. A plant the investment review started (RAMPED_PLANT) brings its first tranche only:
 * the project stays in the pipeline, commissioning the rest (commissionTranche).
 */
function completeProject(world: World, i: number): void {
  const p = world.projects;
  removeProject(p, i);
  // The cell's capacity changes: its summed total is stale until settlement sums it again.
  world.firmTotals.capacityStale[(p.stage[i] * world.materials + p.material[i]) * world.regions + p.region[i]] = 1;
  const tranches = p.targetFirm[i] === RAMPED_PLANT ? world.spec.behaviour.greenfieldRampTranches : 1;
  const whole = p.capacityTonnesPerTick[i];
  p.capacityTonnesPerTick[i] = whole / tranches;
  const f = addCompletedCapacity(world, i);
  if (tranches > 1 && f >= 0) commissionRest(world, i, f, whole - whole / tranches, tranches - 1);
}

/**
 * Puts project i's capacity (removed from the pipeline) on stream: to its target firm, else to a
 * free slot (a new firm), else to the cell's largest firm. Returns the firm, −1 when there is none.
 */
function addCompletedCapacity(world: World, i: number): number {
  const p = world.projects;
  const store = world.stores[p.stage[i]];
  let f = p.targetFirm[i];
  if (f === CELL_EXPANSION) {
    expandCellFirms(world, i);
    return -1;
  }
  if (f >= 0) store.pipelineCapacityTonnesPerTick[f] = Math.max(0, store.pipelineCapacityTonnesPerTick[f] - p.capacityTonnesPerTick[i]);
  if (f < 0 || store.alive[f] === 0) {
    const c = p.material[i] * world.regions + p.region[i];
    f = freeSlotOf(world, p.stage[i], c);
    if (f < 0) {
      // The cell has no free slot: the largest firm there takes the capacity over.
      for (let g = store.cellStart[c], end = g + store.cellUsedSlots[c]; g < end; g++) {
        if (store.alive[g] === 1 && (f < 0 || store.capacityTonnesPerTick[g] > store.capacityTonnesPerTick[f])) f = g;
      }
      if (f < 0) return -1; // no live firm either: cannot happen while the cell has slots
      store.capacityTonnesPerTick[f] += p.capacityTonnesPerTick[i];
      store.expectedSalesTonnesPerTick[f] += NEW_CAPACITY_EXPECTED_USE * p.capacityTonnesPerTick[i];
      return f;
    }
    const stageName = CAPACITY_STAGE_NAMES[p.stage[i]];
    store.alive[f] = 1;
    markSlotUsed(store, p.material[i] * world.regions + p.region[i], f);
    store.capacityTonnesPerTick[f] = 0;
    store.unitCostUsdPerTonne[f] = world.spec.materials[p.material[i]][stageName].unitCostUsdPerTonne;
    store.isMajor[f] = 0;
    store.lossStreakTicks[f] = 0;
    store.cashUsd[f] = 0;
    world.entries[p.stage[i] * world.regions + p.region[i]]++;
  }
  store.capacityTonnesPerTick[f] += p.capacityTonnesPerTick[i];
  // A producer plans to sell most of what it adds; without this an entrant would never start producing to order.
  store.expectedSalesTonnesPerTick[f] += NEW_CAPACITY_EXPECTED_USE * p.capacityTonnesPerTick[i];
  return f;
}

/**
 * Keeps finished project i in the pipeline to commission the rest of its plant, `rest` t/tick in
 * `tranches` equal parts spread evenly over greenfieldRampYears after its first, for firm f (its
 * pipeline capacity, so its own investment counts them). It reuses i's slot, which completeProject
 * has just freed, so advancePipeline's loop does not meet it again this tick: a plant's stock fill
 * and output grow over its ramp instead of landing in one week (G30).
 */
function commissionRest(world: World, i: number, f: number, rest: number, tranches: number): void {
  const p = world.projects;
  const slot = addProject(p, p.material[i], p.region[i], p.stage[i], rest, PHASE_COMMISSIONING, rampStepTicks(world), f);
  p.ticksWaiting[slot] = tranches;
  world.stores[p.stage[slot]].pipelineCapacityTonnesPerTick[f] += rest;
}

/** Ticks between a ramped plant's tranches. */
function rampStepTicks(world: World): number {
  const { greenfieldRampYears: years, greenfieldRampTranches: tranches } = world.spec.behaviour;
  return (years * world.ticksPerYear) / Math.max(1, tranches - 1);
}

/**
 * Brings one tranche of commissioning project i on stream for its firm: an equal part of what is still
 * to come, with the expected sales that go with it. A firm that exited meanwhile abandons the rest.
 */
function commissionTranche(world: World, i: number): void {
  const p = world.projects;
  const f = p.targetFirm[i];
  const store = world.stores[p.stage[i]];
  const tranche = p.capacityTonnesPerTick[i] / p.ticksWaiting[i];
  p.capacityTonnesPerTick[i] -= tranche;
  p.ticksWaiting[i]--;
  p.ticksLeft[i] += rampStepTicks(world);
  if (p.ticksWaiting[i] <= 0 || store.alive[f] === 0) removeProject(p, i);
  if (store.alive[f] === 0) {
    store.pipelineCapacityTonnesPerTick[f] = 0;
    return;
  }
  store.pipelineCapacityTonnesPerTick[f] = Math.max(0, store.pipelineCapacityTonnesPerTick[f] - tranche);
  world.firmTotals.capacityStale[(p.stage[i] * world.materials + p.material[i]) * world.regions + p.region[i]] = 1;
  store.capacityTonnesPerTick[f] += tranche;
  store.expectedSalesTonnesPerTick[f] += NEW_CAPACITY_EXPECTED_USE * tranche;
}

/**
 * Completes a CELL_EXPANSION project: every live firm of the cell grows by its share of the cell's
 * capacity, which it also had in its pipeline (initialiseGrowthPipeline), and plans to sell most of it.
 */
function expandCellFirms(world: World, i: number): void {
  const p = world.projects;
  const store = world.stores[p.stage[i]];
  const c = p.material[i] * world.regions + p.region[i];
  let capacity = 0;
  for (let f = store.cellStart[c], end = f + store.cellUsedSlots[c]; f < end; f++) if (store.alive[f] === 1) capacity += store.capacityTonnesPerTick[f];
  if (capacity <= 0) return; // no live firm with capacity: the expansion is lost with them
  const added = p.capacityTonnesPerTick[i];
  for (let f = store.cellStart[c], end = f + store.cellUsedSlots[c]; f < end; f++) {
    if (store.alive[f] === 0) continue;
    const share = (added * store.capacityTonnesPerTick[f]) / capacity;
    store.pipelineCapacityTonnesPerTick[f] = Math.max(0, store.pipelineCapacityTonnesPerTick[f] - share);
    store.capacityTonnesPerTick[f] += share;
    store.expectedSalesTonnesPerTick[f] += NEW_CAPACITY_EXPECTED_USE * share;
  }
}
