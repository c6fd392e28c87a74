/**
 * `npm run bench`: engine timings per size and phase, the reference kernel and the engine/kernel
 * ratio, bytes per agent, Monte Carlo scaling and worker start-up (bench/configurations.json).
 * Options: see {@link benchUsage} (`npm run bench -- --help`); a bad one, or a refused
 * --save-baseline (busy machine, dirty tree: checkBaselineSave.ts), exits 2 before anything is
 * measured. Progress goes to stderr. Exits 1 when an integrity check fails (threads not
 * bit-identical, the phase-timed tick no longer matching step.ts: {@link integrityFailures}), else 3
 * when --compare finds a comparable figure worse than the baseline beyond its noise.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg } from 'node:os';
import { isKernelSize, loadBenchConfig, type BenchConfig, type SizeConfig } from './benchConfig.ts';
import { openBenchProfiles } from './benchProfiles.ts';
import { benchExitCode, integrityFailures, type BenchFigures } from './benchFigures.ts';
import { currentRuntime } from './benchRuntime.ts';
import { findBaselineRefusal, readGitStatus } from './checkBaselineSave.ts';
import { compareFigures, comparisonExitCode, formatComparison } from './compareWithBaseline.ts';
import { findFirmsPerCapacityCell, loadBenchSpec } from './createBenchWorld.ts';
import { formatBenchTable } from './formatBenchTable.ts';
import { BUSY_LOAD_PER_CORE, createLoadWatch, isBusy, loadPerCoreNow } from './machineLoad.ts';
import { measureMemory } from './measureMemory.ts';
import { measureMonteCarlo } from './measureMonteCarlo.ts';
import { runKernelOnce, timeKernel, warmUpKernel } from './referenceKernel.ts';
import { checkPhaseList } from './stepWithPhaseTimes.ts';
import { measureThreads } from './measureThreads.ts';
import { benchUsage, BenchUsageError, parseBenchArgs, type BenchArgs } from './parseBenchArgs.ts';
import { timeEngineSize, warmUpEngine, type SizeFigures } from './timeEngine.ts';
import { writeJsonAtomically } from './writeJsonAtomically.ts';
import { packageFile } from '../src/runtime/moduleLocation.ts';

const BASELINE = packageFile('bench/baseline.json');
// Each progress line also samples this process's CPU time, to take the bench's own share out of the load at the end.
const loadWatch = createLoadWatch();
const log = (message: string) => {
  loadWatch.mark();
  process.stderr.write(`${message}\n`);
};

async function main(): Promise<void> {
  const config = loadBenchConfig();
  const args = parseBenchArgs(process.argv.slice(2), config);
  if (args.help) {
    process.stdout.write(`${benchUsage(config)}\n`);
    return;
  }
  if (args.findSizes) {
    for (const size of config.sizes) log(`${size.name}: ${JSON.stringify(findFirmsPerCapacityCell(config.scenario, size.agents))}`);
    return;
  }
  if (args.jsonOut !== undefined) checkJsonOutFolder(args.jsonOut);
  if (args.saveBaseline) checkBaselineSave(args.force);
  // Read before measuring: with --save-baseline too, the comparison is with the previous baseline, not the one just saved.
  const baseline = args.compare ? readBaseline(args.baselineFile ?? fileURLToPath(BASELINE)) : undefined;
  const figures = await measure(config, args);
  if (args.saveBaseline) {
    writeJsonAtomically(fileURLToPath(BASELINE), figures, 2);
    log(`saved ${BASELINE.pathname}`);
  }
  const comparison = baseline && compareFigures(baseline, figures);
  const json = comparison ? { ...figures, comparisonWithBaseline: comparison } : figures;
  // stdout first: a file that cannot be written must not cost the figures of a whole run.
  if (args.json) process.stdout.write(`${JSON.stringify(json)}\n`);
  else {
    process.stdout.write(`${formatBenchTable(figures)}\n`);
    if (baseline && comparison) process.stdout.write(`\n${formatComparison(comparison, baseline, figures)}\n`);
  }
  if (args.jsonOut !== undefined) {
    try {
      writeJsonAtomically(args.jsonOut, json);
      log(`wrote ${args.jsonOut}`);
    } catch (error) {
      log(`bench: could not write --json-out ${args.jsonOut}: ${(error as Error).message} (the figures are on stdout above)`);
      process.exitCode = 1;
    }
  }
  const failures = integrityFailures(figures);
  for (const failure of failures) process.stderr.write(`bench: FAILED: ${failure}\n`);
  // An integrity failure (1) says the figures cannot be trusted at all: it outranks a regression (3).
  const integrity = Math.max(Number(process.exitCode ?? 0), benchExitCode(figures));
  process.exitCode = integrity !== 0 ? integrity : comparison ? comparisonExitCode(comparison) : 0;
}

/** Refuses (usage error, exit 2) a baseline on a busy machine or from a dirty tree, unless --force; notes go to stderr. */
function checkBaselineSave(force: boolean): void {
  const notes: string[] = [];
  const refusal = findBaselineRefusal({ loadPerCore: loadPerCoreNow(), gitStatus: readGitStatus() }, force, notes);
  for (const note of notes) log(`bench: ${note}`);
  if (refusal !== undefined) throw new BenchUsageError(refusal);
}

