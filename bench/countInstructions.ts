/**
 * `npm run bench:instructions`: instructions per agent-tick of the engine and per agent-update of the
 * reference kernel, counted by valgrind (callgrind), and their ratio. Unlike timings, the counts do
 * not move with the machine's load (the workload runs with V8's --single-threaded, so they repeat), so
 * they compare two versions of the engine on a shared machine; they say nothing about stalls, cache
 * misses or mispredicted branches, which timings include. Needs valgrind (`apt-get install -y
 * valgrind`); takes 5–10 minutes (the workload runs twice per count, ~50 times slower than natively).
 *
 * Options: see {@link INSTRUCTIONS_COMMAND_LINE} (`npm run bench:instructions -- --help`); a bad one
 * exits 2 before valgrind runs.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadBenchConfig } from './benchConfig.ts';
import { instructionsPerExtraTick } from './instructionsPerExtraTick.ts';
import { wholeNumberOf, type ScriptArgs } from './parseScriptArgs.ts';
import { runBenchScript } from './runBenchScript.ts';

/** `npm run bench:instructions`'s options and help. */
export const INSTRUCTIONS_COMMAND_LINE = {
  script: 'bench:instructions',
  helpCommand: 'npm run bench:instructions -- --help',
  options: { 'firms-per-cell': { type: 'string' }, ticks: { type: 'string' }, 'kernel-agents': { type: 'string' }, json: { type: 'boolean' } },
  usage: `usage: npm run bench:instructions [-- options]   (npm run -s … for stdout without npm's banner)
  Instructions per agent-tick of the engine and per agent-update of the reference kernel, counted by
  valgrind's callgrind (load-independent, unlike timings), and their ratio. Needs valgrind
  (apt-get install -y valgrind). Each count runs the workload twice (with 2 and with 2 + N ticks)
  under valgrind, about 50 times slower than natively: takes 5–10 minutes or more (4 runs, each
  starting node and warming the engine up: 5 min of CPU, 8 min wall at load 6, even with tiny
  sizes); time grows with N and with the sizes.
  --firms-per-cell N   resolution.firmsPerCapacityCell of the engine's world (default: the medium
                       size's in bench/configurations.json, ~100,000 agents)
  --ticks N            engine ticks counted beyond the first 2 (default 100); the kernel counts
                       10 × N updates (its tick is ~15 times cheaper); a small N measures noise
                       (start-up varies by more than a few ticks cost: at N = 1 the count can come out at or
                       below 0, which stops the script with exit 1)
  --kernel-agents N    agents of the reference kernel (default 100000)
  --json               one JSON object on stdout instead of three lines (progress stays on stderr)
  --help               this text`,
} as const;

type InstructionsArgs = ScriptArgs<typeof INSTRUCTIONS_COMMAND_LINE.options>;
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
  return { instructionsPerAgentTick: instructionsPerExtraTick(what, few.instructions, many.instructions, extraTicks, many.agents), agents: many.agents };
}

function main({ values }: InstructionsArgs): number {
  const config = loadBenchConfig();
  const medium = config.sizes.find((s) => s.name === 'medium') ?? config.sizes[0];
  const ticks = wholeNumberOf('--ticks', values.ticks, 100);
  const firmsPerCell = wholeNumberOf('--firms-per-cell', values['firms-per-cell'], medium.firmsPerCapacityCell);
  const kernelAgents = wholeNumberOf('--kernel-agents', values['kernel-agents'], 100_000);
  process.stderr.write('counting instructions under valgrind (5–10 minutes)…\n');
  try {
    const engine = perAgentTick('engine', firmsPerCell, ticks);
    // The kernel's tick is ~15 times cheaper: count more of them for the same precision.
    const kernel = perAgentTick('kernel', kernelAgents, ticks * 10);
    const figures = {
      engine: { instructionsPerAgentTick: engine.instructionsPerAgentTick, agents: engine.agents, ticks },
      kernel: { instructionsPerAgentUpdate: kernel.instructionsPerAgentTick, agents: kernel.agents, ticks: ticks * 10 },
      engineToKernelInstructionRatio: engine.instructionsPerAgentTick / kernel.instructionsPerAgentTick,
    };
    if (values.json === true) process.stdout.write(`${JSON.stringify(figures)}\n`);
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

await runBenchScript(INSTRUCTIONS_COMMAND_LINE, main);
