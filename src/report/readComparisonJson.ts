import { join } from 'node:path';
import { METRIC_DIRECTIONS } from '../compare/metricDirection.ts';
import { isRecord } from './isRecord.ts';
import { ReportInputError } from './reportInputError.ts';
import { readJsonFile } from './readJsonFile.ts';
import { type AlternativeReversalSplit, readReversalSplit } from './readReversalSplit.ts';
import { toNumber } from './toNumber.ts';

/** One paired difference of `comparison.json`: an alternative against the reference on one metric. */
export interface ComparisonEntry {
  alternative: string;
  metric: string;
  meanA: number;
  meanB: number;
  meanDifference: number;
  ciLow: number;
  ciHigh: number;
  /** Share of paired runs in which the alternative does better. */
  pBetter: number;
  /** Share of paired runs in which the alternative does worse (NaN when not stated); ties count in neither. */
  pWorse: number;
  n: number;
  unit: string;
  /** 'lower' or 'higher' is better, '' when not stated. */
  direction: 'lower' | 'higher' | '';
}

/** A mean with its confidence interval. */
export interface Interval {
  value: number;
  ciLow: number;
  ciHigh: number;
}

/** What an alternative buys for one material (comparison.json's `costEffectiveness`). */
export interface MaterialCostEffectiveness {
  extraCostUsd: Interval;
  consumptionGainedTonnes: Interval;
  usdPerTonneConsumptionGained: Interval;
  shortfallAvoidedTonnes: Interval;
  usdPerTonneShortfallAvoided: Interval;
  extraNetCostUsd: Interval;
  netUsdPerTonneConsumptionGained: Interval;
  netUsdPerTonneShortfallAvoided: Interval;
  /** This alternative's cost per tonne of consumption gained minus another's, paired run by run, by label (USD/t); empty in older files. */
  usdPerTonneConsumptionGainedAgainst: Map<string, Interval>;
}

/** `comparison.json` as the report uses it. */
export interface Comparison {
  /** Name of the reference strategy (A), or ''. */
  reference: string;
  alternatives: string[];
  entries: ComparisonEntry[];
  /** Per alternative, per material; empty when the file has no `costEffectiveness`. */
  costEffectiveness: Map<string, Map<string, MaterialCostEffectiveness>>;
  /** Per alternative with reversible policies, its paired effects split by election reversal (`reversalSplit`); absent or empty without. */
  reversalSplit?: Map<string, AlternativeReversalSplit>;
}

const CONTAINERS = new Set(['alternatives', 'metrics', 'results', 'comparisons', 'strategies', 'differences']);

/**
 * Reads `comparison.json` (written by `crm-sim compare`): per alternative per metric
 * `{meanA, meanB, meanDifference, ciLow, ciHigh, pBetter, pWorse, n, unit, direction}`. Any nesting is
 * accepted: every object with a numeric `meanDifference` is an entry, its metric is its own
 * `metric` field (joined with its `material`, `stage` and `region` when given, as ids are) or its key, its alternative its `alternative`/`strategy` field or the nearest
 * enclosing key that is not a container name (`alternatives`, `metrics`, …).
 *
 * @param dir - The output folder.
 * @returns The comparison, or undefined when there is no `comparison.json`.
 * @throws ReportInputError when the file is not valid JSON or holds no comparison.
 * @example
 * (await readComparisonJson(dir))?.entries.filter((e) => e.ciHigh < 0);
 */
export async function readComparisonJson(dir: string): Promise<Comparison | undefined> {
  const data = await readJsonFile(join(dir, 'comparison.json'));
  if (data === undefined) return undefined;
  const entries: ComparisonEntry[] = [];
  collect(data, [], entries);
  // A comparison.json without a single comparison is damaged: a report would lack its main section.
  if (entries.length === 0) throw new ReportInputError(`${join(dir, 'comparison.json')}: expected paired comparisons (objects with a numeric meanDifference), found none (a damaged file? run the comparison again)`);
  const alternatives = [...new Set(entries.map((e) => e.alternative))];
  return { reference: referenceName(data), alternatives, entries, costEffectiveness: readCostEffectiveness(data), reversalSplit: readReversalSplit(data) };
}

