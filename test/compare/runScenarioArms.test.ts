import { describe, expect, it } from 'vitest';
import { compileScenario, createReplicateRunner } from '../../sim-core/index.ts';
import { runScenarioArms } from '../../src/compare/runScenarioArms.ts';
import { loadScenario } from '../../src/scenario/loadScenario.ts';
import { shipped, SMALL } from './smallScenario.ts';

describe('runScenarioArms', () => {
  const a = compileScenario(loadScenario(shipped('baseline'), { set: [...SMALL, 'years=1'] }).spec);
  const b = compileScenario(loadScenario(shipped('threat-export-quota'), { set: [...SMALL, 'years=1'] }).spec);

  it('returns the engine summaries of replicates 0…n−1 of every arm, without series, on any worker count', async () => {
    const progress: number[] = [];
    const inline = await runScenarioArms([a, b], { masterSeed: 3, replicates: 3, workers: 0, onProgress: (done, total) => progress.push(done / total) });
    expect(progress[progress.length - 1]).toBe(1);
    const pooled = await runScenarioArms([a, b], { masterSeed: 3, replicates: 3, workers: 2 });
    [a, b].forEach((compiled, arm) => {
      const run = createReplicateRunner(compiled);
      for (let r = 0; r < 3; r++) {
        const expected = run(3, r).summaries;
        expect(inline[arm][r].replicate).toBe(r);
        expect(inline[arm][r].series.length).toBe(0);
        expect(Buffer.from(inline[arm][r].summaries.buffer)).toEqual(Buffer.from(expected.buffer));
        expect(Buffer.from(pooled[arm][r].summaries.buffer)).toEqual(Buffer.from(expected.buffer));
      }
    });
  });
});
