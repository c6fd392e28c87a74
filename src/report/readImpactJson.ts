import { join } from 'node:path';
import { isRecord } from './isRecord.ts';
import { readJsonFile } from './readJsonFile.ts';
import { toNumber } from './toNumber.ts';
import type { ImpactStatistic } from '../impact/measureDisruptionImpact.ts';

/**
 * A paired difference (scenario as scripted − counterfactual) as `impact.json` states it: the shape
 * `crm-sim run --measure-impact` writes; CI ends NaN when not given (fewer than 2 runs).
 */
export type PairedImpact = ImpactStatistic;

/** The measured impact of one stage's disruptive events; `events` is empty when none strike it. */
export interface StageImpactReading {
  events: string[];
  homeShortfall?: PairedImpact;
  peakPriceMultiple?: PairedImpact;
  policyCost?: PairedImpact;
  /** Materials the stage's events name. */
  materials: string[];
}

/** What the report uses of `impact.json` (written by `crm-sim run --measure-impact` or `--report`). */
export interface ImpactReading {
  replicates: number;
  runReplicates: number;
  replicateCap: number;
  stages: Map<string, StageImpactReading>;
  /** Events removed at once for the per-material figures (empty without `disruptions`). */
  disruptiveEvents: string[];
  /** Per material, what every disruptive event together causes. */
  byMaterial: Map<string, { weeksShort?: PairedImpact; homeShortfall?: PairedImpact; homeConsumption?: PairedImpact; peakPriceMultiple?: PairedImpact }>;
}

/**
 * Reads `impact.json` of a run folder.
 *
 * @param dir - The output folder.
 * @returns The reading, or undefined when there is no `impact.json` or it lists no stage.
 * @throws ReportInputError when the file is not valid JSON.
 * @example
 * (await readImpactJson(dir))?.stages.get('processing')?.peakPriceMultiple?.mean;
 */
export async function readImpactJson(dir: string): Promise<ImpactReading | undefined> {
  const data = await readJsonFile(join(dir, 'impact.json'));
  if (!isRecord(data) || !Array.isArray(data.stages)) return undefined;
  const stages = new Map<string, StageImpactReading>();
  for (const record of data.stages.filter(isRecord)) {
    if (typeof record.stage !== 'string') continue;
    const shortfall = readPaired(record.homeShortfall);
    const materials = [record.homeShortfall, record.peakPriceMultiple].filter(isRecord).map((m) => m.materials).find(Array.isArray) ?? [];
    stages.set(record.stage, {
      events: strings(record.events), homeShortfall: shortfall, peakPriceMultiple: readPaired(record.peakPriceMultiple), policyCost: readPaired(record.policyCost),
      materials: strings(materials),
    });
  }
  if (stages.size === 0) return undefined;
  const disruptions = isRecord(data.disruptions) ? data.disruptions : {};
  const byMaterial = new Map((Array.isArray(disruptions.materials) ? disruptions.materials : []).filter(isRecord)
    .filter((m) => typeof m.material === 'string')
    .map((m) => [m.material as string, { weeksShort: readPaired(m.weeksShort), homeShortfall: readPaired(m.homeShortfall), homeConsumption: readPaired(m.homeConsumption), peakPriceMultiple: readPaired(m.peakPriceMultiple) }]));
  return {
    replicates: toNumber(data.replicates), runReplicates: toNumber(data.runReplicates), replicateCap: toNumber(data.replicateCap),
    stages, disruptiveEvents: strings(disruptions.events), byMaterial,
  };
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function readPaired(value: unknown): PairedImpact | undefined {
  if (!isRecord(value)) return undefined;
  const mean = toNumber(value.mean);
  if (!Number.isFinite(mean)) return undefined;
  return {
    unit: typeof value.unit === 'string' ? value.unit : '', n: toNumber(value.n), meanWith: toNumber(value.meanWith), meanWithout: toNumber(value.meanWithout),
    mean, ciLow: toNumber(value.ciLow), ciHigh: toNumber(value.ciHigh),
  };
}
