/** Pipeline phase codes of a project. */
export const PHASE_PERMITTING = 0;
export const PHASE_FINANCING = 1;
export const PHASE_CONSTRUCTION = 2;
export const PHASE_DONE = 3;

/**
 * Projects in the development pipeline (discovered deposits, planned plants, expansions), column-wise.
 *
 * Glossary:
 * - `active`: 1 while in the pipeline; 0 for a free slot.
 * - `material`, `region`: indices (Uint16: at most 65,536 of each); `stage`: capacity stage (0 mining, 1 processing, 2 manufacturing, 3 recycling).
 * - `capacityTonnesPerTick`: capacity the project adds when done, t/tick.
 * - `phase`: PHASE_PERMITTING, PHASE_FINANCING or PHASE_CONSTRUCTION.
 * - `ticksLeft`: ticks of work left in the current phase (permitting and construction progress at a
 *   rate set by policy, disinformation and the workforce, so it is fractional).
 * - `targetFirm`: firm slot to expand when done, −1 for a new firm (greenfield).
 * - `ticksWaiting`: ticks spent waiting for financing.
 * `searchFrom` is where the search for a free slot starts (every slot below it is taken);
 * `activeCount` is the number of projects in the pipeline (loops stop once they have seen them all).
 */
export interface ProjectStore {
  readonly slots: number;
  searchFrom: number;
  activeCount: number;
  readonly active: Uint8Array;
  readonly material: Uint16Array;
  readonly region: Uint16Array;
  readonly stage: Uint8Array;
  readonly capacityTonnesPerTick: Float64Array;
  readonly phase: Uint8Array;
  readonly ticksLeft: Float64Array;
  readonly targetFirm: Int32Array;
  readonly ticksWaiting: Int32Array;
}

/** Allocates an empty project store. */
export function createProjectStore(slots: number): ProjectStore {
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
  };
}

/** Frees a project's slot (done or abandoned). */
export function removeProject(projects: ProjectStore, i: number): void {
  if (projects.active[i] === 0) return;
  projects.active[i] = 0;
  projects.activeCount--;
  if (i < projects.searchFrom) projects.searchFrom = i;
}

/** Puts a project in the first free slot; returns the slot or −1 when the pipeline is full. */
export function addProject(
  projects: ProjectStore,
  material: number,
  region: number,
  stage: number,
  capacityTonnesPerTick: number,
  phase: number,
  ticksLeft: number,
  targetFirm: number,
): number {
  for (let i = projects.searchFrom; i < projects.slots; i++) {
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
      return i;
    }
  }
  return -1;
}
