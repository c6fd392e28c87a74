/**
 * `npm run bench:instructions`: instructions per agent-tick of the engine and per agent-update of the
 * reference kernel, counted by valgrind (callgrind), and their ratio. Unlike timings, the counts do
 * not move with the machine's load (the workload runs with V8's --single-threaded, so they repeat), so
 * they compare two versions of the engine on a shared machine; they say nothing about stalls, cache
 * misses or mispredicted branches, which timings include. Needs valgrind (`apt-get install -y
 * valgrind`); takes a few minutes (the workload runs twice per count, ~50 times slower than natively).
 *
 * Options: --firms-per-cell N (default: the medium size's), --ticks N (ticks counted, default 100),
 * --kernel-agents N (default 100,000), --json.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadBenchConfig } from './benchConfig.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
// The workload runs as this file does: compiled JavaScript next to compiled JavaScript, TypeScript through tsx.
const WORKLOAD = fileURLToPath(new URL(`./instructionWorkload${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url));
const BASE_TICKS = 2;

/** Instructions callgrind counts for one run of the workload, and the agents it reports. */
function countRun(what: string, size: number, ticks: number): { instructions: number; agents: number } {
  // --single-threaded: V8 compiles and collects on the main thread, so counts do not depend on how
  // valgrind (which runs one thread at a time) schedules background threads (±1e9 instructions otherwise).
  const run = spawnSync('valgrind', ['--tool=callgrind', '--smc-check=all', '--callgrind-out-file=/dev/null', process.execPath, '--single-threaded', ...process.execArgv, WORKLOAD, what, String(size), String(ticks)], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.error !== undefined) throw new Error(`cannot run valgrind (${run.error.message}); install it with: apt-get install -y valgrind`);
  const collected = /Collected : (\d+)/.exec(run.stderr);
  if (run.status !== 0 || collected === null) throw new Error(`the workload failed under valgrind:\n${run.stderr.slice(-2000)}`);
  return { instructions: Number(collected[1]), agents: Number(run.stdout.trim().split('\n').pop()) };
}

/** Instructions per agent-tick: (count at base + extra ticks − count at base ticks) ÷ (extra ticks × agents). */
function perAgentTick(what: string, size: number, extraTicks: number): { instructionsPerAgentTick: number; agents: number } {
  const few = countRun(what, size, BASE_TICKS);
  const many = countRun(what, size, BASE_TICKS + extraTicks);
  process.stderr.write(`${what}: ${few.instructions} instructions for ${BASE_TICKS} ticks, ${many.instructions} for ${BASE_TICKS + extraTicks}\n`);
  return { instructionsPerAgentTick: (many.instructions - few.instructions) / (extraTicks * many.agents), agents: many.agents };
}

function main(): number {
  const config = loadBenchConfig();
  const medium = config.sizes.find((s) => s.name === 'medium') ?? config.sizes[0];
  const ticks = option('--ticks', 100);
  process.stderr.write('counting instructions under valgrind (a few minutes)…\n');
  try {
    const engine = perAgentTick('engine', option('--firms-per-cell', medium.firmsPerCapacityCell), ticks);
    // The kernel's tick is ~15 times cheaper: count more of them for the same precision.
    const kernel = perAgentTick('kernel', option('--kernel-agents', 100_000), ticks * 10);
    const figures = {
      engine: { instructionsPerAgentTick: engine.instructionsPerAgentTick, agents: engine.agents, ticks },
      kernel: { instructionsPerAgentUpdate: kernel.instructionsPerAgentTick, agents: kernel.agents, ticks: ticks * 10 },
      engineToKernelInstructionRatio: engine.instructionsPerAgentTick / kernel.instructionsPerAgentTick,
    };
    if (args.includes('--json')) process.stdout.write(`${JSON.stringify(figures)}\n`);
    else {
      process.stdout.write(`engine: ${engine.instructionsPerAgentTick.toFixed(0)} instructions per agent-tick (${engine.agents} agents, ${ticks} ticks)\n`);
      process.stdout.write(`kernel: ${kernel.instructionsPerAgentTick.toFixed(1)} instructions per agent-update (${kernel.agents} agents)\n`);
      process.stdout.write(`engine/kernel instruction ratio: ${figures.engineToKernelInstructionRatio.toFixed(1)}\n`);
    }
    return 0;
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

process.exitCode = main();
