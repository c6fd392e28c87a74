import type { Comparison } from './readComparisonJson.ts';
import type { OverTimeSeriesData } from './readOverTimeCsv.ts';
import type { ComparedStrategies } from './renderComparisonSection.ts';

/**
 * The name a compare report gives each strategy: its scenario's `title:` where it has one, else its
 * label (the file name `compare` keys comparison.csv/json by). Titles are for readers; a title two
 * strategies share would make them indistinguishable, so those two keep their labels.
 *
 * @param strategies - The compared strategies with their scenarios.
 * @returns Display name by label (every label present).
 * @example
 * strategyDisplayNames(strategies).get('mitigation-stockpile-60d'); // '60-day US oxide stockpile'
 */
export function strategyDisplayNames(strategies: ComparedStrategies): Map<string, string> {
  return chooseDisplayNames([strategies.reference, ...strategies.alternatives].map((s) => ({ label: s.label, title: s.overview?.title })));
}

/**
 * `strategyDisplayNames` for any list of labelled strategies (the compare command's arms, which have
 * no report overview): each its title where it has one, else its label; two with the same title
 * (ignoring case and surrounding spaces), or a title equal to another's label, keep their labels.
 *
 * @param strategies - Each strategy's label and `title:` (absent or '' for none).
 * @returns Display name by label (every label present).
 * @example
 * chooseDisplayNames([{ label: 'threat-export-quota' }, { label: 'stock', title: 'A stockpile' }]).get('stock'); // 'A stockpile'
 */
export function chooseDisplayNames(strategies: ReadonlyArray<{ label: string; title?: string }>): Map<string, string> {
  const wanted = strategies.map((s) => s.title?.trim() || s.label);
  const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();
  const count = (name: string): number => wanted.filter((w) => same(w, name)).length;
  // A title may not take another strategy's label either (a file named like someone's title).
  const taken = (name: string, own: string): boolean => count(name) > 1 || strategies.some((s) => s.label !== own && same(s.label, name));
  return new Map(strategies.map((s, i) => [s.label, taken(wanted[i], s.label) ? s.label : wanted[i]]));
}

/**
 * The comparison with every strategy label replaced by its display name, so that every table,
 * chart and sentence of the report names strategies as readers know them.
 *
 * @param comparison - From `readComparisonJson`.
 * @param names - From `strategyDisplayNames`.
 * @returns A relabelled copy; labels missing from `names` are kept.
 */
export function retitleComparison(comparison: Comparison, names: ReadonlyMap<string, string>): Comparison {
  const name = (label: string): string => names.get(label) ?? label;
  const rekey = <T>(map: ReadonlyMap<string, T>): Map<string, T> => new Map([...map].map(([label, value]) => [name(label), value]));
  return {
    reference: name(comparison.reference),
    alternatives: comparison.alternatives.map(name),
    entries: comparison.entries.map((e) => ({ ...e, alternative: name(e.alternative) })),
    costEffectiveness: new Map([...comparison.costEffectiveness].map(([label, materials]) => [name(label), new Map([...materials].map(([material, m]) =>
      [material, { ...m, usdPerTonneConsumptionGainedAgainst: rekey(m.usdPerTonneConsumptionGainedAgainst) }]))])),
    ...(comparison.reversalSplit === undefined ? {} : { reversalSplit: rekey(comparison.reversalSplit) }),
  };
}

/**
 * over-time.csv's series with their strategy labels replaced by display names.
 *
 * @param series - From `readOverTimeCsv`, or undefined.
 * @param names - From `strategyDisplayNames`.
 * @returns A relabelled copy, or undefined.
 */
export function retitleOverTime(series: readonly OverTimeSeriesData[] | undefined, names: ReadonlyMap<string, string>): OverTimeSeriesData[] | undefined {
  return series?.map((s) => ({ ...s, strategy: names.get(s.strategy) ?? s.strategy }));
}

/**
 * The strategies with display names as labels, each keeping its file label (`file`) for the
 * one place that must name it: "The strategies at a glance" maps names to comparison.csv's labels.
 *
 * @param strategies - From `readComparedStrategies`.
 * @param names - From `strategyDisplayNames`.
 * @returns A relabelled copy.
 */
export function retitleStrategies(strategies: ComparedStrategies, names: ReadonlyMap<string, string>): ComparedStrategies {
  const retitle = (s: ComparedStrategies['reference']) => ({ ...s, label: names.get(s.label) ?? s.label, file: s.file ?? s.label });
  return { reference: retitle(strategies.reference), alternatives: strategies.alternatives.map(retitle) };
}
