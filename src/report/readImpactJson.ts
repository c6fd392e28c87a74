import type { MonthlyImpact } from '../impact/measureDisruptionImpact.ts';
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

/** Calendar years (decimal: 2026.5 is 1 July 2026) between which a disruption's price peak is taken. */
export interface PeakWindow {
  fromYear: number;
  toYear: number;
  /** When the scenario draws its event times: the range of the runs' own start and end years. */
  drawn?: { fromYear: [number, number]; toYear: [number, number] };
}

/** The measured impact of one stage's disruptive events; `events` is empty when none strike it. */
export interface StageImpactReading {
  events: string[];
  homeShortfall?: PairedImpact;
  /** The change of the whole run's peak price (a later spike of the run's own can mask the disruption's). */
  peakPriceMultiple?: PairedImpact;
  /** The change of the peak price in the disruption window `peakWindow` (absent from files written before session 14). */
  disruptionPeakPrice?: PairedImpact;
  peakWindow?: PeakWindow;
  policyCost?: PairedImpact;
  /** What home end users received of each material the events name (absent from files written before session 22). */
  homeConsumption?: Array<PairedImpact & { material: string }>;
  /** Materials the stage's events name. */
  materials: string[];
  /** Home end users' shortfall of each material the events name (absent from files written before session 24: read `homeShortfall`, a sum over materials). */
  homeShortfallByMaterial?: Array<PairedImpact & { material: string }>;
  /**
   * Per material, the traded stage whose price the peaks measure (absent from files written before
   * session 24, whose peaks are all at each material's quoted stage).
   */
  priceStages?: Record<string, string>;
}

/** What the report uses of `impact.json` (written by `crm-sim run --measure-impact` or `--report`). */
export interface ImpactReading {
  replicates: number;
  runReplicates: number;
  replicateCap: number;
  stages: Map<string, StageImpactReading>;
  /** Events removed at once for the per-material figures (empty without `disruptions`). */
  disruptiveEvents: string[];
  /** Per material, what every disruptive event together causes (peak prices as in {@link StageImpactReading}). */
  byMaterial: Map<string, {
    weeksShort?: PairedImpact; homeShortfall?: PairedImpact; homeConsumption?: PairedImpact; peakPriceMultiple?: PairedImpact; disruptionPeakPrice?: PairedImpact;
    /** What the disruptions cost home end users, USD (absent from files written before session 16). */
    endUserCost?: PairedImpact;
    /** The window of `disruptionPeakPrice`: the material's own (the events naming it), else that of all the disruptions. */
    peakWindow?: PeakWindow;
    /** What home end users receive month by month with and without the disruptions (absent from files written before session 17). */
    monthlyConsumption?: MonthlyConsumption;
  }>;
  /** Per export control, how much it restricted (absent from files written before session 22, and without export controls). */
  exportControls?: ExportControlReading[];
}

/** impact.json's `exportControls` entry as read: one export control's weeks, binding weeks (quotas) and the exports it allowed against those without it. */
export interface ExportControlReading {
  event: string;
  mode: string;
  material: string;
  stage: string;
  exporter: string;
  quotaShare?: number;
  quotaTonnesPerYear?: number;
  approvalRate?: number;
  destinations?: string[];
  /** The destinations `exports` counts (absent: every destination; a file before session 24 measured a destination control's exports to all). */
  exportsTo?: string[];
  /** quota: the tonnes its ceiling allowed over its weeks (absent before session 22's second change). */
  allowed?: number;
  /** quota: the rent its buyers abroad paid over the run, USD (absent before session 23). */
  rentUsd?: number;
  window?: PeakWindow;
  weeks: number;
  weeksBinding?: { mean: number; min: number; max: number; runsBound: number; n: number };
  exports: PairedImpact;
}

