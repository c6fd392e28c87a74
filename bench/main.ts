/**
 * `npm run bench`: engine timings per size and phase, the reference kernel and the engine/kernel
 * ratio, bytes per agent, Monte Carlo scaling and worker start-up (bench/configurations.json).
 * Options: see {@link BENCH_USAGE} (`npm run bench -- --help`); a bad one exits 2 before anything
 * is measured. Progress goes to stderr.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { loadBenchConfig, type SizeConfig } from './benchConfig.ts';
import { openBenchProfiles } from './benchProfiles.ts';
import type { BenchFigures } from './benchFigures.ts';
import { compareFigures, formatComparison } from './compareWithBaseline.ts';
import { findFirmsPerCapacityCell, loadBenchSpec } from './createBenchWorld.ts';
import { formatBenchTable } from './formatBenchTable.ts';
import { measureMemory } from './measureMemory.ts';
import { measureMonteCarlo } from './measureMonteCarlo.ts';
import { runKernelOnce, timeKernel, warmUpKernel } from './referenceKernel.ts';
import { checkPhaseList } from './stepWithPhaseTimes.ts';
import { measureThreads } from './measureThreads.ts';
import { BENCH_USAGE, BenchUsageError, parseBenchArgs } from './parseBenchArgs.ts';
import { timeEngineSize, warmUpEngine } from './timeEngine.ts';
import { packageFile } from '../src/runtime/moduleLocation.ts';

const BASELINE = packageFile('bench/baseline.json');
const log = (message: string) => process.stderr.write(`${message}\n`);

async function main(): Promise<void> {
  const config = loadBenchConfig();
  const args = parseBenchArgs(process.argv.slice(2), config);
  if (args.help) {
    process.stdout.write(`${BENCH_USAGE}\n`);
    return;
  }
  if (args.findSizes) {
    for (const size of config.sizes) log(`${size.name}: ${JSON.stringify(findFirmsPerCapacityCell(config.scenario, size.agents))}`);
    return;
  }
  const { skip, replicates } = args;
  const sizes: SizeConfig[] = config.sizes.filter((s) => args.sizes.includes(s.name)).map((s) => (replicates ? { ...s, replicates } : s));
  const figures: BenchFigures = { date: new Date().toISOString(), node: process.version, cpus: cpus().length, loadAtStart: loadavg(), loadAtEnd: [], phaseListMatchesStep: false, sizes: [] };
  figures.phaseListMatchesStep = checkPhaseList(loadBenchSpec(config.scenario, config.warmUp.firmsPerCapacityCell), config.seed, 120);
  log('warming up on a small world …');
  warmUpEngine(config);
  const { agents: kernelAgents, stages, ticks: kernelTicks } = config.kernel;
  if (!skip.has('kernel')) warmUpKernel(stages);
  // At the kernel's size, each engine replicate is followed by a kernel run: the ratio is taken pair by pair.
  const companionFor = (size: SizeConfig) => (!skip.has('kernel') && Math.abs(size.agents - kernelAgents) <= kernelAgents * 0.01 ? () => runKernelOnce(kernelAgents, stages, kernelTicks) : undefined);
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
    const paired = figures.sizes.find((s) => s.companionRatio !== undefined);
    if (paired?.companionRatio) {
      figures.engineToKernelRatio = paired.companionRatio.wall;
      figures.engineToKernelRatioCpu = paired.companionRatio.cpu;
    }
  }
  // Memory and threads are measured at their configured size, only when that size was asked for.
  const selected = (name: string) => args.sizes.includes(name);
  if (!skip.has('memory') && selected(config.memory.size)) {
    const size = config.sizes.find((s) => s.name === config.memory.size) as SizeConfig;
    log(`memory at ${size.name} …`);
    figures.memory = measureMemory(config.scenario, size.firmsPerCapacityCell);
  } else if (!skip.has('memory')) log(`memory: measured at ${config.memory.size} only, which --size left out`);
  if (!skip.has('mc')) {
    log('Monte Carlo on 1 and 2 workers …');
    figures.monteCarlo = await measureMonteCarlo(config.monteCarlo, config.seed);
  }
  if (!skip.has('threads') && selected(config.threads.size)) {
    const size = config.sizes.find((s) => s.name === config.threads.size) as SizeConfig;
    log(`one replicate on ${config.threads.threadsPerReplicate.join(' and ')} threads at ${size.name} …`);
    figures.threads = await measureThreads(config, replicates ? { ...size, replicates } : size);
  } else if (!skip.has('threads')) log(`threads: measured at ${config.threads.size} only, which --size left out`);
  figures.loadAtEnd = loadavg();
  if (args.saveBaseline) {
    writeFileSync(BASELINE, `${JSON.stringify(figures, null, 2)}\n`);
    log(`saved ${BASELINE.pathname}`);
  }
  const baseline = args.compare ? (JSON.parse(readFileSync(BASELINE, 'utf8')) as BenchFigures) : undefined;
  const comparison = baseline && compareFigures(baseline, figures);
  if (args.json) process.stdout.write(`${JSON.stringify(comparison ? { ...figures, comparisonWithBaseline: comparison } : figures)}\n`);
  else {
    process.stdout.write(`${formatBenchTable(figures)}\n`);
    if (baseline && comparison) process.stdout.write(`\n${formatComparison(comparison, baseline, figures)}\n`);
  }
}

try {
  await main();
} catch (error) {
  if (!(error instanceof BenchUsageError)) throw error;
  process.stderr.write(`bench: ${error.message} (npm run bench -- --help lists the options)\n`);
  process.exitCode = 2;
}
