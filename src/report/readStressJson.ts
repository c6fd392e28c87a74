import { join } from 'node:path';
import { isRecord } from './isRecord.ts';
import { readJsonFile } from './readJsonFile.ts';
import { toNumber } from './toNumber.ts';

/** The measured impact of attacks on one stage, as far as `stress.json` states it. */
export interface MeasuredImpact {
  value: number;
  unit: string;
  /** NaN when not given. */
  ciLow: number;
  ciHigh: number;
  /** What was measured (metric or description), or ''. */
  label: string;
}

const STAGES = ['discovery', 'mining', 'processing', 'manufacturing', 'endUse', 'recycling'];
const VALUE_KEYS = ['impact', 'measuredImpact', 'impactScore', 'score', 'value', 'mean', 'meanDifference', 'effect'];
const LIST_KEYS = ['stages', 'perStage', 'byStage', 'impacts', 'results'];

/**
 * Reads the measured impact per stage from `stress.json` (written by `crm-sim stress`), tolerant
 * of its layout: a list of records with `stage`, or a map keyed by stage (at the top or under
 * `stages`, `perStage`, `byStage`, `impacts` or `results`); each record's value is the first of
 * `impact`, `measuredImpact`, `impactScore`, `score`, `value`, `mean`, `meanDifference`, `effect`,
 * with optional `unit`, `ciLow`, `ciHigh` and `metric`/`description`; or a nested measure
 * `shortfall: {unit, expected: {mean, low, high}}` (what `crm-sim stress` writes), preferred.
 *
 * @param dir - The output folder.
 * @returns Impacts by stage, or undefined when there is no `stress.json` or it names no stage.
 * @throws ReportInputError when the file is not valid JSON.
 * @example
 * (await readStressJson(dir))?.get('processing')?.value;
 */
export async function readStressJson(dir: string): Promise<Map<string, MeasuredImpact> | undefined> {
  const data = await readJsonFile(join(dir, 'stress.json'));
  if (data === undefined) return undefined;
  const defaults = isRecord(data) ? data : {};
  const impacts = new Map<string, MeasuredImpact>();
  for (const [stage, record] of stageRecords(data)) {
    const impact = readImpact(record, defaults);
    if (impact !== undefined) impacts.set(stage, impact);
  }
  return impacts.size > 0 ? impacts : undefined;
}

function stageRecords(data: unknown): Array<[string, unknown]> {
  const list = Array.isArray(data) ? data : isRecord(data) ? LIST_KEYS.map((k) => data[k]).find((v) => v !== undefined) ?? data : [];
  if (Array.isArray(list)) {
    return list.filter(isRecord).filter((r) => typeof r.stage === 'string').map((r) => [r.stage as string, r]);
  }
  if (!isRecord(list)) return [];
  return Object.entries(list).filter(([key]) => STAGES.includes(key));
}

function readImpact(record: unknown, defaults: Record<string, unknown>): MeasuredImpact | undefined {
  if (typeof record === 'number') return Number.isFinite(record) ? { value: record, unit: text(defaults.unit), ciLow: NaN, ciHigh: NaN, label: text(defaults.metric) } : undefined;
  if (!isRecord(record)) return undefined;
  const nested = readNested(record);
  if (nested !== undefined) return nested;
  const value = VALUE_KEYS.map((key) => toNumber(record[key])).find((v) => Number.isFinite(v));
  if (value === undefined) return undefined;
  return {
    value,
    unit: text(record.unit) || text(defaults.unit),
    ciLow: toNumber(record.ciLow),
    ciHigh: toNumber(record.ciHigh),
    label: text(record.metric) || text(record.description) || text(defaults.metric),
  };
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A measure nested as `shortfall: {unit, expected: {mean, low, high}}` (or `impact: {…}`), shortfall first. */
function readNested(record: Record<string, unknown>): MeasuredImpact | undefined {
  for (const key of ['shortfall', 'impact']) {
    const measure = record[key];
    if (!isRecord(measure)) continue;
    const expected = isRecord(measure.expected) ? measure.expected : measure;
    const value = toNumber(expected.mean ?? expected.value);
    if (!Number.isFinite(value)) continue;
    return {
      value, unit: text(measure.unit),
      ciLow: toNumber(expected.low ?? expected.ciLow), ciHigh: toNumber(expected.high ?? expected.ciHigh),
      label: isRecord(measure.expected) ? `expected ${key}` : key,
    };
  }
  return undefined;
}
