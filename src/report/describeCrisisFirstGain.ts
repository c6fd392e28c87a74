import { chooseMassUnit, type MassUnit } from './chooseMassUnit.ts';
import { isNegligible, isRoundingNoise } from './comparisonFigures.ts';
import { formatSignedTonnesAlongside, formatTonnesEstimate } from './formatAmountEstimate.ts';
import { formatEstimateInUnit } from './formatEstimateInUnit.ts';
import { formatScenarioDate } from './formatScenarioDate.ts';
import type { ComparisonEntry } from './readComparisonJson.ts';
import { type GainSplit, monthStart } from './splitGainByWindow.ts';

/**
 * When a clear gain in what end users receive comes only after the crisis: up to a year after the
 * events' end they received less (or no more), and the later part, clearly above 0, makes up for it.
 * The answer box then leads with the crisis (audit 7: "end users receive 2.95 t more …" read as
 * help beside "clearly worse: Dysprosium oxide weeks short"): `End users receive 2.40 t less up to
 * Jun 2028, a year after the events end, and are short 3.37 weeks longer over the run. The 2.95 t
 * gain over the run (95% CI 0.77 t to 5.13 t) all comes later: 5.36 t more after Jun 2028 (95% CI
 * 3.29 t to 7.42 t)`. Only figures the box already has: the over-time split (`splitGainByWindow`)
 * and comparison.json's weeks short, named only when clearly longer.
 *
 * @param split - The gain split around the reference's events; undefined without over-time.csv.
 * @param gain - The paired difference in what end users receive over the run (a clear gain).
 * @param unit - The mass unit of the gain's metric.
 * @param weeksShort - The paired difference in weeks short of the same material, if any.
 * @returns The sentences (no final full stop), or undefined when the gain is not all late (or the
 *   later part has no interval, in an older folder: `describeLateGain` then says what it can).
 * @example
 * describeCrisisFirstGain(split, gain, 't', weeks); // 'End users receive 2.40 t less up to Jun 2028, …'
 */
export function describeCrisisFirstGain(split: GainSplit | undefined, gain: ComparisonEntry, unit: MassUnit | undefined, weeksShort?: ComparisonEntry): string | undefined {
  if (split === undefined || !split.hasAfter || split.afterCi === undefined || !(split.total > 0) || !(split.afterCi.low > 0)) return undefined;
  const upTo = split.total - split.after;
  // A later part no larger than the whole leaves a gain up to then: not this case.
  if (!(upTo <= 0)) return undefined;
  const lastMonth = split.lastDuring === undefined ? formatScenarioDate(0, split.to - 1 / 12) : formatScenarioDate(0, monthStart(split.lastDuring));
  const mass = unit ?? chooseMassUnit([split.after, split.total]);
  const [earlier] = formatSignedTonnesAlongside([upTo], split.after, split.afterCi.low, split.afterCi.high, mass);
  const early = upTo === 0 || /^[+−]?0(\.0+)?\s/.test(earlier) ? 'no more' : `${earlier.replace(/^[+−]/, '')} less`;
  const longer = weeksShort !== undefined && weeksShort.ciLow > 0 && !isRoundingNoise(weeksShort) && !isNegligible(weeksShort.meanDifference, weeksShort.ciLow, weeksShort.ciHigh, weeksShort.meanA)
    ? `, and are short ${formatEstimateInUnit(weeksShort.meanDifference, weeksShort.ciLow, weeksShort.ciHigh, weeksShort.unit).mean} longer over the run` : '';
  const total = formatTonnesEstimate(gain.meanDifference, gain.ciLow, gain.ciHigh, mass);
  const after = formatTonnesEstimate(split.after, split.afterCi.low, split.afterCi.high, mass);
  return `End users receive ${early} up to ${lastMonth}, a year after the events end${longer}. The ${total.mean} gain over the run (95% CI ${total.low} to ${total.high}) all comes later: ${after.mean} more after ${lastMonth} (95% CI ${after.low} to ${after.high})`;
}
