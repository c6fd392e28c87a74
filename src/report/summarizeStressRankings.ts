import { countRuns } from './countRuns.ts';
import { formatDifference } from './formatDifference.ts';
import { formatDifferenceEstimateParts } from './formatDifferenceEstimate.ts';
import type { MeasuredImpact, StageStress } from './readStressJson.ts';

const CHAIN = ['discovery', 'mining', 'processing', 'manufacturing', 'endUse', 'recycling'];
const STAGE_NAMES: Record<string, string> = { endUse: 'end use' };

/** The two measures `crm-sim stress` ranks stages by. */
export type StressRanked = 'shortfallShare' | 'economicCost';

/** What each ranking is called in sentences, and the unit its differences are written in. */
export const RANKED_WORDS: Record<StressRanked, { what: string; unit: string }> = {
  shortfallShare: { what: 'share of demand unmet', unit: 'share' },
  economicCost: { what: 'economic cost', unit: 'USD' },
};

/** `end use` for `endUse`; other stages by their id. */
export function stageName(stage: string): string {
  return STAGE_NAMES[stage] ?? stage;
}

/** Stages with the measure, by the file's rank (ties and unranked stages in chain order after larger means). */
export function rankOrder(stress: ReadonlyMap<string, StageStress>, key: StressRanked): string[] {
  const rank = (stage: string): number => stress.get(stage)?.[key]?.rank ?? Infinity;
  const mean = (stage: string): number => stress.get(stage)?.[key]?.value ?? -Infinity;
  return [...stress.keys()].filter((stage) => stress.get(stage)?.[key] !== undefined)
    .sort((a, b) => rank(a) - rank(b) || mean(b) - mean(a) || chain(a) - chain(b));
}

/**
 * Stages by their impact if struck (stress.json's `conditional`, not weighted by the study's score),
 * largest first, ties in chain order; undefined when a stage lacks it (older files).
 */
export function conditionalOrder(stress: ReadonlyMap<string, StageStress>, key: StressRanked): string[] | undefined {
  const stages = [...stress.keys()].filter((stage) => stress.get(stage)?.[key] !== undefined);
  if (stages.length === 0 || stages.some((stage) => stress.get(stage)?.[key]?.conditional === undefined)) return undefined;
  const value = (stage: string): number => stress.get(stage)?.[key]?.conditional?.value ?? -Infinity;
  return stages.sort((a, b) => value(b) - value(a) || chain(a) - chain(b));
}

function chain(stage: string): number {
  return CHAIN.includes(stage) ? CHAIN.indexOf(stage) : CHAIN.length;
}

/** A mean with its 95% CI in words: `−USD 159 million, 95% CI −USD 0.9 billion to +USD 0.6 billion`. */
export function describeEstimate(impact: MeasuredImpact, unit: string): string {
  const shown = formatDifferenceEstimateParts(impact.value, impact.ciLow, impact.ciHigh, unit);
  return shown.range === undefined ? formatDifference(impact.value, unit) : `${formatDifference(impact.value, unit)}, 95% CI ${shown.range}`;
}

/**
 * The first stage of one ranking and whether it is clearly ahead of the second (the file's paired
 * test), as a clause: `end use, clearly ahead of processing (by +0.495 percentage points, 95% CI …,
 * paired over 12 runs)`; `processing and manufacturing, not clearly apart (…)`; without the test,
 * `end use has the largest mean (…); whether it is clearly ahead of … is not known`.
 */
export function describeFirst(stress: ReadonlyMap<string, StageStress>, key: StressRanked): string {
  const order = rankOrder(stress, key);
  if (order.length === 0) return '';
  const { unit } = RANKED_WORDS[key];
  const top = stress.get(order[0])?.[key] as MeasuredImpact;
  const value = formatDifference(top.value, unit);
  if (order.length < 2) return `${stageName(order[0])} (${value}), the only stage measured`;
  const test = top.firstVsSecond;
  if (test === undefined || test.second !== order[1]) return `${stageName(order[0])} has the largest mean (${value}); whether it is clearly ahead of ${stageName(order[1])} is not known (no paired comparison in this stress.json)`;
  const shown = formatDifferenceEstimateParts(test.meanDifference, test.ciLow, test.ciHigh, unit);
  const gap = `${shown.mean}, 95% CI ${shown.range ?? 'n/a'}, paired over ${countRuns(test.n)}`;
  return test.clearlyFirst ? `${stageName(order[0])} (${value}), clearly ahead of ${stageName(order[1])} (by ${gap})`
    : `${stageName(order[0])} (${value}) and ${stageName(order[1])}, not clearly apart (their paired difference, ${gap}, does not exclude 0)`;
}

/**
 * Whether the two rankings put the same stage first and, when not, where each leader stands in the
 * other ranking, with its figure there and whether that is distinguishable from 0; '' when a ranking is missing.
 */
export function describeDisagreement(stress: ReadonlyMap<string, StageStress>): string {
  const share = rankOrder(stress, 'shortfallShare');
  const cost = rankOrder(stress, 'economicCost');
  if (share.length === 0 || cost.length === 0) return '';
  if (share[0] === cost[0]) return `Both rankings put ${stageName(share[0])} first.`;
  const standing = (stage: string, key: StressRanked, order: readonly string[]): string => {
    const impact = stress.get(stage)?.[key] as MeasuredImpact;
    const place = order.indexOf(stage) + 1;
    const zero = impact.ciLow <= 0 && impact.ciHigh >= 0 ? ': not distinguishable from 0' : '';
    return `${place === order.length ? 'last' : `#${place}`} of ${order.length} by ${RANKED_WORDS[key].what} (${describeEstimate(impact, RANKED_WORDS[key].unit)}${zero})`;
  };
  // Three sentences, not one: with both leaders' figures and intervals the single sentence ran past 50 words.
  return `The two rankings disagree. ${capitalize(stageName(share[0]))} is ${standing(share[0], 'economicCost', cost)}. ` +
    `${capitalize(stageName(cost[0]))} is ${standing(cost[0], 'shortfallShare', share)}.`;
}

