import type { ResultLayout } from '../../sim-core/index.ts';
import type { ExceedanceRequest } from '../stats/computeExceedance.ts';
import { formatMetricId } from '../outputs/formatMetricId.ts';
import { didYouMean } from '../scenario/didYouMean.ts';
import { UsageError } from './exitCodes.ts';

/**
 * Turns `--exceed '<metric>[.<material>.<stage>.<region>]><value>'` options into exceedance
 * requests: the part before `>` names summary metrics as in summary.json, whole (`shortfallWeeks.ndpr.endUse.US`)
 * or by a prefix of whole parts (`shortfallWeeks.ndpr` = every region and stage of it, `policyCost` =
 * every policyCost); the value is a number in the metric's unit, or a percentage for shares (`10%` = 0.1).
 *
 * @param layout - The run's layout.
 * @param options - The option values, in order.
 * @returns One request per matching metric and option, in option then layout order, without repeats.
 * @throws UsageError on a malformed option or a name that matches no metric (with the closest id).
 * @example
 * resolveExceedOptions(layout, ['longestSevereShortfallWeeks.ndpr.endUse.US>12', 'peakPriceMultiple.ndpr>3']);
 */
export function resolveExceedOptions(layout: ResultLayout, options: readonly string[]): ExceedanceRequest[] {
  return resolveExceedConditions(layout.summaries.map(formatMetricId), options);
}

/**
 * {@link resolveExceedOptions} against a list of summary metric ids (a finished folder's
 * summary.json keys, in their order) instead of a layout.
 *
 * @param ids - The summary metric ids, in layout order.
 * @param options - The option values, in order.
 * @returns One request per matching id and option (`index` into `ids`), without repeats.
 * @throws UsageError as resolveExceedOptions.
 * @example
 * resolveExceedConditions(Object.keys(summary.metrics), ['policyCost>0']);
 */
export function resolveExceedConditions(ids: readonly string[], options: readonly string[]): ExceedanceRequest[] {
  const requests: ExceedanceRequest[] = [];
  const seen = new Set<string>();
  for (const option of options) {
    const match = /^\s*([^<>\s]+)\s*>\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)\s*(%?)\s*$/i.exec(option);
    if (match === null) throw new UsageError(`--exceed: expected <metric id>><value>, e.g. 'longestSevereShortfallWeeks.ndpr.endUse.US>8', found "${option}"`);
    const [, name, number, percent] = match;
    const threshold = Number(number) / (percent === '%' ? 100 : 1);
    const indexes = ids.flatMap((id, index) => (id === name || id.startsWith(`${name}.`) ? [index] : []));
    if (indexes.length === 0) {
      const hint = didYouMean(name, ids);
      throw new UsageError(`--exceed: no summary metric "${name}"${hint ? `; did you mean "${hint}"?` : ' (see summary.json of a run for the ids)'}`);
    }
    for (const index of indexes) {
      const key = `${index}>${threshold}`;
      if (!seen.has(key)) requests.push({ index, threshold });
      seen.add(key);
    }
  }
  return requests;
}