/** The figures to compare with; a file that is missing or not a bench's JSON object is a usage error (exit 2, nothing measured). */
function readBaseline(file: string): BenchFigures {
  let figures: Partial<BenchFigures>;
  try {
    figures = JSON.parse(readFileSync(file, 'utf8')) as Partial<BenchFigures>;
  } catch (error) {
    throw new BenchUsageError(`--baseline: expected a bench JSON file (npm run bench -- --json-out), found ${file} (${(error as Error).message.split('\n')[0]})`);
  }
  if (typeof figures !== 'object' || figures === null || !Array.isArray(figures.sizes) || !Array.isArray(figures.loadAtStart) || !Array.isArray(figures.loadAtEnd)) {
    throw new BenchUsageError(`--baseline: expected a bench JSON object (sizes, loadAtStart, loadAtEnd), found ${file} without them`);
  }
  return figures as BenchFigures;
}

/** Refuses, before anything is measured, a --json-out file whose folder does not exist. */
function checkJsonOutFolder(file: string): void {
  const folder = dirname(resolve(file));
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new BenchUsageError(`--json-out: expected a file in an existing folder, found ${file} (no folder ${folder})`);
  }
}

/** Runs every measurement asked for and gathers the figures. */
async function measure(config: BenchConfig, args: BenchArgs): Promise<BenchFigures> {
  const { skip, replicates } = args;
  const sizes: SizeConfig[] = config.sizes.filter((s) => args.sizes.includes(s.name)).map((s) => (replicates ? { ...s, replicates } : s));
  const profiledParts = [...(args.cpuProf ? ['runs'] : []), ...(args.cpuProfInit ? ['init'] : [])];
  const figures: BenchFigures = {
    date: new Date().toISOString(), commit: gitCommit(), node: process.version, runtime: currentRuntime(), cpus: cpus().length, loadAtStart: loadavg(), loadAtEnd: [], phaseListMatchesStep: false,
    profiled: profiledParts.length > 0, ...(profiledParts.length > 0 ? { profiledParts } : {}), ...(args.kernelSkipped ? { kernelSkipped: args.kernelSkipped } : {}), sizes: [],
  };
  if (args.kernelSkipped) log(`reference kernel skipped: ${args.kernelSkipped}`);
  figures.phaseListMatchesStep = checkPhaseList(loadBenchSpec(config.scenario, config.warmUp.firmsPerCapacityCell), config.seed, 120);
  log('warming up on a small world …');
  warmUpEngine(config);
  const { agents: kernelAgents, stages, ticks: kernelTicks } = config.kernel;
  if (!skip.has('kernel')) warmUpKernel(stages);
  // At the kernel's size, each engine replicate is followed by a kernel run: the ratio is taken pair by pair.
  const companionFor = (size: SizeConfig) => (!skip.has('kernel') && isKernelSize(config, size) ? () => runKernelOnce(kernelAgents, stages, kernelTicks) : undefined);
  // Profiles (--cpu-prof, --cpu-prof-init) cover the timed runs or world creations only, not what is around them.
  const profiles = openBenchProfiles(args, log);
  figures.sizes = sizes.map((size) => {
    log(`engine: ${size.name} (${size.replicates} × ${size.ticks} ticks) …`);
    return timeEngineSize(config, size, undefined, companionFor(size), profiles.parts);
  });
  profiles.write(sizes);
  if (!skip.has('kernel')) {
    log('reference kernel …');
    figures.kernel = timeKernel(kernelAgents, stages, kernelTicks, config.kernel.replicates);
    Object.assign(figures, kernelRatios(figures.sizes));
  }
  await measureTheRest(config, args, figures);
  recordLoadAtEnd(figures);
  return figures;
}

