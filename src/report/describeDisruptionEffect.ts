import type { MassUnit } from './chooseMassUnit.ts';
import { formatDifferenceWithCi, isNegligible, isRoundingNoise, NEGLIGIBLE_SHARE } from './comparisonFigures.ts';
import { formatEstimateInUnit } from './formatEstimateInUnit.ts';
import type { ComparisonEntry } from './readComparisonJson.ts';

/**
 * What end users receive of a material under an alternative that adds a disruption (a threat-only
 * alternative), worded as the disruption's effect: `end users lose 15,600 t to the added disruption
 * (95% CI 14,900 t to 16,400 t)`; a clear gain is `end users receive 99.4 t more (95% CI …) despite
 * the added disruption`, which {@link describeSurprisingGain} flags. Never a policy's "gain".
 *
 * @param e - The paired difference of cumulative consumption (alternative − reference).
 * @param unit - The mass unit the box uses for the metric.
 * @returns The words.
 * @example
 * describeDisruptionReceived(entry, 't'); // 'end users lose 15,600 t to the added disruption (95% CI …)'
 */
export function describeDisruptionReceived(e: ComparisonEntry, unit: MassUnit | undefined): string {
  if ((e.meanDifference === 0 && e.ciLow === 0 && e.ciHigh === 0) || isRoundingNoise(e)) return 'end users receive the same despite the added disruption';
  if (!(e.ciLow > 0 || e.ciHigh < 0)) return `no clear change in what end users receive (${formatDifferenceWithCi(e, unit)})`;
  const more = e.meanDifference >= 0;
  const [low, high] = more ? [e.ciLow, e.ciHigh] : [-e.ciHigh, -e.ciLow];
  const shown = formatEstimateInUnit(Math.abs(e.meanDifference), low, high, e.unit, unit);
  const ci = `(95% CI ${shown.low} to ${shown.high})`;
  const change = more ? `end users receive ${shown.mean} more ${ci} despite the added disruption` : `end users lose ${shown.mean} to the added disruption ${ci}`;
  return isNegligible(e.meanDifference, e.ciLow, e.ciHigh, e.meanA) ? `about the same: ${change}, under ${NEGLIGIBLE_SHARE * 100}% of what they receive` : change;
}

/**
 * The check note for a threat-only alternative that left home end users clearly better off in some
 * materials: a disruption that helps is more often a model mechanism worth reading than a finding.
 * Cites docs/model.md G33 where its mechanism applies (`matchesG33`), else says what to read.
 *
 * @param materials - The names of the materials end users clearly received more of (not negligibly).
 * @param explainedByG33 - Whether G33's mechanism applies to them.
 * @param homeName - The home region's name, with its article where it takes one.
 * @returns The note, or '' without such a material.
 * @example
 * describeSurprisingGain(['Gallium'], true, 'the United States'); // 'Surprising: the added disruption left end users in the United States better off in Gallium; see docs/model.md G33 …'
 */
export function describeSurprisingGain(materials: readonly string[], explainedByG33: boolean, homeName: string): string {
  if (materials.length === 0) return '';
  const lead = `Surprising: the added disruption left end users in ${homeName} better off in ${materials.join(' and ')}`;
  return explainedByG33
    ? `${lead}; see docs/model.md G33 (an outage of home plants can soften an upstream export quota for them).`
    : `${lead}; check consumption by stage and origin before reporting it (docs/model.md G33 shows how a disruption can help through another channel).`;
}

/** What makes home end users better off, by metric: more received, less unmet demand, fewer weeks short. */
const BETTER_OFF: ReadonlyArray<[string, 1 | -1, string]> = [['cumulativeConsumption', 1, 'they receive more'], ['cumulativeShortfall', -1, 'less unmet demand'], ['shortfallWeeks', -1, 'fewer weeks short']];

/**
 * A threat-only alternative's effect on what home end users receive of each material, as a loss
 * (describeDisruptionReceived), with the materials in which they are clearly and not negligibly
 * better off (more received, less unmet demand or fewer weeks short: for the check note).
 *
 * @param materials - The materials the box reads, in order.
 * @param entryOf - The alternative's comparison entry of a metric id.
 * @param home - The home region's id.
 * @param units - The mass unit per metric id.
 * @param materialName - Maps material ids to names.
 * @param spending - A sentence on a clear change in government spending, or ''.
 * @returns The line's text and the materials with how end users are better off in each.
 * @example
 * describeThreatEffect(['ndpr'], entryOf, 'US', units, name, '').text; // 'NdPr oxide: end users lose 15,600 t to the added disruption (…).'
 */
export function describeThreatEffect(materials: readonly string[], entryOf: (metric: string) => ComparisonEntry | undefined, home: string, units: Map<string, MassUnit>, materialName: (id: string) => string, spending: string): { text: string; better: Array<{ material: string; how: string[] }> } {
  const better: Array<{ material: string; how: string[] }> = [];
  const parts = materials.flatMap((material) => {
    const how = BETTER_OFF.filter(([metric, sign]) => {
      const x = entryOf(`${metric}.${material}.endUse.${home}`);
      return x !== undefined && (sign > 0 ? x.ciLow > 0 : x.ciHigh < 0) && !isRoundingNoise(x) && !isNegligible(x.meanDifference, x.ciLow, x.ciHigh, x.meanA);
    }).map(([, , words]) => words);
    if (how.length > 0) better.push({ material, how });
    const e = entryOf(`cumulativeConsumption.${material}.endUse.${home}`);
    if (e === undefined) return [];
    return [`${materialName(material)}: ${describeDisruptionReceived(e, units.get(e.metric))}`];
  });
  const text = [parts.length === 0 ? '' : `${parts.join('; ')}.`, spending].filter((x) => x !== '').join(' ');
  return { text, better };
}
