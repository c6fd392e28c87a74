import { basename } from 'node:path';
import type { CompiledScenario, ReplicateResult } from '../../sim-core/index.ts';
import { countPoolWorkers } from '../montecarlo/countPoolWorkers.ts';
import { createMonteCarloPool } from '../montecarlo/createMonteCarloPool.ts';
import { runMonteCarlo } from '../montecarlo/runMonteCarlo.ts';
import { siblingModule } from '../runtime/moduleLocation.ts';
import { checkArmsResources, type LocateArmKey } from '../scenario/checkArmsResources.ts';
import { armKey, type ArmCache } from './armCache.ts';

/** Options of {@link runScenarioArms}. */
export interface ArmRunOptions {
  /** The one master seed every arm runs with. */
  masterSeed: number;
  /** Replicates per arm (indices 0…replicates−1 in every arm). */
  replicates: number;
  /** Worker threads (0 = main thread). */
  workers: number;
  signal?: AbortSignal;
  /** Called after each chunk with replicates completed over all arms and their total. */
  onProgress?: (completed: number, total: number) => void;
  /** Worker module (a `ReplicateTaskHandler`); default `summaryOnlyWorker` (stress appends its own measures). */
  workerModule?: URL;
  /** Finished arms kept between attempts (`--resume`): arms found there are not run again. */
  cache?: ArmCache;
  /**
   * Fields sent to the worker module beside each compiled arm (e.g. compare's `overTimeTargets`):
   * the same for every arm, and part of each arm's `--resume` key.
   */
  taskData?: Readonly<Record<string, unknown>>;
  /**
   * Refuse, before any thread starts, arms estimated to need more memory than this
   * (`--max-memory`, $CRM_SIM_MAX_MEMORY, else 80% of RAM; checkArmsResources.ts). No check without it.
   */
  memoryLimit?: { bytes: number; source: string };
  /** Values each result keeps beyond its summaries (the worker module's extras), for the memory check. */
  extraValuesPerReplicate?: number;
  /** Where an arm's scenario key is written, for a located memory refusal (default: the arm's name, no line). */
  locateKey?: LocateArmKey;
}

const SUMMARY_ONLY_WORKER = siblingModule('./summaryOnlyWorker', import.meta.url);

/**
 * Runs several compiled scenarios ("arms") with common random numbers: every arm runs
 * replicates 0…n−1 under the same master seed, and the engine derives each random stream from
 * (seed, replicate, stream name) only, so replicate i of every arm sees the same draws wherever
 * the arms agree. Arms run one after the other on one pool started for all of them (thread
 * start-up and JIT warm-up are paid once, not once per arm); results keep their summaries only
 * (see `summaryOnlyWorker.ts`).
 *
 * @param arms - Compiled scenarios.
 * @param options - Seed, replicates, workers, abort signal and progress callback.
 * @returns Per arm, the results sorted by replicate (with empty `series`).
 * @throws AbortError when `signal` aborts; ScenarioError when over `memoryLimit`.
 * @example
 * const [first, second] = await runScenarioArms([a, b], { masterSeed: 1, replicates: 100, workers: 2 });
 */
export async function runScenarioArms(
  arms: readonly CompiledScenario[],
  options: ArmRunOptions,
): Promise<ReplicateResult[][]> {
  // No more threads than an arm has tasks (--workers 500 for 2 replicates started 500 threads).
  const threads = countPoolWorkers(options.replicates, options.workers);
  if (options.memoryLimit !== undefined) {
    const locate: LocateArmKey = options.locateKey ?? ((arm) => ({ file: arms[arm].spec.name, line: 0, column: 0 }));
    checkArmsResources(arms, { replicates: options.replicates, workers: threads, workersOption: options.workers, extraValuesPerReplicate: options.extraValuesPerReplicate }, options.memoryLimit, locate);
  }
  const total = arms.length * options.replicates;
  const workerModule = options.workerModule ?? SUMMARY_ONLY_WORKER;
  const out: ReplicateResult[][] = [];
  const pool = threads > 0 && arms.length > 0 ? createMonteCarloPool(threads, workerModule) : undefined;
  try {
    for (const compiled of arms) {
      const done = out.length * options.replicates;
      const key = options.cache && armKey(compiled, options.masterSeed, options.replicates, basename(workerModule.pathname).replace(/\.[jt]s$/, ''), options.taskData);
      const kept = key === undefined ? undefined : options.cache?.read(key, options.replicates);
      if (kept !== undefined) {
        out.push(kept);
        options.onProgress?.(done + options.replicates, total);
        continue;
      }
      out.push(
        await runMonteCarlo({
          compiled: options.taskData === undefined ? compiled : { ...compiled, ...options.taskData },
          masterSeed: options.masterSeed,
          replicates: options.replicates,
          workers: options.workers,
          pool,
          signal: options.signal,
          workerModule,
          onProgress: (p) => options.onProgress?.(done + p.completedReplicates, total),
        }),
      );
      if (key !== undefined) options.cache?.write(key, out[out.length - 1]);
    }
  } catch (error) {
    // Interrupted under --resume: the message says which arms are kept, and how to finish.
    if (options.cache !== undefined && (error as Error | undefined)?.name === 'AbortError') throw options.cache.interrupted(error);
    throw error;
  } finally {
    await pool?.destroy();
  }
  return out;
}
