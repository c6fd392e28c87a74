import { formatPercent } from './formatPercent.ts';
import type { ReplicateValues } from './readReplicatesCsv.ts';

/** Weeks before the horizon in which a price peak counts as "at the end": a quarter. */
export const END_WEEKS = 13;
/** Share of runs from which the report mentions a material's price as still rising at the end. */
const MENTION_SHARE = 0.25;

/** A material as the sentence needs it: id, name, and the traded stage whose price the report quotes. */
export interface RisingMaterial {
  id: string;
  name: string;
  priceStage: string;
}

/**
 * The sentence on prices still at their highest when the run ends: for each material whose quoted
 * price (the home segment at its quoted stage) peaked in the last {@link END_WEEKS} weeks of the
 * horizon in at least a quarter of the runs, that share. For such a material the peak multiple is the
 * price the run ends on, a trend the horizon cuts rather than a spike that passed (gallium, germanium
 * and cobalt drifted up to the end of the undisturbed baseline in most runs until session 14 lowered
 * their mining capexes; docs/validation.md).
 *
 * @param materials - The run's materials, in report order.
 * @param home - The home region's id.
 * @param replicates - `replicates.csv` (`timeToPeakWeeks` per run); without it, no sentence.
 * @param horizonWeeks - The run's length in weeks; NaN when unknown (no sentence).
 * @returns The sentence, or '' when no material qualifies.
 * @example
 * describeRisingAtEnd(materials, 'US', replicates, 520); // 'Still at their highest when the run ends: Gallium (refined: in 100% of runs, …'
 */
export function describeRisingAtEnd(materials: readonly RisingMaterial[], home: string, replicates: ReplicateValues | undefined, horizonWeeks: number): string {
  if (replicates === undefined || !(horizonWeeks > END_WEEKS)) return '';
  const rising = materials.flatMap((m) => {
    const weeks = (replicates.get(`timeToPeakWeeks.${m.id}.${m.priceStage}.${home}`) ?? []).filter(Number.isFinite);
    if (weeks.length === 0) return [];
    // Peak times are tick starts: the last tick of a weekly run starts a week before the horizon.
    const share = weeks.filter((w) => w >= horizonWeeks - END_WEEKS).length / weeks.length;
    return share >= MENTION_SHARE ? [`${m.name} (${formatPercent(share)} of runs)`] : [];
  });
  if (rising.length === 0) return '';
  return `Prices still at their highest in the run's last ${END_WEEKS} weeks: ${rising.join(', ')}. For these the peak price multiple is the price the run ends on: ` +
    'a rise the horizon cuts, not a spike that passed. A longer run (--years) shows where it goes.';
}
