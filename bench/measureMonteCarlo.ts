import { createMonteCarloPool, type MonteCarloPool } from '../src/montecarlo/createMonteCarloPool.ts';
import { runMonteCarlo } from '../src/montecarlo/runMonteCarlo.ts';
import { compileScenario } from '../sim-core/index.ts';
import type { MonteCarloConfig } from './benchConfig.ts';
import { countAgents, createBenchWorld, loadBenchSpec } from './createBenchWorld.ts';
import { collectGarbage } from './collectGarbage.ts';
import { median, rangeOf, type Range } from './median.ts';

/** Monte Carlo throughput on 1 and 2 pool workers (medians over alternating rounds). */
export interface MonteCarloFigures {
  scenario: string;
  agents: number;
  ticks: number;
  replicates: number;
  /** Rounds, each one run on 1 and one on 2 workers (absent before session 12: the configured 3). */
  rounds?: number;
  /** Seconds per call of runMonteCarlo (pool start included), by worker count. */
  seconds: Record<string, number>;
  replicatesPerSecond: Record<string, number>;
  /**
   * Replicates per second on 2 workers over 1 worker: the median over rounds of each round's pair
   * (two runs back to back), which cancels the machine's slow drifts in speed better than a ratio
   * of medians taken minutes apart.
   */
  scaling: number;
  /** The same with each run's time less one worker start-up (the steady state of a long run). */
  scalingAfterStartUp: number;
  /** CPU seconds of the whole process (all threads) per run, by worker count. */
  cpuSeconds: Record<string, number>;
  /**
   * Scaling the CPU time allows on two free cores, 2 × cpu(1 worker) ÷ cpu(2 workers): 2 when the
   * second worker adds no work. On a shared, loaded machine wall-clock scaling can fall far below it.
   */
  cpuBoundScaling: number;
  /** Pool start (one worker, engine loaded) to first result, beyond the inline time of the same task, ms. */
  workerStartUpMs: number;
  /**
   * Replicates per second on a pool started and warmed once (as `compare`, `sweep` and `stress`
   * share one pool between their scenarios), by worker count: the steady state of a long run.
   */
  warmReplicatesPerSecond: Record<string, number>;
  /** Replicates per second on 2 warm workers over 1 warm worker (median of each round's pair, as `scaling`). */
  warmScaling: number;
  /** CPU seconds per run on the warm pools, by worker count (absent before session 12). */
  warmCpuSeconds?: Record<string, number>;
  /** Smallest and largest round of each figure, by dotted name. */
  range?: Record<string, Range>;
}

/** One timed runMonteCarlo call (a full GC of this process first): seconds, and its CPU seconds pushed to `cpu`. */
async function timeRun(options: Parameters<typeof runMonteCarlo>[0], cpu: number[] = []): Promise<number> {
  collectGarbage();
  const t0 = performance.now();
  const before = process.cpuUsage();
  await runMonteCarlo(options);
  const used = process.cpuUsage(before);
  cpu.push((used.user + used.system) / 1e6);
  return (performance.now() - t0) / 1000;
}

/** Start-up cost of a pool worker: a one-tick replicate on a fresh 1-thread pool, less the same inline. */
export async function measureWorkerStartUp(scenario: string, rounds = 3): Promise<number> {
  const compiled = compileScenario(loadBenchSpec(scenario, 1, ['years=0.02']));
  await timeRun({ compiled, masterSeed: 1, replicates: 1, workers: 0 });
  const costs: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const pooled = await timeRun({ compiled, masterSeed: 1, replicates: 1, workers: 1 });
    const inline = await timeRun({ compiled, masterSeed: 1, replicates: 1, workers: 0 });
    costs.push((pooled - inline) * 1000);
  }
  return median(costs);
}

