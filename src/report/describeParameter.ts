import { ruleFor } from '../scenario/fieldRules.ts';
import { formatMoney } from './formatMoney.ts';
import { formatNumber } from './formatNumber.ts';
import { formatScenarioDate } from './formatScenarioDate.ts';
import { formatTypedValue } from './formatTypedValue.ts';

/** Words for the last part of a scenario path, where camelCase splitting reads badly. */
const WORDS: Record<string, string> = {
  growthPerYear: 'growth per year', maxThrift: 'maximum thrifting', elasticityShortRun: 'short-run elasticity',
  elasticityLongRun: 'long-run elasticity', reversalProbability: 'probability of reversing a policy', quotaShare: 'quota share',
  byRegion: 'by region', capacityByRegion: 'capacity by region', basePriceUsdPerTonne: 'base price',
};
const ROOTS: Record<string, string> = { government: 'Government', foreignActor: 'Foreign actor', behaviour: 'Behaviour', market: 'Market' };

/**
 * A scenario parameter path in words for charts and text: `materials.ndpr.demand.growthPerYear`
 * → `NdPr oxide: demand growth per year`; `events.cnQuotaNdpr.duration` → `cnQuotaNdpr: duration`.
 *
 * @param path - Dotted scenario path as `sweep` writes it.
 * @param materialName - Maps material ids to names.
 * @returns The label.
 * @example
 * describeParameter('government.reversalProbability', (id) => id); // 'Government: probability of reversing a policy'
 */
export function describeParameter(path: string, materialName: (id: string) => string = (id) => id): string {
  const parts = path.split('.');
  const words = (rest: string[]): string => rest.map((p) => WORDS[p] ?? p.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().replace(/\busd\b/g, 'USD')).join(' ');
  if (parts[0] === 'materials' && parts.length > 2) return `${materialName(parts[1])}: ${words(parts.slice(2))}`;
  if ((parts[0] === 'events' || parts[0] === 'regions') && parts.length > 2) return `${parts[1]}: ${words(parts.slice(2))}`;
  if (ROOTS[parts[0]] !== undefined && parts.length > 1) return `${ROOTS[parts[0]]}: ${words(parts.slice(1))}`;
  return words(parts);
}

/** The canonical unit a scenario value of each dimension is stored in, as written after the number. */
const UNITS: Record<string, string> = {
  mass: 't', flow: 't/yr', price: 'USD/t', capex: 'USD/(t/yr)', years: 'years', weeks: 'weeks', days: 'days',
};

/**
 * A parameter value as people read it: growth rates as `4.95%/yr`, shares and probabilities
 * (keys of the share dimension, `…Share`, `…Probability`, `…Rate`, `maxThrift`) as percentages,
 * event times as dates (`Jan 2027`, given the start year), money in USD (`USD 500 million`, `…/yr`), other quantities with
 * the unit the scenario stores them in (`30 days`, `1.5 years`, `20,000 t/yr`), plain numbers to
 * three significant digits; text as typed, its number and unit spaced (`30days` → `30 days`).
 *
 * @param path - The parameter's path (ids, as `sweep` writes it; its key decides the format).
 * @param value - The value (numbers in the key's canonical unit, times in years since the start).
 * @param startYear - The scenario's start year, for event times; without it they read `2.05 years after the start`.
 * @returns The formatted value.
 * @example
 * formatParameterValue('materials.ndpr.demand.growthPerYear', 0.0495); // '4.95%/yr'
 * formatParameterValue('events.quota.end', 2, 2025); // 'Jan 2027'
 */
export function formatParameterValue(path: string, value: number | string, startYear = NaN): string {
  if (typeof value !== 'number') return formatTypedValue(value);
  if (!Number.isFinite(value)) return 'n/a';
  const last = path.split('.').at(-1) ?? '';
  const dimension = ruleFor(path.split('.'))?.dimension ?? 'number';
  const minus = (text: string): string => text.replace(/^-/, '−');
  const number = minus(formatNumber(value));
  if (/growthPerYear$/i.test(last)) return `${minus(formatNumber(value * 100))}%/yr`;
  if (dimension === 'share' || /(Share|Probability|Rate|Thrift)$/i.test(last)) return `${minus(formatNumber(value * 100))}%`;
  if (dimension === 'time') return Number.isFinite(startYear) ? formatScenarioDate(startYear, value) : `${number} years after the start`;
  if (dimension === 'money' || dimension === 'moneyRate') return `${minus(formatMoney(value))}${dimension === 'money' ? '' : '/yr'}`;
  const unit = UNITS[dimension] ?? '';
  if (unit === '') return number;
  return `${number} ${number === '1' && unit.endsWith('s') ? unit.slice(0, -1) : unit}`;
}
