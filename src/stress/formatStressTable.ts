import { formatReadableNumber } from '../compare/formatReadableNumber.ts';
import { formatTextTable } from '../compare/formatTextTable.ts';
import type { FirstVsSecond } from './compareFirstAndSecond.ts';
import { rankStages } from './rankStages.ts';
import type { StressRun } from './runStress.ts';

/**
 * The readable ranking printed by `crm-sim stress`: stages by the expected value-weighted share of
 * home end-use demand left unmet, each with the study's capability/intent, the disruption's
 * probability p, expected impact on that share (p × the impact if struck, percentage points) with
 * its 95% CI and the impact if struck, expected economic cost to home end users (their loss,
 * `computeEndUserLoss`: extra spending on what they still received + consumption the higher price
 * removed + change in unmet demand) with its rank, and the expected shortfall in tonnes summed over
 * materials; then, per ranking, whether the first stage is clearly ahead of the second (paired
 * test, `compareFirstAndSecond`).
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
      String(rank), stage, `${s.capability}/${s.intent}`, formatReadableNumber(s.probability),
      points(s.shortfallShare.expected.mean), ci(s.shortfallShare.expected.low, s.shortfallShare.expected.high),
      points(s.shortfallShare.conditional.mean), formatReadableNumber(s.economicCost.expected.mean), String(costRank.find((r) => r.stage === stage)?.rank),
      formatReadableNumber(s.shortfall.expected.mean),
    ];
  });
  const header = ['rank', 'stage', 'cap/int', 'p', 'E[Δ unmet] pp', '95% CI', 'Δ if struck', 'E[Δ cost] USD', 'cost rank', 'E[Δ shortfall] t'];
  const stripped = run.strippedEvents.length > 0 ? `; the scenario's threat events removed: ${run.strippedEvents.join(', ')}` : '';
  const leads = [describeStressLeadLine('share unmet', run.firstVsSecond.shortfallShare, points, ' pp', replicates),
    describeStressLeadLine('economic cost', run.firstVsSecond.economicCost, formatReadableNumber, ' USD', replicates)].filter((line) => line !== '');
  return `stages by expected share of home end-use demand unmet (value-weighted over materials, percentage points), paired against the undisturbed run; ` +
    `expected = p × the impact if struck (every replicate is run with each disruption)${stripped}\n${formatTextTable(header, rows, 3)}${leads.map((line) => `${line}\n`).join('')}`;
}

/**
 * `by share unmet: endUse is clearly first, 0.995 pp above processing (95% CI [0.96, 1.03], paired, 20 replicates)`
 * or `… endUse and processing are not clearly apart: …`; '' without a comparison.
 */
export function describeStressLeadLine(what: string, comparison: FirstVsSecond | undefined, format: (value: number) => string, unit: string, replicates: number): string {
  if (comparison === undefined) return '';
  const { first, second, meanDifference, low, high, n } = comparison;
  const gap = `${format(meanDifference)}${unit} (95% CI [${format(low)}, ${format(high)}], paired over ${n} of ${replicates} replicates)`;
  return comparison.clearlyFirst ? `by ${what}: ${first} is clearly first, ahead of ${second} by ${gap}`
    : `by ${what}: ${first} and ${second} are not clearly apart: ${first} − ${second} = ${gap}, the interval reaches 0`;
}
