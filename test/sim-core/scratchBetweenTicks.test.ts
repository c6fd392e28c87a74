import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/loadScenario.ts';
import { createWorld, step, type World } from '../../sim-core/index.ts';

/** Every typed array of a world outside its scratch space, by path. */
function stateOf(world: World): Map<string, number[]> {
  const found = new Map<string, number[]>();
  const visit = (node: Record<string, unknown>, path: string): void => {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'scratch' || key === 'spec') continue;
      if (ArrayBuffer.isView(value)) found.set(`${path}.${key}`, Array.from(value as unknown as ArrayLike<number>));
      else if (typeof value === 'object' && value !== null) visit(value as Record<string, unknown>, `${path}.${key}`);
    }
  };
  visit(world as unknown as Record<string, unknown>, 'world');
  return found;
}

/** Overwrites the scratch space as a tick could find it: the memo of cost factors forgotten, everything else junk. */
function scrambleScratch(world: World, tick: number): void {
  for (const [key, array] of Object.entries(world.scratch)) {
    if (key === 'originCostRatio') (array as Float64Array).fill(NaN);
    else (array as Float64Array | Int32Array).fill(key === 'pool' || key === 'targets' ? 0 : 1e6 + tick);
  }
}

describe('the scratch space', () => {
  for (const scenario of ['threat-graphite-licensing', 'threat-export-quota', 'mitigation-stockpile-60d', 'threat-cyberattacks']) {
    it(`carries nothing from one tick to the next (${scenario})`, () => {
      const spec = loadScenario(`scenarios/${scenario}.yaml`, { set: ['years=3', 'resolution.firmsPerCapacityCell=3'] }).spec;
      const plain = createWorld(spec, 5, 1);
      const scrambled = createWorld(spec, 5, 1);
      for (let t = 0; t < plain.ticks; t++) {
        step(plain, null);
        scrambleScratch(scrambled, t);
        step(scrambled, null);
      }
      expect(stateOf(scrambled)).toEqual(stateOf(plain));
    });
  }
});
