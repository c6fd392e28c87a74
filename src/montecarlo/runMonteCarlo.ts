import type { ReplicateResult } from '../../sim-core/index.ts';
import { createReplicateMerger } from './createReplicateMerger.ts';
import { type MonteCarloOptions, streamMonteCarlo } from './streamMonteCarlo.ts';

export type { MonteCarloOptions, MonteCarloProgress } from './streamMonteCarlo.ts';

/**
 * Runs replicates 0…replicates−1 of a compiled scenario (see {@link streamMonteCarlo}) and returns
 * every result in memory, sorted by replicate index.
 *
 * Memory grows with replicates × series × ticks: fine for tests and small runs; `crm-sim run`
 * streams batches to disk instead (see docs/statistics.md).
 *
 * @param options - What to run and how (`firstReplicate` must be 0 or absent).
 * @returns Results of replicates 0…replicates−1, in order.
 * @throws AbortError (an Error named `AbortError`) when `signal` aborts; RangeError on bad options.
 * @example
 * const results = await runMonteCarlo({ compiled, masterSeed: 42, replicates: 200, workers: 2 });
 */
export async function runMonteCarlo<Compiled>(options: MonteCarloOptions<Compiled>): Promise<ReplicateResult[]> {
  if ((options.firstReplicate ?? 0) !== 0) throw new RangeError('runMonteCarlo starts at replicate 0');
  if (!Number.isInteger(options.replicates) || options.replicates < 0) {
    throw new RangeError(`replicates must be an integer ≥ 0, got ${options.replicates}`);
  }
  const merger = createReplicateMerger(options.replicates);
  await streamMonteCarlo({ ...options, onBatch: (batch) => void merger.add(batch) });
  return merger.finish();
}
