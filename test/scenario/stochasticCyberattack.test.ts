import { describe, expect, it } from 'vitest';
import { createWorld, step } from '../../sim-core/index.ts';
import { loadScenario } from '../../src/scenario/loadScenario.ts';
import { ScenarioError } from '../../src/scenario/scenarioError.ts';

const MINIMAL = 'test/fixtures/scenarios/minimal.yaml';
const RATE = 26;
/** Attacks on CN processing from 2026-01 to 2028-01 (ticks 52–155 of a 52-tick year from 2025); no rule-driven attacks. */
const SETS = [
  'foreignActor.rules.cyberattacksPerYear=0',
  `events.hack={kind: cyberattack, mode: stochastic, ratePerYear: ${RATE}, stage: processing, region: CN, facilityShare: 50%, downtimeYears: 2 weeks, downtimeSpread: 0.5, start: 2026-01, end: 2028-01}`,
];

/** The tick of every attack of one replicate (a tick with two attacks appears twice). */
function attackTicks(seed: number, replicate: number): number[] {
  const world = createWorld(loadScenario(MINIMAL, { set: SETS }).spec, seed, replicate);
  const ticks: number[] = [];
  for (let t = 0; t < world.ticks; t++) {
    const before = world.foreignActor.attacks;
    step(world, null);
    for (let k = before; k < world.foreignActor.attacks; k++) ticks.push(t);
  }
  return ticks;
}

describe('stochastic cyberattack events', () => {
  it('attack at about ratePerYear inside the window only, the same way for the same seed', () => {
    const replicates = [0, 1, 2, 3].map((r) => attackTicks(7, r));
    const all = replicates.flat();
    expect(all.every((t) => t >= 52 && t < 156)).toBe(true);
    const expected = RATE * 2 * replicates.length;
    expect(Math.abs(all.length - expected)).toBeLessThan(4 * Math.sqrt(expected)); // Poisson: 4 standard deviations
    expect(new Set(replicates.map((r) => r.join())).size).toBe(replicates.length); // replicates differ
    expect(attackTicks(7, 1)).toEqual(replicates[1]);
  });

  it('needs ratePerYear in mode stochastic, and refuses it in a scripted attack', () => {
    const problems = (sets: string[]) => {
      try {
        loadScenario(MINIMAL, { set: sets });
        return [];
      } catch (error) {
        if (error instanceof ScenarioError) return error.problems.map((p) => p.path);
        throw error;
      }
    };
    const event = 'kind: cyberattack, stage: processing, region: CN, facilityShare: 50%, downtimeYears: 2 weeks, start: 2026-01';
    expect(problems([`events.hack={${event}, mode: stochastic}`])).toEqual(['events.hack.ratePerYear']);
    expect(problems([`events.hack={${event}, ratePerYear: 4}`])).toEqual(['events.hack.ratePerYear']);
    expect(problems([`events.hack={${event}}`])).toEqual([]);
  });
});
