import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  MODULE_EXTENSION, moduleExtensionOf, PACKAGE_ROOT_URL, packageFile, packageRootOf, siblingModule,
} from '../../src/runtime/moduleLocation.ts';

const SOURCE = 'file:///p/src/montecarlo/createMonteCarloPool.ts';
const COMPILED = 'file:///p/dist/src/montecarlo/createMonteCarloPool.js';

describe('moduleLocation', () => {
  it('tells the compiled tree from the sources by the module URL', () => {
    expect(moduleExtensionOf(SOURCE)).toBe('.ts');
    expect(moduleExtensionOf(`${SOURCE}?tsx`)).toBe('.ts');
    expect(moduleExtensionOf(COMPILED)).toBe('.js');
    expect(moduleExtensionOf('file:///p/dist/src/montecarlo/replicateWorkerEntry.mjs')).toBe('.js');
  });

  it('names worker modules .ts beside a source module and .js beside a compiled one', () => {
    expect(siblingModule('./replicateWorker', SOURCE).href).toBe('file:///p/src/montecarlo/replicateWorker.ts');
    expect(siblingModule('./replicateWorker', COMPILED).href).toBe('file:///p/dist/src/montecarlo/replicateWorker.js');
    expect(siblingModule('../threads/cellThreadWorker', COMPILED).href).toBe('file:///p/dist/src/threads/cellThreadWorker.js');
  });

  it('finds the package root from both trees', () => {
    expect(packageRootOf(SOURCE, 2)).toBe('file:///p/');
    expect(packageRootOf(COMPILED, 2)).toBe('file:///p/');
    expect(packageRootOf('file:///p/dist/bench/main.js', 1)).toBe('file:///p/');
  });

  it('runs from the sources under vitest, and every module named through it exists', () => {
    expect(MODULE_EXTENSION).toBe('.ts');
    expect(existsSync(fileURLToPath(packageFile('package.json')))).toBe(true);
    expect(PACKAGE_ROOT_URL.endsWith('/')).toBe(true);
    const base = new URL('src/montecarlo/x.ts', PACKAGE_ROOT_URL).href;
    for (const module of ['./replicateWorker', '../compare/summaryOnlyWorker', '../threads/threadedReplicateWorker',
      '../threads/cellThreadWorker', '../stats/computeBandRange', '../../bench/memoryChild']) {
      expect(existsSync(fileURLToPath(siblingModule(module, base))), module).toBe(true);
    }
  });
});
