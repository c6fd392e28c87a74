import type { SizeFigures } from './timeEngine.ts';
import type { KernelFigures } from './referenceKernel.ts';
import type { MemoryFigures } from './measureMemory.ts';
import type { MonteCarloFigures } from './measureMonteCarlo.ts';
import type { Range } from './median.ts';
import type { BenchRuntime } from './benchRuntime.ts';

/** One-replicate threading figures (SharedArrayBuffer partition), when measured. */
export interface ThreadFigures {
  agents: number;
  ticks: number;
  /** ms per tick by threads per replicate. */
  msPerTick: Record<string, number>;
  /** CPU ms per tick of the whole process (all threads; spinning at a barrier counts, sleeping does not). */
  cpuMsPerTick: Record<string, number>;
  /**
   * CPU time ÷ wall time by thread count (median over rounds): about n when n threads each had a core,
   * about 1 when they shared one. Absent before session 12.
   */
  cpuOverWall?: Record<string, number>;
  /** Median over rounds of time(1 thread) ÷ time(most threads), each round's two runs back to back (before session 12: a ratio of medians). */
  speedup: number;
  /** Speedup the CPU time allows with a free core per thread, most × cpu(1) ÷ cpu(most), as Monte Carlo's cpuBoundScaling. */
  cpuBoundSpeedup?: number;
  /**
   * False when CPU ÷ wall at the most threads stayed below 1.5: the process did not get a second core
   * (the machine was busy), and `speedup` says nothing about the threading.
   */
  secondCoreAvailable?: boolean;
  /**
   * The most threads again, with barriers that sleep at once (no spin, as when replicates' threads
   * outnumber the cores; src/threads/barrierSpin.ts): ms per tick and speedup over one thread.
   */
  sleepingBarrier?: { msPerTick: number; cpuMsPerTick: number; speedup: number };
  bitIdentical: boolean;
  /** Smallest and largest round of each figure, by dotted name. */
  range?: Record<string, Range>;
}

/** Everything `npm run bench -- --json` prints (and bench/baseline.json holds). */
export interface BenchFigures {
  date: string;
  /** The checkout's commit (git rev-parse --short HEAD; "+" when the tree had changes), when git could tell. */
  commit?: string;
  node: string;
  /** Compiled JS or TS source, Node and V8 versions (absent before session 15: assumed compiled, npm run bench's way). */
  runtime?: BenchRuntime;
  cpus: number;
  /** os.loadavg() [1, 5, 15 min] when the bench started and when it ended. */
  loadAtStart: number[];
  loadAtEnd: number[];
  /** The bench's own estimated share of loadAtEnd[0] (machineLoad.ts), so the others' share is loadAtEnd[0] − this. */
  ownLoadAtEnd?: number;
  /**
   * True when the 1-minute load per core exceeded 0.75 at the start, or (the bench's own share taken
   * out) at the end: other work shared the cores, and the timings are slower than the code is.
   */
  busyMachine?: boolean;
  /** Why the reference kernel was not run, when --size left out the size it is paired with (without --kernel). */
  kernelSkipped?: string;
  phaseListMatchesStep: boolean;
  /**
   * True when a profiler ran (--cpu-prof: the timed runs; --cpu-prof-init: the world creations): its
   * sampling slows what it covers by about 20%, so the figures are not comparable with the baseline.
   */
  profiled?: boolean;
  /** What the profiler covered: 'runs', 'init'. */
  profiledParts?: string[];
  sizes: SizeFigures[];
  kernel?: KernelFigures;
  /** Engine ns per agent-tick ÷ kernel ns per agent-update at the kernel's agent count (wall and CPU time), median of pairs run back to back. */
  engineToKernelRatio?: number;
  engineToKernelRatioCpu?: number;
  /**
   * The same ratio per live firm: engine ns per firm-tick (the whole step's time over live firms only,
   * end users left out of the count) ÷ kernel ns per agent-update, pair by pair. Issue 7's target (≤ 3)
   * is stated per agent; this says how far a firm's update is from the kernel's.
   */
  engineToKernelRatioPerFirm?: number;
  engineToKernelRatioPerFirmCpu?: number;
  /** Smallest and largest pair of the ratios above, by name. */
  range?: Record<string, Range>;
  memory?: MemoryFigures;
  monteCarlo?: MonteCarloFigures;
  threads?: ThreadFigures;
}

/**
 * Figures that must hold for any figure to be trusted: the threaded run gave the same bytes as one
 * thread, and the phase-timed copy of the tick still matches sim-core/step.ts. Each failure in words
 * (`npm run bench` then exits 1).
 */
export function integrityFailures(figures: Pick<BenchFigures, 'phaseListMatchesStep' | 'threads'>): string[] {
  const out: string[] = [];
  if (!figures.phaseListMatchesStep) out.push('phaseListMatchesStep is false: bench/stepWithPhaseTimes.ts no longer matches sim-core/step.ts (phase figures are off; update it)');
  if (figures.threads && !figures.threads.bitIdentical) out.push(`threads.bitIdentical is false: the run on ${Object.keys(figures.threads.msPerTick).join(' and ')} threads per replicate gave different series bytes`);
  return out;
}

/** The exit code of `npm run bench` for these figures: 1 when an {@link integrityFailures integrity check} failed, else 0. */
export function benchExitCode(figures: Pick<BenchFigures, 'phaseListMatchesStep' | 'threads'>): 0 | 1 {
  return integrityFailures(figures).length > 0 ? 1 : 0;
}

/** Each stored range ([smallest, largest] beside a median) by the dotted name of its figure (see flattenFigures). */
export function flattenRanges(value: unknown, prefix = '', out: Record<string, Range> = {}): Record<string, Range> {
  const join = (key: string) => (prefix === '' ? key : `${prefix}.${key}`);
  if (Array.isArray(value) && value.every((item) => typeof item === 'object' && item !== null && 'name' in item)) {
    for (const item of value) flattenRanges(item, join((item as { name: string }).name), out);
  } else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (key !== 'range') flattenRanges(item, join(key), out);
      else for (const [name, range] of Object.entries(item as Record<string, Range>)) out[join(name)] = range;
    }
  }
  return out;
}

/** Numeric figures flattened to dotted names (for comparisons). */
export function flattenFigures(value: unknown, prefix = '', out: Record<string, number> = {}): Record<string, number> {
  if (typeof value === 'number') out[prefix] = value;
  else if (Array.isArray(value) && value.every((item) => typeof item === 'object' && item !== null && 'name' in item)) {
    for (const item of value) flattenFigures(item, `${prefix}.${(item as { name: string }).name}`, out);
  } else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [key, item] of Object.entries(value)) flattenFigures(item, prefix === '' ? key : `${prefix}.${key}`, out);
  }
  return out;
}
