import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { isRecord } from './isRecord.ts';
import { ReportInputError } from './reportInputError.ts';
import { toNumber } from './toNumber.ts';
import { scriptedEffectEnd } from '../scenario/scriptedEffectEnd.ts';
import { BEHAVIOUR_DEFAULTS } from '../scenario/defaults.ts';

/** A region as the report names it. */
export interface RegionOverview {
  id: string;
  name: string;
  alignment: string;
}

/** A material with the figures the report shows at a glance. */
export interface MaterialOverview {
  id: string;
  name: string;
  /** `USD/kg` or `USD/t`: the unit prices are shown in. */
  priceUnit: string;
  /** Base price per traded stage, USD/t. */
  basePriceUsdPerTonne: Record<string, number>;
  /** Demand per region, t/yr. */
  demandByRegion: Record<string, number>;
  /** Capacity per capacity stage and region, t/yr. */
  capacityByStage: Record<string, Record<string, number>>;
  /** The scenario's own `pipeline:` projects, in file order (absent in overviews built before they were read). */
  pipeline?: PipelineProjectOverview[];
}

/** A scripted `pipeline:` project of a material, as written (a distribution read as its nominal value). */
export interface PipelineProjectOverview {
  region: string;
  /** Capacity stage: mining, processing, manufacturing or recycling. */
  stage: string;
  capacityTonnesPerYear: number;
  /** Phase at the start: permitting, financing or construction. */
  phase: string;
  /** Years left in that phase at the start. */
  remainingYears: number;
  /** True when its capacity or remaining years is a distribution (drawn per run). */
  drawn: boolean;
  /** Its `source:` text ('' when none). */
  source: string;
}

/** Greenfield phase durations (behaviour.greenfield, mining) and the lead factors that scale them for the other stages. */
export interface ProjectDurationsOverview {
  permittingYears: number;
  financingYears: number;
  constructionYears: number;
  processingLeadFactor: number;
  recyclingLeadFactor: number;
  /** True when any of them is a distribution (drawn per run). */
  drawn: boolean;
}

/** A scripted event: its id, kind, timing (years since start) and every other field as written. */
export interface EventOverview {
  id: string;
  kind: string;
  start: number;
  /** When its effects end (a scripted cyberattack's: start + downtime, see scriptedEffectEnd); NaN when the event lasts to the end of the run. */
  end: number;
  /** NaN when not announced ahead. */
  announced: number;
  fields: Record<string, unknown>;
}

/** What the report needs of `scenario.resolved.yaml`. */
export interface ScenarioOverview {
  name: string;
  /** The scenario's `title:`, a reader's name for it (''/absent when it has none: reports then use `name`). */
  title?: string;
  description: string;
  startYear: number;
  years: number;
  ticksPerYear: number;
  homeRegion: string;
  foreignRegion: string;
  regions: RegionOverview[];
  materials: MaterialOverview[];
  events: EventOverview[];
  /** The mode of the foreign actor's rule-driven price war (`foreignActor.rules.priceWarMode`; its default, `exportDiscount`, when the file has none). */
  priceWarMode?: 'exportDiscount' | 'leadership';
  /** Greenfield phase durations (what a scripted project still permitting or financing goes through); absent when not read. */
  projectDurations?: ProjectDurationsOverview;
  /** Capability and intent (1–3) per stage, in file order; empty when the scenario has none. */
  threat: Array<{ stage: string; capability: number; intent: number }>;
  /** The whole parsed document (for the sources appendix). */
  document: Record<string, unknown>;
}

/**
 * Reads `scenario.resolved.yaml` of an output folder into the overview the report shows.
 * Tolerant: missing parts become empty lists or empty strings, so older folders still report.
 *
 * @param dir - The output folder.
 * @param fileName - The scenario file in it (a compare folder holds `<label>.resolved.yaml` per arm).
 * @returns The overview, or undefined when the folder has no such file.
 * @throws ReportInputError when the file is not a YAML mapping.
 * @example
 * (await readScenarioOverview('/tmp/run'))?.materials.map((m) => m.name);
 */
