import type { ScenarioSpec } from '../spec.ts';
import { hashStreamName } from '../random/createStream.ts';
import { hashKey } from '../random/hashUniform.ts';
import { supportSurvivalOf } from '../phases/evaluateInvestment.ts';
import { createEndUserStore, type EndUserStore } from './endUserStore.ts';
import { createProjectStore, addProject, MAX_PLANT_WORLD_SHARE, PHASE_CONSTRUCTION, PHASE_FINANCING, PHASE_PERMITTING } from './projectStore.ts';
import { createMarketState } from './marketState.ts';
import { createEffectiveParameters } from './effectiveParameters.ts';
import { createFirmTotals } from './firmTotals.ts';
import { CELL_SUMS } from '../phases/cellTasks.ts';
import { CELL_TERMS } from '../phases/firmDecisions.ts';
import { populateFirms, stageSpecOf } from './populateFirms.ts';
import { compileEvents } from './compileEvents.ts';
import { initialiseSteadyState } from './initialiseSteadyState.ts';
import { initialiseGrowthPipeline } from './initialiseGrowthPipeline.ts';
import { initialiseStockpiles } from '../phases/advanceGovernment.ts';
import { initialBudgetUsd } from '../phases/fundRunningCost.ts';
import { ADVERSARY, ALLY, HOME, NEUTRAL, STOCKPILE_FORMS, STOCKPILE_TRIGGERS, type World } from './world.ts';

const ALIGNMENT_CODES = { home: HOME, ally: ALLY, neutral: NEUTRAL, adversary: ADVERSARY } as const;
const STAGE_CODES = { mining: 0, processing: 1, manufacturing: 2, recycling: 3 } as const;

/**
 * Creates the world of one replicate from an (already sampled) scenario: allocates every store,
 * splits capacities into firms, and starts in a steady state at base prices, with the expansions a
 * steady growth would have under construction (initialiseGrowthPipeline).
 * @param spec - the replicate's scenario, uncertainties drawn
 * @param masterSeed - the run's seed
 * @param replicate - replicate index; with the seed it fixes every random stream
 */
