import type { ScenarioOverview } from './readScenarioOverview.ts';
import { quotedPriceStage } from '../impact/quotedPriceStage.ts';
import type { SummaryMetrics } from './readSummaryJson.ts';
import { isRecord } from './isRecord.ts';
import { toNumber } from './toNumber.ts';
import { DISRUPTIVE_KINDS } from '../impact/findStageDisruptions.ts';

/** Who is who in a run: from the scenario when present, else from the metric ids of summary.json. */
export interface RunContext {
  home: string;
  homeName: string;
  foreign: string;
  foreignName: string;
  /** Region ids in report order. */
  regions: string[];
  /** Region names by id, from the scenario (absent without one: ids stand for names). */
  regionNames?: Readonly<Record<string, string>>;
  materials: Array<{
    id: string; name: string; priceUnit: string; homeDemand: number; priceStage: string; hasEvents: boolean;
    /** The stages the material's scripted events strike, in event order without repeats (absent without a scenario). */
    struckStages?: string[];
  }>;
  /** The kinds of the scenario's scripted events; undefined when the folder has no scenario. */
  eventKinds?: string[];
  /** The budget of the foreign actor's standing rules (`foreignActor.rules.budgetUsd`), USD; undefined when the scenario does not state it. */
  foreignRulesBudgetUsd?: number;
  /** The calendar years the run covers, first and last (`2025`, `2034`); undefined without the scenario. */
  period?: { firstYear: number; lastYear: number };
}


/**
 * Works out the home and foreign regions, the regions and the materials of a run, preferring the
 * resolved scenario and falling back on the ids in `summary.json` (`policyCost.<home>`,
 * `foreignActorCost.<foreign>`, `peakPriceMultiple.<material>.<stage>.<region>`).
 *
 * @param overview - The scenario, if the folder has one.
 * @param summary - The summary metrics.
 * @returns The context.
 * @example
 * deriveRunContext(overview, summary).home; // 'US'
 */
export function deriveRunContext(overview: ScenarioOverview | undefined, summary: SummaryMetrics): RunContext {
  const ids = [...summary.keys()].map((id) => id.split('.'));
  const regionOf = (metric: string): string => ids.find((p) => p[0] === metric)?.at(-1) ?? '';
  const home = overview?.homeRegion || regionOf('policyCost');
  const foreign = overview?.foreignRegion || regionOf('foreignActorCost');
  const name = (id: string): string => overview?.regions.find((r) => r.id === id)?.name ?? id;
  const fromSummary = [...new Set(ids.filter((p) => p[0] === 'peakPriceMultiple').map((p) => p[1]))];
  const materials = overview?.materials.map((m) => {
    const events = overview.events.filter((e) => e.fields.material === m.id);
    const stage = quotedPriceStage(events.map((e) => String(e.fields.stage)));
    return { id: m.id, name: m.name, priceUnit: m.priceUnit, homeDemand: m.demandByRegion[home] ?? NaN, priceStage: stage, hasEvents: events.length > 0,
      // Stages a disruption strikes: a stockpile's, tariff's or subsidy's stage is where a policy acts, not what is disrupted (as the fan charts' rows).
      struckStages: [...new Set(events.filter((e) => DISRUPTIVE_KINDS.has(e.kind)).map((e) => String(e.fields.stage)))] };
  }) ?? fromSummary.map((id) => ({ id, name: id, priceUnit: 'USD/t', homeDemand: NaN, priceStage: 'processing', hasEvents: false }));
  const regions = overview?.regions.map((r) => r.id) ?? [...new Set(ids.filter((p) => p[0] === 'peakPriceMultiple').map((p) => p[3]))];
  const actor = overview?.document.foreignActor;
  const budget = isRecord(actor) && isRecord(actor.rules) ? toNumber(actor.rules.budgetUsd) : NaN;
  return {
    home, homeName: name(home), foreign, foreignName: name(foreign), regions, materials, eventKinds: overview?.events.map((e) => e.kind),
    ...(overview === undefined ? {} : { regionNames: Object.fromEntries(overview.regions.map((r) => [r.id, r.name])) }),
    ...(Number.isFinite(budget) ? { foreignRulesBudgetUsd: budget } : {}),
    ...(overview !== undefined && Number.isFinite(overview.startYear) && overview.years > 0
      ? { period: { firstYear: overview.startYear, lastYear: overview.startYear + Math.ceil(overview.years) - 1 } } : {}),
  };
}
