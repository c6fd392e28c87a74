import { readFileSync } from 'node:fs';
import { packageFile } from '../src/runtime/moduleLocation.ts';

/** One engine size: the agent count aimed at and the resolution that gives it. */
export interface SizeConfig {
  readonly name: string;
  readonly agents: number;
  readonly firmsPerCapacityCell: number;
  readonly ticks: number;
  /** Timed runs, each a fresh world of replicate index 0, 1, … (median reported). */
  readonly replicates: number;
}

/** Monte Carlo scaling run: one scenario, replicates on 1 and 2 pool workers. */
export interface MonteCarloConfig {
  readonly scenario: string;
  readonly agents: number;
  readonly firmsPerCapacityCell: number;
  readonly years: number;
  readonly replicates: number;
  /** Replicates per task; absent: runMonteCarlo's default (about four tasks per worker). */
  readonly chunkSize?: number;
  /** Alternating rounds of 1 and 2 workers (median of each). */
  readonly rounds: number;
}

/** The whole benchmark configuration (bench/configurations.json). */
export interface BenchConfig {
  readonly scenario: string;
  readonly seed: number;
  /**
   * The world every hot function is warmed on before anything is timed: large enough that entrants
   * grow cells (a cell's first growth replaces store columns, which deoptimises every function that
   * reads them), with as many replicates as it takes to meet the rarer events' paths.
   */
  readonly warmUp: { readonly firmsPerCapacityCell: number; readonly ticks: number; readonly replicates: number };
  readonly sizes: readonly SizeConfig[];
  readonly kernel: { readonly agents: number; readonly stages: number; readonly ticks: number; readonly replicates: number };
  readonly memory: { readonly size: string };
  readonly monteCarlo: MonteCarloConfig;
  readonly threads: { readonly size: string; readonly threadsPerReplicate: readonly number[] };
}

/** Reads bench/configurations.json. */
export function loadBenchConfig(path = packageFile('bench/configurations.json')): BenchConfig {
  const config = JSON.parse(readFileSync(path, 'utf8')) as BenchConfig;
  // A missing count would skip the warm-up silently, and every timed run would pay it.
  if (!(Number.isInteger(config.warmUp?.replicates) && config.warmUp.replicates >= 1)) {
    throw new Error(`${path}: warmUp.replicates: expected a whole number ≥ 1, found ${JSON.stringify(config.warmUp?.replicates)}`);
  }
  return config;
}

/**
 * Whether a size is the one paired with the reference kernel (its agent count within 1% of the
 * kernel's): each of its engine runs is followed by a kernel run, and the engine/kernel ratio is taken there.
 */
export function isKernelSize(config: Pick<BenchConfig, 'kernel'>, size: Pick<SizeConfig, 'agents'>): boolean {
  return Math.abs(size.agents - config.kernel.agents) <= config.kernel.agents * 0.01;
}
