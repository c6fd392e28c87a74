import { TRADED_STAGES } from '../../sim-core/index.ts';
import { summarizeValues, type ValueSummary } from '../stats/summarizeValues.ts';
import { levelReachedInShare } from './levelReachedInShare.ts';
import type { ReplicateValues } from './readReplicatesCsv.ts';
import type { SummaryMetrics } from './readSummaryJson.ts';

/** Key results of one material for the home region and outside the foreign actor's region. */
export interface MaterialResult {
  materialId: string;
  /** Runs with a defined weeks-short value. */
  runs: number;
  /** Weeks in which the home region's end users are short. */
  weeksShort: ValueSummary;
  /** Weeks short reached by at least 90% of runs (NaN without replicates.csv). */
  weeksShortIn90: number;
  /** Runs with at least one short week (NaN without replicates.csv). */
  runsShort: number;
  /** Cumulative shortfall of the home region's end users, t. */
  lackingTonnes: ValueSummary;
  /** Largest weekly shortfall as a share of demand. */
  worstWeekShare: ValueSummary;
  /** Weeks from the first to the last short week, runs that were short. */
  recoveryWeeks: ValueSummary;
  /** Per run, the highest peak price multiple over segments outside the foreign region. */
  peakOutside: ValueSummary;
  /** Share of supply at the end of the run from secure (home and allied) sources, processing. */
  secureShareProcessing: ValueSummary;
  /**
   * The peak price multiple at each other traded stage the material's events strike (a quota on
   * magnets beside one on oxide), by the same convention as `peakOutside`: per run the largest
   * outside the foreign region, or the home segment's without replicates.csv. Upstream first;
   * empty when the events strike the quoted stage only.
   */
  otherStagePeaks: Array<{ stage: string; peak: ValueSummary }>;
}

/** Traded stages, upstream first: the ones with a price a report can quote. */

/** What {@link computeMaterialResults} needs to know about the scenario. */
export interface ResultContext {
  home: string;
  foreign: string;
  regions: string[];
  /** The traded stage whose price the report quotes, per material. */
  priceStage: (materialId: string) => string;
  /** The stages the material's events strike (none known: only the quoted stage's peak is computed). */
  struckStages?: (materialId: string) => readonly string[];
}

/**
 * Computes a material's key results from per-replicate values (preferred: exact order statistics
 * and a per-run maximum over segments) or, without `replicates.csv`, from `summary.json` (the
 * peak price is then the home segment's).
 *
 * @param materialId - The material.
 * @param context - Home and foreign regions, region ids, quoted price stage.
 * @param summary - `summary.json` metrics.
 * @param replicates - `replicates.csv` values, if present.
 * @returns The results.
 * @example
 * computeMaterialResults('ndpr', context, summary, replicates).weeksShortIn90;
 */
export function computeMaterialResults(
  materialId: string,
  context: ResultContext,
  summary: SummaryMetrics,
  replicates: ReplicateValues | undefined,
): MaterialResult {
  const end = (metric: string): string => `${metric}.${materialId}.endUse.${context.home}`;
  const stat = (id: string): ValueSummary => {
    const values = replicates?.get(id);
    if (values !== undefined) return summarizeValues(values);
    return summary.get(id) ?? summarizeValues([]);
  };
  const weeks = replicates?.get(end('shortfallWeeks'));
  const weeksShort = stat(end('shortfallWeeks'));
  return {
    materialId,
    runs: weeksShort.n,
    weeksShort,
    weeksShortIn90: weeks === undefined ? NaN : levelReachedInShare(weeks, 0.9),
    runsShort: weeks === undefined ? NaN : weeks.filter((w) => w > 0).length,
    lackingTonnes: stat(end('cumulativeShortfall')),
    worstWeekShare: stat(end('maxShortfallShare')),
    recoveryWeeks: stat(end('timeToRecoveryWeeks')),
    peakOutside: peakAt(context.priceStage(materialId)),
    secureShareProcessing: stat(`finalSecureSupplyShare.${materialId}.processing`),
    otherStagePeaks: otherStruckStages(materialId, context).map((stage) => ({ stage, peak: peakAt(stage) })).filter((s) => s.peak.n > 0),
  };

  function peakAt(stage: string): ValueSummary {
    return peakOutside(materialId, stage, context, replicates) ?? stat(`peakPriceMultiple.${materialId}.${stage}.${context.home}`);
  }
}

/** The traded stages other than the quoted one that the material's events strike, upstream first. */
function otherStruckStages(materialId: string, context: ResultContext): string[] {
  const struck = new Set(context.struckStages?.(materialId) ?? []);
  const quoted = context.priceStage(materialId);
  return TRADED_STAGES.filter((stage) => stage !== quoted && struck.has(stage));
}

/** Per run, the largest peak multiple over the segments outside the foreign region; undefined without data. */
function peakOutside(materialId: string, stage: string, context: ResultContext, replicates: ReplicateValues | undefined): ValueSummary | undefined {
  const columns = context.regions.filter((r) => r !== context.foreign)
    .map((r) => replicates?.get(`peakPriceMultiple.${materialId}.${stage}.${r}`))
    .filter((values): values is number[] => values !== undefined);
  if (columns.length === 0) return undefined;
  const runs = Math.min(...columns.map((c) => c.length));
  const maxima = Array.from({ length: runs }, (_, run) => Math.max(...columns.map((c) => c[run])));
  return summarizeValues(maxima);
}
