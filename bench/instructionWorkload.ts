/**
 * Child of countInstructions.ts, run under valgrind: warms the engine (or the reference kernel) the
 * way the bench does, then runs a fixed number of ticks on one world. The parent runs it twice, with
 * few and with many ticks, and divides the difference in instructions by the extra agent-ticks, so
 * start-up, loading and JIT warm-up cancel out.
 *
 * Usage: `node [--import tsx] bench/instructionWorkload.ts engine <firmsPerCapacityCell> <ticks>` or
 * `… kernel <agents> <ticks>`; prints the agent count on stdout.
 */
import { runTicks } from '../sim-core/index.ts';
import { loadBenchConfig } from './benchConfig.ts';
import { countAgents, createBenchWorld, loadBenchSpec } from './createBenchWorld.ts';
import { createKernelWorld, stepKernel, warmUpKernel } from './referenceKernel.ts';

const [what, sizeText, ticksText] = process.argv.slice(2);
const size = Number(sizeText);
const ticks = Number(ticksText);
const config = loadBenchConfig();
if (what === 'kernel') {
  warmUpKernel(config.kernel.stages);
  const world = createKernelWorld(size, config.kernel.stages);
  for (let t = 0; t < ticks; t++) stepKernel(world);
  process.stdout.write(`${size}\n`);
} else if (what === 'engine') {
  const warm = loadBenchSpec(config.scenario, config.warmUp.firmsPerCapacityCell);
  for (let replicate = 0; replicate < 2; replicate++) {
    const small = createBenchWorld(warm, config.seed, replicate);
    runTicks(small.world, small.recorder, config.warmUp.ticks);
  }
  const { world, recorder } = createBenchWorld(loadBenchSpec(config.scenario, size), config.seed, 0);
  runTicks(world, recorder, ticks);
  process.stdout.write(`${countAgents(world)}\n`);
} else {
  throw new Error('usage: instructionWorkload.ts engine|kernel <size> <ticks>');
}
