/**
 * Piscina entry of band workers (plain JavaScript, like replicateWorkerEntry.mjs): imports the
 * module named in `workerData.moduleUrl` (`computeBandRange.ts` from the sources, `.js` from
 * `dist/`), registering tsx's ESM hooks first when it is TypeScript and this worker cannot load
 * `.ts` files itself, and returns each range's bands by structured clone: transferring them would
 * detach their buffers in this thread, which turns off V8's ArrayBufferDetaching protector here
 * and slows every typed-array access of the thread (docs/performance.md).
 */
import { workerData } from 'node:worker_threads';

const { moduleUrl } = workerData;
let module;
try {
  module = await import(moduleUrl);
} catch (error) {
  if (error?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw error;
  const { register } = await import('tsx/esm/api');
  register();
  module = await import(`${moduleUrl}?tsx`);
}
const computeBandRange = module.computeBandRange;

/**
 * Computes the bands of one range of series of a shared block.
 * @param {object} task A BandRangeTask.
 */
export default function runBandTask(task) {
  return computeBandRange(task);
}
