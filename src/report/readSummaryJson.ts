import { join } from 'node:path';
import { isRecord } from './isRecord.ts';
import { readJsonFile } from './readJsonFile.ts';
import { ReportInputError } from './reportInputError.ts';
import { toNumber } from './toNumber.ts';
import type { ValueSummary } from '../stats/summarizeValues.ts';

/** One metric of `summary.json` (the statistics of src/stats summarizeValues, with its unit); undefined statistics (JSON `null`) are NaN. */
export interface MetricSummary extends ValueSummary {
  unit: string;
  /** The id's region part as the file states it (`region`, null → ''), when it does: an event id for policy metrics, which may contain dots. */
  region?: string;
}

/** Metrics of `summary.json` by id (`metric.material.stage.region`, empty parts left out). */
export type SummaryMetrics = Map<string, MetricSummary>;

// The percentiles' intervals came in session 18: NaN (null) in an older file.
const FIELDS = ['n', 'mean', 'ciLow', 'ciHigh', 'p5', 'p25', 'p50', 'p75', 'p95', 'min', 'max', 'p5CiLow', 'p5CiHigh', 'p50CiLow', 'p50CiHigh', 'p95CiLow', 'p95CiHigh'] as const;

/**
 * Reads `summary.json` of a run folder.
 *
 * @param dir - The output folder.
 * @returns The metrics in file order, or undefined when the folder has no `summary.json`.
 * @throws ReportInputError when the file is not `{"metrics": {...}}`.
 * @example
 * (await readSummaryJson('/tmp/run'))?.get('shortfallWeeks.ndpr.endUse.US')?.p50;
 */
export async function readSummaryJson(dir: string): Promise<SummaryMetrics | undefined> {
  const path = join(dir, 'summary.json');
  const data = await readJsonFile(path);
  if (data === undefined) return undefined;
  if (!isRecord(data) || !isRecord(data.metrics)) {
    throw new ReportInputError(`${path}: expected an object with "metrics"`);
  }
  const metrics: SummaryMetrics = new Map();
  for (const [id, value] of Object.entries(data.metrics)) {
    if (!isRecord(value)) continue;
    const summary = { unit: typeof value.unit === 'string' ? value.unit : '' } as MetricSummary;
    if (typeof value.region === 'string') summary.region = value.region;
    for (const field of FIELDS) summary[field] = toNumber(value[field]);
    metrics.set(id, summary);
  }
  return metrics;
}
