import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../sim-core/index.ts';
import { runMonteCarlo } from '../../src/montecarlo/runMonteCarlo.ts';
import { loadScenario } from '../../src/scenario/loadScenario.ts';
import { spinMsOfModuleUrl, threadedWorkerModule, threadsInProcessOfModuleUrl, threadsOfModuleUrl } from '../../src/threads/threadedWorkerModule.ts';

describe('Monte Carlo with two threads per replicate', () => {
  it('names the thread count in the module URL', () => {
    expect(threadsOfModuleUrl(threadedWorkerModule(3))).toBe(3);
    expect(threadsOfModuleUrl(`${threadedWorkerModule(2)}?tsx`)).toBe(2);
    expect(() => threadedWorkerModule(0)).toThrow(RangeError);
  });
  it('names the barrier spin in the module URL (none unless given)', () => {
    expect(spinMsOfModuleUrl(threadedWorkerModule(2, 2))).toBe(2);
    expect(spinMsOfModuleUrl(`${threadedWorkerModule(2, 1.5)}?tsx`)).toBe(1.5);
    expect(spinMsOfModuleUrl(threadedWorkerModule(2))).toBe(0);
    expect(threadsInProcessOfModuleUrl(threadedWorkerModule(2, 2, 4))).toBe(4);
    expect(threadsInProcessOfModuleUrl(`${threadedWorkerModule(2)}?tsx`)).toBe(2);
  });
  it('gives the bytes of the one-thread worker, in a pool worker', async () => {
    const compiled = compileScenario(loadScenario('scenarios/threat-export-quota.yaml', { set: ['resolution.firmsPerCapacityCell=3', 'years=2'] }).spec);
    const options = { compiled, masterSeed: 4, replicates: 3, workers: 1 };
    const plain = await runMonteCarlo(options);
    const threaded = await runMonteCarlo({ ...options, workerModule: threadedWorkerModule(2, 2) });
    expect(threaded.map((r) => r.replicate)).toEqual([0, 1, 2]);
    for (let i = 0; i < plain.length; i++) {
      expect(Buffer.from(threaded[i].series.buffer).equals(Buffer.from(plain[i].series.buffer))).toBe(true);
      expect(Buffer.from(threaded[i].summaries.buffer).equals(Buffer.from(plain[i].summaries.buffer))).toBe(true);
    }
  });
});
