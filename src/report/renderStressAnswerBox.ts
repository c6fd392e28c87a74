import { escapeHtml } from './escapeHtml.ts';
import type { StageStress, StressRunReading } from './readStressJson.ts';
import { describeDisagreement, describeFirst, describeNegativeCost, describeWeighting, rankOrder } from './summarizeStressRankings.ts';

/**
 * The answer box at the top of a stress report: which stage hurts most by each of the two rankings
 * of `crm-sim stress` (share of home demand unmet, economic cost to home end users), each first stage
 * with whether it is clearly ahead of the second (the file's paired test); whether the two rankings
 * agree and, when not, where each leader stands in the other; why a stage that leaves more demand
 * unmet can show a negative cost; that the weights are the study's ordinal score, an assumption, and
 * whether the unweighted order differs; and, first of all, when `--strip-events` removed the
 * scenario's own threat events, that the ranking is without them. Every figure is one the section
 * below shows. '' for a stress.json without the ranked measures (older layouts).
 *
 * @param stress - From `readStressJson`.
 * @param run - From `readStressRun` (stripped events), if read.
 * @returns HTML, or ''.
 * @example
 * renderStressAnswerBox(stress, await readStressRun(dir));
 * // '<div class="answer" …><p class="answer-h"><strong>Answer: which stage hurts most</strong></p><ul><li>By share of demand left unmet: end use (+0.530 percentage points), clearly ahead of processing …'
 */
export function renderStressAnswerBox(stress: ReadonlyMap<string, StageStress> | undefined, run: StressRunReading | undefined): string {
  if (stress === undefined || rankOrder(stress, 'shortfallShare').length === 0) return '';
  const stripped = run?.strippedEvents ?? [];
  const intro = stripped.length > 0
    ? `<p><strong>With the scenario’s own threat events removed</strong> (<code>--strip-events</code>: ${escapeHtml(stripped.join(', '))}): the stages are ranked by their standard disruptions alone, not on top of those events.</p>`
    : '';
  const lines = [
    `By share of home demand left unmet: ${describeFirst(stress, 'shortfallShare')}.`,
    ...(rankOrder(stress, 'economicCost').length > 0 ? [`By economic cost to home end users: ${describeFirst(stress, 'economicCost')}.`] : []),
    describeDisagreement(stress),
    describeNegativeCost(stress, true),
    describeWeighting(stress),
  ].filter((line) => line !== '');
  return '<div class="answer" id="answer" role="note" aria-label="Answer"><p class="answer-h"><strong>Answer: which stage hurts most</strong></p>' + intro +
    `<ul class="answer-lines">${lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>` +
    '<p class="note">A model under its stated assumptions, not forecasts. Every stage, its standard disruption and its intervals: <a href="#stress">Which stage hurts most</a>.</p></div>\n';
}
