import type { ReplicateResult } from '../../sim-core/index.ts';
import type { ReplicateBatch } from './replicateTask.ts';

/**
 * Slots for results by replicate index: batches are placed where their indices say, never in
 * the order they complete, so the merged list is the same whatever the worker count or timing.
 */
export interface ReplicateMerger {
  /** Places a batch; throws on an out-of-range or already filled index. Returns how many results it held. */
  add(batch: ReplicateBatch): number;
  /** All results sorted by replicate; throws if any index is still missing. */
  finish(): ReplicateResult[];
}

/**
 * Creates a merger for replicates 0…replicates−1.
 *
 * @param replicates - Number of replicates expected.
 * @returns The merger.
 * @example
 * const merger = createReplicateMerger(8);
 * merger.add(batch);
 * const results = merger.finish();
 */
export function createReplicateMerger(replicates: number): ReplicateMerger {
  const slots: Array<ReplicateResult | undefined> = new Array(replicates).fill(undefined);
  return {
    add(batch) {
      batch.results.forEach((result, offset) => {
        const index = batch.firstReplicate + offset;
        if (result.replicate !== index || index < 0 || index >= replicates) {
          throw new Error(`result for replicate ${result.replicate} arrived in slot ${index} of ${replicates}`);
        }
        if (slots[index] !== undefined) throw new Error(`replicate ${index} arrived twice`);
        slots[index] = result;
      });
      return batch.results.length;
    },
    finish() {
      const missing = slots.findIndex((slot) => slot === undefined);
      if (missing >= 0) throw new Error(`replicate ${missing} is missing`);
      return slots as ReplicateResult[];
    },
  };
}
