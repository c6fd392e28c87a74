/** Which way a summary metric improves, from the home government's point of view. */
export type MetricDirection = 'lower' | 'higher' | 'none';

/**
 * Direction table of the engine's per-replicate summary metrics (sim-core/record/resultLayout.ts):
 * - lower is better: `peakPriceMultiple`, `cumulativeShortfall`, `maxShortfallShare`,
 *   `shortfallWeeks`, `timeToRecoveryWeeks`, `severeShortfallWeeks`, `longestSevereShortfallWeeks`
 *   (shortfall and price metrics) and `policyCost`, `netPolicyCost` and their parts per material (cost);
 * - higher is better: `finalSecureSupplyShare`, `meanSecureSupplyShare` and `cumulativeConsumption` (what end users received);
 * - no direction: `timeToPeakWeeks` (an earlier or later peak is neither good nor bad),
 *   `troughPriceMultiple` (a low price helps buyers and squeezes home producers: a price war's dip) and
 *   `foreignActorCost` (what the foreign actor spends says nothing by itself about home supply) and
 *   `actorPriceWarWeeks` (a rule-driven price war makes the actor's exports cheap: it helps home
 *   buyers and squeezes home and allied producers, so fewer weeks of it are neither better nor worse);
 * - lower is better, too: `actorRetaliationWeeks` (licensing of refined exports to home and allies,
 *   an action against home supply, often provoked by a home tariff: what a tariff costs in retaliation)
 *   and `actorCyberattacks` (each takes home or allied facilities down; their rate is set by the
 *   threat matrix, so strategies seldom differ in it, but fewer is never worse);
 * - no direction, too: `tariffRevenue` (duties the home government collects: a transfer from its
 *   importers, whose cost shows in prices and consumption), `exportQuotaWeeksInForce` (set by the
 *   scenario) and `exportQuotaWeeksBinding` (a quota binds when the exporter's buyers abroad want more
 *   than it allows: a strategy that lowers their need makes it bind less, one that keeps foreign
 *   buyers supplied may make it bind more; what reaches home end users says which is better) and
 *   `exportQuotaAllowedTonnes` (set by the scenario and the exporter's exports before the quota), and
 *   `exportQuotaRentUsd` (paid by importers' traders to the exporter's government while the quota binds),
 *   and what a stockpile sold by trigger (`stockpileShortageReleaseTonnes`, `stockpilePriceSpikeReleaseTonnes`,
 *   `stockpileSteadyReleaseTonnes`: selling more is not better in itself; what end users received says whether it helped);
 * - lower is better: the home region's public (defence) end users' `cumulativePublicShortfall`,
 *   `publicShortfallWeeks` and `maxPublicShortfallShare`, as the end users' own.
 * Metrics not listed have no direction.
 */
export const METRIC_DIRECTIONS: Readonly<Record<string, MetricDirection>> = {
  peakPriceMultiple: 'lower',
  timeToPeakWeeks: 'none',
  troughPriceMultiple: 'none',
  cumulativeShortfall: 'lower',
  maxShortfallShare: 'lower',
  shortfallWeeks: 'lower',
  timeToRecoveryWeeks: 'lower',
  severeShortfallWeeks: 'lower',
  longestSevereShortfallWeeks: 'lower',
  cumulativeConsumption: 'higher',
  finalSecureSupplyShare: 'higher',
  meanSecureSupplyShare: 'higher',
  finalSecureCapacity: 'higher',
  finalHomeDemand: 'none',
  policyCost: 'lower',
  netPolicyCost: 'lower',
  materialPolicyCost: 'lower',
  materialNetPolicyCost: 'lower',
  foreignActorCost: 'none',
  actorPriceWarWeeks: 'none',
  actorRetaliationWeeks: 'lower',
  actorCyberattacks: 'lower',
  tariffRevenue: 'none',
  exportQuotaWeeksInForce: 'none',
  exportQuotaWeeksBinding: 'none',
  exportQuotaAllowedTonnes: 'none',
  exportQuotaRentUsd: 'none',
  stockpileShortageReleaseTonnes: 'none',
  stockpilePriceSpikeReleaseTonnes: 'none',
  stockpileSteadyReleaseTonnes: 'none',
  cumulativePublicShortfall: 'lower',
  publicShortfallWeeks: 'lower',
  maxPublicShortfallShare: 'lower',
};

/**
 * The direction of improvement of a summary metric (see {@link METRIC_DIRECTIONS}).
 *
 * @param metric - Metric id, e.g. `cumulativeShortfall`.
 * @returns `lower`, `higher`, or `none` for metrics without a direction or not in the table.
 * @example
 * metricDirection('policyCost'); // 'lower'
 */
export function metricDirection(metric: string): MetricDirection {
  return Object.hasOwn(METRIC_DIRECTIONS, metric) ? METRIC_DIRECTIONS[metric] : 'none';
}
