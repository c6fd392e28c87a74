import type { SizeFigures } from './timeEngine.ts';
import type { KernelFigures } from './referenceKernel.ts';
import type { MemoryFigures } from './measureMemory.ts';
import type { MonteCarloFigures } from './measureMonteCarlo.ts';

/** One-replicate threading figures (SharedArrayBuffer partition), when measured. */
export interface ThreadFigures {
  agents: number;
  ticks: number;
  /** ms per tick by threads per replicate. */
  msPerTick: Record<string, number>;
  /** CPU ms per tick of the whole process (all threads; spinning at a barrier counts, sleeping does not). */
  cpuMsPerTick: Record<string, number>;
  speedup: number;
  /**
   * The most threads again, with barriers that sleep at once (no spin, as when replicates' threads
   * outnumber the cores; src/threads/barrierSpin.ts): ms per tick and speedup over one thread.
   */
  sleepingBarrier?: { msPerTick: number; cpuMsPerTick: number; speedup: number };
  bitIdentical: boolean;
}

/** Everything `npm run bench -- --json` prints (and bench/baseline.json holds). */
export interface BenchFigures {
  date: string;
  node: string;
  cpus: number;
  /** os.loadavg() [1, 5, 15 min] when the bench started and when it ended. */
  loadAtStart: number[];
  loadAtEnd: number[];
  phaseListMatchesStep: boolean;
  sizes: SizeFigures[];
  kernel?: KernelFigures;
  /** Engine ns per agent-tick ÷ kernel ns per agent-update at the kernel's agent count (wall and CPU time), median of pairs run back to back. */
  engineToKernelRatio?: number;
  engineToKernelRatioCpu?: number;
  memory?: MemoryFigures;
  monteCarlo?: MonteCarloFigures;
  threads?: ThreadFigures;
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
