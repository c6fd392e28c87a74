import { countRuns } from './countRuns.ts';
import { formatNumber } from './formatNumber.ts';
import { formatPercent } from './formatPercent.ts';
import type { ExceedanceReading } from './readExceedance.ts';

/**
 * The chance of a severe, lasting shortage in words, from `summary.json`'s default exceedance row
 * P(longestSevereShortfallWeeks > threshold) for one material at the home region's end users.
 *
 * @param rows - The exceedance rows of the folder.
 * @param material - Material id.
 * @param home - Home region id.
 * @param who - The home region in a sentence ("the United States").
 * @param materialName - The material in a sentence.
 * @returns The sentence, or undefined when the folder has no such row.
 * @example
 * describeSevereShortage(rows, 'ndpr', 'US', 'the United States', 'NdPr oxide');
 * // 'The chance that end users in the United States go without more than 10% of their NdPr oxide demand for more than 8 weeks in a row: 3% (95% CI 1% to 8%; 3 of 100 runs).'
 */
export function describeSevereShortage(rows: readonly ExceedanceReading[], material: string, home: string, who: string, materialName: string): string | undefined {
  const row = rows.find((r) => r.metric === 'longestSevereShortfallWeeks' && r.material === material && r.stage === 'endUse' && r.region === home);
  if (row === undefined || !(row.n > 0)) return undefined;
  const weeks = formatNumber(row.threshold);
  const runs = Math.round(row.probability * row.n).toLocaleString('en-US');
  return `The chance that end users in ${who} go without more than 10% of their ${materialName} demand for more than ${weeks} ${weeks === '1' ? 'week' : 'weeks'} in a row: ` +
    `${formatPercent(row.probability)} (95% CI ${formatPercent(row.ciLow)} to ${formatPercent(row.ciHigh)}; ${runs} of ${countRuns(row.n)}).`;
}
