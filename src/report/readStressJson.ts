import { join } from 'node:path';
import { isRecord } from './isRecord.ts';
import { ReportInputError } from './reportInputError.ts';
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
  /** The stage's place in the file's ranking by this measure (1 = most damaging), when the file ranks it. */
  rank?: number;
  /** On the stage the file ranks first: its paired comparison with the second (stress.json's `firstVsSecond`), when the file has one. */
  firstVsSecond?: FirstVsSecondReading;
  /** A file from before session 18 (its stages carry `replicatesHit`): the expected impact averages the runs a random draw said were struck. */
  hitWeighted?: boolean;
  /** The impact if struck (stress.json's `conditional`: unweighted by the study's score), when the file gives it. */
  conditional?: { value: number; ciLow: number; ciHigh: number };
}

/** stress.json's paired test of the first stage of a ranking against the second, in the measure's unit. */
export interface FirstVsSecondReading {
  second: string;
  /** Mean of first − second per replicate (expected impacts), with its 95% CI. */
  meanDifference: number;
  ciLow: number;
  ciHigh: number;
  n: number;
  /** The interval lies above 0. */
  clearlyFirst: boolean;
}

/**
 * A stage's measured impact as `stress.json` states it. `crm-sim stress` ranks stages by
 * `shortfallShare` (value-weighted share of home end-use demand left unmet, a fraction) and by
 * `economicCost` (USD); `shortfall` (tonnes summed over materials) is reported but not ranked on.
 * `impact` is the single measure of other layouts and of files older than the share.
 */
export interface StageStress {
  shortfallShare?: MeasuredImpact;
  economicCost?: MeasuredImpact;
  shortfall?: MeasuredImpact;
  impact?: MeasuredImpact;
  /** The weight of the stage's impact: the study's score ÷ 9 (stress.json's `probability`), when given. */
  weight?: number;
  /** The stage's standard disruption as stress.json records it (`events`), when given. */
  events?: StressEventRecord[];
  /** The economic cost's parts (`extraSpending`, `forgoneConsumptionValue`, `unmetValueAtPrice`), when given. */
  costParts?: { extraSpending?: MeasuredImpact; forgoneConsumptionValue?: MeasuredImpact; unmetValueAtPrice?: MeasuredImpact };
}

/** One event of a stage's standard disruption, as written in stress.json (the scenario's event fields). */
export interface StressEventRecord {
  kind: string;
  /** Years from the run's start. */
  start: number;
  /** NaN when not given (a cyberattack lasts `downtimeYears`). */
  end: number;
  fields: Record<string, unknown>;
}

/** What stress.json says of the stress test as a whole. */
export interface StressRunReading {
  /** Ids of the scenario's own threat events `--strip-events` removed from every arm (empty: none, or a file from before it was recorded). */
  strippedEvents: string[];
  /** The horizon the stress test ran, years (`horizonYears`; files from before it: undefined, use the resolved scenario's). */
  horizonYears?: number;
  /** Runs per arm. */
  replicates?: number;
  /**
   * True for a file written before session 32 (no `shortfallShareOf`): its share measures difference each
   * arm's share of its own demand, so demand a higher price removed counts as unmet.
   */
  shareOfOwnDemand?: boolean;
}

/** The measure a stage's chart and table show first: what the command ranks by, else the file's only measure. */
export function primaryImpact(stage: StageStress): MeasuredImpact {
  return (stage.shortfallShare ?? stage.impact ?? stage.shortfall ?? stage.economicCost) as MeasuredImpact;
}

const STAGES = ['discovery', 'mining', 'processing', 'manufacturing', 'endUse', 'recycling'];
const VALUE_KEYS = ['impact', 'measuredImpact', 'impactScore', 'score', 'value', 'mean', 'meanDifference', 'effect'];
const LIST_KEYS = ['stages', 'perStage', 'byStage', 'impacts', 'results'];

/**
 * Reads the measured impact per stage from `stress.json` (written by `crm-sim stress`), tolerant
 * of its layout: a list of records with `stage`, or a map keyed by stage (at the top or under
 * `stages`, `perStage`, `byStage`, `impacts` or `results`). What `crm-sim stress` writes is read as
 * nested measures `shortfallShare`, `economicCost` and `shortfall` (each `{unit, expected: {mean,
 * low, high}}`), ranked by the file's `rankingByShortfallShare`, `rankingByEconomicCost` and
 * `rankingByShortfall`, the first stage of each with its `firstVsSecond` paired comparison (files
 * before it have none). Otherwise a record's single `impact` is the first of `impact`,
 * `measuredImpact`, `impactScore`, `score`, `value`, `mean`, `meanDifference`, `effect`, with
 * optional `unit`, `ciLow`, `ciHigh` and `metric`/`description`.
 *
 * @param dir - The output folder.
 * @returns Impacts by stage, or undefined when there is no `stress.json`.
 * @throws ReportInputError when the file is not valid JSON or measures no stage.
 * @example
 * (await readStressJson(dir))?.get('processing')?.shortfallShare?.rank;
 */
export async function readStressJson(dir: string): Promise<Map<string, StageStress> | undefined> {
  const data = await readJsonFile(join(dir, 'stress.json'));
  if (data === undefined) return undefined;
  const defaults = isRecord(data) ? data : {};
  const impacts = new Map<string, StageStress>();
  for (const [stage, record] of stageRecords(data)) {
    const measures = readMeasures(stage, record, defaults);
    if (Object.keys(measures).length > 0) impacts.set(stage, measures);
  }
  // A stress.json that ranks no stage is damaged: a report would lack its ranking.
  if (impacts.size === 0) throw new ReportInputError(`${join(dir, 'stress.json')}: expected a measured impact per stage, found none (a damaged file? run crm-sim stress again)`);
  return impacts;
}