export async function readScenarioOverview(dir: string, fileName = 'scenario.resolved.yaml'): Promise<ScenarioOverview | undefined> {
  const path = join(dir, fileName);
  let document: unknown;
  try {
    document = parse(await readFile(path, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ReportInputError(`${path}: not valid YAML (${(error as Error).message.split('\n')[0]})`);
  }
  if (!isRecord(document)) throw new ReportInputError(`${path}: expected a mapping`);
  const government = isRecord(document.government) ? document.government : {};
  const foreignActor = isRecord(document.foreignActor) ? document.foreignActor : {};
  return {
    name: text(document.name),
    title: text(document.title),
    description: text(document.description),
    startYear: toNumber(document.startYear),
    years: toNumber(document.years),
    ticksPerYear: toNumber(document.ticksPerYear),
    homeRegion: text(government.region),
    foreignRegion: text(foreignActor.region),
    regions: entries(document.regions).map(([id, r]) => ({ id, name: text(r.name) || id, alignment: text(r.alignment) })),
    materials: entries(document.materials).map(([id, m]) => readMaterial(id, m)),
    events: entries(document.events).map(([id, e]) => readEvent(id, e)).sort((a, b) => a.start - b.start),
    priceWarMode: isRecord(foreignActor.rules) && foreignActor.rules.priceWarMode === 'leadership' ? 'leadership' : 'exportDiscount',
    projectDurations: readProjectDurations(isRecord(document.behaviour) ? document.behaviour : {}),
    threat: entries(foreignActor.threat).map(([stage, t]) => ({ stage, capability: toNumber(t.capability), intent: toNumber(t.intent) })),
    document,
  };
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/** Entries of a map keyed by id (or a list of records with `id`), records only. */
function entries(value: unknown): Array<[string, Record<string, unknown>]> {
  if (Array.isArray(value)) {
    return value.filter(isRecord).map((item, index) => [text(item.id) || String(index), item]);
  }
  if (!isRecord(value)) return [];
  return Object.entries(value).filter((entry): entry is [string, Record<string, unknown>] => isRecord(entry[1]));
}

function numbers(value: unknown): Record<string, number> {
  const result: Record<string, number> = {};
  if (isRecord(value)) for (const [key, v] of Object.entries(value)) result[key] = nominal(v);
  return result;
}

/** A number, or the nominal value of a distribution (mode, median, mean or midpoint). */
function nominal(value: unknown): number {
  if (!isRecord(value)) return toNumber(value);
  for (const key of ['mode', 'median', 'mean']) if (typeof value[key] === 'number') return value[key];
  return (toNumber(value.min) + toNumber(value.max)) / 2;
}

function readMaterial(id: string, m: Record<string, unknown>): MaterialOverview {
  const capacityByStage: Record<string, Record<string, number>> = {};
  for (const stage of ['mining', 'processing', 'manufacturing', 'recycling']) {
    const spec = m[stage];
    if (isRecord(spec)) capacityByStage[stage] = numbers(spec.capacityByRegion);
  }
  return {
    id,
    name: text(m.name) || id,
    priceUnit: text(m.priceUnit) || 'USD/t',
    basePriceUsdPerTonne: numbers(m.basePriceUsdPerTonne),
    demandByRegion: numbers(isRecord(m.demand) ? m.demand.byRegion : undefined),
    capacityByStage,
    pipeline: (Array.isArray(m.pipeline) ? m.pipeline : []).filter(isRecord).map((p) => ({
      region: text(p.region),
      stage: text(p.stage),
      capacityTonnesPerYear: nominal(p.capacityTonnesPerYear),
      phase: text(p.phase),
      remainingYears: nominal(p.remainingYears),
      drawn: isRecord(p.capacityTonnesPerYear) || isRecord(p.remainingYears),
      source: text(p.source),
    })),
  };
}

/** The engine's greenfield durations (src/scenario/defaults.ts) where the resolved file has none. */
function readProjectDurations(behaviour: Record<string, unknown>): ProjectDurationsOverview {
  const greenfield = isRecord(behaviour.greenfield) ? behaviour.greenfield : {};
  const values = { permittingYears: greenfield.permittingYears, financingYears: greenfield.financingYears, constructionYears: greenfield.constructionYears,
    processingLeadFactor: behaviour.processingLeadFactor, recyclingLeadFactor: behaviour.recyclingLeadFactor };
  const defaults = { ...BEHAVIOUR_DEFAULTS.greenfield, processingLeadFactor: BEHAVIOUR_DEFAULTS.processingLeadFactor, recyclingLeadFactor: BEHAVIOUR_DEFAULTS.recyclingLeadFactor };
  const read = (key: keyof typeof defaults): number => (values[key] === undefined ? defaults[key] : nominal(values[key]));
  return {
    permittingYears: read('permittingYears'), financingYears: read('financingYears'), constructionYears: read('constructionYears'),
    processingLeadFactor: read('processingLeadFactor'), recyclingLeadFactor: read('recyclingLeadFactor'),
    drawn: Object.values(values).some(isRecord),
  };
}

function readEvent(id: string, e: Record<string, unknown>): EventOverview {
  return {
    id: text(e.id) || id,
    kind: text(e.kind),
    start: nominal(e.start),
    // A scripted cyberattack acts for its downtime, whatever its end (scriptedEffectEnd).
    end: scriptedEffectEnd({ kind: text(e.kind), start: nominal(e.start), end: nominal(e.end), mode: text(e.mode) || undefined, downtimeYears: nominal(e.downtimeYears) }) ?? NaN,
    announced: nominal(e.announced),
    fields: e,
  };
}
