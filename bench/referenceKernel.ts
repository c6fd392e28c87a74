/**
 * The reference kernel: the least work an agent update can cost in this runtime, to measure the
 * engine against. Struct-of-arrays typed arrays, agents in contiguous blocks of 6 stages, one pass
 * per tick; per agent one inline sfc32 draw and a few multiply-adds, summed into the stage's total
 * in a local accumulator (one loop per stage block, as PERFORMANCE.md's fastest JS variant).
 */
import { collectGarbage } from './collectGarbage.ts';
import { median, rangeOf, type Range } from './median.ts';

/** The kernel's agents: per-agent columns and the stage blocks. */
export interface KernelWorld {
  readonly agents: number;
  readonly stageStart: Int32Array;
  readonly capacity: Float64Array;
  readonly inventory: Float64Array;
  readonly price: Float64Array;
  readonly totals: Float64Array;
  /** sfc32 state a, b, c, d. */
  readonly rng: Int32Array;
}

/**
 * Creates `agents` agents over `stages` equal blocks: capacities from a multiplicative (Knuth) hash of
 * the index, the sfc32 state from four fixed constants (the same draws on every run).
 */
export function createKernelWorld(agents: number, stages: number): KernelWorld {
  const stageStart = new Int32Array(stages + 1);
  for (let s = 0; s <= stages; s++) stageStart[s] = Math.floor((agents * s) / stages);
  const capacity = new Float64Array(agents);
  const inventory = new Float64Array(agents);
  for (let i = 0; i < agents; i++) {
    capacity[i] = 1 + ((i * 2654435761) >>> 0) / 4294967296;
    inventory[i] = capacity[i] * 2;
  }
  const price = Float64Array.from({ length: stages }, (_, s) => 100 * (s + 1));
  return { agents, stageStart, capacity, inventory, price, totals: new Float64Array(stages), rng: Int32Array.of(0x9e3779b9, 0x85ebca6b, 0xc2b2ae35, 0x27d4eb2f) };
}

/** One tick: every agent draws, produces, updates its stock; stage totals of revenue. */
export function stepKernel(world: KernelWorld): void {
  const { capacity, inventory, price, totals, stageStart, rng } = world;
  let a = rng[0], b = rng[1], c = rng[2], d = rng[3];
  for (let s = 0; s < totals.length; s++) {
    const p = price[s];
    let total = 0;
    for (let i = stageStart[s], end = stageStart[s + 1]; i < end; i++) {
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      c = (c + t) | 0;
      const u = (t >>> 0) / 4294967296;
      const q = capacity[i] * (0.5 + 0.5 * u);
      inventory[i] = inventory[i] * 0.9 + q;
      total += q * p;
    }
    totals[s] = total;
  }
  rng[0] = a; rng[1] = b; rng[2] = c; rng[3] = d;
}

/** Kernel figures: ns per agent-update (median over replicates) and updates per second. */
export interface KernelFigures {
  agents: number;
  stages: number;
  ticks: number;
  nsPerAgentUpdate: number;
  /** The same from the process's CPU time. */
  cpuNsPerAgentUpdate: number;
  agentUpdatesPerSecond: number;
  bytesPerAgent: number;
  /** Smallest and largest run of nsPerAgentUpdate and cpuNsPerAgentUpdate. */
  range?: Record<string, Range>;
}

/** Warms the kernel on a small world (and its code), so timed runs pay no tier-up. */
export function warmUpKernel(stages: number): void {
  const small = createKernelWorld(10_000, stages);
  for (let t = 0; t < 2000; t++) stepKernel(small);
}

/** One timed kernel run on a fresh world (a full GC just before the clock starts): ns per agent-update, wall and CPU. */
export function runKernelOnce(agents: number, stages: number, ticks: number): { wallNs: number; cpuNs: number } {
  const world = createKernelWorld(agents, stages);
  stepKernel(world);
  collectGarbage();
  const t0 = performance.now();
  const cpu = process.cpuUsage();
  for (let t = 0; t < ticks; t++) stepKernel(world);
  const wall = performance.now() - t0;
  const used = process.cpuUsage(cpu);
  return { wallNs: (wall * 1e6) / (agents * ticks), cpuNs: ((used.user + used.system) * 1e3) / (agents * ticks) };
}

/** Warms the kernel on a small world, then times `ticks` ticks per replicate at `agents`. */
export function timeKernel(agents: number, stages: number, ticks: number, replicates: number): KernelFigures {
  warmUpKernel(stages);
  const runs = Array.from({ length: replicates }, () => runKernelOnce(agents, stages, ticks));
  const ns = median(runs.map((run) => run.wallNs));
  const cpuNs = median(runs.map((run) => run.cpuNs));
  const range = { nsPerAgentUpdate: rangeOf(runs.map((run) => run.wallNs)), cpuNsPerAgentUpdate: rangeOf(runs.map((run) => run.cpuNs)) };
  return { agents, stages, ticks, nsPerAgentUpdate: ns, cpuNsPerAgentUpdate: cpuNs, agentUpdatesPerSecond: 1e9 / ns, bytesPerAgent: 16, range };
}
