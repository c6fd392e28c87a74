import { formatKeyFields } from '../outputs/formatKeyFields.ts';
import { formatMetricId } from '../outputs/formatMetricId.ts';
import type { AlternativeComparison } from './computeComparison.ts';
import type { CostEffectiveness, CostPerTonne } from './computeCostEffectiveness.ts';
import type { PairedDifference } from './computePairedDifference.ts';
import type { ReversalSplit } from './computeReversalSplit.ts';

/** One compared scenario. */
export interface ComparisonArmInfo {
  /** Unique short label (file name without `.yaml`). */
  label: string;
  /** Scenario file as given. */
  path: string;
  /** The scenario's `name`. */
  name: string;
}

/** Everything `comparison.json` reports. */
export interface ComparisonReport {
  /** The arms: the first is the reference every alternative is compared with. */
  arms: ComparisonArmInfo[];
  masterSeed: number;
  replicates: number;
  /** Confidence level of [ciLow, ciHigh]. */
  level: number;
  alternatives: AlternativeComparison[];
  /** Per alternative, the extra policy cost per tonne avoided or gained (computeCostEffectiveness). */
  costEffectiveness?: CostEffectiveness[];
  /** Per alternative with reversible policies, its paired effects split by election reversal (computeReversalSplit). */
  reversalSplit?: ReversalSplit[];
}

const difference = (d: PairedDifference) => ({ mean: d.meanDifference, ciLow: d.ciLow, ciHigh: d.ciHigh });
const ratio = (r: CostPerTonne) => ({ status: r.status, ratio: r.ratio, ciLow: r.low, ciHigh: r.high });

/**
 * Formats `comparison.json`: `{"first", "arms", "masterSeed", "replicates", "level",
 * "alternatives": {"<label>": {"<metric id>": {"unit", "direction", "n", "meanA", "meanB",
 * "meanDifference", "ciLow", "ciHigh", "pBetter", "pWorse", "pValue"[, "threshold", "pA", "pB", "exceedancePValue"], "metric",
 * "material", "stage", "region"}}}}`. A is the first scenario, B the alternative, differences are
 * B − A per replicate, `pValue` the paired t test's two-sided p-value (unadjusted); metric ids as in summary.json, and the id's key parts stated last (added
 * later), a part that does not apply as null; `threshold`, `pA`, `pB` (P(A > threshold),
 * P(B > threshold)) and `exceedancePValue` (exact McNemar test of pA = pB over the pairs) only for the metrics of summary.json's default exceedance probabilities; then `"costEffectiveness": {"<label>": {"<material>":
 * {"extraCostUsd", "extraNetCostUsd", "shortfallAvoidedTonnes", "consumptionGainedTonnes": {"mean", "ciLow", "ciHigh"},
 * "usdPerTonneShortfallAvoided", "usdPerTonneConsumptionGained", "netUsdPerTonneShortfallAvoided",
 * "netUsdPerTonneConsumptionGained": {"status", "ratio", "ciLow", "ciHigh"}}}}`
 * (home end users; status `costPerTonne`, `savesMoney`, `noExtraCost` or `noClearGain`, the ratio null unless
 * `costPerTonne`, and its bounds null when the interval is unbounded); then, only when an
 * alternative has reversible policies, `"reversalSplit": {"<label>": {"policies": [ids],
 * "runsReversedByPolicy": {"<id>": k}, "runsReversed", "runs", "metrics": {"<metric id>":
 * {"reversed", "kept": {"n", "mean", "ciLow", "ciHigh"}, "difference": {"mean", "ciLow", "ciHigh"}}}}}`
 * (paired differences B − A over the runs where an election reversed any of the alternative's
 * policies and over the others; difference = kept − reversed, Welch interval; only metrics whose
 * difference is not zero in every run; metrics empty when all runs or none had a reversal), and
 * with two or more policies `"byPolicy": {"<id>": {"runsReversed", "metrics": {…}}}`, the same
 * split by each policy alone (the metrics of its material and of no material). NaN (undefined) becomes null. Two-space indent, final LF.
 *
 * @param report - The comparison.
 * @returns The file's text.
 * @throws Error if two metrics share an id.
 * @example
 * JSON.parse(formatComparisonJson(report)).alternatives['mitigation-stockpile-60d'];
 */
