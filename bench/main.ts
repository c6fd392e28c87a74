/**
 * `npm run bench`: engine timings per size and phase, the reference kernel and the engine/kernel
 * ratio, bytes per agent, Monte Carlo scaling and worker start-up (bench/configurations.json).
 * Options: --json (one JSON object on stdout), --size small,large, --skip kernel,memory,mc,threads,
 * --replicates N, --cpu-prof (writes bench/profiles/*.cpuprofile of the engine runs),
 * --save-baseline (writes bench/baseline.json), --compare (against bench/baseline.json),
 * --find-sizes (firmsPerCapacityCell for each configured agent count). Progress goes to stderr.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { cpus, loadavg } from 'node:os';
import { loadBenchConfig, type SizeConfig } from './benchConfig.ts';
import type { BenchFigures } from './benchFigures.ts';
import { compareWithBaseline } from './compareWithBaseline.ts';
import { findFirmsPerCapacityCell, loadBenchSpec } from './createBenchWorld.ts';
import { formatBenchTable } from './formatBenchTable.ts';
import { measureMemory } from './measureMemory.ts';
import { measureMonteCarlo } from './measureMonteCarlo.ts';
import { runKernelOnce, timeKernel, warmUpKernel } from './referenceKernel.ts';
import { checkPhaseList } from './stepWithPhaseTimes.ts';
import { measureThreads } from './measureThreads.ts';
import { timeEngineSize, warmUpEngine } from './timeEngine.ts';
import { packageFile } from '../src/runtime/moduleLocation.ts';

const BASELINE = packageFile('bench/baseline.json');
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const log = (message: string) => process.stderr.write(`${message}\n`);

async function withProfile<T>(enabled: boolean, run: () => T): Promise<T> {
  if (!enabled) return run();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  const result = run();
  const { profile } = await session.post('Profiler.stop');
  const folder = packageFile('bench/profiles/');
  mkdirSync(folder, { recursive: true });
  const file = new URL(`bench-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`, folder);
  writeFileSync(file, JSON.stringify(profile));
  log(`CPU profile of the engine runs: ${file.pathname}`);
  session.disconnect();
  return result;
}

async function main(): Promise<void> {
  const config = loadBenchConfig();
  if (args.includes('--find-sizes')) {
    for (const size of config.sizes) log(`${size.name}: ${JSON.stringify(findFirmsPerCapacityCell(config.scenario, size.agents))}`);
    return;
  }
  const skip = new Set((option('--skip') ?? '').split(',').filter(Boolean));
  const only = option('--size')?.split(',');
  const replicates = option('--replicates');
  const sizes: SizeConfig[] = config.sizes.filter((s) => !only || only.includes(s.name)).map((s) => (replicates ? { ...s, replicates: Number(replicates) } : s));
  const figures: BenchFigures = { date: new Date().toISOString(), node: process.version, cpus: cpus().length, loadAtStart: loadavg(), loadAtEnd: [], phaseListMatchesStep: false, sizes: [] };
  figures.phaseListMatchesStep = checkPhaseList(loadBenchSpec(config.scenario, config.warmUp.firmsPerCapacityCell), config.seed, 120);
  log('warming up on a tiny world …');
  warmUpEngine(config);
  const { agents: kernelAgents, stages, ticks: kernelTicks } = config.kernel;
  if (!skip.has('kernel')) warmUpKernel(stages);
  // At the kernel's size, each engine replicate is followed by a kernel run: the ratio is taken pair by pair.
  const companionFor = (size: SizeConfig) => (!skip.has('kernel') && Math.abs(size.agents - kernelAgents) <= kernelAgents * 0.01 ? () => runKernelOnce(kernelAgents, stages, kernelTicks) : undefined);
  figures.sizes = await withProfile(args.includes('--cpu-prof'), () => sizes.map((size) => {
    log(`engine: ${size.name} (${size.replicates} × ${size.ticks} ticks) …`);
    return timeEngineSize(config, size, undefined, companionFor(size));
  }));
  if (!skip.has('kernel')) {
    log('reference kernel …');
    figures.kernel = timeKernel(kernelAgents, stages, kernelTicks, config.kernel.replicates);
    const paired = figures.sizes.find((s) => s.companionRatio !== undefined);
    if (paired?.companionRatio) {
      figures.engineToKernelRatio = paired.companionRatio.wall;
      figures.engineToKernelRatioCpu = paired.companionRatio.cpu;
    }
  }
  if (!skip.has('memory')) {
    const size = config.sizes.find((s) => s.name === config.memory.size) as SizeConfig;
    log(`memory at ${size.name} …`);
    figures.memory = measureMemory(config.scenario, size.firmsPerCapacityCell);
  }
  if (!skip.has('mc')) {
    log('Monte Carlo on 1 and 2 workers …');
    figures.monteCarlo = await measureMonteCarlo(config.monteCarlo, config.seed);
  }
  if (!skip.has('threads')) {
    const size = config.sizes.find((s) => s.name === config.threads.size) as SizeConfig;
    log(`one replicate on ${config.threads.threadsPerReplicate.join(' and ')} threads at ${size.name} …`);
    figures.threads = await measureThreads(config, replicates ? { ...size, replicates: Number(replicates) } : size);
  }
  figures.loadAtEnd = loadavg();
  if (args.includes('--save-baseline')) {
    writeFileSync(BASELINE, `${JSON.stringify(figures, null, 2)}\n`);
    log(`saved ${BASELINE.pathname}`);
  }
  process.stdout.write(args.includes('--json') ? `${JSON.stringify(figures)}\n` : `${formatBenchTable(figures)}\n`);
  if (args.includes('--compare')) {
    const baseline = JSON.parse(readFileSync(BASELINE, 'utf8')) as BenchFigures;
    process.stdout.write(`\n${compareWithBaseline(baseline, figures)}\n`);
  }
}

await main();
