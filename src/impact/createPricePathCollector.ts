import { type CompiledScenario, sampleScenario } from '../../sim-core/index.ts';
import type { ReplicateBatch } from '../montecarlo/replicateTask.ts';
import { appendPricePaths } from './appendPricePaths.ts';

/** Keeps the price paths of a run's first replicates as their batches pass (see {@link createPricePathCollector}). */
export interface PricePathCollector {
  /** Takes the paths of the batch's replicates below the count; leaves the batch untouched. */
  add(batch: ReplicateBatch): void;
  /** Paths of replicates 0…count−1, in replicate order, or undefined while one is missing. */
  paths(): Float64Array[] | undefined;
}

const NO_SUMMARIES = new Float64Array(0);

/**
 * Collects, from a run's batches as they stream to the output folder, the price paths
 * (`appendPricePaths`) of replicates 0…count−1, so that `impact.json` pairs its counterfactuals with
 * the run's own series instead of running the scenario as scripted again. The paths are those the
 * impact worker would compute: the same series, the same sampled base prices.
 *
 * @param compiled - The scenario the run compiled.
 * @param masterSeed - The run's master seed (for each replicate's sampled base prices).
 * @param count - How many of the first replicates to keep (the impact step's replicate count).
 * @returns The collector; call `add` with every batch.
 * @example
 * const collector = createPricePathCollector(compiled, 1, 30);
 * await streamMonteCarlo({ ..., onBatch: (batch) => { collector.add(batch); return store.add(batch); } });
 * collector.paths(); // 30 arrays of M·3·T multiples
 */
export function createPricePathCollector(compiled: CompiledScenario, masterSeed: number, count: number): PricePathCollector {
  const kept: Array<Float64Array | undefined> = new Array<Float64Array | undefined>(count).fill(undefined);
  const uncertain = compiled.spec.uncertainties.length > 0;
  return {
    add(batch) {
      for (const result of batch.results) {
        if (result.replicate >= count) continue;
        const sampled = uncertain ? sampleScenario(compiled.spec, masterSeed, result.replicate) : compiled.spec;
        kept[result.replicate] = appendPricePaths(compiled, sampled, NO_SUMMARIES, result.series);
      }
    },
    paths() {
      return kept.every((p) => p !== undefined) ? (kept as Float64Array[]) : undefined;
    },
  };
}
