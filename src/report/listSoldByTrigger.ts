import type { MassUnit } from './chooseMassUnit.ts';
import { formatTonnes } from './formatTonnes.ts';
import type { SoldByTrigger } from './readStockpileReleases.ts';

/** How each trigger's sales read in a sentence, in the order of the engine's trigger codes. */
const TRIGGER_WORDS: ReadonlyArray<[keyof SoldByTrigger, string]> = [['shortage', 'on shortage'], ['priceSpike', 'into price spikes'], ['steady', 'by steady release']];

/**
 * What a stockpile sold by the trigger of its offers, as a list for a sentence: `48 t on shortage and
 * 1.5 t into price spikes`, the triggers that sold nothing left out.
 *
 * @param sold - Tonnes by trigger (e.g. means over runs).
 * @param unit - The unit to write them in; default: each its own.
 * @returns The list, or '' when nothing was sold or a figure is not a number.
 * @example
 * listSoldByTrigger({ shortage: 48, priceSpike: 1.5, steady: 0 }); // '48 t on shortage and 1.5 t into price spikes'
 */
export function listSoldByTrigger(sold: SoldByTrigger, unit?: MassUnit): string {
  if (TRIGGER_WORDS.some(([trigger]) => !Number.isFinite(sold[trigger]))) return '';
  const parts = TRIGGER_WORDS.flatMap(([trigger, words]) => (sold[trigger] > 0 ? [`${formatTonnes(sold[trigger], unit)} ${words}`] : []));
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
