import type { CompiledScenario } from '../../sim-core/index.ts';
import { estimateWorldParts, type EstimatePart, type RunEstimate, REPLICATES_OPTION, WORKERS_OPTION } from './estimateRunMemory.ts';
import { formatBytes } from './checkRunResources.ts';
import { ScenarioError } from './scenarioError.ts';
import { countOf, nounOf } from '../text/countOf.ts';

/**
 * Memory checks of the commands that run several scenarios side by side and keep every replicate's
 * summaries until the end (`compare`, `sweep`, `stress`): a run's check (checkRunResources.ts) covers
 * one scenario whose replicates stream to disk; here every arm's results stay in memory.
 */

/**
 * Peak memory per kept replicate result: its values (8 bytes each, held about twice at the peak: the
 * result and the statistics' metric columns) and the result object. Measured as the slope of peak
 * RSS against replicates on `compare` of README's two scenarios over one year (578 summaries and 72
 * kept values per result: 286 MB at 3,100 replicates, 250 MB at 1,100): about 9 KB per replicate and
 * arm, which these constants put at 11.4 KB.
 */
const COPIES_PER_VALUE = 2;
const BYTES_PER_RESULT = 1024;
/** Fixed cost of the main process and of each worker thread (as estimateRunMemory's). */
const MAIN_PROCESS_BYTES = 192 * 2 ** 20;
const WORKER_THREAD_BYTES = 64 * 2 ** 20;
/** Headroom for fragmentation, as estimateRunMemory's. */
const SLACK = 1.25;

/** The arm with the largest world: its index, its world's bytes and its largest term. */
function largestWorld(arms: readonly Pick<CompiledScenario, 'spec'>[]): { arm: number; bytes: number; part: EstimatePart } | undefined {
  let world: { arm: number; bytes: number; part: EstimatePart } | undefined;
  arms.forEach((arm, i) => {
    const parts = estimateWorldParts(arm.spec);
    const bytes = parts.reduce((sum, p) => sum + p.bytes, 0);
    if (world === undefined || bytes > world.bytes) world = { arm: i, bytes, part: [...parts].sort((a, b) => b.bytes - a.bytes)[0] };
  });
  return world;
}

/** Shape of a multi-arm run. */
export interface ArmsShape {
  /** Replicates per arm. */
  replicates: number;
  /** Pool threads (0 = the main thread). */
  workers: number;
  /** `--workers` as given, when the pool starts fewer threads (no more than an arm has tasks); named in a refusal. */
  workersOption?: number;
  /** Values each replicate's result keeps beyond its arm's summaries (compare's monthly values, stress's measures). */
  extraValuesPerReplicate?: number;
}

/**
 * Estimates the peak memory of running `arms` side by side: the worlds being stepped (one per
 * thread, the largest arm's), every arm's kept results, and the process and its threads.
 * Example: `estimateArmsMemory([a, b], { replicates: 10_000, workers: 2 }).parts[0].name` → `kept results (…)`.
 */
export function estimateArmsMemory(arms: readonly Pick<CompiledScenario, 'spec' | 'layout'>[], shape: ArmsShape): RunEstimate {
  const lanes = Math.max(1, shape.workers);
  const world = largestWorld(arms);
  const values = arms.reduce((sum, arm) => sum + arm.layout.summaries.length + (shape.extraValuesPerReplicate ?? 0), 0);
  const kept = shape.replicates * (values * 8 * COPIES_PER_VALUE + arms.length * BYTES_PER_RESULT);
  const parts: EstimatePart[] = [
    { name: `kept results (${countOf(arms.length, 'arm')} × ${shape.replicates} ${nounOf(shape.replicates, 'replicate')})`, bytes: kept, drivenBy: REPLICATES_OPTION },
    // The threads are --workers' doing only when they outweigh the main process.
    { name: 'process and threads', bytes: MAIN_PROCESS_BYTES + shape.workers * WORKER_THREAD_BYTES, drivenBy: shape.workers * WORKER_THREAD_BYTES > MAIN_PROCESS_BYTES ? WORKERS_OPTION : '' },
  ];
  if (world !== undefined) parts.push({ name: `${lanes} replicate world${lanes > 1 ? 's' : ''} (${world.part.name} largest)`, bytes: lanes * world.bytes, drivenBy: world.part.drivenBy });
  parts.sort((a, b) => b.bytes - a.bytes);
  return { memoryBytes: parts.reduce((sum, p) => sum + p.bytes, 0) * SLACK, diskBytes: 0, parts };
}

/** Where a scenario key of arm `arm` is written (its file, line and column), for located messages. */
export type LocateArmKey = (arm: number, path: string) => { file: string; line: number; column: number };

/**
 * Refuses, before any thread starts, a multi-arm run estimated to need more memory than `limit`:
 * a ScenarioError naming `--replicates`, `--workers` or the scenario key behind the largest term,
 * with the estimate, the limit and what to reduce. Exit code 2 when a flag is to blame, 3 for a key.
 * @returns The estimate (for tests).
 * @throws ScenarioError when over the limit.
 */
export function checkArmsResources(
  arms: readonly Pick<CompiledScenario, 'spec' | 'layout'>[],
  shape: ArmsShape,
  limit: { bytes: number; source: string },
  locate: LocateArmKey,
): RunEstimate {
  const estimate = estimateArmsMemory(arms, shape);
  if (estimate.memoryBytes <= limit.bytes) return estimate;
  const largest = estimate.parts[0];
  const terms = estimate.parts.map((p) => `${p.name} ${formatBytes(p.bytes)}`).join('; ');
  const lever = largest.drivenBy === REPLICATES_OPTION ? 'reduce --replicates, or run fewer scenarios or points at once'
    : largest.drivenBy === WORKERS_OPTION ? 'use fewer --workers'
      : largest.drivenBy === '' ? `the process and its ${countOf(shape.workers, 'thread')} alone need about ${formatBytes((MAIN_PROCESS_BYTES + shape.workers * WORKER_THREAD_BYTES) * SLACK)}` : `reduce ${largest.drivenBy}`;
  const text = {
    expected: `a run that fits in memory (limit ${formatBytes(limit.bytes)}: ${limit.source})`,
    found: `an estimated ${formatBytes(estimate.memoryBytes)} for ${countOf(arms.length, 'arm')} × ${shape.replicates} ${nounOf(shape.replicates, 'replicate')} on ${countOf(shape.workers, 'thread')}`,
    message: `terms: ${terms}; ${lever}, or raise --max-memory if the machine has the memory`,
  };
  // A term driven by the command line is the flag's problem (exit 2); a scenario key's is located in its file (exit 3).
  const flag = largest.drivenBy === REPLICATES_OPTION ? `--replicates ${shape.replicates}` : largest.drivenBy === WORKERS_OPTION ? `--workers ${shape.workersOption ?? shape.workers}` : largest.drivenBy === '' ? limit.source : undefined;
  if (flag !== undefined) throw new ScenarioError([{ file: flag, line: 0, column: 0, path: '', usage: true, ...text }]);
  throw new ScenarioError([{ ...locate(largestWorld(arms)?.arm ?? 0, largest.drivenBy), path: largest.drivenBy, ...text }]);
}