export function createWorld(spec: ScenarioSpec, masterSeed: number, replicate: number): World {
  const M = spec.materials.length;
  const R = spec.regions.length;
  // The project store keeps material and region indices in Uint16 columns.
  if (M > 65536 || R > 65536) throw new Error(`at most 65,536 materials and regions (got ${M} and ${R})`);
  const ticks = Math.round(spec.years * spec.ticksPerYear);
  const transportTicks = Math.max(1, Math.round((spec.behaviour.transportWeeks * spec.ticksPerYear) / 52));
  const events = compileEvents(spec, ticks);
  const eolSlots = Math.max(1, ...spec.materials.map((m) => Math.round(m.recycling.productLifetimeYears * spec.ticksPerYear))) + 1;
  const world: World = {
    spec, materials: M, regions: R, ticksPerYear: spec.ticksPerYear, ticks, tick: 0,
    stores: [populateFirms(spec, 0, masterSeed, replicate), populateFirms(spec, 1, masterSeed, replicate), populateFirms(spec, 2, masterSeed, replicate), populateFirms(spec, 3, masterSeed, replicate)],
    endUsers: createEndUsers(spec),
    projects: createProjectStore(),
    markets: createMarketState(M, R, transportTicks + longestLicenceDelayTicks(spec) + 1),
    effective: createEffectiveParameters(M, R),
    events,
    eventState: {
      quotaTonnesPerTick: new Float64Array(events.length),
      budgetLeftUsd: Float64Array.from(events, (e) => initialBudgetUsd(e.spec)),
      reversedAtTick: new Int32Array(events.length).fill(-1),
      started: new Uint8Array(events.length),
      inForce: new Uint8Array(events.length),
    },
    regionState: {
      alignment: Int32Array.from(spec.regions, (r) => ALIGNMENT_CODES[r.alignment]),
      engineers: Float64Array.from(spec.regions, (r) => r.engineers),
      graduatesPerYear: Float64Array.from(spec.regions, (r) => r.graduatesPerYear),
      programmeGraduatesPerYear: new Float64Array(R),
      projectsUnderConstruction: new Int32Array(R),
      engineersInUse: new Float64Array(R),
    },
    chain: {
      intensity: new Float64Array(M * R).fill(1),
      eolTonnes: new Float64Array(M * R * eolSlots),
      eolSlots,
      lifetimeTicks: Int32Array.from(spec.materials, (m) => Math.max(1, Math.round(m.recycling.productLifetimeYears * spec.ticksPerYear))),
      cumulativeRecycledTonnes: new Float64Array(M * R),
      referenceRecycledTonnes: new Float64Array(M * R),
      stockpileTonnes: new Float64Array(STOCKPILE_FORMS * M * R),
      stockpileOfferTrigger: new Uint8Array(STOCKPILE_FORMS * M * R),
      stockpileReleasedByTriggerTonnes: new Float64Array(STOCKPILE_TRIGGERS * STOCKPILE_FORMS * M * R),
    },
    government: { region: regionIndex(spec, spec.government.region), spendingUsdThisTick: 0, tariffRevenueUsdThisTick: 0, stockpileCreditUsdThisTick: 0, spendingByMaterialUsdThisTick: new Float64Array(M), stockpileCreditByMaterialUsdThisTick: new Float64Array(M), nextElectionTick: Math.max(1, Math.round(spec.government.electionEveryYears * spec.ticksPerYear)), elections: 0 },
    foreignActor: {
      region: regionIndex(spec, spec.foreignActor.region), budgetLeftUsd: spec.foreignActor.rules.budgetUsd,
      spendingUsdThisTick: 0, priceWarUntilTick: new Int32Array(M * 3).fill(-1),
      retaliationUntilTick: new Int32Array(M).fill(-1), rivalsStartCapacity: new Float64Array(4 * M),
      actorStartCapacity: new Float64Array(4 * M), attacks: 0,
      retaliationInForce: new Uint8Array(M), cyberattacksThisTick: new Int32Array(4 * M),
    },
    ledger: { externalUsd: 0, governmentUsd: new Float64Array(R), foreignActorUsd: 0, tradersUsd: 0, endUsersUsd: 0 },
    firmTotals: createFirmTotals(M, R),
    flows: {
      primaryTonnes: new Float64Array(M), secondaryTonnes: new Float64Array(M), consumptionTonnes: new Float64Array(M),
      lossTonnes: new Float64Array(M), productionTonnes: new Float64Array(4 * M * R), unmetTonnes: new Float64Array(3 * M * R),
      demandTonnes: new Float64Array(3 * M * R), publicUnmetTonnes: new Float64Array(M * R), deliveredTonnes: new Float64Array(3 * M * R),
      previousProductionTonnes: new Float64Array(4 * M * R), profitUsd: new Float64Array(4 * M * R),
    },
    // Each key as an int32 (the same 32 bits, which hashUniform reads through `^`), not hashKey's uint32:
    // a uint32 of 2^31 or more is a heap number to V8, so the fields' representation, and with it this
    // object's map, changed with the replicate, and every optimised function reading a key deoptimised
    // ("wrong map") on each of the first few worlds a process met (docs/performance.md).
    keys: {
      elections: hashKey(masterSeed, replicate, 'elections') | 0,
      cyberattacks: hashKey(masterSeed, replicate, 'cyberattacks') | 0,
      outages: hashKey(masterSeed, replicate, 'outages') | 0,
      priceWars: hashKey(masterSeed, replicate, 'priceWars') | 0,
      retaliation: hashKey(masterSeed, replicate, 'retaliation') | 0,
      expansions: hashKey(masterSeed, replicate, 'expansions') | 0,
      discoveries: hashKey(masterSeed, replicate, 'discoveries') | 0,
      eventAttacks: hashKey(masterSeed, replicate, 'eventAttacks') | 0,
    },
    identities: identityKeysOf(spec),
    hostMaterial: Int32Array.from(spec.materials, (m) => (m.byproductOf ? spec.materials.findIndex((h) => h.id === m.byproductOf) : -1)),
    entries: new Int32Array(4 * R),
    exits: new Int32Array(4 * R),
    transportTicks,
    typicalPlantTonnesPerTick: typicalPlantsOf(spec),
    salesSmoothing: 1 - Math.exp(-52 / (4 * spec.ticksPerYear)),
    miningSalesFallSmoothing: 1 - Math.exp(-52 / (spec.behaviour.miningSalesFallWeeks * spec.ticksPerYear)),
    supportSurvival: supportSurvivalOf(spec),
    annuityMemo: Float64Array.of(NaN, 0),
    scratch: {
      available: new Float64Array(R), quotaLeft: new Float64Array(R), orderLeft: new Float64Array(R), requested: new Float64Array(R),
      weight: new Float64Array(R), limit: new Float64Array(R), localCover: new Float64Array(R), quotaRequested: new Float64Array(R), offerShare: new Float64Array(R), quotaShare: new Float64Array(R), wantedByRoute: new Float64Array(R * R), offerLeft: new Float64Array(R), pool: new Int32Array(R), coverageGap: new Float64Array(R), targets: new Int32Array(R), landedCostUsdPerTonne: new Float64Array(R), scrapTonnes: new Float64Array(M * R), cellSums: new Float64Array(M * R * CELL_SUMS), cellTerms: new Float64Array(4 * M * R * CELL_TERMS), endUseFactors: new Float64Array(M * R * 2), originCostRatio: new Float64Array(R * R).fill(NaN), originCostFactor: new Float64Array(R * R), pendingPlant: new Uint8Array(M * R),
    },
  };
  initialisePrices(world);
  initialiseEndOfLife(world);
  initialisePipeline(world);
  initialiseGrowthPipeline(world);
  initialiseSteadyState(world);
  initialiseEndUserDemand(world);
  initialiseRivalCapacity(world);
  initialiseStockpiles(world);
  return world;
}

