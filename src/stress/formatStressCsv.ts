import { formatCsvNumber } from '../outputs/formatCsvNumber.ts';
import { rankStages } from './rankStages.ts';
import type { StageStress } from './runStress.ts';

/** Header of `stress.csv`. */
export const STRESS_CSV_HEADER =
  'stage,capability,intent,probability,replicatesHit,n,measure,unit,expectedImpact,ciLow,ciHigh,conditionalImpact,conditionalCiLow,conditionalCiHigh,rank';

/** The measures of stress.csv in row order, with their units (stress.json states the same units). */
export const STRESS_MEASURES = [
  { measure: 'shortfall', unit: 't' },
  { measure: 'policyCost', unit: 'USD' },
  { measure: 'shortfallShare', unit: 'share' },
  { measure: 'economicCost', unit: 'USD' },
] as const;

/** Unit of each stress measure, as both stress files write it. */
export const STRESS_UNITS = Object.fromEntries(STRESS_MEASURES.map(({ measure, unit }) => [measure, unit])) as
  { [M in (typeof STRESS_MEASURES)[number] as M['measure']]: M['unit'] };

/**
 * Formats `stress.csv`: per stage (chain order) and measure (home end-use shortfall summed over
 * materials in t; home policy cost in USD; change in home end-use demand unmet as a value-weighted
 * share of the undisturbed run's demand;
 * home end users' economic cost in USD, see `runStress`), the study's capability and intent beside the
 * measured expected and conditional impact with 95% t intervals (expected = probability ×
 * conditional, bounds too), and the stage's rank by expected impact (1 = most damaging; equal
 * impacts share a rank). `replicatesHit` (the replicates a random draw said the disruption
 * struck, in versions before session 18) is kept, empty, so readers by position still find the
 * later columns in place: the expected impact no longer uses such draws.
 *
 * @param stages - From `runStress`.
 * @param replicates - Replicates per arm (n).
 * @returns The file's text, LF line ends.
 * @example
 * formatStressCsv(run.stages, 100);
 */
export function formatStressCsv(stages: readonly StageStress[], replicates: number): string {
  const lines = [STRESS_CSV_HEADER];
  const ranks = Object.fromEntries(STRESS_MEASURES.map(({ measure }) => [measure, rankStages(stages, measure)]));
  for (const s of stages) {
    for (const { measure, unit } of STRESS_MEASURES) {
      const { expected, conditional } = s[measure];
      lines.push([
        s.stage, ...[s.capability, s.intent, s.probability, NaN, replicates].map(formatCsvNumber), measure, unit,
        ...[expected.mean, expected.low, expected.high, conditional.mean, conditional.low, conditional.high].map(formatCsvNumber),
        String(ranks[measure].find((r) => r.stage === s.stage)?.rank),
      ].join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}
