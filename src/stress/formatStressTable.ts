import { formatReadableNumber } from '../compare/formatReadableNumber.ts';
import { formatTextTable } from '../compare/formatTextTable.ts';
import { rankStages } from './rankStages.ts';
import type { StressRun } from './runStress.ts';

/**
 * The readable ranking printed by `crm-sim stress`: stages by expected home shortfall, each with
 * the study's capability/intent, the disruption's probability, replicates hit, expected and
 * conditional shortfall impact (t, summed over materials) and expected policy-cost impact.
 *
 * @param run - From `runStress`.
 * @param replicates - Replicates per arm.
 * @returns Text ending in LF.
 * @example
 * process.stdout.write(formatStressTable(run, 100));
 */
export function formatStressTable(run: StressRun, replicates: number): string {
  const order = rankStages(run.stages, 'shortfall');
  const costRank = rankStages(run.stages, 'policyCost');
  const ci = (low: number, high: number) => `[${formatReadableNumber(low)}, ${formatReadableNumber(high)}]`;
  const rows = order.map(({ stage, rank }) => {
    const s = run.stages.find((x) => x.stage === stage)!;
    return [
      String(rank), stage, `${s.capability}/${s.intent}`, formatReadableNumber(s.probability), `${s.replicatesHit}/${replicates}`,
      formatReadableNumber(s.shortfall.expected.mean), ci(s.shortfall.expected.low, s.shortfall.expected.high),
      formatReadableNumber(s.shortfall.conditional.mean), formatReadableNumber(s.policyCost.expected.mean), String(costRank.find((r) => r.stage === stage)?.rank),
    ];
  });
  const header = ['rank', 'stage', 'cap/int', 'p', 'hit', 'E[Δ shortfall] t', '95% CI', 'Δ if hit', 'E[Δ policy cost] USD', 'cost rank'];
  return `stages by expected home end-use shortfall (all materials), paired against the undisturbed run\n${formatTextTable(header, rows, 3)}`;
}
