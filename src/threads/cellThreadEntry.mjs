/**
 * Entry of cell helper threads, in plain JavaScript: imports the helper module named in
 * `workerData.module` (`cellThreadWorker.ts` from the sources, `.js` from `dist/`; chosen by
 * startCellThreads through src/runtime/moduleLocation.ts), registering tsx's ESM hooks in this
 * thread first when it is TypeScript and cannot be loaded yet (e.g. inside vitest).
 */
import { workerData } from 'node:worker_threads';

try {
  await import(workerData.module);
} catch (error) {
  if (error?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw error;
  const { register } = await import('tsx/esm/api');
  register();
  await import(`${workerData.module}?tsx`);
}
