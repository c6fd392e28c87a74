import type { MaterialSpec, ScenarioSpec, StageSpec } from '../spec.ts';
import type { Rng } from '../random/rng.ts';
import { drawLognormalMeanCv, drawStandardNormal } from '../random/distributions.ts';
import { createFirmStore, markSlotUsed, type FirmStore } from './firmStore.ts';

/** The stage spec of a material by capacity stage code. */
export function stageSpecOf(material: MaterialSpec, stage: number): StageSpec {
  return stage === 0 ? material.mining : stage === 1 ? material.processing : stage === 2 ? material.manufacturing : material.recycling;
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
 * of the cell's capacity.
 */
export function populateFirms(spec: ScenarioSpec, stage: number, rng: Rng): FirmStore {
  // Miners and recyclers buy no input: their store has no bid column.
  const slots = slotsPerCell(spec, stage);
  const store = createFirmStore(slots.most, slots.allocated, stage === 1 || stage === 2, Math.round(spec.years * spec.ticksPerYear));
  const regionCount = spec.regions.length;
  const perCell = Math.max(1, Math.round(spec.resolution.firmsPerCapacityCell));
  const sizes = new Float64Array(perCell);
  spec.materials.forEach((material, m) => {
    const stageSpec = stageSpecOf(material, stage);
    spec.regions.forEach((region, r) => {
      const c = m * regionCount + r;
      const start = store.cellStart[c];
      const capacity = (stageSpec.capacityByRegion[region.id] ?? 0) / spec.ticksPerYear;
      if (capacity <= 0) return;
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
    });
  });
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
