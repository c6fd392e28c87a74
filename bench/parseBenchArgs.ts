import { parseArgs } from 'node:util';
import { isKernelSize, type BenchConfig } from './benchConfig.ts';

/** What `npm run bench` was asked for. */
export interface BenchArgs {
  /** One JSON object on stdout. */
  json: boolean;
  /** Also write the JSON object to this file (atomically: a temporary file renamed into place). */
  jsonOut?: string;
  /** Sizes to time, in configuration order (all by default). */
  sizes: string[];
  /** Measurements left out: kernel, memory, mc (Monte Carlo), threads. */
  skip: Set<string>;
  /** Why the kernel is left out although --skip did not name it (--size without its paired size, no --kernel). */
  kernelSkipped?: string;
  /** Timed runs per size instead of the configured ones. */
  replicates?: number;
  /** Monte Carlo replicates per run and alternating rounds instead of the configured ones. */
  mcReplicates?: number;
  mcRounds?: number;
  /** Profile the timed engine runs only (runTicks), into one .cpuprofile. */
  cpuProf: boolean;
  /** Profile the timed world creations, into a .cpuprofile of their own. */
  cpuProfInit: boolean;
  /** Folder of the profiles (bench/profiles/ when absent). */
  cpuProfDir?: string;
  saveBaseline: boolean;
  /** Save the baseline although the machine is busy or the tree dirty. */
  force: boolean;
  compare: boolean;
  /** The figures to compare with (--baseline FILE; implies compare); bench/baseline.json when absent. */
  baselineFile?: string;
  findSizes: boolean;
  help: boolean;
}

/** A mistake on the bench's command line: one line, exit 2, nothing measured. */
export class BenchUsageError extends Error {}

/** The measurements `--skip` may name. */
export const SKIPPABLE = ['kernel', 'memory', 'mc', 'threads'] as const;

/** The options parseArgs accepts (every one is described in {@link benchUsage}). */
export const BENCH_OPTIONS = {
  json: { type: 'boolean' }, 'json-out': { type: 'string' }, size: { type: 'string' }, skip: { type: 'string' }, kernel: { type: 'boolean' },
  replicates: { type: 'string' }, 'mc-replicates': { type: 'string' }, 'mc-rounds': { type: 'string' },
  'cpu-prof': { type: 'boolean' }, 'cpu-prof-init': { type: 'boolean' }, 'cpu-prof-dir': { type: 'string' },
  'save-baseline': { type: 'boolean' }, force: { type: 'boolean' }, compare: { type: 'boolean' }, baseline: { type: 'string' }, 'find-sizes': { type: 'boolean' }, help: { type: 'boolean' },
} as const;

/**
 * The text of `npm run bench -- --help`: every option with its default (from `config` where configured) and the exit codes.
 * @param config - bench/configurations.json, for the sizes, replicates and Monte Carlo defaults.
 */
export function benchUsage(config: BenchConfig): string {
  const sizes = config.sizes.map((s) => s.name);
  const paired = config.sizes.find((s) => isKernelSize(config, s))?.name ?? '-';
  const mc = config.monteCarlo;
  return `usage: npm run bench -- [options]   (npm run -s … for stdout without npm's banner)
  --json              one JSON object on stdout (progress on stderr); through npm, use
                      \`npm run -s bench -- --json\`: without -s npm prints its banner on stdout too
                      (default: off, a text table)
  --json-out FILE     also write that JSON object to FILE (atomically), whatever stdout holds (default: none)
  --size a,b          time only these sizes of bench/configurations.json (default: all, ${sizes.join(',')});
                      memory and threads are measured only when their size (${config.memory.size}) is among them
  --skip a,b          leave out kernel, memory, mc (Monte Carlo) or threads (default: none)
  --kernel            run the reference kernel (${config.kernel.agents} agents) even when --size leaves out ${paired},
                      the size it is paired with (default: skipped then, with the reason in the output)
  --replicates N      timed runs per size (default: each size's, ${config.sizes.map((s) => `${s.name} ${s.replicates}`).join(', ')})
  --mc-replicates N   Monte Carlo replicates per run (default: ${mc.replicates})
  --mc-rounds N       Monte Carlo rounds, each one run on 1 and one on 2 workers (default: ${mc.rounds})
  --cpu-prof          write bench/profiles/bench-<time>-timed-runs.cpuprofile: the timed engine runs
                      only (world creation, warm-up, phase-timed runs and kernel left out); the
                      profiler slows what it covers (about +20%): such a run is marked profiled and
                      cannot be compared with the baseline (default: off)
  --cpu-prof-init     write bench/profiles/bench-<time>-world-creation.cpuprofile: the timed world
                      creations only (default: off)
  --cpu-prof-dir DIR  write the profiles to DIR (default: bench/profiles/)
  --save-baseline     write bench/baseline.json (the whole suite only, no profile); refused when the
                      1-minute load per core exceeds 0.75 at the start or the git tree is dirty (default: off)
  --force             with --save-baseline: save even on a busy machine or a dirty tree (default: off)
  --compare           also compare with bench/baseline.json (npm run bench:compare; not with a profile);
                      rows measured differently are NOT COMPARABLE and never count as worse (default: off)
  --baseline FILE     compare with FILE (an earlier run's --json-out) instead (implies --compare;
                      default: bench/baseline.json)
  --find-sizes        print the firmsPerCapacityCell giving each configured agent count (default: off)
  --help              this text
exit codes: 0 ok; 1 an integrity check failed (threads not bit-identical, phase list drifted) or
  the --json-out file could not be written; 2 usage error or --save-baseline refused (nothing measured);
  3 regression: with --compare, a comparable figure worse than the baseline beyond its noise`;
}

