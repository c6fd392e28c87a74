import { differenceSign, formatDifferenceWithCi, isNegligible, massUnits, NEGLIGIBLE_SHARE } from './comparisonFigures.ts';
import type { MassUnit } from './chooseMassUnit.ts';
import { weeksText } from './describeMaterialResult.ts';
import { formatTonnes } from './formatTonnes.ts';
import { formatMoney } from './formatMoney.ts';
import type { Comparison, ComparisonEntry } from './readComparisonJson.ts';
import { renderTable } from './renderTable.ts';

const IN_FORCE = 'exportQuotaWeeksInForce';
const BINDING = 'exportQuotaWeeksBinding';
const ALLOWED = 'exportQuotaAllowedTonnes';
/** The rent its buyers abroad paid to the exporting government over the run (summary `exportQuotaRentUsd`, since audit 23). */
const RENT = 'exportQuotaRentUsd';

/**
 * "The export quotas under each strategy" for a compare folder (audit 22, L3): per export quota in
 * comparison.json (its summaries `exportQuotaWeeksInForce`, `…WeeksBinding`, `…AllowedTonnes`, `exportQuotaRentUsd`, keyed
 * `<metric>.<material>.<stage>.<event id>`), in how many of its weeks its ceiling bound and the tonnes it
 * allowed, under the reference and under each alternative with the alternative's paired difference and
 * its 95% CI. A quota is a share of the exporter's exports in the year before it starts, so a strategy
 * that buys ahead of it (a stockpile filled from the exporter) raises its ceiling; and one that cuts what
 * importers want from the exporter makes it bind less. How much a control held back needs runs without
 * it, which `run --report` makes (its "What the export controls held back"); a compare does not.
 * '' when comparison.json has no quota (or predates these summaries).
 *
 * @param original - From `readComparisonJson`.
 * @param describeEvent - An event id in words (the reference scenario's `eventDescriber`).
 * @returns HTML, or ''.
 * @example
 * html += renderExportControlsCompared(comparison, (id) => id);
 */
export function renderExportControlsCompared(original: Comparison, describeEvent: (id: string) => string): string {
  const sign = differenceSign(original.entries);
  const entries = original.entries.filter((e) => [IN_FORCE, BINDING, ALLOWED, RENT].includes(e.metric.split('.')[0]))
    .map((e) => (sign === 1 ? e : { ...e, meanDifference: -e.meanDifference, ciLow: -e.ciHigh, ciHigh: -e.ciLow }));
  // One row per quota, in the order comparison.json lists them (the summaries' order: the events').
  const quotas = [...new Set(entries.filter((e) => e.metric.startsWith(`${IN_FORCE}.`)).map((e) => e.metric.slice(IN_FORCE.length + 1)))];
  if (quotas.length === 0) return '';
  // A difference within 0.1% of the level, all its interval, is named so, not spelled out to the ninth decimal.
  const difference = (e: ComparisonEntry, unit?: MassUnit) => (isNegligible(e.meanDifference, e.ciLow, e.ciHigh, e.meanA) && e.meanDifference !== 0
    ? `negligible: within ${NEGLIGIBLE_SHARE * 100}%` : formatDifferenceWithCi(e, unit));
  const units = massUnits(entries.filter((e) => e.metric.startsWith(`${ALLOWED}.`)));
  const rows = quotas.map((key) => {
    const unit = units.get(`${ALLOWED}.${key}`);
    const find = (metric: string, alternative: string) => entries.find((e) => e.metric === `${metric}.${key}` && e.alternative === alternative);
    const rentText = (rent: number) => (Number.isFinite(rent) ? `; rent paid ${formatMoneyThreeFigures(rent)}` : '');
    const level = (weeks: number, bound: number, allowed: number, rent: number) => `bound ${weeksText(bound)} of ${weeksText(weeks)}; allowed ${formatTonnes(allowed, unit)}${rentText(rent)}`;
    const perAlternative = original.alternatives.map((a) => {
      const [inForce, binding, allowed, rent] = [find(IN_FORCE, a), find(BINDING, a), find(ALLOWED, a), find(RENT, a)];
      if (inForce === undefined || binding === undefined || allowed === undefined) return 'n/a (no such quota)';
      // The rent beside the tonnes (audit 24, M3): a strategy's largest quota effect can be the rent it spares its buyers.
      const rentDifference = rent === undefined ? '' : `; rent ${difference(rent)}`;
      return `${level(inForce.meanB, binding.meanB, allowed.meanB, rent?.meanB ?? NaN)} (bound ${difference(binding)}; allowed ${difference(allowed, unit)}${rentDifference})`;
    });
    // The reference's levels are the same in every alternative's entry (meanA): take the first there is.
    const first = (metric: string) => entries.find((e) => e.metric === `${metric}.${key}`)?.meanA ?? NaN;
    const id = key.split('.').slice(2).join('.');
    return [`${id}: ${describeEvent(id)}`, level(first(IN_FORCE), first(BINDING), first(ALLOWED), first(RENT)), ...perAlternative];
  });
  const intro = '<p>What each export quota did under each strategy: in how many of its weeks its ceiling, not the exporter’s own offers, ' +
    'limited what its buyers abroad got (it <em>bound</em>), and the tonnes it allowed. A quota’s ceiling is a share of the exporter’s exports in ' +
    'the year before it starts, so a strategy that buys from the exporter ahead of it (a stockpile filled before the quota) raises the ceiling, ' +
    'and one that lowers what importers want from the exporter makes it bind less. The <em>rent</em> is what its buyers abroad paid the exporting government ' +
    'on top of the exporter’s own price while the quota bound, over the run (docs/model.md §10): a strategy that lowers it keeps that money with importers. A higher ceiling under a strategy means the exporter may ' +
    'ship more abroad under it, to the home region among others; whether home end users gain is in the tables above. How much a control held back needs runs without it: ' +
    `<code>crm-sim run &lt;scenario&gt; --report</code> measures that (its “What the export controls held back”), a compare does not.</p>\n`;
  const columns = [{ header: 'Export quota' }, { header: original.reference === '' ? 'reference' : original.reference },
    ...original.alternatives.map((a) => ({ header: a }))];
  return intro + renderTable(columns, rows, {
    caption: 'Weeks its ceiling bound, of its weeks in force, the tonnes it allowed (of the material contained) and the quota rent paid, means over the paired runs; for an alternative, the paired differences from the reference (95% CI).',
    className: 'controls',
  });
}

/**
 * `USD 6.40 billion`, `USD 601 million`, `USD 6.64 million`: three significant figures, kept when they
 * end in 0, so that rents side by side read at one precision (audit 24, M2/M3: "6.4 billion" next to
 * "6.64 million"); below a million as formatMoney writes it.
 */
export function formatMoneyThreeFigures(usd: number): string {
  // Rounded to three figures first, so 999.7 million is 1.00 billion, not "1.00e+3 million".
  const size = Math.abs(Number(usd.toPrecision(3)));
  const [scale, word] = size >= 1e9 ? [1e9, 'billion'] : size >= 1e6 ? [1e6, 'million'] : [0, ''];
  if (scale === 0 || size / scale >= 1000) return formatMoney(usd);
  return `USD ${(Number(usd.toPrecision(3)) / scale).toPrecision(3)} ${word}`;
}