const RANKED = { shortfallShare: 'rankingByShortfallShare', economicCost: 'rankingByEconomicCost', shortfall: 'rankingByShortfall' } as const;

/** The nested measures of `crm-sim stress` with their ranks, else the record's single impact. */
function readMeasures(stage: string, record: unknown, defaults: Record<string, unknown>): StageStress {
  const measures: StageStress = {};
  if (isRecord(record)) {
    const old = Object.hasOwn(record, 'replicatesHit') ? { hitWeighted: true } : {};
    for (const [key, ranking] of Object.entries(RANKED) as Array<[keyof typeof RANKED, string]>) {
      const measure = readNested(record, key);
      if (measure !== undefined) measures[key] = { ...measure, ...rankOf(defaults[ranking], stage), ...firstVsSecondOf(defaults.firstVsSecond, key, stage), ...old };
    }
  }
  if (Object.keys(measures).length > 0) return { ...measures, ...readStageExtras(record as Record<string, unknown>) };
  const impact = readImpact(record, defaults);
  return impact === undefined ? {} : { impact };
}

/** A stage record's weight, standard disruption and cost parts, as far as the file has them. */
function readStageExtras(record: Record<string, unknown>): Pick<StageStress, 'weight' | 'events' | 'costParts'> {
  const out: Pick<StageStress, 'weight' | 'events' | 'costParts'> = {};
  const weight = toNumber(record.probability);
  if (Number.isFinite(weight)) out.weight = weight;
  if (Array.isArray(record.events)) {
    out.events = record.events.filter(isRecord).filter((e) => typeof e.kind === 'string')
      .map((e) => ({ kind: e.kind as string, start: toNumber(e.start), end: toNumber(e.end), fields: e }));
  }
  const parts: NonNullable<StageStress['costParts']> = {};
  for (const key of ['extraSpending', 'forgoneConsumptionValue', 'unmetValueAtPrice'] as const) {
    const part = readNested(record, key);
    if (part !== undefined) parts[key] = part;
  }
  if (Object.keys(parts).length > 0) out.costParts = parts;
  return out;
}

/**
 * What `stress.json` says of the stress test as a whole: the scenario events `--strip-events`
 * removed and the horizon it ran (each absent from older files: no events, horizon undefined).
 *
 * @param dir - The output folder.
 * @returns The reading, or undefined when there is no `stress.json`.
 * @example
 * (await readStressRun(dir))?.strippedEvents; // ['cnQuotaDy', …]
 */
export async function readStressRun(dir: string): Promise<StressRunReading | undefined> {
  const data = await readJsonFile(join(dir, 'stress.json'));
  if (data === undefined) return undefined;
  const record = isRecord(data) ? data : {};
  const stripped = Array.isArray(record.strippedEvents) ? record.strippedEvents.filter((id): id is string => typeof id === 'string') : [];
  const years = toNumber(record.horizonYears);
  const replicates = toNumber(record.replicates);
  const shareOfOwnDemand = record.shortfallShareOf === undefined;
  return { strippedEvents: stripped, shareOfOwnDemand, ...(Number.isFinite(years) ? { horizonYears: years } : {}), ...(Number.isFinite(replicates) ? { replicates } : {}) };
}

function rankOf(ranking: unknown, stage: string): { rank?: number } {
  const entry = Array.isArray(ranking) ? ranking.find((r) => isRecord(r) && r.stage === stage) : undefined;
  const rank = isRecord(entry) ? toNumber(entry.rank) : NaN;
  return Number.isFinite(rank) ? { rank } : {};
}

/** The paired comparison of `firstVsSecond.<key>` when `stage` is its first. */
function firstVsSecondOf(all: unknown, key: string, stage: string): { firstVsSecond?: FirstVsSecondReading } {
  const entry = isRecord(all) ? all[key] : undefined;
  if (!isRecord(entry) || entry.first !== stage || typeof entry.second !== 'string' || typeof entry.clearlyFirst !== 'boolean') return {};
  return { firstVsSecond: {
    second: entry.second, meanDifference: toNumber(entry.meanDifference), ciLow: toNumber(entry.low), ciHigh: toNumber(entry.high),
    n: toNumber(entry.n), clearlyFirst: entry.clearlyFirst,
  } };
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
  const nested = readNested(record, 'impact');
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

/** A measure nested as `key: {unit, expected: {mean, low, high}}` (or `{unit, mean, …}`). */
function readNested(record: Record<string, unknown>, key: string): MeasuredImpact | undefined {
  const measure = record[key];
  if (!isRecord(measure)) return undefined;
  const expected = isRecord(measure.expected) ? measure.expected : measure;
  const value = toNumber(expected.mean ?? expected.value);
  if (!Number.isFinite(value)) return undefined;
  const given = isRecord(measure.conditional) ? measure.conditional : undefined;
  const conditional = given === undefined ? NaN : toNumber(given.mean);
  return {
    value, unit: text(measure.unit),
    ciLow: toNumber(expected.low ?? expected.ciLow), ciHigh: toNumber(expected.high ?? expected.ciHigh),
    label: isRecord(measure.expected) ? `expected ${key}` : key,
    ...(given !== undefined && Number.isFinite(conditional) ? { conditional: { value: conditional, ciLow: toNumber(given.low), ciHigh: toNumber(given.high) } } : {}),
  };
}
