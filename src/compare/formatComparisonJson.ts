import { formatKeyFields } from '../outputs/formatKeyFields.ts';
import { formatMetricId } from '../outputs/formatMetricId.ts';
import type { AlternativeComparison } from './computeComparison.ts';
import type { CostEffectiveness, CostPerTonne } from './computeCostEffectiveness.ts';
import type { PairedDifference } from './computePairedDifference.ts';

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
}

const difference = (d: PairedDifference) => ({ mean: d.meanDifference, ciLow: d.ciLow, ciHigh: d.ciHigh });
const ratio = (r: CostPerTonne) => ({ status: r.status, ratio: r.ratio, ciLow: r.low, ciHigh: r.high });

/**
 * Formats `comparison.json`: `{"first", "arms", "masterSeed", "replicates", "level",
 * "alternatives": {"<label>": {"<metric id>": {"unit", "direction", "n", "meanA", "meanB",
 * "meanDifference", "ciLow", "ciHigh", "pBetter", "pWorse", "pValue"[, "threshold", "pA", "pB"], "metric",
 * "material", "stage", "region"}}}}`. A is the first scenario, B the alternative, differences are
 * B − A per replicate, `pValue` the paired t test's two-sided p-value (unadjusted); metric ids as in summary.json, and the id's key parts stated last (added
 * later), a part that does not apply as null; `threshold`, `pA`, `pB` (P(A > threshold),
 * P(B > threshold)) only for the metrics of summary.json's default exceedance probabilities; then `"costEffectiveness": {"<label>": {"<material>":
 * {"extraCostUsd", "extraNetCostUsd", "shortfallAvoidedTonnes", "consumptionGainedTonnes": {"mean", "ciLow", "ciHigh"},
 * "usdPerTonneShortfallAvoided", "usdPerTonneConsumptionGained", "netUsdPerTonneShortfallAvoided",
 * "netUsdPerTonneConsumptionGained": {"status", "ratio", "ciLow", "ciHigh"}}}}`
 * (home end users; status `costPerTonne`, `savesMoney` or `noClearGain`, the ratio null unless
 * `costPerTonne`, and its bounds null when the interval is unbounded). NaN (undefined)
 * becomes null. Two-space indent, final LF.
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
        ...(m.exceedance === undefined ? {} : { threshold: m.exceedance.threshold, pA: m.exceedance.pA, pB: m.exceedance.pB }),
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
    }])),
  ]));
  return `${JSON.stringify({ first: arms[0].label, arms, masterSeed, replicates, level, alternatives, costEffectiveness }, null, 2)}\n`;
}
