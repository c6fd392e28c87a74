import type { ResultLayout, ScenarioSpec } from '../../sim-core/index.ts';
import { nounOf } from '../text/countOf.ts';

/**
 * Estimates, from a resolved scenario and the run's shape, the memory a `crm-sim run` needs and
 * the disk its spill files take, before anything is allocated. The model follows the engine's
 * allocations (struct-of-arrays columns, sim-core/world) and the run's streaming design
 * (src/cli/runCommand.ts: batches spilled to disk, bands block by block). Constants are bytes per
 * element measured on the engine (the `estimateRunMemory` tests in test/scenario/checkRunResources.test.ts
 * check the world term against a real world); the estimate is an upper-leaning guide, not an exact account.
 */

/** Bytes per firm slot: its columns (70–78 bytes on the engine of 2026-11-29, 98 before) and a margin. */
const BYTES_PER_FIRM_SLOT = 96;
/** Bytes per end user: its columns (17 bytes measured) and a margin. */
const BYTES_PER_END_USER = 24;
/** Bytes per project slot (1 Uint8, 6 Int32, 2 Float64 columns). */
const BYTES_PER_PROJECT = 48;
/** Bytes per market segment (material × traded stage × region): about 24 Float64 columns. */
const BYTES_PER_SEGMENT = 192;
/** Bytes per (segment, region) pair: import shares, trade and effective parameters. */
const BYTES_PER_SEGMENT_REGION = 48;
/** Bytes per (material, region) cell of the remaining per-cell columns (stages, chain, recorder scratch). */
const OTHER_BYTES_PER_CELL = 512;
/** Fixed cost of the main process (Node, tsx, modules) and of each worker thread. */
const MAIN_PROCESS_BYTES = 192 * 2 ** 20;
const WORKER_THREAD_BYTES = 64 * 2 ** 20;
/** Headroom for garbage-collected objects and fragmentation on top of the typed arrays. */
const SLACK = 1.25;

/** Shape of the run whose needs are estimated. */
export interface RunShape {
  /** Replicates this process runs (a shard's own count). */
  replicates: number;
  /** Pool threads (0 = inline on the main thread). */
  workers: number;
  /** Whether this process computes bands over all `bandReplicates` (a full run; not a shard). */
  bands: boolean;
  /** Replicates the bands cover (default `replicates`). */
  bandReplicates?: number;
  /** Result bytes per task (default 32 MiB) and per band block (default 256 MiB), as in the run. */
  chunkBytes?: number;
  blockBytes?: number;
  /** Every replicate's series also written as CSV (about 24 bytes a value). */
  keepSeries?: boolean;
}

/** The command-line options that drive a term, as `drivenBy` names them (not scenario keys). */
export const REPLICATES_OPTION = '--replicates';
export const WORKERS_OPTION = '--workers';

/** One term of the estimate, with the scenario key (or command-line option) that drives it (for located messages). */
export interface EstimatePart {
  name: string;
  bytes: number;
  /** Dotted scenario path most responsible for this term, or {@link REPLICATES_OPTION} / {@link WORKERS_OPTION}. */
  drivenBy: string;
}

/** The estimate: memory at the peak and disk for spill and kept series, with their terms. */
export interface RunEstimate {
  memoryBytes: number;
  diskBytes: number;
  /** Memory terms, largest first. */
  parts: EstimatePart[];
}

/**
 * Firm slots of all four capacity stages at most (cells with capacity plus headroom): an upper bound,
 * since worlds allocate a cell's headroom only as entrants need it, except when stepped on several threads.
 */
function firmSlots(spec: ScenarioSpec): number {
  const perCell = Math.max(1, Math.round(spec.resolution.firmsPerCapacityCell));
  const headroom = Math.max(2, Math.ceil(perCell * spec.resolution.entrantHeadroom));
  let slots = 0;
  for (const material of spec.materials) {
    for (const stage of [material.mining, material.processing, material.manufacturing, material.recycling]) {
      for (const region of spec.regions) slots += ((stage.capacityByRegion[region.id] ?? 0) > 0 ? perCell : 0) + headroom;
    }
  }
  return slots;
}

/** The world of one replicate (its typed-array columns), as terms. Example: `estimateWorldParts(spec)[0].name` → `firms`. */
export function estimateWorldParts(spec: ScenarioSpec): EstimatePart[] {
  const M = spec.materials.length;
  const R = spec.regions.length;
  const perCell = Math.max(2, Math.round(spec.resolution.firmsPerCapacityCell));
  const endUsers = spec.materials.reduce((n, m) => n + spec.regions.filter((r) => (m.demand.byRegion[r.id] ?? 0) > 0).length * perCell, 0);
  // The pipeline has no limit (session 7); its old limit, tripled, covers the peaks seen since (the
  // reference baseline at 20 firms per cell: 1,320–1,500 projects against a limit of 560).
  const projects = 3 * Math.max(256, 8 * M * R, Math.round(spec.resolution.firmsPerCapacityCell * M * R));
  const lifetimes = spec.materials.map((m) => m.recycling.productLifetimeYears * spec.ticksPerYear);
  const eolSlots = Math.round(lifetimes.reduce((a, b) => Math.max(a, b), 1)) + 1;
  const delays = spec.events.map((e) => (e.kind === 'exportControl' ? (e.delayYears ?? 0) : 0) * spec.ticksPerYear);
  const transitSlots = Math.round((spec.behaviour.transportWeeks * spec.ticksPerYear) / 52 + delays.reduce((a, b) => Math.max(a, b), 0)) + 2;
  const segments = 3 * M * R;
  return [
    { name: 'firms', bytes: firmSlots(spec) * BYTES_PER_FIRM_SLOT + endUsers * BYTES_PER_END_USER + projects * BYTES_PER_PROJECT, drivenBy: 'resolution.firmsPerCapacityCell' },
    { name: 'end-of-life cohorts', bytes: M * R * eolSlots * 8, drivenBy: longestLifetimePath(spec) },
    { name: 'goods in transit', bytes: segments * transitSlots * 16, drivenBy: 'behaviour.transportWeeks' },
    { name: 'markets', bytes: segments * (BYTES_PER_SEGMENT + R * BYTES_PER_SEGMENT_REGION), drivenBy: 'regions' },
    { name: 'other state', bytes: 64 * 2 ** 10 + M * R * OTHER_BYTES_PER_CELL, drivenBy: 'regions' },
  ];
}

