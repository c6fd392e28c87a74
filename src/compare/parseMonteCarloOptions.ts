import { availableParallelism } from 'node:os';
import { UsageError } from '../cli/exitCodes.ts';
import { parseOverrides, parseSeed } from '../cli/parseOverrides.ts';
import { parseMemoryLimit } from '../cli/runResources.ts';

/** Monte Carlo options of `compare`, `sweep` and `stress` as commander parses them (strings). */
export interface MonteCarloCliOptions {
  replicates: string;
  seed: string;
  workers?: string;
  years?: string;
  set: string[];
  /** `--resume`: keep finished arms in `<out>.parts` (armCache.ts). */
  resume?: boolean;
  /** `--max-memory <size>`: refuse runs estimated to need more (default $CRM_SIM_MAX_MEMORY, else 80% of RAM). */
  maxMemory?: string;
}

/** The same options, checked and converted. */
export interface MonteCarloSettings {
  replicates: number;
  masterSeed: number;
  /** Worker threads; default the number of cores; 0 = main thread. */
  workers: number;
  /** `--set` overrides, followed by `--years=<Y>` when `--years` was given (src/cli/parseOverrides.ts). */
  sets: string[];
  /** The memory limit every arm's kept results and worlds must fit in (runScenarioArms checks it). */
  memoryLimit: { bytes: number; source: string };
}

/** Parses an integer option, or throws a UsageError naming it. */
function parseInteger(name: string, text: string, min: number): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isInteger(value) || value < min) {
    throw new UsageError(`--${name}: expected an integer ≥ ${min}, found "${text}"`);
  }
  return value;
}

/**
 * Checks and converts the shared Monte Carlo options. At least two replicates are required,
 * since every statistic of these commands is a confidence interval.
 *
 * @param options - Options as strings.
 * @returns Numbers and the override list.
 * @throws UsageError (exit code 2) on a malformed number.
 * @example
 * parseMonteCarloOptions({ replicates: '50', seed: '1', set: [], years: '3' }).sets; // ['--years=3']
 */
export function parseMonteCarloOptions(options: MonteCarloCliOptions): MonteCarloSettings {
  const replicates = parseInteger('replicates', options.replicates, 2);
  const masterSeed = parseSeed(options.seed);
  const workers = options.workers === undefined ? availableParallelism() : parseInteger('workers', options.workers, 0);
  const sets = parseOverrides(options.set, options.years);
  return { replicates, masterSeed, workers, sets, memoryLimit: parseMemoryLimit(options.maxMemory) };
}
