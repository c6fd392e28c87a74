import { createWarningPrinter } from '../cli/createWarningPrinter.ts';
import { resolve } from 'node:path';
import { resumeCacheFor } from '../compare/armCache.ts';
import { UsageError } from '../cli/exitCodes.ts';
import { createArmProgress } from '../compare/createArmProgress.ts';
import { createArmLabels } from '../compare/createArmLabels.ts';
import { createCommandManifest } from '../compare/createCommandManifest.ts';
import { defaultOutputFolder } from '../compare/defaultOutputFolder.ts';
import { type MonteCarloCliOptions, parseMonteCarloOptions } from '../compare/parseMonteCarloOptions.ts';
import { writeOutputFiles } from '../compare/writeOutputFiles.ts';
import { createSweepDesign } from './createSweepDesign.ts';
import { formatSweepCsv } from './formatSweepCsv.ts';
import { formatSweepJson } from './formatSweepJson.ts';
import { formatSweepPointsCsv } from './formatSweepPointsCsv.ts';
import { formatSweepTable } from './formatSweepTable.ts';
import { formatTornadoCsv } from './formatTornadoCsv.ts';
import { formatTornadoJson } from './formatTornadoJson.ts';
import { runSweep } from './runSweep.ts';
import { checkOutputFolder } from '../cli/checkOutputFolder.ts';
import { checkSweptOverrides } from '../cli/parseOverrides.ts';
import { writeCommandResult } from '../cli/writeCommandResult.ts';

/** Options of `crm-sim sweep`, as parsed by commander. */
export interface SweepCliOptions extends MonteCarloCliOptions {
  grid: string[];
  lhs?: string;
  metric?: string;
  tornado: boolean;
  out?: string;
  json?: boolean;
  quiet?: boolean;
  /** Also write report.html and charts/ into the output folder. */
  report?: boolean;
}

/**
 * `crm-sim sweep <scenario> [--grid path=v1,v2]... [--lhs N path=min:max ...]`: runs every design
 * point and the one-at-a-time tornado of the scenario's uncertain parameters with common random
 * numbers, writes sweep.csv/json, sweep-points.csv (wide: one row per point), tornado.csv/json (when a tornado ran), manifest.json and the resolved scenario, and
 * prints the chosen metric per point (with its paired difference from point 0) and the tornado ranking (or sweep.json with `--json`).
 *
 * @param scenario - Scenario file.
 * @param ranges - Positional `path=min:max` ranges of `--lhs`.
 * @param options - Command-line options.
 * @param signal - Aborts the run (Ctrl-C).
 * @throws UsageError on malformed options or nothing to run; ScenarioError for an invalid scenario or point.
 */
export async function sweepCommand(scenario: string, ranges: string[], options: SweepCliOptions, signal: AbortSignal): Promise<void> {
  const settings = parseMonteCarloOptions(options);
  // An output folder that cannot be written is the command line's mistake: said before anything runs.
  if (options.out !== undefined) checkOutputFolder(options.out, { offerOverwrite: false });
  const { design, points, parameters, warning } = createSweepDesign(options.grid, options.lhs, ranges, settings.masterSeed);
  if (warning !== undefined) process.stderr.write(`crm-sim: warning: ${warning}\n`);
  // Grid dimensions come first in `parameters`, then the --lhs ranges.
  checkSweptOverrides(settings.sets, parameters.map((path, i) => ({ path, option: i < options.grid.length ? `--grid ${options.grid[i]}` : `--lhs range ${ranges[i - options.grid.length]}` })));
  if (points.length === 0 && !options.tornado) throw new UsageError('sweep: nothing to run: give --grid or --lhs, or drop --no-tornado');
  const cache = resumeCacheFor('sweep', options.resume, options.out);
  const startedAt = new Date();
  const progress = createArmProgress(options.quiet === true);
  const run = await runSweep({
    path: scenario, sets: settings.sets, points, tornado: options.tornado, metric: options.metric,
    masterSeed: settings.masterSeed, replicates: settings.replicates, workers: settings.workers, memoryLimit: settings.memoryLimit, signal, onProgress: progress.onProgress, cache, onWarning: createWarningPrinter(),
  });
  progress.stop();
  if (run.points.length === 0 && run.tornado === null) {
    throw new UsageError('sweep: nothing to run: give --grid or --lhs, or a scenario with uncertain parameters for the tornado');
  }
  if (options.tornado && run.tornado === null) process.stderr.write('crm-sim: the scenario has no uncertain parameters: no tornado\n');
  const arms = run.points.length + (run.tornado === null ? 0 : 1 + 2 * run.tornado.length);
  const manifest = createCommandManifest({
    command: 'sweep', reference: { path: scenario, loaded: run.base }, arms,
    scenarios: [{ label: 'base', path: scenario, sha256: run.base.sha256 }, ...run.points.map((p, i) => ({ label: `point-${i}`, path: scenario, sha256: p.loaded.sha256 }))],
    masterSeed: settings.masterSeed, replicates: settings.replicates, workers: settings.workers, overrides: settings.sets,
    ticks: Math.round(run.base.spec.years * run.base.spec.ticksPerYear), startedAt, finishedAt: new Date(), recordedCommands: cache?.recordedCommands(),
  });
  const info = { masterSeed: settings.masterSeed, replicates: settings.replicates };
  const json = formatSweepJson(run, { scenario, ...info, design }, options.tornado);
  const dir = options.out === undefined ? defaultOutputFolder(`sweep-${createArmLabels([scenario])[0]}`, startedAt) : resolve(options.out);
  await writeOutputFiles(dir, [
    { name: 'manifest.json', text: JSON.stringify(manifest, null, 2) },
    { name: 'scenario.resolved.yaml', text: run.base.resolvedYaml },
    { name: 'sweep.json', text: json },
    { name: 'sweep.csv', text: formatSweepCsv(parameters, run.points) },
    { name: 'sweep-points.csv', text: formatSweepPointsCsv(parameters, run.points.map((p) => ({ ...p, startYear: p.loaded.spec.startYear }))) },
    // No tornado ran (--no-tornado, or no uncertain parameters): no empty tornado files either.
    ...(run.tornado === null ? [] : [
      { name: 'tornado.json', text: formatTornadoJson(run.metric, run.tornado, info) },
      { name: 'tornado.csv', text: formatTornadoCsv(run.metric, run.tornado) },
    ]),
  ]);
  cache?.remove(); // the outputs are written: the finished arms are no longer needed
  writeCommandResult({ json, text: `${formatSweepTable(run, parameters)}\n` }, dir, options);
  if (options.report) await (await import('../cli/commands/report.ts')).reportOutputFolder(dir, options.quiet === true);
}
