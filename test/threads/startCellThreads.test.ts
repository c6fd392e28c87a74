import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileScenario, createReplicateRunner, type ReplicateResult } from '../../sim-core/index.ts';
import { loadScenario } from '../../src/scenario/loadScenario.ts';
import { startCellThreads, type CellThreads } from '../../src/threads/startCellThreads.ts';

const same = (a: ReplicateResult, b: ReplicateResult) =>
  Buffer.from(a.series.buffer).equals(Buffer.from(b.series.buffer)) && Buffer.from(a.summaries.buffer).equals(Buffer.from(b.summaries.buffer));

describe('one replicate stepped across threads', () => {
  let threads: CellThreads;
  beforeAll(async () => {
    threads = await startCellThreads(2);
  });
  afterAll(async () => {
    await threads.close();
  });
  // Export controls (price pools), acquisitions (diverted offers across cells), subsidies (price floors:
  // cells settle in order on one thread) with quick exits.
  const cases = [
    ['scenarios/threat-export-quota.yaml', ['resolution.firmsPerCapacityCell=4', 'years=3']],
    ['scenarios/threat-mine-acquisition.yaml', ['resolution.firmsPerCapacityCell=3', 'years=3']],
    ['scenarios/mitigation-subsidies.yaml', ['resolution.firmsPerCapacityCell=3', 'years=3', 'behaviour.exitAfterLossWeeks=3']],
  ] as const;
  for (const [scenario, set] of cases) {
    it(`gives the bytes of one thread: ${scenario}`, () => {
      const compiled = compileScenario(loadScenario(scenario, { set: [...set] }).spec);
      const alone = createReplicateRunner(compiled);
      const together = createReplicateRunner(compiled, threads);
      for (const replicate of [0, 1]) expect(same(alone(9, replicate), together(9, replicate))).toBe(true);
    });
  }
  it('differs between replicates (the comparison can fail)', () => {
    const compiled = compileScenario(loadScenario(cases[0][0], { set: [...cases[0][1]] }).spec);
    const together = createReplicateRunner(compiled, threads);
    expect(same(together(9, 0), together(9, 1))).toBe(false);
  });
});