/**
 * The weights in plain words (the study's ordinal score ÷ 9, an assumption, not a measured
 * probability) and whether ranking by the impact if struck, unweighted, would order the stages
 * otherwise; '' when no stage has a weight.
 */
export function describeWeighting(stress: ReadonlyMap<string, StageStress>): string {
  const weights = [...stress.values()].filter((s) => s.weight !== undefined);
  if (weights.length === 0) return '';
  // Introduces the weights (the answer box had not said what "the weights" were) in words a policy reader knows ("ordinal" was not).
  const lead = 'Each stage’s expected impact is weighted by the study’s threat score (capability × intent, each rated 1–3) ÷ 9. ' +
    'Reading that score as the chance of the disruption is an assumption, not a measured probability, and the 95% CIs leave it out.';
  const moves = (['shortfallShare', 'economicCost'] as const).flatMap((key) => {
    const struck = conditionalOrder(stress, key);
    if (struck === undefined) return [];
    const weighted = rankOrder(stress, key);
    if (struck.join() === weighted.join()) return [`by ${RANKED_WORDS[key].what}, the order is the same`];
    // In words ("processing moves from #2 to #3 and mining from #3 to #2"), not arrows a reader has to decode.
    const moved = weighted.filter((stage) => struck.indexOf(stage) !== weighted.indexOf(stage))
      .map((stage, i) => `${stageName(stage)}${i === 0 ? ' moves' : ''} from #${weighted.indexOf(stage) + 1} to #${struck.indexOf(stage) + 1}`);
    const listed = moved.length < 2 ? moved.join('') : `${moved.slice(0, -1).join(', ')} and ${moved[moved.length - 1]}`;
    return [`by ${RANKED_WORDS[key].what}, ${listed}${struck[0] !== weighted[0] ? `, so ${stageName(struck[0])} comes first` : ''}`];
  });
  if (moves.length === 0) return lead;
  if (moves.length === 2 && moves.every((move) => move.endsWith('the order is the same'))) return `${lead} Without the weights (impact if struck), both rankings keep their order.`;
  return `${lead} Without the weights (impact if struck): ${moves.join('; ')}.`;
}

/**
 * Why a stage can leave clearly more demand unmet yet cost end users less than nothing (audit 25,
 * L9): its economic cost's parts, when the file has them and the extra spending is negative
 * (`brief`: the figures only, for the answer box). In this
 * model a home market's price is that of its trading pool (docs/model.md, Segments and pools): a ban on
 * the actor's exports to the home region alone cuts its buyers off while the pool's price, which they
 * still pay for what they get, need not rise, and on top of the scenario's own quota it fell (the
 * actor's quota'd tonnes went to the pool's other members). The cost is a total over the whole run,
 * undiscounted, so later price differences between the two arms count too.
 *
 * @returns One sentence per such stage ('' for none).
 */
export function describeNegativeCost(stress: ReadonlyMap<string, StageStress>, brief = false): string {
  return [...stress].flatMap(([stage, s]) => {
    const share = s.shortfallShare;
    const cost = s.economicCost;
    const extra = s.costParts?.extraSpending;
    const unmet = s.costParts?.unmetValueAtPrice;
    if (share === undefined || cost === undefined || extra === undefined || !(share.ciLow > 0) || !(cost.value < 0) || !(extra.value < 0)) return [];
    const unmetText = unmet === undefined ? '' : `its unmet demand costs end users ${formatDifference(unmet.value, 'USD')}, but `;
    if (brief) {
      return [`${capitalize(stageName(stage))} leaves clearly more demand unmet yet its economic cost is negative (${formatDifference(cost.value, 'USD')}): the average price home end users paid over the run was lower with it ` +
        `(${formatDifference(extra.value, 'USD')} on what they still received${unmet === undefined ? '' : `, against ${formatDifference(unmet.value, 'USD')} for their unmet demand`}); why, below.`];
    }
    // The pooled-price cause fits a disruption aimed at the home region alone: end use's standard disruption, a ban on
    // components to it (describeStressDisruption). Another stage's quota hits every destination: no cause is claimed for it (review 25, M4).
    const cause = stage === 'endUse'
      ? 'because in this model home buyers pay their trading pool’s price, which a disruption aimed at them alone need not raise (on top of the scenario’s own export controls it can even lower it, their share of the controlled exports going to the pool’s other members), ' +
        'and the cost is an undiscounted total over the whole run, so later price differences between the paired runs count too.'
      : 'a lower price over the run than without it, whose cause this report does not tell apart (the cost is an undiscounted total over the whole run, so later price differences between the paired runs count too; README, the stress section).';
    return [`${capitalize(stageName(stage))} leaves clearly more demand unmet yet its economic cost is negative (${formatDifference(cost.value, 'USD')}): ${unmetText}` +
      `they pay ${formatDifference(-extra.value, 'USD').replace(/^\+/, '')} less for what they still receive, ${stage === 'endUse' ? cause : `from ${cause}`}`];
  }).join(' ');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
