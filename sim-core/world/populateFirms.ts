import type { MaterialSpec, ScenarioSpec, StageSpec } from '../spec.ts';
import { createStream, hashStreamName } from '../random/createStream.ts';
import { drawLognormalMeanCv, drawStandardNormal } from '../random/distributions.ts';
import { createFirmStore, markSlotUsed, type FirmStore } from './firmStore.ts';

/** The stage spec of a material by capacity stage code. */
export function stageSpecOf(material: MaterialSpec, stage: number): StageSpec {
  return stage === 0 ? material.mining : stage === 1 ? material.processing : stage === 2 ? material.manufacturing : material.recycling;
}

const STAGE_NAMES = ['mining', 'processing', 'manufacturing', 'recycling'] as const;

/**
 * The name of a (stage, material, region) cell, from ids: its firms' starting draws come from the
 * stream of that name and their counter-based draws are keyed by its hash, so a cell's firms do not
 * depend on any other cell (a capacity given to an empty cell, a material or region added elsewhere).
 */
export function firmCellName(stage: number, materialId: string, regionId: string): string {
  return `firms:${STAGE_NAMES[stage]}:${materialId}:${regionId}`;
}

/** Per cell m × R + r: the hash of its {@link firmCellName} as an int32, the start of its firms' keys. */
function cellKeysOf(spec: ScenarioSpec, stage: number): Int32Array {
  const keys = new Int32Array(spec.materials.length * spec.regions.length);
  spec.materials.forEach((material, m) =>
    spec.regions.forEach((region, r) => {
      keys[m * spec.regions.length + r] = hashStreamName(firmCellName(stage, material.id, region.id)) | 0;
    }),
  );
  return keys;
}

/** Slots a cell allocates beyond its starting firms at first (it grows from there, see growFirmCell.ts). */
const INITIAL_SPARE_SLOTS = 2;

/**
 * Slots per cell: the most firms each cell may hold (starting firms plus headroom for entrants, at
 * least a few in every cell) and the slots allocated at first (starting firms and a small spare).
 */
function slotsPerCell(spec: ScenarioSpec, stage: number): { most: Int32Array; allocated: Int32Array } {
  const regions = spec.regions;
  const most = new Int32Array(spec.materials.length * regions.length);
  const allocated = new Int32Array(most.length);
  const perCell = Math.max(1, Math.round(spec.resolution.firmsPerCapacityCell));
  const headroom = Math.max(2, Math.ceil(perCell * spec.resolution.entrantHeadroom));
  spec.materials.forEach((material, m) => {
    regions.forEach((region, r) => {
      const capacity = stageSpecOf(material, stage).capacityByRegion[region.id] ?? 0;
      const starting = capacity > 0 ? perCell : 0;
      most[m * regions.length + r] = starting + headroom;
      allocated[m * regions.length + r] = starting + Math.min(headroom, INITIAL_SPARE_SLOTS);
    });
  });
  return { most, allocated };
}

/**
 * Creates a stage's firm store and splits each cell's capacity into firms with lognormal sizes
 * (sigma = `resolution.sizeSigma`, normalised so the cell's total is exact) and lognormal unit costs
 * (mean = the stage's unit cost, cv = `costSpread`). Majors are the largest firms up to `majorsShare`
 * of the cell's capacity. Each cell draws from its own stream, named by {@link firmCellName}
 * (seeded by masterSeed and replicate), so its firms are the same whatever the other cells hold.
 * @param masterSeed - the run's seed
 * @param replicate - replicate index
 */
export function populateFirms(spec: ScenarioSpec, stage: number, masterSeed: number, replicate: number): FirmStore {
  // Miners and recyclers buy no input: their store has no bid column.
  const slots = slotsPerCell(spec, stage);
  const store = createFirmStore(slots.most, slots.allocated, stage === 1 || stage === 2, Math.round(spec.years * spec.ticksPerYear), cellKeysOf(spec, stage));
  const regionCount = spec.regions.length;
  const perCell = Math.max(1, Math.round(spec.resolution.firmsPerCapacityCell));
  const sizes = new Float64Array(perCell);
  // Plain loops, not forEach callbacks: a CPU profile of world creation then names this function, not "(anonymous)".
  for (let m = 0; m < spec.materials.length; m++) {
    const material = spec.materials[m];
    const stageSpec = stageSpecOf(material, stage);
    for (let r = 0; r < regionCount; r++) {
      const region = spec.regions[r];
      const c = m * regionCount + r;
      const start = store.cellStart[c];
      const capacity = (stageSpec.capacityByRegion[region.id] ?? 0) / spec.ticksPerYear;
      if (capacity <= 0) continue;
      const rng = createStream(masterSeed, replicate, firmCellName(stage, material.id, region.id));
      let total = 0;
      for (let i = 0; i < perCell; i++) {
        sizes[i] = Math.exp(spec.resolution.sizeSigma * drawStandardNormal(rng));
        total += sizes[i];
      }
      const majorsCutoff = majorsThreshold(sizes, perCell, stageSpec.majorsShare * total);
      for (let i = 0; i < perCell; i++) {
        const f = start + i;
        store.alive[f] = 1;
        markSlotUsed(store, c, f);
        store.capacityTonnesPerTick[f] = (capacity * sizes[i]) / total;
        store.unitCostUsdPerTonne[f] = drawLognormalMeanCv(rng, stageSpec.unitCostUsdPerTonne, stageSpec.costSpread);
        store.isMajor[f] = sizes[i] >= majorsCutoff ? 1 : 0;
      }
    }
  }
  return store;
}

/** Size at or above which firms count as majors so that they hold about `majorsCapacity`. */
function majorsThreshold(sizes: Float64Array, count: number, majorsCapacity: number): number {
  // A typed copy sorted ascending, read from the largest: a plain array would box every size (~19 MB
  // of transient heap at a million firms, kept by V8 as resident heap pages afterwards).
  const sorted = sizes.slice(0, count).sort();
  let held = 0;
  for (let i = count - 1; i >= 0; i--) {
    held += sorted[i];
    if (held >= majorsCapacity) return sorted[i];
  }
  return 0;
}