/** impact.json's `monthlyConsumption` of a material as read (its unit is t/week): by calendar month, with and without every disruption, and the paired difference. */
export type MonthlyConsumption = Omit<MonthlyImpact, 'unit'>;

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
    const windowed = readPaired(record.disruptionPeakPrice);
    const window = isRecord(record.disruptionPeakPrice) ? readWindow(record.disruptionPeakPrice.window) : undefined;
    stages.set(record.stage, {
      events: strings(record.events), homeShortfall: shortfall, policyCost: readPaired(record.policyCost), materials: strings(materials),
      ...optional('homeConsumption', readMaterialList(record.homeConsumption)),
      ...optional('homeShortfallByMaterial', readMaterialList(record.homeShortfallByMaterial)),
      ...readPriceStages(isRecord(record.disruptionPeakPrice) ? record.disruptionPeakPrice.priceStages : isRecord(record.peakPriceMultiple) ? record.peakPriceMultiple.priceStages : undefined),
      peakPriceMultiple: readPaired(record.peakPriceMultiple),
      ...(windowed !== undefined && window !== undefined ? { disruptionPeakPrice: windowed, peakWindow: window } : {}),
    });
  }
  if (stages.size === 0) return undefined;
  const disruptions = isRecord(data.disruptions) ? data.disruptions : {};
  // Files written before session 14 have no window: their peaks are the whole run's.
  const peakWindow = readWindow(disruptions.window);
  const byMaterial = new Map((Array.isArray(disruptions.materials) ? disruptions.materials : []).filter(isRecord)
    .filter((m) => typeof m.material === 'string')
    .map((m) => [m.material as string, {
      weeksShort: readPaired(m.weeksShort), homeShortfall: readPaired(m.homeShortfall), homeConsumption: readPaired(m.homeConsumption),
      peakPriceMultiple: readPaired(m.peakPriceMultiple), endUserCost: readPaired(m.endUserCost),
      ...windowedPeak(m.disruptionPeakPrice, peakWindow),
      ...readMonthly(m.monthlyConsumption),
    }]));
  return {
    replicates: toNumber(data.replicates), runReplicates: toNumber(data.runReplicates), replicateCap: toNumber(data.replicateCap),
    stages, disruptiveEvents: strings(disruptions.events), byMaterial, ...readExportControls(data.exportControls),
  };
}

/** A stage record's per-material list (`homeConsumption`, `homeShortfallByMaterial`); undefined when absent or empty. */
function readMaterialList(value: unknown): Array<PairedImpact & { material: string }> | undefined {
  if (!Array.isArray(value)) return undefined;
  const list = value.filter(isRecord).flatMap((m) => {
    const stat = readPaired(m);
    return stat === undefined || typeof m.material !== 'string' ? [] : [{ ...stat, material: m.material }];
  });
  return list.length === 0 ? undefined : list;
}

/** `{ [key]: value }`, or nothing when the value is undefined (keeps absent keys absent under exactOptionalPropertyTypes). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}

/** A stage record's `priceStages` (material → traded stage), when there is one. */
function readPriceStages(value: unknown): { priceStages?: Record<string, string> } {
  if (!isRecord(value)) return {};
  const entries = Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string');
  return entries.length === 0 ? {} : { priceStages: Object.fromEntries(entries) };
}

