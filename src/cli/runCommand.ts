import { basename, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { loadScenario } from '../scenario/loadScenario.ts';
import { compileScenario } from '../../sim-core/index.ts';
import { runMonteCarlo } from '../montecarlo/index.ts';
import { computeSeriesBands } from '../stats/computeSeriesBands.ts';
import { computeSummaryStatistics } from '../stats/computeSummaryStatistics.ts';
import { createManifest } from '../outputs/createManifest.ts';
import { writeRunOutputs } from '../outputs/writeRunOutputs.ts';
import { formatSummaryJson } from '../outputs/formatSummaryJson.ts';
import { createProgressReporter } from './progressReporter.ts';
import { UsageError } from './exitCodes.ts';

/** Options of `crm-sim run`, as parsed by commander. */
export interface RunOptions {
  replicates: string;
  seed: string;
  workers?: string;
  years?: string;
  out?: string;
  set: string[];
  json?: boolean;
  quiet?: boolean;
  /** Also write report.html and charts/ into the output folder. */
  report?: boolean;
}

function parseCount(name: string, text: string, min: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) throw new UsageError(`--${name}: expected an integer ≥ ${min}, found "${text}"`);
  return value;
}

/** Default output folder: outputs/<scenario>-<UTC timestamp>. */
function defaultOutputDir(scenarioPath: string, started: Date): string {
  const stamp = started.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return resolve('outputs', `${basename(scenarioPath).replace(/\.ya?ml$/, '')}-${stamp}`);
}

/**
 * `crm-sim run <scenario>`: loads and validates the scenario (with `--set` and `--years`), runs the
 * Monte Carlo on a worker pool, and writes the output folder atomically. Prints the folder (or,
 * with `--json`, the summary) on stdout; progress goes to stderr.
 */
export async function runCommand(scenarioPath: string, options: RunOptions, signal: AbortSignal): Promise<void> {
  const replicates = parseCount('replicates', options.replicates, 1);
  const masterSeed = parseCount('seed', options.seed, 0);
  const workers = options.workers === undefined ? availableParallelism() : parseCount('workers', options.workers, 0);
  const sets = [...options.set];
  if (options.years !== undefined) sets.push(`years=${options.years}`);
  const loaded = loadScenario(scenarioPath, { set: sets });
  const compiled = compileScenario(loaded.spec);
  const startedAt = new Date();
  const progress = createProgressReporter(replicates, options.quiet === true);
  const results = await runMonteCarlo({ compiled, masterSeed, replicates, workers, signal, onProgress: (p) => progress.update(p.completedReplicates) });
  progress.stop();
  const layout = compiled.layout;
  const summaryStats = computeSummaryStatistics(layout, results);
  const finishedAt = new Date();
  const manifest = createManifest({ scenarioText: loaded.resolvedYaml, scenarioPath, masterSeed, replicates, workers, ticks: layout.ticks, startedAt, finishedAt });
  const dir = options.out === undefined ? defaultOutputDir(scenarioPath, startedAt) : resolve(options.out);
  await writeRunOutputs(dir, { manifest, resolvedYaml: loaded.resolvedYaml, layout, results, summaryStats, bands: computeSeriesBands(layout, results) });
  if (options.report) await (await import('./commands/report.ts')).reportOutputFolder(dir, options.quiet === true);
  if (options.json) process.stdout.write(formatSummaryJson(summaryStats));
  else process.stdout.write(`${dir}\n`);
}
