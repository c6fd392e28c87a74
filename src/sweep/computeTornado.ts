import type { UncertaintySpec } from '../../sim-core/index.ts';
import { computePairedDifference } from '../compare/computePairedDifference.ts';
import { mean } from '../stats/mean.ts';
import { sortedWithoutNaN } from '../stats/sortedWithoutNaN.ts';
import type { UncertaintyRange } from './uncertaintyRange.ts';

/** One bar of a tornado: an uncertain parameter and the output's response to its range. */
export interface TornadoRow {
  /** 1 = largest |swing|. */
  rank: number;
  /** The parameter as written with ids, e.g. `materials.ndpr.demand.growthPerYear`. */
  parameter: string;
  /** Index path in the resolved spec. */
  path: string;
  range: UncertaintyRange;
  /** Value left in place by the loader (mode, mean, median, midpoint or first value). */
  nominal: number;
  /** Mean of the output with the parameter at its low end, at nominal, at its high end (others nominal). */
  meanAtLow: number;
  meanNominal: number;
  meanAtHigh: number;
  /** Mean paired difference (high − low) per replicate, with its t interval. */
  swing: number;
  ciLow: number;
  ciHigh: number;
  /** Replicates with both ends defined. */
  n: number;
  /**
   * On the first row only (with a second): how much larger its |swing| is than the second's, paired
   * run by run (each run's swing signed as its parameter's mean swing), with its t interval: whether
   * it clearly moves the output most, or only on average.
   */
  leadOverNext?: { difference: number; ciLow: number; ciHigh: number; n: number };
}

/** The outputs of one parameter's low and high runs, replicate by replicate. */
export interface TornadoArms {
  uncertainty: UncertaintySpec;
  range: UncertaintyRange;
  nominal: number;
  atLow: ArrayLike<number>;
  atHigh: ArrayLike<number>;
}

/**
 * One-at-a-time sensitivity ranking: for each uncertain parameter, the swing of the output when
 * the parameter moves from its low to its high end with every other parameter at nominal. All runs
 * share the master seed and replicate indices, so the swing is a paired difference and its
 * interval reflects the parameter, not the engine's noise. Rows are sorted by |swing|, largest
 * first (ties keep the scenario's order).
 *
 * @param arms - Per parameter, the output at its low and high ends.
 * @param atNominal - The output with every parameter at nominal.
 * @param level - Confidence level; default 0.95.
 * @returns The ranked rows.
 * @example
 * computeTornado([{ uncertainty, range, nominal: 0.07, atLow, atHigh }], atNominal)[0].swing;
 */
export function computeTornado(arms: readonly TornadoArms[], atNominal: ArrayLike<number>, level = 0.95): TornadoRow[] {
  const meanNominal = mean(sortedWithoutNaN(atNominal));
  const rows = arms.map((arm): TornadoRow => {
    const paired = computePairedDifference(arm.atLow, arm.atHigh, 'none', level);
    return {
      rank: 0, parameter: arm.uncertainty.label, path: arm.uncertainty.path, range: arm.range, nominal: arm.nominal,
      meanAtLow: mean(sortedWithoutNaN(arm.atLow)), meanNominal, meanAtHigh: mean(sortedWithoutNaN(arm.atHigh)),
      swing: paired.meanDifference, ciLow: paired.ciLow, ciHigh: paired.ciHigh, n: paired.n,
    };
  });
  const size = (row: TornadoRow): number => (Number.isNaN(row.swing) ? -1 : Math.abs(row.swing));
  const order = rows.map((row, i) => ({ row, arm: arms[i] })).sort((a, b) => size(b.row) - size(a.row));
  order.forEach(({ row }, i) => (row.rank = i + 1));
  const [first, second] = order;
  // Only a leader that moved the output has a lead to test (all swings 0 gave a lead of 0 ± 0).
  if (first !== undefined && second !== undefined && size(first.row) > 0 && size(second.row) >= 0) {
    // |swing| per run, signed by each parameter's mean swing: the paired difference of the two magnitudes.
    const magnitude = ({ row, arm }: typeof first): Float64Array => Float64Array.from(arm.atHigh, (high, r) => Math.sign(row.swing) * (high - arm.atLow[r]));
    const lead = computePairedDifference(magnitude(second), magnitude(first), 'none', level);
    first.row.leadOverNext = { difference: lead.meanDifference, ciLow: lead.ciLow, ciHigh: lead.ciHigh, n: lead.n };
  }
  return order.map(({ row }) => row);
}
