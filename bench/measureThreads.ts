import { runTicks } from '../sim-core/index.ts';
import { startCellThreads } from '../src/threads/startCellThreads.ts';
import type { BenchConfig, SizeConfig } from './benchConfig.ts';
import type { ThreadFigures } from './benchFigures.ts';
import { countAgents, createBenchWorld, loadBenchSpec } from './createBenchWorld.ts';
import { collectGarbage } from './collectGarbage.ts';
import { median, rangeOf, type Range } from './median.ts';

/**
 * One replicate stepped on 1 and on 2 threads (src/threads), and on 2 threads whose barriers sleep at
 * once: ms per tick (median over alternating rounds), the paired speedup, CPU ÷ wall (whether the
 * process got a second core), and whether all give the same series bytes.
 */
export async function measureThreads(config: BenchConfig, size: SizeConfig): Promise<ThreadFigures> {
  const counts = config.threads.threadsPerReplicate;
  const most = counts[counts.length - 1];
  const pools = new Map(await Promise.all(counts.filter((n) => n > 1).map(async (n) => [n, await startCellThreads(n)] as const)));
  // The same thread count with barriers that sleep at once, to show what spinning buys (key −most).
  if (most > 1) pools.set(-most, await startCellThreads(most, { spinMs: 0 }));
  const variants = most > 1 ? [...counts, -most] : counts;
  const run = (spec: ReturnType<typeof loadBenchSpec>, threads: number, ticks: number) => {
    const bench = createBenchWorld(spec, config.seed, 0);
    const pool = pools.get(threads);
    const cells = pool ? pool.attach(bench.world) : null;
    const t0 = performance.now();
    const before = process.cpuUsage();
    runTicks(bench.world, bench.recorder, ticks, cells);
    const ms = (performance.now() - t0) / ticks;
    const used = process.cpuUsage(before);
    pool?.detach();
    return { ms, cpuMs: (used.user + used.system) / 1000 / ticks, series: bench.recorder.series, agents: countAgents(bench.world) };
  };
  try {
    const tiny = loadBenchSpec(config.scenario, config.warmUp.firmsPerCapacityCell);
    for (const threads of variants) run(tiny, threads, config.warmUp.ticks);
    const spec = loadBenchSpec(config.scenario, size.firmsPerCapacityCell);
    const times = new Map(variants.map((n) => [n, [] as number[]]));
    const cpuTimes = new Map(variants.map((n) => [n, [] as number[]]));
    const series = new Map<number, Float64Array>();
    let agents = 0;
    for (let round = 0; round < size.replicates; round++) {
      for (const threads of round % 2 === 0 ? variants : [...variants].reverse()) {
        collectGarbage();
        const result = run(spec, threads, size.ticks);
        times.get(threads)?.push(result.ms);
        cpuTimes.get(threads)?.push(result.cpuMs);
        series.set(threads, result.series);
        agents = result.agents;
      }
    }
    const reference = Buffer.from((series.get(counts[0]) as Float64Array).buffer);
    const bitIdentical = variants.every((n) => reference.equals(Buffer.from((series.get(n) as Float64Array).buffer)));
    return { agents, ticks: size.ticks, ...threadFigures(counts, times, cpuTimes), bitIdentical };
  } finally {
    await Promise.all([...pools.values()].map((pool) => pool.close()));
  }
}

/** CPU ÷ wall at the most threads below this: the process did not get a second core's worth of time. */
export const SECOND_CORE_CPU_OVER_WALL = 1.5;

/**
 * Medians, paired ratios and ranges of the rounds' times (ms per tick by thread count; key −n: n
 * threads whose barriers sleep at once). The speedup is the median over rounds of each round's
 * time(1 thread) ÷ time(most threads), the two taken back to back, as the kernel and Monte Carlo ratios.
 */
export function threadFigures(counts: readonly number[], times: ReadonlyMap<number, readonly number[]>, cpuTimes: ReadonlyMap<number, readonly number[]>): Omit<ThreadFigures, 'agents' | 'ticks' | 'bitIdentical'> {
  const one = counts[0];
  const most = counts[counts.length - 1];
  const get = (map: ReadonlyMap<number, readonly number[]>, n: number) => map.get(n) ?? [];
  const paired = (n: number) => get(times, one).map((ms, round) => ms / get(times, n)[round]);
  const cpuOverWall = (n: number) => get(cpuTimes, n).map((cpu, round) => cpu / get(times, n)[round]);
  const range: Record<string, Range> = {};
  const figure = (name: string, values: readonly number[]) => {
    range[name] = rangeOf(values);
    return median(values);
  };
  const byCount = (name: string, pick: (n: number) => readonly number[]) => Object.fromEntries(counts.map((n) => [String(n), figure(`${name}.${n}`, pick(n))]));
  const msPerTick = byCount('msPerTick', (n) => get(times, n));
  const cpuMsPerTick = byCount('cpuMsPerTick', (n) => get(cpuTimes, n));
  const cpuOverWallByCount = byCount('cpuOverWall', cpuOverWall);
  const sleeping = most > 1 && times.has(-most) ? {
    sleepingBarrier: { msPerTick: figure('sleepingBarrier.msPerTick', get(times, -most)), cpuMsPerTick: figure('sleepingBarrier.cpuMsPerTick', get(cpuTimes, -most)), speedup: figure('sleepingBarrier.speedup', paired(-most)) },
  } : {};
  return {
    msPerTick, cpuMsPerTick, cpuOverWall: cpuOverWallByCount,
    speedup: figure('speedup', paired(most)),
    cpuBoundSpeedup: (most * cpuMsPerTick[String(one)]) / cpuMsPerTick[String(most)],
    secondCoreAvailable: most < 2 || cpuOverWallByCount[String(most)] >= SECOND_CORE_CPU_OVER_WALL,
    ...sleeping, range,
  };
}
