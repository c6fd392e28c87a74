const METRIC_WORDS: Record<string, string> = {
  peakPriceMultiple: 'Peak price (× start)',
  timeToPeakWeeks: 'Weeks to the price peak',
  troughPriceMultiple: 'Lowest price (× start)',
  cumulativeShortfall: 'Unmet demand',
  maxShortfallShare: 'Worst-week unmet share',
  shortfallWeeks: 'Weeks short',
  severeShortfallWeeks: 'Weeks severely short (over 10% unmet)',
  longestSevereShortfallWeeks: 'Longest severe shortage (weeks)',
  cumulativeConsumption: 'Consumption (received)',
  timeToRecoveryWeeks: 'Weeks to recovery',
  finalSecureSupplyShare: 'Home and allied capacity at the end (× home demand)',
  finalSecureCapacity: 'Home and allied capacity at the end',
  finalHomeDemand: 'Home end-use demand at the end',
  meanSecureSupplyShare: 'Home and allied capacity, average over the run (× home demand)',
  policyCost: 'Policy cost',
  netPolicyCost: 'Net policy cost (stock held counted at base prices)',
  materialPolicyCost: 'Policy cost tied to the material',
  materialNetPolicyCost: 'Net policy cost tied to the material',
  foreignActorCost: 'Foreign actor’s spending',
  actorPriceWarWeeks: 'Weeks of price war by the foreign actor’s rules',
  actorRetaliationWeeks: 'Weeks of retaliatory export licensing by the foreign actor’s rules',
  actorCyberattacks: 'Cyberattacks by the foreign actor’s rules',
  tariffRevenue: 'Tariff duties collected by the home government',
  exportQuotaWeeksInForce: 'Weeks an export quota was in force',
  exportQuotaWeeksBinding: 'Weeks an export quota bound',
  exportQuotaAllowedTonnes: 'Tonnes an export quota allowed',
  exportQuotaRentUsd: 'Quota rent paid for an export quota\'s licences',
  stockpileShortageReleaseTonnes: 'Stockpile sales on shortage',
  stockpilePriceSpikeReleaseTonnes: 'Stockpile sales into price spikes',
  stockpileSteadyReleaseTonnes: 'Stockpile sales by steady release',
  cumulativePublicShortfall: 'Defence buyers’ unmet demand',
  publicShortfallWeeks: 'Weeks defence buyers are short',
  maxPublicShortfallShare: 'Defence buyers’ worst-week unmet share',
};
const STAGE_WORDS: Record<string, string> = { endUse: 'end use' };

/**
 * Turns a metric id of `summary.json` (`metric.material.stage.region`) into words for people.
 *
 * @param id - The metric id.
 * @param materialName - Maps a material id to its name (default: the id).
 * @returns e.g. `Weeks short · NdPr oxide · end use · US`.
 * @example
 * describeMetricId('shortfallWeeks.ndpr.endUse.US', (m) => m); // 'Weeks short · ndpr · end use · US'
 */
export function describeMetricId(id: string, materialName: (id: string) => string = (m) => m): string {
  const [metric, ...rest] = id.split('.');
  const words = METRIC_WORDS[metric] ?? metric;
  if (rest.length === 0) return words;
  const isMaterialMetric = !(metric === 'policyCost' || metric === 'netPolicyCost' || metric === 'foreignActorCost' || metric === 'tariffRevenue');
  const parts = rest.map((part, index) => (index === 0 && isMaterialMetric ? materialName(part) : STAGE_WORDS[part] ?? part));
  return [words, ...parts].join(' · ');
}