/** impact.json's `exportControls` (entries without a readable `exports` left out); nothing when absent or empty. */
function readExportControls(value: unknown): { exportControls?: ExportControlReading[] } {
  if (!Array.isArray(value)) return {};
  const controls = value.filter(isRecord).flatMap((c): ExportControlReading[] => {
    const exports = readPaired(c.exports);
    const text = (key: string): string => (typeof c[key] === 'string' ? (c[key] as string) : '');
    if (exports === undefined || text('event') === '') return [];
    const window = readWindow(c.window);
    const binding = isRecord(c.weeksBinding) ? c.weeksBinding : undefined;
    const quotaShare = toNumber(c.quotaShare);
    const quotaTonnesPerYear = toNumber(c.quotaTonnesPerYear);
    const approvalRate = toNumber(c.approvalRate);
    const allowed = toNumber(c.allowed);
    const rentUsd = toNumber(c.rentUsd);
    return [{
      event: text('event'), mode: text('mode'), material: text('material'), stage: text('stage'), exporter: text('exporter'), weeks: toNumber(c.weeks), exports,
      ...(Number.isFinite(quotaShare) ? { quotaShare } : {}),
      ...(Number.isFinite(quotaTonnesPerYear) ? { quotaTonnesPerYear } : {}),
      ...(Number.isFinite(approvalRate) ? { approvalRate } : {}),
      ...(Number.isFinite(allowed) ? { allowed } : {}),
      ...(Number.isFinite(rentUsd) ? { rentUsd } : {}),
      ...(Array.isArray(c.destinations) ? { destinations: strings(c.destinations) } : {}),
      ...(Array.isArray(c.exportsTo) ? { exportsTo: strings(c.exportsTo) } : {}),
      ...(window === undefined ? {} : { window }),
      ...(binding === undefined ? {} : {
        weeksBinding: { mean: toNumber(binding.mean), min: toNumber(binding.min), max: toNumber(binding.max), runsBound: toNumber(binding.runsBound), n: toNumber(binding.n) },
      }),
    }];
  });
  return controls.length === 0 ? {} : { exportControls: controls };
}

/** `monthlyConsumption` when it is there with arrays of one length; nothing otherwise (an older file). */
function readMonthly(value: unknown): { monthlyConsumption?: MonthlyConsumption } {
  if (!isRecord(value) || !Array.isArray(value.period)) return {};
  const period = strings(value.period);
  const numbers = (key: string): number[] => (Array.isArray(value[key]) ? (value[key] as unknown[]).map(toNumber) : []);
  const monthly = { period, weeks: numbers('weeks'), meanWith: numbers('meanWith'), meanWithout: numbers('meanWithout'), mean: numbers('mean'), ciLow: numbers('ciLow'), ciHigh: numbers('ciHigh') };
  if (!(Object.values(monthly).every((list) => list.length === period.length) && period.length > 0)) return {};
  // The sums to the run's end came later (session 18): NaN in an older file.
  const optional = (key: string): number[] => { const list = numbers(key); return list.length === period.length ? list : period.map(() => NaN); };
  return { monthlyConsumption: { ...monthly, differenceToEnd: optional('differenceToEnd'), differenceToEndCiLow: optional('differenceToEndCiLow'), differenceToEndCiHigh: optional('differenceToEndCiHigh') } };
}

/** A material's `disruptionPeakPrice` and its window (its own, else `fallback`, that of all the disruptions); nothing without a window. */
function windowedPeak(value: unknown, fallback: PeakWindow | undefined): { disruptionPeakPrice?: PairedImpact; peakWindow?: PeakWindow } {
  const window = (isRecord(value) ? readWindow(value.window) : undefined) ?? fallback;
  const peak = readPaired(value);
  return window === undefined || peak === undefined ? {} : { disruptionPeakPrice: peak, peakWindow: window };
}

/** A `window` of impact.json (fromYear, toYear), or undefined. */
function readWindow(value: unknown): PeakWindow | undefined {
  if (!isRecord(value)) return undefined;
  const fromYear = toNumber(value.fromYear);
  const toYear = toNumber(value.toYear);
  if (!Number.isFinite(fromYear) || !Number.isFinite(toYear)) return undefined;
  const drawn = isRecord(value.drawn) ? { fromYear: readRange(value.drawn.fromYear), toYear: readRange(value.drawn.toYear) } : undefined;
  return drawn?.fromYear !== undefined && drawn.toYear !== undefined ? { fromYear, toYear, drawn: { fromYear: drawn.fromYear, toYear: drawn.toYear } } : { fromYear, toYear };
}

/** A [low, high] pair of finite numbers, else undefined. */
function readRange(value: unknown): [number, number] | undefined {
  if (!Array.isArray(value) || value.length !== 2) return undefined;
  const [low, high] = value.map(toNumber);
  return Number.isFinite(low) && Number.isFinite(high) ? [low, high] : undefined;
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