/** Hashes of the ids of every (material, region) cell and every event (see IdentityKeys). */
function identityKeysOf(spec: ScenarioSpec): World['identities'] {
  const R = spec.regions.length;
  const cells = new Int32Array(spec.materials.length * R);
  spec.materials.forEach((material, m) =>
    spec.regions.forEach((region, r) => {
      cells[m * R + r] = hashStreamName(`cell:${material.id}:${region.id}`) | 0;
    }),
  );
  const events = Int32Array.from(spec.events, (event, e) => hashStreamName(event.id !== undefined ? `event:${event.id}` : `event#${e}`) | 0);
  return { cells, events };
}

/** The longest licensing delay any export control imposes, ticks: transit rings must hold it. */
function longestLicenceDelayTicks(spec: ScenarioSpec): number {
  let longest = 0;
  for (const event of spec.events) {
    if (event.kind === 'exportControl' && event.delayYears !== undefined) longest = Math.max(longest, Math.round(event.delayYears * spec.ticksPerYear));
  }
  return longest;
}

function regionIndex(spec: ScenarioSpec, id: string): number {
  const index = spec.regions.findIndex((r) => r.id === id);
  if (index < 0) throw new Error(`unknown region "${id}"`);
  return index;
}

function createEndUsers(spec: ScenarioSpec): EndUserStore {
  const R = spec.regions.length;
  const perCell = Math.max(2, Math.round(spec.resolution.firmsPerCapacityCell));
  const counts = new Int32Array(spec.materials.length * R);
  spec.materials.forEach((material, m) =>
    spec.regions.forEach((region, r) => {
      counts[m * R + r] = (material.demand.byRegion[region.id] ?? 0) > 0 ? perCell : 0;
    }),
  );
  return createEndUserStore(counts);
}

/** Splits each region's demand over its end users: a public (defence) group in the home region, the rest private. */
function initialiseEndUserDemand(world: World): void {
  const { spec, endUsers, regions: R } = world;
  // Plain loops here and in initialiseEndOfLife, not forEach callbacks: a CPU profile of world creation then names the function.
  for (let m = 0; m < spec.materials.length; m++) {
    const material = spec.materials[m];
    for (let r = 0; r < R; r++) {
      const region = spec.regions[r];
      const c = m * R + r;
      const n = endUsers.cellCount[c];
      if (n === 0) continue;
      const demand = (material.demand.byRegion[region.id] ?? 0) / spec.ticksPerYear;
      const publicShare = world.regionState.alignment[r] === HOME ? material.demand.publicShare : 0;
      const publicCount = publicShare > 0 ? Math.max(1, Math.round(n * publicShare)) : 0;
      for (let i = 0; i < n; i++) {
        const u = endUsers.cellStart[c] + i;
        const isPublic = i < publicCount;
        endUsers.isPublic[u] = isPublic ? 1 : 0;
        endUsers.baseDemandTonnesPerTick[u] = isPublic ? (demand * publicShare) / publicCount : (demand * (1 - publicShare)) / (n - publicCount);
      }
    }
  }
}

