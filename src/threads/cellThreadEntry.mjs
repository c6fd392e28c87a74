/**
 * Entry of cell helper threads, in plain JavaScript: imports the TypeScript helper, registering tsx's
 * ESM hooks in this thread first when TypeScript cannot be loaded yet (e.g. inside vitest).
 */
try {
  await import('./cellThreadWorker.ts');
} catch (error) {
  if (error?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw error;
  const { register } = await import('tsx/esm/api');
  register();
  await import('./cellThreadWorker.ts?tsx');
}