/** Runs the configured replicates with 1 and 2 workers, alternating, `rounds` times each. */
export async function measureMonteCarlo(config: MonteCarloConfig, seed: number): Promise<MonteCarloFigures> {
  const spec = loadBenchSpec(config.scenario, config.firmsPerCapacityCell, [`years=${config.years}`]);
  const compiled = compileScenario(spec);
  const agents = countAgents(createBenchWorld(spec, seed, 0, compiled).world);
  const runs: Record<string, number[]> = { 1: [], 2: [] };
  const cpu: Record<string, number[]> = { 1: [], 2: [] };
  for (let round = 0; round < config.rounds; round++) {
    for (const workers of round % 2 === 0 ? [1, 2] : [2, 1]) {
      runs[workers].push(await timeRun({ compiled, masterSeed: seed, replicates: config.replicates, workers, chunkSize: config.chunkSize }, cpu[workers]));
    }
  }
  const warmCpu: Record<string, number[]> = { 1: [], 2: [] };
  const warm = await measureWarmPools(compiled, config, seed, warmCpu);
  const workerStartUpMs = await measureWorkerStartUp(config.scenario);
  const startUp = workerStartUpMs / 1000;
  const range: Record<string, Range> = {};
  const figure = (name: string, values: readonly number[]) => {
    range[name] = rangeOf(values);
    return median(values);
  };
  const perWorkers = (name: string, values: Record<string, number[]>, map = (v: number) => v) => ({ 1: figure(`${name}.1`, values[1].map(map)), 2: figure(`${name}.2`, values[2].map(map)) });
  const rate = (seconds: number) => config.replicates / seconds;
  const cpuSeconds = perWorkers('cpuSeconds', cpu);
  return {
    scenario: config.scenario, agents, ticks: compiled.layout.ticks, replicates: config.replicates, rounds: config.rounds,
    seconds: perWorkers('seconds', runs), replicatesPerSecond: perWorkers('replicatesPerSecond', runs, rate),
    scaling: figure('scaling', pairedScaling(runs, (t) => t)), scalingAfterStartUp: figure('scalingAfterStartUp', pairedScaling(runs, (t) => t - startUp)), workerStartUpMs,
    cpuSeconds, cpuBoundScaling: (2 * cpuSeconds[1]) / cpuSeconds[2],
    warmReplicatesPerSecond: perWorkers('warmReplicatesPerSecond', warm, rate), warmCpuSeconds: perWorkers('warmCpuSeconds', warmCpu),
    warmScaling: figure('warmScaling', pairedScaling(warm, (t) => t)), range,
  };
}

/** Per round, time(1 worker) ÷ time(2 workers), each round's two runs taken back to back (the median is the figure). */
function pairedScaling(runs: Record<string, number[]>, adjust: (seconds: number) => number): number[] {
  return runs[1].map((one, round) => adjust(one) / adjust(runs[2][round]));
}

/**
 * Seconds per run on pools of 1 and 2 threads started once and warmed by a run of two replicates
 * per thread (tier-up of the engine's hot functions), then timed alternately, by worker count.
 */
async function measureWarmPools(compiled: ReturnType<typeof compileScenario>, config: MonteCarloConfig, seed: number, cpu: Record<string, number[]>): Promise<Record<string, number[]>> {
  const pools: Record<string, MonteCarloPool> = { 1: createMonteCarloPool(1), 2: createMonteCarloPool(2) };
  const runs: Record<string, number[]> = { 1: [], 2: [] };
  try {
    for (const workers of [1, 2]) await timeRun({ compiled, masterSeed: seed, replicates: 2 * workers, workers, pool: pools[workers] });
    for (let round = 0; round < config.rounds; round++) {
      for (const workers of round % 2 === 0 ? [1, 2] : [2, 1]) {
        runs[workers].push(await timeRun({ compiled, masterSeed: seed, replicates: config.replicates, workers, pool: pools[workers], chunkSize: config.chunkSize }, cpu[workers]));
      }
    }
  } finally {
    await Promise.all([pools[1].destroy(), pools[2].destroy()]);
  }
  return runs;
}
