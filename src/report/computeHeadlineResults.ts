import { computeMaterialResults, type MaterialResult } from './computeMaterialResults.ts';
import type { RunContext } from './deriveRunContext.ts';
import type { ReplicateValues } from './readReplicatesCsv.ts';
import type { SummaryMetrics } from './readSummaryJson.ts';

/** The product whose price the report quotes, by the stage it is traded at. */
export const PRODUCT: Readonly<Record<string, string>> = { mining: 'concentrate', processing: 'refined', manufacturing: 'component' };

/** One material of a run with its key results. */
export interface MaterialWithResult {
  material: RunContext['materials'][number];
  result: MaterialResult;
}

/** The key results of every material and the ones the report leads with. */
export interface HeadlineResults {
  /** Every material, in the scenario's order. */
  results: MaterialWithResult[];
  /** Materials the scenario's events touch (empty without events). */
  headline: MaterialWithResult[];
  /** The materials described first: up to three with events, else the two with the longest home shortages. */
  chosen: MaterialWithResult[];
  /** Most runs behind any material's results. */
  runs: number;
}

/**
 * Computes every material's key results and chooses the ones Key results and the answer box
 * lead with, so the two always speak of the same materials and figures.
 *
 * @param context - Regions and materials of the run.
 * @param summary - `summary.json`.
 * @param replicates - `replicates.csv`, if present.
 * @returns Results, the materials with events, the chosen ones and the number of runs.
 * @example
 * computeHeadlineResults(context, summary, replicates).chosen.map((r) => r.material.name); // ['NdPr oxide', 'Dysprosium oxide']
 */
export function computeHeadlineResults(context: RunContext, summary: SummaryMetrics, replicates: ReplicateValues | undefined): HeadlineResults {
  const priceStage = (id: string): string => (context.materials.find((m) => m.id === id) ?? context.materials[0]).priceStage;
  const struckStages = (id: string): readonly string[] => context.materials.find((m) => m.id === id)?.struckStages ?? [];
  const resultContext = { home: context.home, foreign: context.foreign, regions: context.regions, priceStage, struckStages };
  const results = context.materials.map((m) => ({ material: m, result: computeMaterialResults(m.id, resultContext, summary, replicates) }));
  const runs = Math.max(0, ...results.map((r) => r.result.runs));
  const headline = results.filter((r) => r.material.hasEvents);
  const chosen = headline.length > 0 ? headline.slice(0, 3) : [...results].sort((a, b) => b.result.weeksShort.p50 - a.result.weeksShort.p50).slice(0, 2);
  return { results, headline, chosen, runs };
}
