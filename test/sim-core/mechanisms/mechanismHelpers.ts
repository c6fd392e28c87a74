import { loadScenario } from '../../../src/scenario/loadScenario.ts';
import { compileScenario, createReplicateRunner, createWorld, step, type EventSpec, type ReplicateResult, type ScenarioSpec, type World } from '../../../sim-core/index.ts';

/** Capacity stage codes of `World.stores` (sim-core/world/world.ts). */
export const MINING = 0;
export const PROCESSING = 1;
export const MANUFACTURING = 2;
export const RECYCLING = 3;

/**
 * The shipped baseline cut down to one material (its uncertain parameters at their nominal values,
 * no events): a small world for paired mechanism tests. `edit` may change the copy in place.
 */
export function oneMaterial(material: string, years: number, edit: (spec: ScenarioSpec) => void = () => {}, firmsPerCell = 3): ScenarioSpec {
  const full = loadScenario('scenarios/baseline.yaml', { set: [`years=${years}`, `resolution.firmsPerCapacityCell=${firmsPerCell}`] }).spec;
  const spec = structuredClone({ ...full, materials: full.materials.filter((m) => m.id === material), uncertainties: [], events: [] });
  if (spec.materials.length !== 1) throw new Error(`no material ${material} in the baseline`);
  edit(spec);
  return spec;
}

/** The spec with extra events appended. */
export function withEvents(spec: ScenarioSpec, ...events: EventSpec[]): ScenarioSpec {
  return { ...spec, events: [...spec.events, ...events] };
}

/** Runs a world to the end of its horizon, calling `observe` after every tick; returns the world. */
export function simulate(spec: ScenarioSpec, seed = 1, replicate = 0, observe: (world: World) => void = () => {}): World {
  const world = createWorld(spec, seed, replicate);
  for (let t = 0; t < world.ticks; t++) {
    step(world, null);
    observe(world);
  }
  return world;
}

/** Index of a region id in the world. */
export function regionOf(world: World, id: string): number {
  const r = world.spec.regions.findIndex((region) => region.id === id);
  if (r < 0) throw new Error(`no region ${id}`);
  return r;
}

/** Live capacity of (stage, material 0, region), t/tick, summed over the cell's firms. */
export function liveCapacity(world: World, stage: number, r: number, m = 0): number {
  const store = world.stores[stage];
  const c = m * world.regions + r;
  let total = 0;
  for (let f = store.cellStart[c], end = f + store.cellUsedSlots[c]; f < end; f++) total += store.alive[f] * store.capacityTonnesPerTick[f];
  return total;
}

/** Pipeline phase code of projects under construction (sim-core/world/projectStore.ts). */
export const PHASE_CONSTRUCTION = 2;

/** Capacity of (stage, material m, region) in the pipeline, in any phase or only in `phase`, t/tick. */
export function pipelineCapacity(world: World, stage: number, r: number, m = 0, phase = -1): number {
  const p = world.projects;
  let total = 0;
  for (let i = 0; i < p.slots; i++) {
    if (p.active[i] === 1 && p.stage[i] === stage && p.region[i] === r && p.material[i] === m && (phase < 0 || p.phase[i] === phase)) total += p.capacityTonnesPerTick[i];
  }
  return total;
}

/** Runs one replicate through the public runner (recording every series). */
export function runRecorded(spec: ScenarioSpec, seed = 1, replicate = 0): { result: ReplicateResult; series: (metric: string, stage: string, region: string) => Float64Array } {
  const compiled = compileScenario(spec);
  const result = createReplicateRunner(compiled)(seed, replicate);
  const { ticks } = compiled.layout;
  const series = (metric: string, stage: string, region: string) => {
    const i = compiled.layout.series.findIndex((key) => key.metric === metric && key.stage === stage && key.region === region);
    if (i < 0) throw new Error(`no series ${metric}/${stage}/${region}`);
    return result.series.subarray(i * ticks, (i + 1) * ticks);
  };
  return { result, series };
}

/** Sum of a series over ticks [from, to). */
export function total(values: ArrayLike<number>, from = 0, to = values.length): number {
  let sum = 0;
  for (let t = from; t < to; t++) sum += values[t];
  return sum;
}

/** The first tick at which `values[t] > threshold`, or Infinity. */
export function firstTickAbove(values: ArrayLike<number>, threshold: number): number {
  for (let t = 0; t < values.length; t++) if (values[t] > threshold) return t;
  return Infinity;
}

/**
 * Replicate 0 (seed 1, 3 years) of `docs/validation/g33/gallium-quota.yaml`, China's 50% gallium quota
 * (Jan 2026 – Jun 2027), run to tick `to` (exclusive): the unmet share of end-use gallium demand outside
 * China over ticks `from`…`to − 1`, and the US refined gallium price's peak over its base from tick 0
 * (docs/model.md G35's two phases are read on it).
 */
export function galliumQuotaOutsideChina(from: number, to: number): { unmetShare: number; demand: number; refinedPeakUs: number } {
  const spec = loadScenario('docs/validation/g33/gallium-quota.yaml', { set: ['years=3'] }).spec;
  const world = createWorld(spec, 1, 0);
  const R = world.regions;
  const m = spec.materials.findIndex((x) => x.name === 'Gallium');
  const cn = spec.regions.findIndex((r) => r.alignment === 'adversary');
  const refinedUs = (m * 3 + 1) * R + spec.regions.findIndex((r) => r.alignment === 'home');
  let unmet = 0;
  let demand = 0;
  let refinedPeakUs = 0;
  for (let t = 0; t < to; t++) {
    step(world, null);
    refinedPeakUs = Math.max(refinedPeakUs, world.markets.priceUsdPerTonne[refinedUs] / world.markets.basePriceUsdPerTonne[refinedUs]);
    if (t < from) continue;
    for (let r = 0; r < R; r++) {
      if (r === cn) continue;
      const b = (2 * world.materials + m) * R + r;
      unmet += world.flows.unmetTonnes[b];
      demand += world.flows.demandTonnes[b];
    }
  }
  return { unmetShare: unmet / demand, demand, refinedPeakUs };
}