/**
 * Parses the bench's options strictly: an unknown option, a missing value, an unknown size or
 * measurement, a replicate count that is not a positive integer, or a baseline that would not hold
 * the whole suite is a {@link BenchUsageError} naming what was expected and found.
 * @param argv - The arguments after the script.
 * @param config - The configuration the sizes are checked against.
 */
export function parseBenchArgs(argv: readonly string[], config: BenchConfig): BenchArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv], strict: true, allowPositionals: false,
      options: BENCH_OPTIONS,
    }));
  } catch (error) {
    throw new BenchUsageError((error as Error).message.split('\n')[0]);
  }
  const names = config.sizes.map((s) => s.name);
  const sizes = values.size === undefined ? names : listOf('--size', values.size, names);
  const skip = new Set(values.skip === undefined ? [] : listOf('--skip', values.skip, SKIPPABLE));
  const replicates = countOf('--replicates', values.replicates);
  const args: BenchArgs = {
    json: values.json === true, jsonOut: values['json-out'], mcReplicates: countOf('--mc-replicates', values['mc-replicates']), mcRounds: countOf('--mc-rounds', values['mc-rounds']), sizes: names.filter((name) => sizes.includes(name)), skip, replicates,
    cpuProf: values['cpu-prof'] === true, cpuProfInit: values['cpu-prof-init'] === true, cpuProfDir: values['cpu-prof-dir'],
    saveBaseline: values['save-baseline'] === true, force: values.force === true, compare: values.compare === true || values.baseline !== undefined, baselineFile: values.baseline, findSizes: values['find-sizes'] === true, help: values.help === true,
  };
  if (args.baselineFile === '') throw new BenchUsageError('--baseline: expected a file, found ""');
  if (args.baselineFile !== undefined && args.saveBaseline) throw new BenchUsageError('--baseline: expected it without --save-baseline, found both (--save-baseline writes bench/baseline.json only)');
  if (args.force && !args.saveBaseline) throw new BenchUsageError('--force: expected --save-baseline with it, found none (--force only overrides the baseline\'s checks)');
  if (values.kernel === true && skip.has('kernel')) throw new BenchUsageError('--kernel: expected the kernel to run, found --skip kernel too');
  args.kernelSkipped = values.kernel === true ? undefined : kernelSkipReason(config, args);
  if (args.kernelSkipped !== undefined) skip.add('kernel');
  const resized = replicates !== undefined || args.mcReplicates !== undefined || args.mcRounds !== undefined;
  if (args.saveBaseline && (values.size !== undefined || skip.size > 0 || resized || args.cpuProf || args.cpuProfInit)) {
    throw new BenchUsageError('--save-baseline: expected the whole suite as configured, found --size, --skip, --replicates, --mc-replicates, --mc-rounds, --cpu-prof or --cpu-prof-init (a baseline must hold every figure, timed without a profiler)');
  }
  if (args.compare && (args.cpuProf || args.cpuProfInit)) {
    throw new BenchUsageError('--compare: expected a run without a profiler, found --cpu-prof or --cpu-prof-init (the profiler slows what it covers: NOT COMPARABLE with the baseline)');
  }
  if (args.jsonOut === '') throw new BenchUsageError('--json-out: expected a file, found ""');
  if (args.cpuProfDir === '') throw new BenchUsageError('--cpu-prof-dir: expected a folder, found ""');
  if (args.cpuProfDir !== undefined && !args.cpuProf && !args.cpuProfInit) {
    throw new BenchUsageError('--cpu-prof-dir: expected --cpu-prof or --cpu-prof-init with it, found neither (nothing would be written there)');
  }
  return args;
}

/** Why the kernel is left out when the sizes asked for lack the one it is paired with (and --skip did not name it). */
function kernelSkipReason(config: BenchConfig, args: Pick<BenchArgs, 'sizes' | 'skip'>): string | undefined {
  const paired = config.sizes.find((s) => isKernelSize(config, s));
  if (paired === undefined || args.sizes.includes(paired.name) || args.skip.has('kernel')) return undefined;
  return `--size ${args.sizes.join(',')} leaves out ${paired.name}, the size the ${config.kernel.agents}-agent reference kernel is paired with (no engine/kernel ratio without it); --kernel runs it anyway`;
}

/** A whole number ≥ 1 given to `option`, or undefined when absent. */
function countOf(option: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const count = Number(text);
  if (!(Number.isInteger(count) && count >= 1)) throw new BenchUsageError(`${option}: expected a whole number ≥ 1, found "${text}"`);
  return count;
}

/** A comma-separated list whose every item is one of `allowed`. */
function listOf(option: string, text: string, allowed: readonly string[]): string[] {
  const items = text.split(',').map((item) => item.trim()).filter((item) => item !== '');
  const unknown = items.filter((item) => !allowed.includes(item));
  if (items.length === 0 || unknown.length > 0) {
    throw new BenchUsageError(`${option}: expected a comma-separated list of ${allowed.join(', ')}, found "${text}"`);
  }
  return items;
}
