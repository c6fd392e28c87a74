import { formatReadableNumber } from '../compare/formatReadableNumber.ts';
import { formatTextTable } from '../compare/formatTextTable.ts';
import type { FirstVsSecond } from './compareFirstAndSecond.ts';
import { NEAR_ZERO_FLOOR_RULE, nearZeroFloor } from './nearZeroFloor.ts';
import { rankStages } from './rankStages.ts';
import type { StressRun } from './runStress.ts';
import { nounOf } from '../text/countOf.ts';

/**
 * The readable ranking printed by `crm-sim stress`: stages by the expected increase in home end-use
 * demand left unmet as a value-weighted share of the undisturbed run's demand
 * (`computeShortfallShareChange`), each with the study's capability/intent, the disruption's
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
  // Near-zero figures as `~0`, not `0.0000000331`: below nearZeroFloor (audit 25, L5).
  const pointsFloor = columnFloor(run.stages.map((s) => s.shortfallShare.expected.mean * 100));
  const tonnesFloor = columnFloor(run.stages.map((s) => s.shortfall.expected.mean));
  let tiny = false;
  const readable = (value: number, floor: number): string => {
    if (value !== 0 && Math.abs(value) < floor) { tiny = true; return '~0'; }
    return formatReadableNumber(value);
  };
  const points = (share: number) => readable(share * 100, pointsFloor);
  const ci = (low: number, high: number) => `[${points(low)}, ${points(high)}]`;
  const rows = order.map(({ stage, rank }) => {
    const s = run.stages.find((x) => x.stage === stage)!;
    return [
      String(rank), stage, `${s.capability}/${s.intent}`, formatReadableNumber(s.probability),
      points(s.shortfallShare.expected.mean), ci(s.shortfallShare.expected.low, s.shortfallShare.expected.high),
      points(s.shortfallShare.conditional.mean), formatReadableNumber(s.economicCost.expected.mean), String(costRank.find((r) => r.stage === stage)?.rank),
      readable(s.shortfall.expected.mean, tonnesFloor),
    ];
  });
  const header = ['rank', 'stage', 'cap/int', 'p', 'E[Δ unmet] pp', '95% CI', 'Δ if struck', 'E[Δ cost] USD', 'cost rank', 'E[Δ shortfall] t'];
  const stripped = run.strippedEvents.length > 0 ? `; the scenario's threat events removed: ${run.strippedEvents.join(', ')}` : '';
  const leads = [describeStressLeadLine('share unmet', run.firstVsSecond.shortfallShare, points, ' pp', replicates),
    describeStressLeadLine('economic cost', run.firstVsSecond.economicCost, formatReadableNumber, ' USD', replicates)].filter((line) => line !== '');
  const table = formatTextTable(header, rows, 3);
  const legend = tiny ? `~0: smaller than ${formatReadableNumber(pointsFloor)} pp (unmet) or ${formatReadableNumber(tonnesFloor)} t (shortfall): ${NEAR_ZERO_FLOOR_RULE}\n` : '';
  return `stages by expected increase in home end-use demand unmet, as a share of the undisturbed run's demand (value-weighted over materials, percentage points), paired against the undisturbed run; ` +
    `expected = p × the impact if struck (every replicate is run with each disruption)${stripped}\n${table}${legend}${leads.map((line) => `${line}\n`).join('')}`;
}

/** {@link nearZeroFloor} of a column: smaller figures print as `~0`. */
function columnFloor(values: readonly number[]): number {
  return nearZeroFloor(Math.max(0, ...values.filter(Number.isFinite).map(Math.abs)));
}

/**
 * `by share unmet: endUse is clearly first, 0.995 pp above processing (95% CI [0.96, 1.03], paired, 20 replicates)`
 * or `… endUse and processing are not clearly apart: …`; '' without a comparison.
 */
export function describeStressLeadLine(what: string, comparison: FirstVsSecond | undefined, format: (value: number) => string, unit: string, replicates: number): string {
  if (comparison === undefined) return '';
  const { first, second, meanDifference, low, high, n } = comparison;
  const gap = `${format(meanDifference)}${unit} (95% CI [${format(low)}, ${format(high)}], paired over ${n} of ${replicates} ${nounOf(replicates, 'replicate')})`;
  return comparison.clearlyFirst ? `by ${what}: ${first} is clearly first, ahead of ${second} by ${gap}`
    : `by ${what}: ${first} and ${second} are not clearly apart: ${first} − ${second} = ${gap}, the interval reaches 0`;
}