/** The load at the end, the bench's own share of it, and whether the machine was busy at the start or end. */
function recordLoadAtEnd(figures: BenchFigures): void {
  figures.loadAtEnd = loadavg();
  figures.ownLoadAtEnd = loadWatch.ownLoadNow();
  const cores = Math.max(1, figures.cpus);
  figures.busyMachine = isBusy((figures.loadAtStart[0] ?? 0) / cores) || isBusy(((figures.loadAtEnd[0] ?? 0) - figures.ownLoadAtEnd) / cores);
  if (figures.busyMachine) log(`BUSY MACHINE: the 1-minute load per core exceeded ${BUSY_LOAD_PER_CORE} at the start or end (this bench's own share taken out): timings slowed by other work`);
}

/** The engine/kernel ratios of the size paired with the kernel, per agent and per live firm, with their ranges. */
function kernelRatios(sizes: readonly SizeFigures[]): Partial<BenchFigures> {
  const paired = sizes.find((s) => s.companionRatio !== undefined);
  if (paired?.companionRatio === undefined) return {};
  // Per firm = per agent × agents ÷ live firms, pair by pair (the same constant for every pair).
  const perFirm = paired.liveFirms ? paired.agents / paired.liveFirms : NaN;
  const wall = paired.range?.['companionRatio.wall'] ?? [NaN, NaN];
  const cpu = paired.range?.['companionRatio.cpu'] ?? [NaN, NaN];
  return {
    engineToKernelRatio: paired.companionRatio.wall, engineToKernelRatioCpu: paired.companionRatio.cpu,
    engineToKernelRatioPerFirm: paired.companionRatio.wall * perFirm, engineToKernelRatioPerFirmCpu: paired.companionRatio.cpu * perFirm,
    range: {
      engineToKernelRatio: wall, engineToKernelRatioCpu: cpu,
      engineToKernelRatioPerFirm: [wall[0] * perFirm, wall[1] * perFirm], engineToKernelRatioPerFirmCpu: [cpu[0] * perFirm, cpu[1] * perFirm],
    },
  };
}

/** Memory, Monte Carlo and threads, each when asked for (memory and threads only at their configured size). */
async function measureTheRest(config: BenchConfig, args: BenchArgs, figures: BenchFigures): Promise<void> {
  const { skip, replicates } = args;
  const selected = (name: string) => args.sizes.includes(name);
  if (!skip.has('memory') && selected(config.memory.size)) {
    const size = config.sizes.find((s) => s.name === config.memory.size) as SizeConfig;
    log(`memory at ${size.name} …`);
    figures.memory = measureMemory(config.scenario, size.firmsPerCapacityCell);
  } else if (!skip.has('memory')) log(`memory: measured at ${config.memory.size} only, which --size left out`);
  if (!skip.has('mc')) {
    const mc = { ...config.monteCarlo, replicates: args.mcReplicates ?? config.monteCarlo.replicates, rounds: args.mcRounds ?? config.monteCarlo.rounds };
    log(`Monte Carlo on 1 and 2 workers (${mc.rounds} rounds of ${mc.replicates} replicates) …`);
    figures.monteCarlo = await measureMonteCarlo(mc, config.seed);
  }
  if (!skip.has('threads') && selected(config.threads.size)) {
    const size = config.sizes.find((s) => s.name === config.threads.size) as SizeConfig;
    log(`one replicate on ${config.threads.threadsPerReplicate.join(' and ')} threads at ${size.name} …`);
    figures.threads = await measureThreads(config, replicates ? { ...size, replicates } : size);
  } else if (!skip.has('threads')) log(`threads: measured at ${config.threads.size} only, which --size left out`);
}

/** The checkout's commit, "+" appended when tracked files changed; undefined outside git. */
function gitCommit(): string | undefined {
  try {
    const run = (...argv: string[]) => execFileSync('git', argv, { cwd: fileURLToPath(packageFile('.')), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return `${run('rev-parse', '--short', 'HEAD')}${run('status', '--porcelain', '--untracked-files=no') === '' ? '' : '+'}`;
  } catch {
    return undefined;
  }
}

try {
  await main();
} catch (error) {
  if (!(error instanceof BenchUsageError)) throw error;
  process.stderr.write(`bench: ${error.message} (npm run bench -- --help lists the options)\n`);
  process.exitCode = 2;
}