function readCostEffectiveness(data: unknown): Comparison['costEffectiveness'] {
  const out: Comparison['costEffectiveness'] = new Map();
  const block = isRecord(data) && isRecord(data.costEffectiveness) ? data.costEffectiveness : {};
  const interval = (value: unknown): Interval => {
    const record = isRecord(value) ? value : {};
    return { value: toNumber(record.ratio ?? record.mean), ciLow: toNumber(record.ciLow), ciHigh: toNumber(record.ciHigh) };
  };
  for (const [alternative, materials] of Object.entries(block)) {
    if (!isRecord(materials)) continue;
    out.set(alternative, new Map(Object.entries(materials).filter((entry): entry is [string, Record<string, unknown>] => isRecord(entry[1])).map(([material, m]) => [material, {
      extraCostUsd: interval(m.extraCostUsd),
      consumptionGainedTonnes: interval(m.consumptionGainedTonnes),
      usdPerTonneConsumptionGained: interval(m.usdPerTonneConsumptionGained),
      shortfallAvoidedTonnes: interval(m.shortfallAvoidedTonnes),
      usdPerTonneShortfallAvoided: interval(m.usdPerTonneShortfallAvoided),
      extraNetCostUsd: interval(m.extraNetCostUsd),
      netUsdPerTonneConsumptionGained: interval(m.netUsdPerTonneConsumptionGained),
      netUsdPerTonneShortfallAvoided: interval(m.netUsdPerTonneShortfallAvoided),
      usdPerTonneConsumptionGainedAgainst: new Map(Object.entries(isRecord(m.usdPerTonneConsumptionGainedAgainst) ? m.usdPerTonneConsumptionGainedAgainst : {})
        .map(([label, d]) => [label, { value: toNumber(isRecord(d) ? d.difference : NaN), ciLow: toNumber(isRecord(d) ? d.ciLow : NaN), ciHigh: toNumber(isRecord(d) ? d.ciHigh : NaN) }])),
    }])));
  }
  return out;
}

function collect(value: unknown, path: string[], out: ComparisonEntry[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => collect(item, [...path, isRecord(item) ? nameOf(item) ?? String(index) : String(index)], out));
    return;
  }
  if (!isRecord(value)) return;
  if (typeof value.meanDifference === 'number') {
    out.push(readEntry(value, path));
    return;
  }
  for (const [key, child] of Object.entries(value)) collect(child, [...path, key], out);
}

function nameOf(record: Record<string, unknown>): string | undefined {
  for (const key of ['name', 'alternative', 'strategy', 'id', 'scenario']) if (typeof record[key] === 'string') return record[key];
  return undefined;
}

/** Metric ids look like `shortfallWeeks.ndpr.endUse.US` or a bare metric name of summary.json. */
function looksLikeMetric(key: string | undefined): boolean {
  return key !== undefined && (key.includes('.') || Object.hasOwn(METRIC_DIRECTIONS, key));
}

function readEntry(record: Record<string, unknown>, path: string[]): ComparisonEntry {
  const keys = path.filter((key) => !CONTAINERS.has(key));
  const last = keys.length - 1;
  if (last >= 1 && !looksLikeMetric(keys[last]) && looksLikeMetric(keys[last - 1])) [keys[last], keys[last - 1]] = [keys[last - 1], keys[last]];
  // crm-sim's own entries state the id's parts (`metric` the bare name, null where a part does not apply): join them as ids are.
  const metric = typeof record.metric === 'string'
    ? [record.metric, record.material, record.stage, record.region].filter((part) => typeof part === 'string' && part !== '').join('.')
    : keys[keys.length - 1] ?? '';
  const alternative = typeof record.alternative === 'string' ? record.alternative
    : typeof record.strategy === 'string' ? record.strategy : keys.length >= 2 ? keys[keys.length - 2] : 'alternative';
  const direction = String(record.direction ?? '').toLowerCase();
  return {
    alternative, metric,
    meanA: toNumber(record.meanA), meanB: toNumber(record.meanB), meanDifference: toNumber(record.meanDifference),
    ciLow: toNumber(record.ciLow), ciHigh: toNumber(record.ciHigh), pBetter: toNumber(record.pBetter), pWorse: toNumber(record.pWorse), n: toNumber(record.n),
    unit: typeof record.unit === 'string' ? record.unit : '',
    direction: direction.includes('low') || direction === 'min' || direction === 'minimize' ? 'lower'
      : direction.includes('high') || direction === 'max' || direction === 'maximize' ? 'higher' : '',
  };
}

function referenceName(data: unknown): string {
  if (!isRecord(data)) return '';
  for (const key of ['reference', 'first', 'baseline', 'base', 'a', 'A', 'scenarioA']) {
    const value = data[key];
    if (typeof value === 'string') return value;
    if (isRecord(value)) return nameOf(value) ?? (typeof value.path === 'string' ? value.path : '');
  }
  return '';
}
