import { describe, expect, it, vi } from 'vitest';
import { runSweep } from '../../src/sweep/runSweep.ts';
import { expandGrid } from '../../src/sweep/expandGrid.ts';
import { loadScenario } from '../../src/scenario/loadScenario.ts';

vi.mock('../../src/scenario/loadScenario.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/scenario/loadScenario.ts')>();
  return { ...original, loadScenario: vi.fn(original.loadScenario) };
});

describe('runSweep while loading its points', () => {
  it('stops with an AbortError when interrupted, without loading the remaining points', async () => {
    const controller = new AbortController();
    const points = expandGrid([{ path: 'regions.US.engineers', values: Array.from({ length: 200 }, (_, i) => String(i + 1)) }]);
    const run = runSweep({ path: 'scenarios/baseline.yaml', points, tornado: false, masterSeed: 1, replicates: 1, workers: 0, signal: controller.signal });
    // The loop yields every 20 points: the abort lands at the first yield, long before the 200th point.
    setImmediate(() => controller.abort());
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(vi.mocked(loadScenario).mock.calls.length).toBeLessThan(50); // the base and the first points only
  });
});
