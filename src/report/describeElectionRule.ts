import { PAYBACK_YEARS } from '../../sim-core/index.ts';
import { formatNumber } from './formatNumber.ts';
import { formatPercent } from './formatPercent.ts';
import { formatScenarioDate } from './formatScenarioDate.ts';
import { isRecord } from './isRecord.ts';
import type { ScenarioOverview } from './readScenarioOverview.ts';

/** The home government's election rule as the report states it. */
export interface ElectionRule {
  /** Calendar years of the elections within the run (the first at start + interval). */
  elections: number[];
  /** One paragraph: interval, elections in the run, reversal probability, investors' discount. */
  text: (homeName: string) => string;
}

/**
 * Reads `government.electionEveryYears` and `government.reversalProbability` (a number or an
 * uncertain parameter's distribution) from the resolved scenario and says what they mean: when the
 * elections fall in the run, how likely each is to reverse a policy in force, and the share of
 * public support investors count on, (1 − p)^(payback years ÷ interval) (docs/model.md, investment).
 *
 * @param overview - The resolved scenario; without it the rule reads "not recorded".
 * @returns The elections and the paragraph.
 * @example
 * describeElectionRule(overview).text('the United States');
 */
export function describeElectionRule(overview: ScenarioOverview | undefined): ElectionRule {
  const government = isRecord(overview?.document.government) ? overview.document.government : {};
  const every = typeof government.electionEveryYears === 'number' ? government.electionEveryYears : NaN;
  const elections = electionYears(every, overview);
  const probability = describeProbability(government.reversalProbability);
  const survival = (p: number): number => Math.pow(1 - p, PAYBACK_YEARS / every);
  const discount = probability.low === probability.high
    ? formatPercent(survival(probability.low))
    : `${formatPercent(survival(probability.high))}–${formatPercent(survival(probability.low))}`;
  return {
    elections,
    text: (homeName) => {
      if (!(every > 0)) return `The scenario does not record ${homeName}'s election rule.`;
      const when = elections.length === 0 ? 'none falls within this run' : `${elections.map((y) => formatScenarioDate(0, y)).join(', ')} within this run`;
      const counted = Number.isFinite(probability.low) && Number.isFinite(probability.high)
        ? ` Investors know the risk: when they decide whether to build, they count the public support an election may reverse (price floors, capex subsidies, cheaper finance) at ${power(PAYBACK_YEARS / every, `${PAYBACK_YEARS}/${formatNumber(every)}`)} of its value, ${discount} here, the chance that it survives the elections of an ${PAYBACK_YEARS}-year payback.`
        : '';
      return `${homeName[0].toUpperCase()}${homeName.slice(1)} holds an election every ${every === 1 ? 'year' : `${formatNumber(every)} years`} (${when}). At each, every policy in force that an election may reverse (by default the home government's own: stockpiles, tariffs, subsidies, permitting reform, recycling mandates, workforce programmes, friend-shoring) is reversed with probability p = ${probability.text}; a reversed policy stops at once and does not return.${counted}`;
    },
  };
}

const SUPERSCRIPTS = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/** (1 − p) to a power: `(1 − p)²` for a whole exponent below 10, else `(1 − p)^(8/3)`. */
function power(exponent: number, fraction: string): string {
  return Number.isInteger(exponent) && exponent >= 0 && exponent < 10 ? `(1 − p)${SUPERSCRIPTS[exponent]}` : `(1 − p)^(${fraction})`;
}

/**
 * Calendar years of the elections within the run, at the engine's ticks: every
 * max(1, round(interval × ticks per year)) ticks from the start (advanceGovernment.ts), so an interval
 * that is not a whole number of ticks falls where the engine holds it, not at start + k × interval.
 */
function electionYears(every: number, overview: ScenarioOverview | undefined): number[] {
  const tpy = overview?.ticksPerYear ?? NaN;
  const ticks = Math.round((overview?.years ?? NaN) * tpy);
  const startYear = overview?.startYear ?? NaN;
  if (!(every > 0) || !(tpy > 0) || !Number.isFinite(ticks) || !Number.isFinite(startYear)) return [];
  const step = Math.max(1, Math.round(every * tpy));
  const years: number[] = [];
  for (let tick = step; tick < ticks; tick += step) years.push(startYear + tick / tpy);
  return years;
}

/** The reversal probability in words, with the bounds of p (equal for a fixed value, NaN when unknown). */
function describeProbability(value: unknown): { text: string; low: number; high: number } {
  if (typeof value === 'number') return { text: formatPercent(value), low: value, high: value };
  if (isRecord(value) && typeof value.min === 'number' && typeof value.max === 'number') {
    return { text: `${formatPercent(value.min)}–${formatPercent(value.max)} (drawn once per run, ${String(value.dist)})`, low: value.min, high: value.max };
  }
  if (isRecord(value) && typeof value.dist === 'string') return { text: `drawn once per run (${value.dist} distribution)`, low: NaN, high: NaN };
  return { text: 'not recorded', low: NaN, high: NaN };
}
