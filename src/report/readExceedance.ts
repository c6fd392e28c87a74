import { join } from 'node:path';
import { isRecord } from './isRecord.ts';
import { readJsonFile } from './readJsonFile.ts';
import { toNumber } from './toNumber.ts';

/** One row of `summary.json`'s `exceedance` block: P(metric > threshold) over the runs. */
export interface ExceedanceReading {
  metric: string;
  material: string;
  stage: string;
  region: string;
  threshold: number;
  probability: number;
  /** 95% Wilson interval of the probability. */
  ciLow: number;
  ciHigh: number;
  n: number;
}

/**
 * Reads the exceedance probabilities of a run folder's `summary.json` (written by `run` and `merge`).
 *
 * @param dir - The output folder.
 * @returns The rows in file order; empty when the file or its block is absent (older folders).
 * @example
 * (await readExceedance('/tmp/run')).find((e) => e.metric === 'longestSevereShortfallWeeks')?.probability;
 */
export async function readExceedance(dir: string): Promise<ExceedanceReading[]> {
  const data = await readJsonFile(join(dir, 'summary.json'));
  if (!isRecord(data) || !Array.isArray(data.exceedance)) return [];
  return data.exceedance.filter(isRecord).map((row) => ({
    metric: String(row.metric ?? ''), material: String(row.material ?? ''), stage: String(row.stage ?? ''), region: String(row.region ?? ''),
    threshold: toNumber(row.threshold), probability: toNumber(row.probability), ciLow: toNumber(row.ciLow), ciHigh: toNumber(row.ciHigh), n: toNumber(row.n),
  }));
}
