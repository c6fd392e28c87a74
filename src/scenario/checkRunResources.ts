import { existsSync, statfsSync } from 'node:fs';
import { totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import type { ResultLayout } from '../../sim-core/index.ts';
import { estimateRunMemory, REPLICATES_OPTION, WORKERS_OPTION, type RunEstimate, type RunShape } from './estimateRunMemory.ts';
import type { LoadedScenario } from './loadScenario.ts';
import { locateScenarioKey } from './locateScenarioKey.ts';
import { type Problem, ScenarioError } from './scenarioError.ts';
import { nounOf } from '../text/countOf.ts';

/** Environment variable with the memory limit (`16GiB`, `500MB`, bytes), like `--max-memory`. */
export const MAX_MEMORY_ENV = 'CRM_SIM_MAX_MEMORY';
/** Share of physical memory a run may plan to use when no limit is given. */
const DEFAULT_SHARE = 0.8;
const UNITS: Record<string, number> = { '': 1, b: 1, k: 1e3, kb: 1e3, kib: 2 ** 10, m: 1e6, mb: 1e6, mib: 2 ** 20, g: 1e9, gb: 1e9, gib: 2 ** 30, t: 1e12, tb: 1e12, tib: 2 ** 40 };

/**
 * Parses a size such as `16GiB`, `1.5 GB`, `500M` or `2000000000` into bytes; undefined when it is
 * not a positive size. Example: `parseByteSize('2 GiB')` → 2147483648.
 */
export function parseByteSize(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?(?:e\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = match?.[2].toLowerCase() ?? '';
  if (!match || !Object.hasOwn(UNITS, unit)) return undefined;
  const bytes = Number(match[1]) * UNITS[unit];
  return bytes > 0 && Number.isFinite(bytes) ? bytes : undefined;
}

/** Human size, e.g. `3.2 GiB`. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === units.length - 1 && value >= 1024 ? `${value.toExponential(1)} ${units[unit]}` : `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

/** The memory limit: `--max-memory`, else $CRM_SIM_MAX_MEMORY, else 80% of physical memory; with where it came from. */
export function resolveMemoryLimit(flag?: string, env: NodeJS.ProcessEnv = process.env): { bytes: number; source: string } | { error: string } {
  const given = flag ?? env[MAX_MEMORY_ENV];
  if (given !== undefined) {
    const bytes = parseByteSize(given);
    if (bytes === undefined) return { error: `${flag === undefined ? MAX_MEMORY_ENV : '--max-memory'}: expected a size such as 16GiB or 500MB, found "${given}"` };
    return { bytes, source: `${flag === undefined ? `$${MAX_MEMORY_ENV}` : '--max-memory'} ${given}` };
  }
  const constrained = (process as { constrainedMemory?: () => number | undefined }).constrainedMemory?.() || Infinity;
  const physical = Math.min(totalmem(), constrained);
  return { bytes: DEFAULT_SHARE * physical, source: `${DEFAULT_SHARE * 100}% of ${formatBytes(physical)} of RAM; raise with --max-memory or $${MAX_MEMORY_ENV}` };
}

/** Free bytes on the file system that will hold `dir` (its nearest existing ancestor), or undefined. */
function freeDiskBytes(dir: string): number | undefined {
  let existing = resolve(dir);
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  try {
    const stats = statfsSync(existing);
    return stats.bavail * stats.bsize;
  } catch {
    return undefined;
  }
}

/** The problem text of an estimate over the limit. */
function overLimit(estimate: RunEstimate, limit: { bytes: number; source: string }, shape: RunShape): Pick<Problem, 'expected' | 'found' | 'message'> {
  const terms = estimate.parts.slice(0, 3).map((p) => `${p.name} ${formatBytes(p.bytes)}`).join('; ');
  return {
    expected: `a run that fits in memory (limit ${formatBytes(limit.bytes)}: ${limit.source})`,
    found: `an estimated ${formatBytes(estimate.memoryBytes)} for ${shape.replicates} ${nounOf(shape.replicates, 'replicate')} on ${shape.workers} ${nounOf(shape.workers, 'worker')}`,
    message: `largest terms: ${terms}; reduce years, ticksPerYear, resolution.firmsPerCapacityCell, workers or replicates (shards: docs/operations.md)`,
  };
}

/** Options of {@link checkRunResources}: the run's shape, its limits and where its output goes. */
export interface ResourceCheckOptions extends RunShape {
  scenarioPath: string;
  sets: readonly string[];
  /** The memory limit (default {@link resolveMemoryLimit}() without a flag). */
  memoryLimit?: { bytes: number; source: string };
  /** Output folder (its file system is checked for the spill's disk space). */
  outputDir?: string;
}

/**
 * Refuses, before anything is allocated, a run whose estimated memory (see estimateRunMemory)
 * exceeds the limit (`--max-memory`, $CRM_SIM_MAX_MEMORY, else 80% of RAM), or whose spill files
 * would not fit on the output folder's disk: throws a ScenarioError (exit 3) located at the key
 * that drives the largest term, with the estimate, the limit and what to reduce; a disk too small
 * is a usage problem of the output folder (exit 2 when it is the only one).
 * @returns The estimate (for logs and tests).
 * @throws ScenarioError when over a limit; RangeError when $CRM_SIM_MAX_MEMORY is malformed and no
 *   limit was given (callers validate it first with {@link resolveMemoryLimit}, as a usage error).
 */
export function checkRunResources(loaded: LoadedScenario, layout: ResultLayout, options: ResourceCheckOptions): RunEstimate {
  const limit = options.memoryLimit ?? resolveMemoryLimit();
  if ('error' in limit) throw new RangeError(limit.error);
  const estimate = estimateRunMemory(loaded.spec, layout, options);
  const problems: Problem[] = [];
  if (estimate.memoryBytes > limit.bytes) {
    const path = estimate.parts[0].drivenBy;
    // A term driven by the command line (replicates, workers) is the flag's problem, not a scenario key's (it blamed --years).
    const flag = path === REPLICATES_OPTION ? `--replicates ${options.replicates}` : path === WORKERS_OPTION ? `--workers ${options.workers}` : undefined;
    problems.push(flag !== undefined
      ? { file: flag, line: 0, column: 0, path: '', ...overLimit(estimate, limit, options) }
      : { ...locateScenarioKey(loaded, options.scenarioPath, options.sets, path), path, ...overLimit(estimate, limit, options) });
  }
  const free = options.outputDir === undefined ? undefined : freeDiskBytes(options.outputDir);
  if (free !== undefined && estimate.diskBytes > free) {
    // The output folder's problem, not the scenario's (a full disk, or a file system such as /proc).
    problems.push({
      file: `output folder ${resolve(options.outputDir as string)}`, line: 0, column: 0, path: '', usage: true,
      expected: `a disk with room for the spill files (an estimated ${formatBytes(estimate.diskBytes)} for ${options.replicates} ${nounOf(options.replicates, 'replicate')})`,
      found: `${formatBytes(free)} free`,
      message: 'choose --out on a larger disk, fewer replicates per shard, or fewer years',
    });
  }
  if (problems.length > 0) throw new ScenarioError(problems);
  return estimate;
}
