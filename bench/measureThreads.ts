import { runTicks } from '../sim-core/index.ts';
import { startCellThreads } from '../src/threads/startCellThreads.ts';
import type { BenchConfig, SizeConfig } from './benchConfig.ts';
import type { ThreadFigures } from './benchFigures.ts';
import { countAgents, createBenchWorld, loadBenchSpec } from './createBenchWorld.ts';
import { median } from './median.ts';

/**
 * One replicate stepped on 1 and on 2 threads (src/threads), and on 2 threads whose barriers sleep at
 * once: ms per tick (median over alternating rounds) and whether all give the same series bytes.
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
        const result = run(spec, threads, size.ticks);
        times.get(threads)?.push(result.ms);
        cpuTimes.get(threads)?.push(result.cpuMs);
        series.set(threads, result.series);
        agents = result.agents;
      }
    }
    const msPerTick = Object.fromEntries(counts.map((n) => [String(n), median(times.get(n) ?? [])]));
    const cpuMsPerTick = Object.fromEntries(counts.map((n) => [String(n), median(cpuTimes.get(n) ?? [])]));
    const reference = Buffer.from((series.get(counts[0]) as Float64Array).buffer);
    const sleepingMs = median(times.get(-most) ?? []);
    return {
      agents, ticks: size.ticks, msPerTick,
      speedup: msPerTick[String(counts[0])] / msPerTick[String(most)],
      cpuMsPerTick,
      ...(most > 1 ? { sleepingBarrier: { msPerTick: sleepingMs, cpuMsPerTick: median(cpuTimes.get(-most) ?? []), speedup: msPerTick[String(counts[0])] / sleepingMs } } : {}),
      bitIdentical: variants.every((n) => reference.equals(Buffer.from((series.get(n) as Float64Array).buffer))),
    };
  } finally {
    await Promise.all([...pools.values()].map((pool) => pool.close()));
  }
}
