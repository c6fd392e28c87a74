/**
 * Child of worldMaps.test.ts, run with `node --allow-natives-syntax --import tsx`: creates the worlds
 * of several replicates of the bench scenario, runs each a few ticks, and prints (JSON) the paths of
 * the objects whose hidden class (V8 map) differs from replicate 0's. An object whose shape depends
 * on the replicate makes every optimised function reading it deoptimise ("wrong map") on the first
 * worlds a process meets, in the timed runs of the bench as in a Monte Carlo worker.
 *
 * Usage: `… worldMapsChild.ts <firmsPerCapacityCell> <replicates> <ticks>`.
 */
import { runTicks } from '../../sim-core/index.ts';
import { loadBenchConfig } from '../../bench/benchConfig.ts';
import { createBenchWorld, loadBenchSpec } from '../../bench/createBenchWorld.ts';

const [firmsPerCell, replicates, ticks] = process.argv.slice(2).map(Number);
// V8's own test of two objects' maps; needs --allow-natives-syntax (a syntax error otherwise).
const haveSameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;

/** Paths under `a` and `b` (same structure) whose objects have different maps (arrays: their first 64 items). */
function differingMaps(a: unknown, b: unknown, path: string, seen: Set<object>, out: string[]): string[] {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || seen.has(a)) return out;
  seen.add(a);
  if (!haveSameMap(a, b)) out.push(path);
  if (ArrayBuffer.isView(a)) return out;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length, 64); i++) differingMaps(a[i], b[i], `${path}[${i}]`, seen, out);
    return out;
  }
  const other = b as Record<string, unknown>;
  for (const [key, value] of Object.entries(a)) if (key in other) differingMaps(value, other[key], `${path}.${key}`, seen, out);
  return out;
}

const config = loadBenchConfig();
const spec = loadBenchSpec(config.scenario, firmsPerCell);
const worlds = Array.from({ length: replicates }, (_, replicate) => {
  const { world, recorder } = createBenchWorld(spec, config.seed, replicate);
  runTicks(world, recorder, ticks);
  return world;
});
const differences = worlds.slice(1).map((world, i) => ({ replicate: i + 1, paths: differingMaps(worlds[0], world, 'world', new Set(), []) }));
process.stdout.write(`${JSON.stringify(differences)}\n`);
