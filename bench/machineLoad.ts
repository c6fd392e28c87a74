/**
 * How busy the machine was around a bench run: the 1-minute load per core at the start, and at the
 * end with the bench's own share taken out (on 2 cores a full run's own threads alone would put the
 * end load near 1 per core, and every run would look busy).
 */
import { cpus, loadavg } from 'node:os';
import type { MonteCarloFigures } from './measureMonteCarlo.ts';

/** A 1-minute load per core above this, at the start or (others' share) at the end, marks the run BUSY MACHINE. */
export const BUSY_LOAD_PER_CORE = 0.75;

/** Linux's 1-minute load average is an exponential average with this time constant, seconds. */
const LOAD_TIME_CONSTANT_S = 60;

/** CPU ÷ wall of the 2-worker Monte Carlo runs below this: the second worker did not get a core of its own. */
export const MC_SECOND_CORE_CPU_OVER_WALL = 1.5;

/** One point of the bench's own activity: wall time (s) and the process's CPU time so far (s, all threads). */
export interface CpuSample {
  wallS: number;
  cpuS: number;
}

/**
 * The bench's own share of the 1-minute load at `endS`: the exponential average (time constant 60 s,
 * as Linux's) of its CPU rate, taken as constant between consecutive samples. A thread waiting for a
 * core counts in the load but not in CPU time, so on a contended machine this is an underestimate
 * and the others' share an overestimate (the safe side for a warning).
 * @param samples - Samples in time order (at least two for a non-zero result).
 * @param endS - When the load is read, s on the samples' clock.
 * @returns Runnable threads the bench contributed to the 1-minute load.
 * @example estimateOwnLoad([{ wallS: 0, cpuS: 0 }, { wallS: 600, cpuS: 600 }], 600) // ≈ 1
 */
export function estimateOwnLoad(samples: readonly CpuSample[], endS: number): number {
  let own = 0;
  for (let i = 1; i < samples.length; i++) {
    const [a, b] = [samples[i - 1], samples[i]];
    const wall = b.wallS - a.wallS;
    if (wall <= 0) continue;
    const weight = Math.exp(-(endS - b.wallS) / LOAD_TIME_CONSTANT_S) - Math.exp(-(endS - a.wallS) / LOAD_TIME_CONSTANT_S);
    own += ((b.cpuS - a.cpuS) / wall) * weight;
  }
  return own;
}

/** Whether a load per core is above {@link BUSY_LOAD_PER_CORE}. */
export function isBusy(loadPerCore: number): boolean {
  return loadPerCore > BUSY_LOAD_PER_CORE;
}

/** The 1-minute load per core now. */
export function loadPerCoreNow(): number {
  return loadavg()[0] / Math.max(1, cpus().length);
}

/** Samples the bench's own CPU use as it goes; {@link LoadWatch.ownLoadNow} estimates its share of the load. */
export interface LoadWatch {
  /** Takes a sample (call at each step of the run: the rate is taken as constant between samples). */
  mark(): void;
  /** The bench's own share of the 1-minute load now (takes a last sample). */
  ownLoadNow(): number;
}

/** Starts sampling this process's CPU time on the wall clock. */
export function createLoadWatch(): LoadWatch {
  const sample = (): CpuSample => {
    const used = process.cpuUsage();
    return { wallS: performance.now() / 1000, cpuS: (used.user + used.system) / 1e6 };
  };
  const samples: CpuSample[] = [sample()];
  return {
    mark: () => void samples.push(sample()),
    ownLoadNow: () => {
      samples.push(sample());
      return estimateOwnLoad(samples, samples[samples.length - 1].wallS);
    },
  };
}

/**
 * CPU ÷ wall of the 2-worker Monte Carlo runs (pool start included): about 2 when each worker had a
 * core, about 1 when they shared one. NaN when a figure is missing.
 */
export function monteCarloCpuOverWall(mc: Pick<MonteCarloFigures, 'seconds' | 'cpuSeconds'>): number {
  return (mc.cpuSeconds?.['2'] ?? NaN) / (mc.seconds?.['2'] ?? NaN);
}

/**
 * The machine's load around a one-thread script run (bench:decade), and a warning when the wall figure is not one to compare: a
 * 1-minute load per core above {@link BUSY_LOAD_PER_CORE} at the start or (others' share) at the end,
 * or a run that got under 90% of a core (CPU ÷ wall: the one thread waited for a core). The CPU figure
 * counts only the time the run had a core, so it moves less with the host than the wall figure.
 * @example describeRunLoad(0.2, 0.3, 0.99) // "load per core 0.20 at the start, 0.30 (others) at the end; CPU ÷ wall 0.99"
 */
export function describeRunLoad(loadAtStart: number, othersAtEnd: number, cpuOverWall: number): string {
  const line = `load per core ${loadAtStart.toFixed(2)} at the start, ${othersAtEnd.toFixed(2)} (others) at the end; CPU ÷ wall ${cpuOverWall.toFixed(2)}`;
  const reasons = [
    ...(isBusy(loadAtStart) || isBusy(othersAtEnd) ? [`load per core above ${BUSY_LOAD_PER_CORE}`] : []),
    ...(cpuOverWall < 0.9 ? ['the run had a core under 90% of its time'] : []),
  ];
  return reasons.length === 0 ? line : `${line}\nBUSY MACHINE (${reasons.join('; ')}): compare the CPU figure, not the wall one`;
}
