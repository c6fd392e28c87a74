import { formatReadableNumber } from '../compare/formatReadableNumber.ts';
import { formatTextTable } from '../compare/formatTextTable.ts';
import { rankStages } from './rankStages.ts';
import type { StressRun } from './runStress.ts';

/**
 * The readable ranking printed by `crm-sim stress`: stages by the expected value-weighted share of
 * home end-use demand left unmet, each with the study's capability/intent, the disruption's
 * probability, replicates hit, expected and conditional impact on that share (percentage points),
 * expected economic cost to home end users (their loss, `computeEndUserLoss`: extra spending on what
 * they still received + consumption the higher price removed + change in unmet demand)
 * with its rank, and the expected shortfall in tonnes summed over materials.
 *
 * @param run - From `runStress`.
 * @param replicates - Replicates per arm.
 * @returns Text ending in LF.
 * @example
 * process.stdout.write(formatStressTable(run, 100));
 */
export function formatStressTable(run: StressRun, replicates: number): string {
  const order = rankStages(run.stages, 'shortfallShare');
  const costRank = rankStages(run.stages, 'economicCost');
  const points = (share: number) => formatReadableNumber(share * 100);
  const ci = (low: number, high: number) => `[${points(low)}, ${points(high)}]`;
  const rows = order.map(({ stage, rank }) => {
    const s = run.stages.find((x) => x.stage === stage)!;
    return [
      String(rank), stage, `${s.capability}/${s.intent}`, formatReadableNumber(s.probability), `${s.replicatesHit}/${replicates}`,
      points(s.shortfallShare.expected.mean), ci(s.shortfallShare.expected.low, s.shortfallShare.expected.high),
      points(s.shortfallShare.conditional.mean), formatReadableNumber(s.economicCost.expected.mean), String(costRank.find((r) => r.stage === stage)?.rank),
      formatReadableNumber(s.shortfall.expected.mean),
    ];
  });
  const header = ['rank', 'stage', 'cap/int', 'p', 'hit', 'E[Δ unmet] pp', '95% CI', 'Δ if hit', 'E[Δ cost] USD', 'cost rank', 'E[Δ shortfall] t'];
  const stripped = run.strippedEvents.length > 0 ? `; the scenario's threat events removed: ${run.strippedEvents.join(', ')}` : '';
  return `stages by expected share of home end-use demand unmet (value-weighted over materials, percentage points), paired against the undisturbed run${stripped}\n${formatTextTable(header, rows, 3)}`;
}
