import type { World } from './world.ts';
import { stageSpecOf } from './populateFirms.ts';
import { addProject, CELL_EXPANSION, PHASE_CONSTRUCTION } from './projectStore.ts';

const STAGE_NAMES = ['mining', 'processing', 'manufacturing', 'recycling'] as const;

/**
 * Starts a new world on a steady-growth path (gap G29): puts under construction the brownfield
 * expansions the incumbents would be building had demand been growing at the material's rate g for
 * at least a lead time. Without them every stage's capacity is frozen for `expansionLeadYears` (the
 * first expansion the run commits arrives a lead time after the first review), while demand grows.
 *
 * The rule, per capacity stage, material and region with capacity K₀ (t/tick) at the start:
 * - one cohort per past investment review whose expansion is still being built: the reviews at
 *   ticks (first review − j · review interval), j = 1, 2, …, whose projects arrive at
 *   a_j = first review + L·tpy − j · review interval > 0 (L = the stage's `expansionLeadYears`), so
 *   capacity arrives every review from the first tick the run's own reviews could deliver on, up to
 *   the arrival of the run's first commitments;
 * - the cohort arriving at a tops the cell's capacity up to K₀ · (1 + s·((1+g)^(a/tpy) − 1)) (s =
 *   `behaviour.initialGrowthPipeline`, 1 by default): about one review's growth each, less what the
 *   scenario's own `pipeline:` projects under construction in the cell add by then (they are part of
 *   the same growth; projects still permitting or financing are not counted, they may never start);
 * - it is an expansion of every live firm of the cell in proportion to its capacity (CELL_EXPANSION),
 *   entered in each firm's `pipelineCapacityTonnesPerTick`, so that every incumbent grows at g, the
 *   firms' own planning sees what they are building, and the split does not depend on the resolution;
 * - a by-product's mines (`byproductOf`) grow with their host's: its growth rate and lead time, so
 *   recovery capacity stays sized to the host's capacity (hostUtilisation).
 * Seeded projects are marked `seeded` and take no engineers from the region's pool (ProjectStore).
 * No random draws: every stream is as before. s = 0 gives the empty pipeline of a no-growth start.
 */
export function initialiseGrowthPipeline(world: World): void {
  const { spec, regions: R } = world;
  const share = spec.behaviour.initialGrowthPipeline;
  if (!(share > 0)) return;
  const tpy = world.ticksPerYear;
  // As advanceInvestment: reviews fall on ticks with tick % reviewTicks === reviewTicks − 1, and a
  // project committed at tick t (after the pipeline's phase) arrives at tick t + L·tpy.
  const reviewTicks = Math.max(1, Math.round((spec.behaviour.investmentReviewWeeks * tpy) / 52));
  const firstReview = reviewTicks - 1;
  for (let stage = 0; stage < 4; stage++) {
    const store = world.stores[stage];
    // A plain loop, not a forEach callback: a CPU profile of world creation then names this function, not "(anonymous)".
    for (let m = 0; m < spec.materials.length; m++) {
      const material = spec.materials[m];
      const host = stage === 0 && world.hostMaterial[m] >= 0 ? spec.materials[world.hostMaterial[m]] : material;
      const growth = host.demand.growthPerYear;
      const leadTicks = stageSpecOf(host, stage).expansionLeadYears * tpy;
      if (!(growth > 0) || !(leadTicks > 0)) continue;
      const arrivals: number[] = [];
      for (let j = 1; firstReview + leadTicks - j * reviewTicks > 0; j++) arrivals.unshift(firstReview + leadTicks - j * reviewTicks);
      for (let r = 0; r < R; r++) {
        const c = m * R + r;
        let startCapacity = 0;
        for (let f = store.cellStart[c], end = f + store.cellUsedSlots[c]; f < end; f++) {
          if (store.alive[f] === 1) startCapacity += store.capacityTonnesPerTick[f];
        }
        if (startCapacity <= 0) continue;
        const sourced = sourcedArrivals(world, stage, m, r);
        let seeded = 0;
        for (const arrival of arrivals) {
          const factor = share * (Math.pow(1 + growth, arrival / tpy) - 1);
          let sourcedBy = 0;
          for (const [tick, capacity] of sourced) if (tick <= arrival) sourcedBy += capacity;
          const added = startCapacity * factor - sourcedBy - seeded;
          if (!(added > 0)) continue;
          // A project with ticksLeft T added before tick 0 completes on tick T − 1.
          addProject(world.projects, m, r, stage, added, PHASE_CONSTRUCTION, arrival + 1, CELL_EXPANSION, true);
          for (let f = store.cellStart[c], end = f + store.cellUsedSlots[c]; f < end; f++) {
            if (store.alive[f] === 1) store.pipelineCapacityTonnesPerTick[f] += (added * store.capacityTonnesPerTick[f]) / startCapacity;
          }
          seeded += added;
        }
      }
    }
  }
}

/** The scenario's own projects under construction in cell (stage, m, r): [arrival tick, t/tick]. */
function sourcedArrivals(world: World, stage: number, m: number, r: number): [number, number][] {
  const region = world.spec.regions[r].id;
  return world.spec.materials[m].pipeline
    .filter((p) => p.phase === 'construction' && p.stage === STAGE_NAMES[stage] && p.region === region)
    .map((p) => [p.remainingYears * world.ticksPerYear - 1, p.capacityTonnesPerYear / world.ticksPerYear]);
}
