import { countOf, nounOf } from '../text/countOf.ts';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { UsageError } from '../cli/exitCodes.ts';
import { loadCalibrationSpec, type LoadedCalibration } from './loadCalibrationSpec.ts';
import { runCalibration, type CalibrationResult } from './runCalibration.ts';
import { bandStatus, formatCalibrationReport } from './formatCalibrationReport.ts';
import type { Evaluation } from './evaluateParameters.ts';
import { formatCalibrationFragment } from './formatCalibrationFragment.ts';
import { parseSeed } from '../cli/parseOverrides.ts';
import { checkFragmentOut, writeFragmentAtomically } from './checkFragmentOut.ts';

/** Options of `crm-sim calibrate` as commander parses them. */
export interface CalibrateOptions {
  replicates?: string;
  seed?: string;
  maxEvaluations?: string;
  out?: string;
  evaluate?: boolean;
  search?: string;
  json?: boolean;
  quiet?: boolean;
  /** Replace an existing `--out` file that is not an earlier calibrate output. */
  overwrite?: boolean;
}

/**
 * `crm-sim calibrate <spec.yaml>`: fits the spec's behavioural parameters to its episodes' targets
 * (or, with `--evaluate`, scores the current values without fitting), prints the fitted values and
 * the loss per target on stdout (a table, or JSON with `--json`), progress on stderr, and writes the
 * fitted values as a scenario fragment (default `outputs/<name>.calibrated.yaml`; not with `--evaluate`,
 * which refuses `--out`).
 * Ctrl-C (or SIGTERM) stops it at the next replicate with an AbortError: nothing printed on stdout,
 * no fragment written (the CLI exits 130).
 * @throws UsageError, ScenarioError, AbortError.
 */
export async function calibrateCommand(specFile: string, options: CalibrateOptions, signal?: AbortSignal, argv: readonly string[] = process.argv): Promise<void> {
  // --evaluate fits nothing, so there is no fitted fragment for --out to receive; it used to be ignored silently.
  if (options.evaluate && options.out !== undefined) throw new UsageError('--out writes the fitted fragment, and --evaluate does not fit: drop --out (to keep the scores, use --json > FILE)');
  const calibration = loadCalibrationSpec(specFile, {
    replicates: integerOption('--replicates', options.replicates, 1),
    seed: options.seed === undefined ? undefined : parseSeed(options.seed),
    maxEvaluations: integerOption('--max-evaluations', options.maxEvaluations, 1),
  });
  const { spec } = calibration;
  if (options.evaluate) calibration.spec.maxEvaluations = 1;
  let best = Infinity;
  const searchPoints = integerOption('--search', options.search, 1) ?? 0;
  if (options.evaluate && searchPoints > 0) throw new UsageError('--evaluate scores the start values; it cannot be combined with --search');
  const out = options.out ?? join('outputs', `${spec.name}.calibrated.yaml`);
  if (!options.evaluate) checkFragmentOut(out, fitInputs(calibration), options.overwrite === true);
  const progress = (text: string): void => {
    if (!options.quiet) process.stderr.write(text);
  };
  progress(`calibrating ${spec.name}: ${countOf(calibration.episodes.length, 'episode')}, ${spec.replicates} ${nounOf(spec.replicates, 'replicate')} each per evaluation, at most ${searchPoints > 0 ? `${searchPoints} + ` : ''}${spec.maxEvaluations} evaluations\n`);
  const result = await runCalibration(calibration, { searchPoints, signal, onEvaluation: (evaluation, count) => {
    best = Math.min(best, evaluation.loss);
    progress(`evaluation ${count}: loss ${evaluation.loss.toFixed(3)} (best ${best.toFixed(3)}) at [${evaluation.values.join(', ')}]\n`);
  } });
  if (options.json) process.stdout.write(`${JSON.stringify(toJson(spec.parameters, result), null, 2)}\n`);
  else process.stdout.write(formatCalibrationReport(spec.parameters, result));
  if (options.evaluate) return;
  const command = ['crm-sim', 'calibrate', ...argv.slice(argv.indexOf('calibrate') + 1)].join(' ');
  const fragmentExtends = extendsFromFragment(specFile, spec.fragment.extends, out);
  writeFragmentAtomically(out, formatCalibrationFragment(spec.parameters, result, { command, seed: spec.seed, replicates: spec.replicates, extends: fragmentExtends }));
  progress(`fragment written to ${relative(process.cwd(), out) || basename(out)}\n`);
}

/**
 * The spec's `fragment.extends` (relative to the spec file, like its episodes' `scenario`) as the
 * fragment must say it: relative to the fragment's own folder, where the scenario loader resolves it.
 * An absolute path stays as it is.
 */
export function extendsFromFragment(specFile: string, extendsPath: string | undefined, fragmentFile: string): string | undefined {
  if (extendsPath === undefined || isAbsolute(extendsPath)) return extendsPath;
  return relative(dirname(resolve(fragmentFile)), resolve(dirname(specFile), extendsPath)).split('\\').join('/');
}

/** The files the fit reads: the spec first, its `fragment.extends`, then every episode's scenario and what it extends. */
function fitInputs(calibration: LoadedCalibration): string[] {
  const extendsPath = calibration.spec.fragment.extends;
  const fragmentBase = extendsPath === undefined ? [] : [resolve(dirname(calibration.file), extendsPath)];
  return [calibration.file, ...fragmentBase, ...calibration.episodes.flatMap((e) => e.files)];
}

function integerOption(name: string, text: string | undefined, min: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) throw new UsageError(`${name}: expected an integer ≥ ${min}, found "${text}"`);
  return value;
}

function toJson(parameters: readonly { path: string }[], result: CalibrationResult): unknown {
  const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);
  const summary = (e: Evaluation) => ({
    replicates: [e.replicates.first, e.replicates.first + e.replicates.count - 1], loss: e.loss,
    inBand: e.targets.filter((t) => bandStatus(t) === 'yes').length, atEdge: e.targets.filter((t) => t.edge).length, missed: e.targets.filter((t) => bandStatus(t) === 'MISSED').length,
  });
  return {
    parameters: parameters.map((p, i) => ({ path: p.path, start: result.start.values[i], fitted: result.best.values[i] })),
    startLoss: result.start.loss,
    loss: result.best.loss,
    evaluations: result.evaluations,
    inSample: summary(result.best),
    outOfSample: summary(result.fresh),
    targets: result.best.targets.map((t, i) => {
      const fresh = result.fresh.targets[i];
      return {
        episode: t.episode, target: t.id, observed: t.target.observed ?? null, band: t.target.band, mean: finite(t.mean), mcse: finite(t.mcse),
        values: t.values.map(finite), inBand: t.inBand, edge: t.edge, loss: t.loss,
        outOfSample: { mean: finite(fresh.mean), mcse: finite(fresh.mcse), inBand: fresh.inBand, edge: fresh.edge, loss: fresh.loss },
      };
    }),
  };
}
