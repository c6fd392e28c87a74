import type { ReplicateResult } from '../../sim-core/index.ts';

/**
 * A copy of a result whose arrays live in SharedArrayBuffers: posting it to the main thread
 * copies nothing more and detaches nothing (see replicateWorkerEntry.mjs on why results are not
 * transferred), and the runner may overwrite its own buffers for the next replicate.
 *
 * @param result - A replicate's result (its arrays may be reused by the runner afterwards).
 * @returns The copy.
 * @example
 * createReplicateTaskHandler(factory, 4, copyToShared);
 */
export function copyToShared(result: ReplicateResult): ReplicateResult {
  return { ...result, series: sharedCopy(result.series), summaries: sharedCopy(result.summaries) };
}

/** A Float64Array in a new SharedArrayBuffer with the same values. */
function sharedCopy(view: Float64Array): Float64Array {
  const copy = new Float64Array(new SharedArrayBuffer(view.byteLength));
  copy.set(view);
  return copy;
}
