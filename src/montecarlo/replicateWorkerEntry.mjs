/**
 * Piscina entry of Monte Carlo workers, in plain JavaScript so any Node can load it.
 *
 * It imports the worker module named in `workerData.workerModule` (`.ts` from the sources, `.js`
 * from `dist/`; see src/runtime/moduleLocation.ts). When it is TypeScript and the worker cannot
 * load `.ts` files itself (no tsx loader inherited, e.g. inside vitest), it registers tsx's
 * ESM hooks (`tsx/esm/api` `register()`) in this worker and retries; under `tsx script.ts` the
 * loader is inherited through execArgv and registration is skipped.
 *
 * A task carries its compiled scenario (runChunksInPool puts it in every task: a shared pool
 * serves several scenarios and piscina picks the thread; the handler keeps a runner per scenario
 * hash and ignores the copy once it has one); a task without one is completed from
 * `workerData.compiled` when its hash matches (no pool of this code base sets it today).
 *
 * Results are not transferred: a transfer detaches the buffer in this thread, which invalidates
 * V8's ArrayBufferDetaching protector here for good, and the engine's typed-array loops then
 * re-optimise with a detached-buffer check on every access (docs/performance.md). Each result
 * array is instead copied once into a SharedArrayBuffer, which the main thread receives without
 * a second copy (structured cloning would copy twice: serialise here, deserialise there; per
 * replicate of the reference run, about 4 MB, a millisecond or two either way).
 */
import { workerData } from 'node:worker_threads';

const { workerModule, scenarioHash, compiled } = workerData;
const handler = await loadHandler(workerModule);

/**
 * Imports the worker module, registering tsx first if TypeScript cannot be loaded yet.
 * @param {string} url File URL of the worker module.
 * @returns {Promise<Function>} Its default export.
 */
async function loadHandler(url) {
  let module;
  try {
    module = await import(url);
  } catch (error) {
    if (error?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw error;
    const { register } = await import('tsx/esm/api');
    register();
    module = await import(`${url}?tsx`);
  }
  if (typeof module.default !== 'function') {
    throw new TypeError(`worker module ${url} has no default export function`);
  }
  return module.default;
}

/**
 * Runs one task and returns its batch with every result array copied into a SharedArrayBuffer.
 * @param {object} task A ReplicateTask without `compiled`.
 */
export default function runReplicateTask(task) {
  const complete = task.compiled === undefined && task.scenarioHash === scenarioHash ? { ...task, compiled } : task;
  const batch = handler(complete);
  const results = batch.results.map((result) => ({ ...result, series: toShared(result.series), summaries: toShared(result.summaries) }));
  return { ...batch, results };
}

/**
 * A Float64Array in shared memory: the array itself when a handler already put it there (the
 * engine's replicateWorker copies each result as its replicate ends), else a copy. Posting it
 * copies nothing more, and detaches nothing.
 * @param {Float64Array} view
 * @returns {Float64Array}
 */
function toShared(view) {
  if (view.buffer instanceof SharedArrayBuffer) return view;
  const copy = new Float64Array(new SharedArrayBuffer(view.byteLength));
  copy.set(view);
  return copy;
}
