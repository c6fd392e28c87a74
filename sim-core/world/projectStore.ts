/** Pipeline phase codes of a project. */
export const PHASE_PERMITTING = 0;
export const PHASE_FINANCING = 1;
export const PHASE_CONSTRUCTION = 2;
/** A finished plant's tranches still to come on stream (behaviour.greenfieldRampTranches): built, so it takes no engineers. */
export const PHASE_COMMISSIONING = 3;
/** `targetFirm` of an expansion shared by every live firm of its cell in proportion to its capacity. */
export const CELL_EXPANSION = -2;
/** `targetFirm` of a greenfield plant the investment review started: a new firm that comes on stream in tranches. */
export const RAMPED_PLANT = -3;
/** The largest greenfield plant, share of its stage's world capacity (every plant's size until session 22; the engineers lens's typical plant). */
export const MAX_PLANT_WORLD_SHARE = 0.05;

/**
 * Projects in the development pipeline (discovered deposits, planned plants, expansions), column-wise.
 *
 * Glossary:
 * - `active`: 1 while in the pipeline; 0 for a free slot.
 * - `material`, `region`: indices (Uint16: at most 65,536 of each); `stage`: capacity stage (0 mining, 1 processing, 2 manufacturing, 3 recycling).
 * - `capacityTonnesPerTick`: capacity the project adds when done, t/tick.
 * - `phase`: PHASE_PERMITTING, PHASE_FINANCING, PHASE_CONSTRUCTION or PHASE_COMMISSIONING (a
 *   finished plant's later tranches, `capacityTonnesPerTick` being what is still to come).
 * - `ticksLeft`: ticks of work left in the current phase (permitting and construction progress at a
 *   rate set by policy, disinformation and the workforce, so it is fractional).
 * - `targetFirm`: firm slot to expand when done, −1 for a new firm (greenfield), CELL_EXPANSION (−2)
 *   for an expansion of every live firm of the cell in proportion to its capacity (the steady-growth
 *   state's, initialiseGrowthPipeline), RAMPED_PLANT (−3) for a new firm the investment review started,
 *   which comes on stream in tranches (in commissioning, the new firm's slot).
 * - `ticksWaiting`: ticks spent waiting for financing; in commissioning, the tranches still to come.
 * - `seeded`: 1 for a brownfield expansion of the steady-growth initial state (initialiseGrowthPipeline):
 *   part of the trend the incumbents were already building when the run starts, staffed by their own
 *   engineers, so it takes none from the region's pool (advanceDiscovery does not count it).
 * `searchFrom` is where the search for a free slot starts (every slot below it is taken);
 * `activeCount` is the number of projects in the pipeline (loops stop once they have seen them all).
 *
 * The pipeline has no limit: `slots` are allocated, and the columns grow (doubling) when a project
 * needs a slot beyond them, so a world pays for the projects it has. Slots not yet allocated are free
 * slots, so growing changes no result. Columns are replaced when they grow: read them from the store,
 * never keep one across a call that may add a project. (Until session 7 the store had a limit of
 * max(256, 8·M·R + 2·pipeline projects, firmsPerCapacityCell·M·R) and dropped projects that found
 * it full; in the reference baseline it was full on most ticks from 2027, so a storage size acted as
 * a global investment cap shared by every material, and one that changed with the resolution.)
 */
export interface ProjectStore {
  /** Slots allocated (the length of every column). */
  slots: number;
  searchFrom: number;
  activeCount: number;
  active: Uint8Array;
  material: Uint16Array;
  region: Uint16Array;
  stage: Uint8Array;
  capacityTonnesPerTick: Float64Array;
  phase: Uint8Array;
  ticksLeft: Float64Array;
  targetFirm: Int32Array;
  ticksWaiting: Int32Array;
  seeded: Uint8Array;
}

/** Slots a project store allocates at first (it grows from there). */
const INITIAL_PROJECT_SLOTS = 256;

/** Allocates an empty project store (it grows as projects need slots). */
export function createProjectStore(): ProjectStore {
  const slots = INITIAL_PROJECT_SLOTS;
  return {
    slots,
    searchFrom: 0,
    activeCount: 0,
    active: new Uint8Array(slots),
    material: new Uint16Array(slots),
    region: new Uint16Array(slots),
    stage: new Uint8Array(slots),
    capacityTonnesPerTick: new Float64Array(slots),
    phase: new Uint8Array(slots),
    ticksLeft: new Float64Array(slots),
    targetFirm: new Int32Array(slots).fill(-1),
    ticksWaiting: new Int32Array(slots),
    seeded: new Uint8Array(slots),
  };
}

/** Doubles the allocated slots, keeping every project where it is. */
function growProjectStore(projects: ProjectStore): void {
  const slots = Math.max(1, projects.slots * 2);
  const grow = <T extends Uint8Array | Uint16Array | Int32Array | Float64Array>(column: T, make: (n: number) => T): T => {
    const grown = make(slots);
    grown.set(column);
    return grown;
  };
  projects.active = grow(projects.active, (n) => new Uint8Array(n));
  projects.material = grow(projects.material, (n) => new Uint16Array(n));
  projects.region = grow(projects.region, (n) => new Uint16Array(n));
  projects.stage = grow(projects.stage, (n) => new Uint8Array(n));
  projects.capacityTonnesPerTick = grow(projects.capacityTonnesPerTick, (n) => new Float64Array(n));
  projects.phase = grow(projects.phase, (n) => new Uint8Array(n));
  projects.ticksLeft = grow(projects.ticksLeft, (n) => new Float64Array(n));
  projects.targetFirm = grow(projects.targetFirm, (n) => new Int32Array(n).fill(-1));
  projects.ticksWaiting = grow(projects.ticksWaiting, (n) => new Int32Array(n));
  projects.seeded = grow(projects.seeded, (n) => new Uint8Array(n));
  projects.slots = slots;
}

/** Frees a project's slot (done or abandoned). */
export function removeProject(projects: ProjectStore, i: number): void {
  if (projects.active[i] === 0) return;
  projects.active[i] = 0;
  projects.activeCount--;
  if (i < projects.searchFrom) projects.searchFrom = i;
}

/**
 * Puts a project in the first free slot (growing the store when every slot is taken); returns the slot.
 * `seeded` marks an expansion of the steady-growth initial state (see ProjectStore).
 */
export function addProject(
  projects: ProjectStore,
  material: number,
  region: number,
  stage: number,
  capacityTonnesPerTick: number,
  phase: number,
  ticksLeft: number,
  targetFirm: number,
  seeded = false,
): number {
  for (let i = projects.searchFrom; ; i++) {
    if (i === projects.slots) growProjectStore(projects);
    if (projects.active[i] === 0) {
      projects.searchFrom = i + 1;
      projects.activeCount++;
      projects.active[i] = 1;
      projects.material[i] = material;
      projects.region[i] = region;
      projects.stage[i] = stage;
      projects.capacityTonnesPerTick[i] = capacityTonnesPerTick;
      projects.phase[i] = phase;
      projects.ticksLeft[i] = ticksLeft;
      projects.targetFirm[i] = targetFirm;
      projects.ticksWaiting[i] = 0;
      projects.seeded[i] = seeded ? 1 : 0;
      return i;
    }
  }
}
