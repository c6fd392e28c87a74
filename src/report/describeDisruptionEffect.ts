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