/** Path of the material's product lifetime that sets the end-of-life cohort count. */
function longestLifetimePath(spec: ScenarioSpec): string {
  let best = spec.materials[0];
  for (const m of spec.materials) if (m.recycling.productLifetimeYears > best.recycling.productLifetimeYears) best = m;
  return best === undefined ? 'materials' : `materials.${best.id}.recycling.productLifetimeYears`;
}

/**
 * Estimates memory and disk of a run (see the module comment).
 * Example: `estimateRunMemory(spec, compiled.layout, { replicates: 100, workers: 2, bands: true })`.
 */
export function estimateRunMemory(spec: ScenarioSpec, layout: ResultLayout, shape: RunShape): RunEstimate {
  const { ticks } = layout;
  const bytesPerReplicate = (layout.series.length * ticks + layout.summaries.length) * 8;
  const batchBytes = Math.max(shape.chunkBytes ?? 32 * 2 ** 20, bytesPerReplicate);
  const lanes = Math.max(1, shape.workers);
  const world = estimateWorldParts(spec);
  const worldBytes = world.reduce((sum, p) => sum + p.bytes, 0);
  const largestWorldTerm = [...world].sort((a, b) => b.bytes - a.bytes)[0];
  const bandReplicates = shape.bandReplicates ?? shape.replicates;
  const parts: EstimatePart[] = [
    { name: `${lanes} replicate world${lanes > 1 ? 's' : ''} (${largestWorldTerm.name} largest)`, bytes: lanes * worldBytes, drivenBy: largestWorldTerm.drivenBy },
    { name: `results in flight (${lanes} × ${lanes > 1 || shape.workers > 0 ? 2 : 1} batches of ≥ 1 replicate × ${layout.series.length} series × ${ticks} ticks)`, bytes: lanes * (shape.workers > 0 ? 2 : 1) * batchBytes, drivenBy: 'years' },
    { name: 'process and threads', bytes: MAIN_PROCESS_BYTES + shape.workers * WORKER_THREAD_BYTES, drivenBy: shape.workers * WORKER_THREAD_BYTES > MAIN_PROCESS_BYTES ? WORKERS_OPTION : '' },
    ...estimateSummaryAndBandParts(layout, bandReplicates, shape.bands, shape.blockBytes),
  ];
  parts.sort((a, b) => b.bytes - a.bytes);
  const memoryBytes = parts.reduce((sum, p) => sum + p.bytes, 0) * SLACK;
  const keptBytes = shape.keepSeries ? bandReplicates * layout.series.length * ticks * 24 : 0;
  return { memoryBytes, diskBytes: shape.replicates * bytesPerReplicate + keptBytes, parts };
}

/**
 * The memory terms of holding `replicates` replicates' summaries and, when `bands`, of the band pass
 * (two blocks of series across the replicates, and the bands themselves): what a full run's main
 * process and `crm-sim merge` hold whatever the workers do.
 * @param blockBytes - Memory for one block of series (default 256 MiB; at least one series per block).
 */
export function estimateSummaryAndBandParts(layout: ResultLayout, replicates: number, bands: boolean, blockBytes = 256 * 2 ** 20): EstimatePart[] {
  const { ticks } = layout;
  const seriesPerBlock = Math.max(1, Math.min(layout.series.length, Math.floor(blockBytes / Math.max(1, replicates * ticks * 8))));
  const parts: EstimatePart[] = [{ name: 'replicate summaries', bytes: replicates * (layout.summaries.length * 8 + 96), drivenBy: REPLICATES_OPTION }];
  if (bands) {
    parts.push({ name: `band blocks (${seriesPerBlock} series × ${replicates} ${nounOf(replicates, 'replicate')} × ${ticks} ${nounOf(ticks, 'tick')}, twice)`, bytes: 2 * seriesPerBlock * replicates * ticks * 8, drivenBy: REPLICATES_OPTION });
    parts.push({ name: `bands (${layout.series.length} series × ${ticks} ticks × 6 statistics)`, bytes: layout.series.length * ticks * 48, drivenBy: 'years' });
  }
  return parts;
}

/**
 * What `crm-sim merge` holds: the run's summaries, the band pass and the process, with the same
 * slack as a run's estimate (bytes).
 */
export function estimateMergeMemory(layout: ResultLayout, replicates: number, blockBytes?: number): { bytes: number; parts: EstimatePart[] } {
  const parts = [...estimateSummaryAndBandParts(layout, replicates, true, blockBytes), { name: 'process', bytes: MAIN_PROCESS_BYTES, drivenBy: '' }];
  parts.sort((a, b) => b.bytes - a.bytes);
  return { bytes: parts.reduce((sum, p) => sum + p.bytes, 0) * SLACK, parts };
}
