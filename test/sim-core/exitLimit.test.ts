/**
 * Exit after sustained losses: a loss limit shorter than one tick (1 week at monthly ticks) still
 * means one tick of losses, so profitable firms stay. (It once rounded to 0 and retired every firm.)
 */
import { describe, expect, it } from 'vitest';
import { createWorld, runTicks } from '../../sim-core/index.ts';
import { loadScenario } from '../../src/scenario/loadScenario.ts';

function exitsAfter(ticks: number, exitAfterLossWeeks: number): { exits: number; firms: number } {
  const spec = loadScenario('scenarios/baseline.yaml', {
    set: ['years=1', 'ticksPerYear=12', 'resolution.firmsPerCapacityCell=3', `behaviour.exitAfterLossWeeks=${exitAfterLossWeeks}`],
  }).spec;
  const world = createWorld(spec, 1, 0);
  const live = () => world.stores.reduce((n, store) => n + store.alive.reduce((a, b) => a + b, 0), 0);
  const firms = live();
  runTicks(world, null, ticks);
  return { exits: firms - live(), firms };
}

describe('exit limit', () => {
  it('does not retire profitable firms when the limit is shorter than a tick', () => {
    const short = exitsAfter(3, 1);
    const oneTick = exitsAfter(3, 52 / 12);
    // A one-week limit at monthly ticks behaves as a one-tick limit, not as "exit at once".
    expect(short.exits).toBe(oneTick.exits);
    expect(oneTick.exits).toBeLessThan(oneTick.firms);
  });
});
