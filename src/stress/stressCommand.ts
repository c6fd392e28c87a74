import { createWarningPrinter } from '../cli/createWarningPrinter.ts';
import { resolve } from 'node:path';
import { resumeCacheFor } from '../compare/armCache.ts';
import { createArmProgress } from '../compare/createArmProgress.ts';
import { createArmLabels } from '../compare/createArmLabels.ts';
import { createCommandManifest } from '../compare/createCommandManifest.ts';
import { defaultOutputFolder } from '../compare/defaultOutputFolder.ts';
import { type MonteCarloCliOptions, parseMonteCarloOptions } from '../compare/parseMonteCarloOptions.ts';
import { writeOutputFiles } from '../compare/writeOutputFiles.ts';
import { formatStressCsv } from './formatStressCsv.ts';
import { formatStressJson } from './formatStressJson.ts';
import { formatStressTable } from './formatStressTable.ts';
import { runStress } from './runStress.ts';
import { checkOutputFolder } from '../cli/checkOutputFolder.ts';
import { writeCommandResult } from '../cli/writeCommandResult.ts';

/** Options of `crm-sim stress`, as parsed by commander. */
export interface StressCliOptions extends MonteCarloCliOptions {
  out?: string;
  json?: boolean;
  quiet?: boolean;
  /** Also write report.html and charts/ into the output folder. */
  report?: boolean;
  /** Remove the scenario's own threat events before adding each stage's disruption. */
  stripEvents?: boolean;
}

/**
 * `crm-sim stress <scenario>`: runs the scenario undisturbed and with each stage's standard
 * disruption (common random numbers), writes stress.json, stress.csv, manifest.json and the
 * resolved scenario atomically, and prints the stage ranking (or stress.json with `--json`).
 *
 * @param scenario - Scenario file.
 * @param options - Command-line options.
 * @param signal - Aborts the run (Ctrl-C).
 * @throws UsageError on malformed options; ScenarioError for an invalid scenario.
 */
export async function stressCommand(scenario: string, options: StressCliOptions, signal: AbortSignal): Promise<void> {
  const settings = parseMonteCarloOptions(options);
  // An output folder that cannot be written is the command line's mistake: said before anything runs.
  if (options.out !== undefined) checkOutputFolder(options.out, { offerOverwrite: false });
  const cache = resumeCacheFor('stress', options.resume, options.out);
  const startedAt = new Date();
  const progress = createArmProgress(options.quiet === true);
  const run = await runStress({
    path: scenario, sets: settings.sets, masterSeed: settings.masterSeed, replicates: settings.replicates,
    workers: settings.workers, memoryLimit: settings.memoryLimit, signal, onProgress: progress.onProgress, stripEvents: options.stripEvents === true, cache, onWarning: createWarningPrinter(),
  });
  progress.stop();
  const arms = 1 + run.stages.filter((s) => s.events.length > 0).length;
  const manifest = {
    ...createCommandManifest({
      command: 'stress', reference: { path: scenario, loaded: run.base }, arms,
      scenarios: [{ label: 'undisturbed', path: scenario, sha256: run.base.sha256 }],
      masterSeed: settings.masterSeed, replicates: settings.replicates, workers: settings.workers, overrides: settings.sets,
      ticks: Math.round(run.base.spec.years * run.base.spec.ticksPerYear), startedAt, finishedAt: new Date(), recordedCommands: cache?.recordedCommands(),
    }),
    // The scenario's own threat events that --strip-events removed ([] without it): the resolved scenario beside it still has them.
    strippedEvents: run.strippedEvents,
  };
  const json = formatStressJson(run, { scenario, masterSeed: settings.masterSeed, replicates: settings.replicates });
  const dir = options.out === undefined ? defaultOutputFolder(`stress-${createArmLabels([scenario])[0]}`, startedAt) : resolve(options.out);
  await writeOutputFiles(dir, [
    { name: 'manifest.json', text: JSON.stringify(manifest, null, 2) },
    { name: 'scenario.resolved.yaml', text: run.base.resolvedYaml },
    { name: 'stress.json', text: json },
    { name: 'stress.csv', text: formatStressCsv(run.stages, settings.replicates) },
  ]);
  cache?.remove(); // the outputs are written: the finished arms are no longer needed
  writeCommandResult({ json, text: `${formatStressTable(run, settings.replicates)}\n` }, dir, options);
  if (options.report) await (await import('../cli/commands/report.ts')).reportOutputFolder(dir, options.quiet === true);
}
