/**
 * Piscina entry of Monte Carlo workers, in plain JavaScript so any Node can load it.
 *
 * It imports the TypeScript worker module named in `workerData.workerModule`. When the worker
 * cannot load `.ts` files itself (no tsx loader inherited, e.g. inside vitest), it registers tsx's
 * ESM hooks (`tsx/esm/api` `register()`) in this worker and retries; under `tsx script.ts` the
 * loader is inherited through execArgv and registration is skipped.
 *
 * A task carries its compiled scenario (a shared pool serves several scenarios; the handler keeps
 * a runner per scenario hash); a task without one is completed from `workerData.compiled` when its
 * hash matches. Results return with their ArrayBuffers transferred, not copied.
 */
import { workerData } from 'node:worker_threads';
import { move, transferableSymbol, valueSymbol } from 'piscina';

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
 * Runs one task and returns its batch with every result buffer marked for transfer.
 * @param {object} task A ReplicateTask without `compiled`.
 */
export default function runReplicateTask(task) {
  const complete = task.compiled === undefined && task.scenarioHash === scenarioHash ? { ...task, compiled } : task;
  const batch = handler(complete);
  const buffers = new Set();
  for (const result of batch.results) {
    for (const view of [result.series, result.summaries]) {
      if (view.buffer instanceof ArrayBuffer) buffers.add(view.buffer);
    }
  }
  return move({
    get [transferableSymbol]() {
      return [...buffers];
    },
    get [valueSymbol]() {
      return batch;
    },
  });
}