export function formatComparisonJson(report: ComparisonReport): string {
  const alternatives: Record<string, Record<string, unknown>> = {};
  for (const alternative of report.alternatives) {
    const metrics: Record<string, unknown> = {};
    for (const m of alternative.metrics) {
      const id = formatMetricId(m.key);
      if (Object.hasOwn(metrics, id)) throw new Error(`comparison.json: duplicate metric id '${id}'`);
      metrics[id] = {
        unit: m.key.unit, direction: m.direction, n: m.n, meanA: m.meanA, meanB: m.meanB,
        meanDifference: m.meanDifference, ciLow: m.ciLow, ciHigh: m.ciHigh, pBetter: m.pBetter, pWorse: m.pWorse, pValue: m.pValue,
        ...(m.exceedance === undefined ? {} : { threshold: m.exceedance.threshold, pA: m.exceedance.pA, pB: m.exceedance.pB, exceedancePValue: m.exceedance.pValue }),
        ...formatKeyFields(m.key),
      };
    }
    alternatives[alternative.label] = metrics;
  }
  const { arms, masterSeed, replicates, level } = report;
  const costEffectiveness = report.costEffectiveness === undefined ? undefined : Object.fromEntries(report.costEffectiveness.map((alternative) => [
    alternative.label,
    Object.fromEntries(alternative.materials.map((m) => [m.material, {
      extraCostUsd: difference(m.extraCostUsd),
      shortfallAvoidedTonnes: difference(m.shortfallAvoidedTonnes),
      usdPerTonneShortfallAvoided: ratio(m.usdPerTonneShortfallAvoided),
      consumptionGainedTonnes: difference(m.consumptionGainedTonnes),
      usdPerTonneConsumptionGained: ratio(m.usdPerTonneConsumptionGained),
      extraNetCostUsd: difference(m.extraNetCostUsd),
      netUsdPerTonneShortfallAvoided: ratio(m.netUsdPerTonneShortfallAvoided),
      netUsdPerTonneConsumptionGained: ratio(m.netUsdPerTonneConsumptionGained),
      // Only where two alternatives both price this material: files with one priced alternative stay as they were.
      ...(m.usdPerTonneConsumptionGainedAgainst.size === 0 ? {} : {
        usdPerTonneConsumptionGainedAgainst: Object.fromEntries([...m.usdPerTonneConsumptionGainedAgainst].map(([label, d]) => [label, { difference: d.difference, ciLow: d.ciLow, ciHigh: d.ciHigh, n: d.n }])),
      }),
    }])),
  ]));
  // Added last and only when some alternative has reversible policies, so files without any stay byte-identical.
  const reversalSplit = report.reversalSplit === undefined || report.reversalSplit.length === 0 ? undefined : Object.fromEntries(report.reversalSplit.map(formatReversalSplit));
  return `${JSON.stringify({ first: arms[0].label, arms, masterSeed, replicates, level, alternatives, costEffectiveness, reversalSplit }, null, 2)}\n`;
}

/** One alternative's entry of `reversalSplit`, keyed by its label. */
function formatReversalSplit(split: ReversalSplit): [string, unknown] {
  const metrics = (list: ReversalSplit['metrics']): Record<string, unknown> => Object.fromEntries(list.map((m) => [formatMetricId(m.key), { reversed: m.reversed, kept: m.kept, difference: m.difference }]));
  return [split.label, {
    policies: split.policies,
    runsReversedByPolicy: Object.fromEntries(split.policies.map((id, i) => [id, split.runsReversedByPolicy[i]])),
    runsReversed: split.runsReversed, runs: split.runs, metrics: metrics(split.metrics),
    ...(split.byPolicy.length === 0 ? {} : { byPolicy: Object.fromEntries(split.byPolicy.map((p) => [p.id, { runsReversed: p.runsReversed, metrics: metrics(p.metrics) }])) }),
  }];
}
