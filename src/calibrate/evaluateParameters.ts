import type { TargetSpec } from './calibrationSpec.ts';
import type { LoadedCalibration } from './loadCalibrationSpec.ts';
import { runEpisode } from './runEpisode.ts';
import { computeTargetLoss, isInBand, isNearBandEdge } from './computeTargetLoss.ts';
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
  /**
   * Monte Carlo standard error of `mean`: the sample standard deviation of the finite values over
   * √(their count); NaN with fewer than 2 finite values, where `mean` is NaN, and for `aggregate: max`
   * (sd/√R is the error of a mean, not of a maximum).
   */
  readonly mcse: number;
  readonly loss: number;
  readonly inBand: boolean;
  /**
   * A band bound lies within 2 MCSE of `mean` (isNearBandEdge): whether the target is in its band is
   * then not settled by these replicates (other draws could put it on the other side).
   */
  readonly edge: boolean;
}

/** All targets at one parameter vector, and the total loss. */
export interface Evaluation {
  readonly values: readonly number[];
  /** The replicate indices run: first…first+count−1 (first 0 for the fit; the spec's replicates on a fresh check). */
  readonly replicates: { readonly first: number; readonly count: number };
  readonly loss: number;
  readonly targets: TargetResult[];
}

/**
 * Runs every episode at parameter values `values` (in the order of `spec.parameters`), with the
 * spec's seed and replicates 0…replicates−1 for every evaluation (common random numbers), and
 * scores each target's Monte Carlo mean against its band (see computeTargetLoss). The loss is the
 * sum over targets. `first` starts the replicate indices elsewhere: with `first` = the spec's
 * replicates, the same number of replicates the fit never saw (runCalibration's fresh check).
 */
export function evaluateParameters(calibration: LoadedCalibration, values: readonly number[], first = 0): Evaluation {
  return runToEnd(evaluationSteps(calibration, values, first));
}

/** {@link evaluateParameters} as steps that pause after each replicate of each episode (see runSteps.ts). */
export function* evaluationSteps(calibration: LoadedCalibration, values: readonly number[], first = 0): Steps<Evaluation> {
  const { spec } = calibration;
  const targets: TargetResult[] = [];
  for (const loaded of calibration.episodes) {
    const result = yield* runEpisode(loaded, spec.parameters, values, spec.seed, spec.replicates, first);
    result.targetIds.forEach((id, i) => {
      const target = loaded.episode.targets[id];
      const max = target.aggregate === 'max';
      const mean = max ? largestFinite(result.values[i]) : monteCarloMean(result.values[i]);
      const mcse = max || !Number.isFinite(mean) ? NaN : monteCarloError(result.values[i]);
      targets.push({
        episode: loaded.id, id, target, values: result.values[i], mean, mcse,
        loss: computeTargetLoss(target, mean), inBand: isInBand(target, mean), edge: isNearBandEdge(target, mean, mcse),
      });
    });
  }
  return { values, replicates: { first, count: spec.replicates }, loss: targets.reduce((sum, t) => sum + t.loss, 0), targets };
}

/**
 * Monte Carlo standard error of the mean of the finite values: their sample standard deviation
 * (n − 1) over √n; NaN with fewer than 2 finite values.
 * @example monteCarloError([1, 2, 3, 4]) // ≈ 0.645
 */
export function monteCarloError(values: readonly number[]): number {
  const finite = values.filter(Number.isFinite);
  if (finite.length < 2) return NaN;
  // Identical values: exactly 0, not the 1e-17 their rounded mean leaves (a target on a bound is in band, not at an edge).
  if (finite.every((v) => v === finite[0])) return 0;
  const mean = finite.reduce((a, b) => a + b, 0) / finite.length;
  const variance = finite.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (finite.length - 1);
  return Math.sqrt(variance / finite.length);
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
