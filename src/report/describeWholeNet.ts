import { describeSpending } from './compareAnswerLines.ts';
import { formatMoneyEstimateThreeFigures } from './formatMoneyEstimateThreeFigures.ts';
import type { ComparisonEntry } from './readComparisonJson.ts';

/**
 * The whole strategy's net result beside its gross cost in the answer box (audit 11: the magnet
 * stockpile's box led with "It costs USD 470 million more" and never gave its net gain of USD 342
 * million): `Net of the stock still held and its sales: a gain of USD 342 million (95% CI USD 332
 * million to USD 352 million)` when the reference spends nothing and the gain is clear, else `Net of
 * the stock still held and its sales, it costs USD 3.19 million more (95% CI …)` in the spending's own
 * words. From comparison.json's `netPolicyCost` entry (docs/model.md, netPolicyCost); '' without it
 * or when the net is the gross within 1% (nothing held or sold: the figure would repeat the cost).
 *
 * @param net - The `netPolicyCost.<home>` entry, if any.
 * @param gross - The `policyCost.<home>` entry, if any.
 * @returns The sentence (no final full stop), or ''.
 * @example
 * describeWholeNet(net, gross); // 'Net of the stock still held and its sales: a gain of USD 342 million (95% CI …)'
 */
export function describeWholeNet(net: ComparisonEntry | undefined, gross: ComparisonEntry | undefined): string {
  if (net === undefined || !Number.isFinite(net.meanDifference)) return '';
  const grossValue = gross?.meanDifference ?? 0;
  if (gross !== undefined && Math.abs(net.meanDifference - grossValue) <= 0.01 * Math.abs(grossValue)) return '';
  const words = 'Net of the stock still held and its sales';
  // A gain only where the reference's own net is 0: else "less" is a saving against it, not a gain.
  if (net.meanA === 0 && net.ciHigh < 0) {
    const shown = formatMoneyEstimateThreeFigures(-net.meanDifference, -net.ciHigh, -net.ciLow);
    return `${words}: a gain of ${shown.mean} (95% CI ${shown.low} to ${shown.high})`;
  }
  return `${words}, it ${describeSpending(net)}`;
}
