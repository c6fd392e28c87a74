import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileScenario, createReplicateRunner, createWorld, PRODUCE_CELLS, type ReplicateResult } from '../../sim-core/index.ts';
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
  // Export controls (price pools), acquisitions (diverted offers across cells), subsidies with quick
  // exits: price floors (their cells settle on both threads) and an offtake guarantee (its stage
  // settles cell by cell on one thread), and price leadership (its subsidy reaches settlement on both threads).
  // With small budgets both floors run out mid-run (NdPr's about tick 85, Dy's about 70 of 156): the
  // tick each runs out pays what is left, capped on whichever thread settles the cell.
  const cases = [
    ['scenarios/threat-export-quota.yaml', ['resolution.firmsPerCapacityCell=4', 'years=3']],
    ['scenarios/threat-mine-acquisition.yaml', ['resolution.firmsPerCapacityCell=3', 'years=3']],
    ['scenarios/mitigation-subsidies.yaml', ['resolution.firmsPerCapacityCell=3', 'years=3', 'behaviour.exitAfterLossWeeks=3']],
    ['scenarios/mitigation-subsidies.yaml', ['resolution.firmsPerCapacityCell=3', 'years=3', 'behaviour.exitAfterLossWeeks=3', 'events.usFloorNdpr.mode=offtake']],
    ['scenarios/mitigation-subsidies.yaml', ['resolution.firmsPerCapacityCell=3', 'years=3', 'events.usFloorNdpr.budgetUsd=1e8', 'events.usFloorDy.budgetUsd=2e6']],
    ['scenarios/threat-price-manipulation.yaml', ['resolution.firmsPerCapacityCell=3', 'years=3', 'foreignActor.rules.priceWarMode=leadership']],
  ] as const;
  for (const [scenario, set] of cases) {
    it(`gives the bytes of one thread: ${scenario} ${set.join(' ')}`, () => {
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
  it('when this thread\'s part of a task throws, waits for the helper, stops with that error, and the next replicate gives the right bytes', () => {
    // Cells big enough that the helper is still at work when this thread has failed.
    const compiled = compileScenario(loadScenario(cases[0][0], { set: ['resolution.firmsPerCapacityCell=5000', 'years=1'] }).spec);
    const world = createWorld(compiled.spec, 9, 0);
    const split = threads.attach(world);
    // Broken on this thread only (helpers hold their own copy of the world's plain objects).
    (world.stores[0] as unknown as { alive: null }).alive = null;
    let thrown: unknown;
    try {
      split.run(PRODUCE_CELLS, 0);
    } catch (error) {
      thrown = error;
    } finally {
      threads.detach();
    }
    // Its own error, not "cell threads out of step": it waited for the helper's part before detaching.
    expect(thrown).toBeInstanceOf(TypeError);
    const small = compileScenario(loadScenario(cases[0][0], { set: [...cases[0][1]] }).spec);
    expect(same(createReplicateRunner(small)(9, 0), createReplicateRunner(small, threads)(9, 0))).toBe(true);
  });
});
