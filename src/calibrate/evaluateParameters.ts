import type { TargetSpec } from './calibrationSpec.ts';
import type { LoadedCalibration } from './loadCalibrationSpec.ts';
import { runEpisode } from './runEpisode.ts';
import { computeTargetLoss, isInBand } from './computeTargetLoss.ts';
import { runToEnd, type Steps } from './runSteps.ts';

/** One target's result at one parameter vector. */
export interface TargetResult {
  readonly episode: string;
  readonly id: string;
  readonly target: TargetSpec;
  /** Per-replicate values (NaN where the extractor had no answer). */
  readonly values: number[];
  /**
   * The value scored: the Monte Carlo mean over the finite values (or their maximum for a target
   * with `aggregate: max`); NaN when fewer than half are finite.
   */
  readonly mean: number;
  readonly loss: number;
  readonly inBand: boolean;
}

/** All targets at one parameter vector, and the total loss. */
export interface Evaluation {
  readonly values: readonly number[];
  readonly loss: number;
  readonly targets: TargetResult[];
}

/**
 * Runs every episode at parameter values `values` (in the order of `spec.parameters`), with the
 * spec's seed and replicates 0…replicates−1 for every evaluation (common random numbers), and
 * scores each target's Monte Carlo mean against its band (see computeTargetLoss). The loss is the
 * sum over targets.
 */
export function evaluateParameters(calibration: LoadedCalibration, values: readonly number[]): Evaluation {
  return runToEnd(evaluationSteps(calibration, values));
}

/** {@link evaluateParameters} as steps that pause after each replicate of each episode (see runSteps.ts). */
export function* evaluationSteps(calibration: LoadedCalibration, values: readonly number[]): Steps<Evaluation> {
  const { spec } = calibration;
  const targets: TargetResult[] = [];
  for (const loaded of calibration.episodes) {
    const result = yield* runEpisode(loaded, spec.parameters, values, spec.seed, spec.replicates);
    result.targetIds.forEach((id, i) => {
      const target = loaded.episode.targets[id];
      const mean = target.aggregate === 'max' ? largestFinite(result.values[i]) : monteCarloMean(result.values[i]);
      targets.push({ episode: loaded.id, id, target, values: result.values[i], mean, loss: computeTargetLoss(target, mean), inBand: isInBand(target, mean) });
    });
  }
  return { values, loss: targets.reduce((sum, t) => sum + t.loss, 0), targets };
}

/** Largest of the finite values; NaN when fewer than half of the values are finite. */
export function largestFinite(values: readonly number[]): number {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0 || finite.length * 2 < values.length) return NaN;
  return Math.max(...finite);
}

/** Mean of the finite values; NaN when fewer than half of the values are finite. */
export function monteCarloMean(values: readonly number[]): number {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0 || finite.length * 2 < values.length) return NaN;
  return finite.reduce((a, b) => a + b, 0) / finite.length;
}
