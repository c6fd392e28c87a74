import { createStream } from '../../sim-core/index.ts';
import { createLatinHypercube } from '../sweep/createLatinHypercube.ts';
import type { ParameterSpec } from './calibrationSpec.ts';
import type { LoadedCalibration } from './loadCalibrationSpec.ts';
import { readParameter } from './applyParameters.ts';
import { evaluationSteps, type Evaluation } from './evaluateParameters.ts';
import { nelderMeadSteps } from './minimiseNelderMead.ts';
import { runPausing } from './runSteps.ts';

/** Outcome of a calibration: the start and best evaluations, the number of evaluations run, and the best values on fresh replicates. */
export interface CalibrationResult {
  readonly start: Evaluation;
  readonly best: Evaluation;
  readonly evaluations: number;
  /**
   * The best values evaluated once more on replicates R…2R−1 (R the spec's replicates; same seed),
   * draws the search never saw: `best` is scored on the replicates it was tuned to and is optimistic,
   * this is not. Not counted in `evaluations`.
   */
  readonly fresh: Evaluation;
}

/** Options of {@link runCalibration}. */
export interface CalibrationOptions {
  /** Called after each new evaluation (progress). */
  onEvaluation?: (evaluation: Evaluation, count: number) => void;
  /** Points of the search from scratch (0, the default: start from the spec's values). */
  searchPoints?: number;
  /** Aborts the calibration (Ctrl-C). */
  signal?: AbortSignal;
}

/** Significant digits kept in fitted values (what the fragment and the defaults hold). */
export const FITTED_DIGITS = 4;
/** Edge of the initial simplex, in the unit cube of the parameter bounds. */
const SIMPLEX_STEP = 0.15;

/**
 * Fits the spec's parameters by Nelder–Mead on the unit cube of their bounds (log-scaled where the
 * parameter says so, clamped to the bounds), minimising {@link evaluateParameters}' loss. Every
 * evaluation uses the same seed and replicate indices (common random numbers), so the objective is
 * a deterministic function of the parameters and the search is reproducible. Values are rounded to
 * FITTED_DIGITS significant digits before each evaluation, so the best evaluation is exactly what
 * the written fragment reproduces. With `maxEvaluations` 1, only the start is evaluated.
 *
 * The best values are then evaluated once on replicates R…2R−1 (`fresh`), the out-of-sample check.
 *
 * A search from scratch (`searchPoints` > 0) ignores the spec's `start:` values: it evaluates a
 * Latin-hypercube sample of that many points over the bounds (seeded by the spec's seed; these
 * count towards no budget of Nelder–Mead's) and starts Nelder–Mead from the best of them.
 *
 * The event loop turns after every replicate of every evaluation, so Ctrl-C (SIGINT, SIGTERM)
 * reaches the CLI's handler; once `signal` aborts, the calibration stops at the next replicate.
 * @throws AbortError (an Error named `AbortError`) when `signal` aborts.
 * @example const result = await runCalibration(loadCalibrationSpec(file), { signal });
 */
export async function runCalibration(calibration: LoadedCalibration, options: CalibrationOptions = {}): Promise<CalibrationResult> {
  const { onEvaluation = () => {}, searchPoints = 0, signal } = options;
  const parameters = calibration.spec.parameters;
  const cache = new Map<string, Evaluation>();
  let count = 0;
  const evaluate = async (values: number[]): Promise<Evaluation> => {
    const key = values.join(',');
    let result = cache.get(key);
    if (!result) {
      result = await runPausing(evaluationSteps(calibration, values), signal);
      cache.set(key, result);
      onEvaluation(result, ++count);
    }
    return result;
  };
  const toValues = (u: number[]) => u.map((ui, i) => round(fromUnit(parameters[i], ui)));
  const start = searchPoints > 0 ? await searchFromScratch(parameters.length, searchPoints, calibration.spec.seed, (u) => evaluate(toValues(u))) : await evaluate(startingValues(calibration).map(round));
  // The fitted (or, without a fit, the start) values on as many replicates again, after those the fit used.
  const fresh = (best: Evaluation) => runPausing(evaluationSteps(calibration, best.values, calibration.spec.replicates), signal);
  if (parameters.length === 0 || calibration.spec.maxEvaluations <= 1) return { start, best: start, evaluations: count, fresh: await fresh(start) };
  const steps = nelderMeadSteps(start.values.map((v, i) => toUnit(parameters[i], v)), { step: SIMPLEX_STEP, maxEvaluations: calibration.spec.maxEvaluations });
  let step = steps.next();
  while (!step.done) step = steps.next((await evaluate(toValues(step.value))).loss);
  const last = await evaluate(toValues(step.value.point));
  const best = last.loss <= start.loss ? last : start;
  return { start, best, evaluations: count, fresh: await fresh(best) };
}

/**
 * The best evaluation of a Latin-hypercube sample of the unit cube (ties: the earlier point), drawn
 * from the stream (seed, 0, "calibration-search"), so a search from scratch is reproducible.
 */
async function searchFromScratch(dimensions: number, points: number, seed: number, evaluate: (u: number[]) => Promise<Evaluation>): Promise<Evaluation> {
  let best: Evaluation | undefined;
  for (const point of createLatinHypercube(points, dimensions, createStream(seed, 0, 'calibration-search'))) {
    const evaluation = await evaluate(point);
    if (best === undefined || evaluation.loss < best.loss) best = evaluation;
  }
  return best!;
}

/** Each parameter's `start`, else its value in the first episode's resolved scenario (the current default). */
export function startingValues(calibration: LoadedCalibration): number[] {
  return calibration.spec.parameters.map((p) => p.start ?? readParameter(calibration.episodes[0].scenario, p.path));
}

/** `value` rounded to FITTED_DIGITS significant digits. */
export function round(value: number): number {
  return Number(value.toPrecision(FITTED_DIGITS));
}

/** A value's position in the unit cube of its bounds (clamped). */
export function toUnit(p: Pick<ParameterSpec, 'min' | 'max' | 'scale'>, value: number): number {
  const v = Math.min(p.max, Math.max(p.min, value));
  return p.scale === 'log' ? Math.log(v / p.min) / Math.log(p.max / p.min) : (v - p.min) / (p.max - p.min);
}

/** The value at position `u` of the unit cube (clamped to [0, 1]). */
export function fromUnit(p: Pick<ParameterSpec, 'min' | 'max' | 'scale'>, u: number): number {
  const w = Math.min(1, Math.max(0, u));
  return p.scale === 'log' ? p.min * Math.pow(p.max / p.min, w) : p.min + w * (p.max - p.min);
}
