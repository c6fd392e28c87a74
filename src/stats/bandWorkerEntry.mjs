/**
 * Piscina entry of band workers (plain JavaScript, like replicateWorkerEntry.mjs): imports the
 * TypeScript module `computeBandRange.ts`, registering tsx's ESM hooks first when this worker
 * cannot load `.ts` files itself, and returns each range's bands with their buffers transferred.
 */
import { move, transferableSymbol, valueSymbol } from 'piscina';

const moduleUrl = new URL('./computeBandRange.ts', import.meta.url).href;
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
  const bands = computeBandRange(task);
  const buffers = bands.flatMap((band) => [band.n, band.mean, band.p5, band.p25, band.p50, band.p75, band.p95].map((view) => view.buffer));
  return move({
    get [transferableSymbol]() {
      return buffers;
    },
    get [valueSymbol]() {
      return bands;
    },
  });
}