function initialisePrices(world: World): void {
  const { spec, markets, regions: R } = world;
  spec.materials.forEach((material, m) => {
    const prices = [material.basePriceUsdPerTonne.mining, material.basePriceUsdPerTonne.processing, material.basePriceUsdPerTonne.manufacturing];
    for (let k = 0; k < 3; k++) {
      for (let r = 0; r < R; r++) {
        const s = (m * 3 + k) * R + r;
        markets.priceUsdPerTonne[s] = prices[k];
        markets.basePriceUsdPerTonne[s] = prices[k];
        markets.expectedPriceUsdPerTonne[s] = prices[k];
        markets.longPriceUsdPerTonne[s] = prices[k];
      }
    }
  });
}

/** Fills the end-of-life ring with past sales (demand discounted by growth) and sets the learning reference. */
function initialiseEndOfLife(world: World): void {
  const { spec, chain, regions: R } = world;
  for (let m = 0; m < spec.materials.length; m++) {
    const material = spec.materials[m];
    for (let r = 0; r < R; r++) {
      const region = spec.regions[r];
      const demand = (material.demand.byRegion[region.id] ?? 0) / spec.ticksPerYear;
      const lifetime = chain.lifetimeTicks[m];
      for (let age = 0; age < lifetime; age++) {
        const soldYearsAgo = (lifetime - age) / spec.ticksPerYear;
        chain.eolTonnes[(m * R + r) * chain.eolSlots + age] = demand * Math.pow(1 + material.demand.growthPerYear, -soldYearsAgo);
      }
      const capacity = (material.recycling.capacityByRegion[region.id] ?? 0) / spec.ticksPerYear;
      chain.referenceRecycledTonnes[m * R + r] = Math.max(capacity, demand * 0.01) * spec.ticksPerYear * 5;
      chain.cumulativeRecycledTonnes[m * R + r] = chain.referenceRecycledTonnes[m * R + r];
    }
  }
}

/** Puts the scenario's projects already under way into the pipeline. */
function initialisePipeline(world: World): void {
  const { spec } = world;
  const phases = { permitting: PHASE_PERMITTING, financing: PHASE_FINANCING, construction: PHASE_CONSTRUCTION } as const;
  spec.materials.forEach((material, m) => {
    for (const project of material.pipeline) {
      addProject(world.projects, m, regionIndex(spec, project.region), STAGE_CODES[project.stage],
        project.capacityTonnesPerYear / spec.ticksPerYear, phases[project.phase], project.remainingYears * spec.ticksPerYear, -1);
    }
  });
}

function initialiseRivalCapacity(world: World): void {
  for (let stage = 0; stage < 4; stage++) {
    const store = world.stores[stage];
    for (let c = 0; c < world.materials * world.regions; c++) {
      const m = Math.floor(c / world.regions);
      const start = world.regionState.alignment[c % world.regions] === ADVERSARY ? world.foreignActor.actorStartCapacity : world.foreignActor.rivalsStartCapacity;
      for (let f = store.cellStart[c], end = f + store.cellUsedSlots[c]; f < end; f++) {
        if (store.alive[f] === 1) start[stage * world.materials + m] += store.capacityTonnesPerTick[f];
      }
    }
  }
}

/**
 * Per (stage, material), stage × M + m: the typical plant of the engineers lens, the largest greenfield
 * plant (MAX_PLANT_WORLD_SHARE, 5% of the scenario's world capacity of the stage), t/tick.
 */
function typicalPlantsOf(spec: ScenarioSpec): Float64Array {
  const M = spec.materials.length;
  const typical = new Float64Array(4 * M);
  for (let stage = 0; stage < 4; stage++) {
    for (let m = 0; m < M; m++) {
      const capacityByRegion = stageSpecOf(spec.materials[m], stage).capacityByRegion;
      let worldCapacity = 0;
      for (const id in capacityByRegion) worldCapacity += capacityByRegion[id];
      typical[stage * M + m] = (MAX_PLANT_WORLD_SHARE * worldCapacity) / spec.ticksPerYear;
    }
  }
  return typical;
}
