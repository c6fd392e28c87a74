import { type CompiledScenario, sampleScenario } from '../../sim-core/index.ts';
import type { ReplicateBatch } from '../montecarlo/replicateTask.ts';
import { computeImpactExtras } from './computeImpactExtras.ts';
import { exportControlFlows } from './measureExportControls.ts';

/** Keeps what impact.json needs of a run's first replicates as their batches pass (see {@link createImpactExtrasCollector}). */
export interface ImpactExtrasCollector {
  /** Takes the extras of the batch's replicates below the count; leaves the batch untouched. */
  add(batch: ReplicateBatch): void;
  /** Extras of replicates 0…count−1, in replicate order, or undefined while one is missing. */
  extras(): Float64Array[] | undefined;
}

/**
 * Collects, from a run's batches as they stream to the output folder, what impact.json needs of the
 * series of replicates 0…count−1 (`computeImpactExtras`: price paths, end users' spending, the
 * exports its export controls restrict), so that
 * it pairs its counterfactuals with the run's own series instead of running the scenario as scripted
 * again. They are what the impact worker would compute: the same series, the same sampled base prices.
 *
 * @param compiled - The scenario the run compiled.
 * @param masterSeed - The run's master seed (for each replicate's sampled base prices).
 * @param count - How many of the first replicates to keep (the impact step's replicate count).
 * @returns The collector; call `add` with every batch.
 * @example
 * const collector = createImpactExtrasCollector(compiled, 1, 30);
 * await streamMonteCarlo({ ..., onBatch: (batch) => { collector.add(batch); return store.add(batch); } });
 * collector.extras(); // 30 arrays: M·3·T price multiples, then M·4 end-user figures
 */
export function createImpactExtrasCollector(compiled: CompiledScenario, masterSeed: number, count: number): ImpactExtrasCollector {
  const kept: Array<Float64Array | undefined> = new Array<Float64Array | undefined>(count).fill(undefined);
  const uncertain = compiled.spec.uncertainties.length > 0;
  const exportFlows = exportControlFlows(compiled.spec);
  return {
    add(batch) {
      for (const result of batch.results) {
        if (result.replicate >= count) continue;
        const sampled = uncertain ? sampleScenario(compiled.spec, masterSeed, result.replicate) : compiled.spec;
        kept[result.replicate] = computeImpactExtras(compiled, sampled, result.series, exportFlows);
      }
    },
    extras() {
      return kept.every((p) => p !== undefined) ? (kept as Float64Array[]) : undefined;
    },
  };
}
