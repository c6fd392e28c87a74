import { ruleFor } from '../scenario/fieldRules.ts';
import { CALENDAR_YEAR_THRESHOLD } from '../scenario/parseTime.ts';
import { formatMoney } from './formatMoney.ts';
import { formatNumber } from './formatNumber.ts';
import { formatTypedValue } from './formatTypedValue.ts';

/** Words for the last part of a scenario path, where camelCase splitting reads badly. */
const WORDS: Record<string, string> = {
  growthPerYear: 'growth per year', maxThrift: 'thrifting limit', elasticityShortRun: 'short-run elasticity',
  elasticityLongRun: 'long-run elasticity', reversalProbability: 'probability of reversing a policy at each election', quotaShare: 'quota share',
  byRegion: 'by region', capacityByRegion: 'capacity by region', basePriceUsdPerTonne: 'base price',
};
const ROOTS: Record<string, string> = { government: 'Government', foreignActor: 'Foreign actor', behaviour: 'Behaviour', market: 'Market' };

/**
 * A scenario parameter path in words for charts and text: `materials.ndpr.demand.growthPerYear`
 * → `NdPr oxide: demand growth per year`; `events.cnQuotaNdpr.duration` → `cnQuotaNdpr: duration`;
 * region ids as written (`materials.ndpr.demand.byRegion.US` → `NdPr oxide: demand in US`).
 *
 * An event's parameter reads `<what the event acts on> (<its id>): <key>` where `eventSubject` knows
 * the event (`CN export quota on refined NdPr oxide (cnQuotaNdpr): quota share`: the id is what
 * `--grid` names, the words what a reader needs).
 *
 * @param path - Dotted scenario path as `sweep` writes it.
 * @param materialName - Maps material ids to names.
 * @param eventSubject - Maps an event id to what it acts on (eventSubjectOf), undefined where unknown.
 * @returns The label.
 * @example
 * describeParameter('government.reversalProbability', (id) => id); // 'Government: probability of reversing a policy at each election'
 */
export function describeParameter(path: string, materialName: (id: string) => string = (id) => id, eventSubject: (id: string) => string | undefined = () => undefined): string {
  const parts = path.split('.');
  // Region ids (US, ALLIES) keep their case; a region key under byRegion reads "in US" (audit 25 L6: "by region us").
  const words = (rest: string[]): string => rest.map((p) => WORDS[p] ?? (/^[A-Z][A-Z0-9_]*$/.test(p) ? p : p.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().replace(/\busd\b/g, 'USD')))
    .join(' ').replace(/\bby region ([A-Z][A-Z0-9_]*)$/, 'in $1');
  if (parts[0] === 'materials' && parts.length > 2) return `${materialName(parts[1])}: ${words(parts.slice(2))}`;
  const subject = parts[0] === 'events' && parts.length > 2 ? eventSubject(parts[1]) : undefined;
  if (subject !== undefined) return `${subject.charAt(0).toUpperCase()}${subject.slice(1)} (${parts[1]}): ${words(parts.slice(2))}`;
  if ((parts[0] === 'events' || parts[0] === 'regions') && parts.length > 2) return `${parts[1]}: ${words(parts.slice(2))}`;
  if (ROOTS[parts[0]] !== undefined && parts.length > 1) return `${ROOTS[parts[0]]}: ${words(parts.slice(1))}`;
  return words(parts);
}

/** The canonical unit a scenario value of each dimension is stored in, as written after the number. */
const UNITS: Record<string, string> = {
  mass: 't', flow: 't/yr', price: 'USD/t', capex: 'USD/(t/yr)', years: 'years', weeks: 'weeks', days: 'days',
};
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** A number typed without a unit, or a percentage. */
const PLAIN_RATE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?$/;
const PER: Record<string, string> = { Year: '/yr', Tick: '/tick', Week: '/week', Month: '/month', Day: '/day' };

/** The time a rate-like key is per, from its name (`…PerYear` → `/yr`, `…PerTick` → `/tick`), else ''. */
function perSuffix(key: string): string {
  const match = /Per(Year|Tick|Week|Month|Day)$/.exec(key);
  return match === null ? '' : PER[match[1]];
}

/**
 * The calendar date of an event time, as the loader reads dates (parseTime: months are twelfths of
 * the year, days fractions of their month): the month it falls in (`Jan 2027`), or the day (`19 Jan 2027`).
 */
function formatEventDate(startYear: number, years: number, withDay: boolean): string {
  const exact = (startYear + years) * 12;
  // Months since year 0; the rounding keeps float noise (2026-03 is 1 + 2/12 years) from crossing a month.
  const whole = Math.floor(Math.round(exact * 1e6) / 1e6);
  const year = Math.floor(whole / 12);
  const month = whole - year * 12;
  if (!withDay) return `${MONTHS[month]} ${year}`;
  const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(days, Math.floor(Math.max(0, exact - whole) * days + 1e-6) + 1);
  return `${day} ${MONTHS[month]} ${year}`;
}

/**
 * A parameter value as people read it: shares and probabilities (keys of the share dimension,
 * `…Share`, `…Probability`, `…Rate`, `maxThrift`) as percentages, with the time a rate-like key is
 * per (`growthPerYear` 4.95%/yr, `priceAdjustmentPerTick` 10%/tick, `discoveriesPerYear` 0.3/yr),
 * event times (years since the start, or calendar years from 1800) as the month they fall in
 * (`Jan 2027`, given the start year), money in USD (`USD 500 million`, `…/yr`), other quantities
 * with the unit the scenario stores them in (`30 days`, `1.5 years`, `20,000 t/yr`), plain numbers
 * to three significant digits; text as typed, a number and its unit spaced (`30days` → `30 days`,
 * formatTypedValue), a rate typed as `5%` or `0.05` with its time (`5%/yr`).
 *
 * @param path - The parameter's path (ids, as `sweep` writes it; its key decides the format).
 * @param value - The value (numbers in the key's canonical unit, times in years since the start).
 * @param startYear - The scenario's start year, for event times; without it they read `2.05 years after the start`.
 * @param withDay - Event times to the day (`19 Jan 2027`), to tell apart values in one month.
 * @returns The formatted value.
 * @example
 * formatParameterValue('materials.ndpr.demand.growthPerYear', 0.0495); // '4.95%/yr'
 * formatParameterValue('events.quota.end', 2.05, 2025); // 'Jan 2027'
 */
export function formatParameterValue(path: string, value: number | string, startYear = NaN, withDay = false): string {
  const last = path.split('.').at(-1) ?? '';
  const dimension = ruleFor(path.split('.'))?.dimension ?? 'number';
  const per = dimension === 'share' || dimension === 'number' ? perSuffix(last) : '';
  if (typeof value !== 'number') {
    const typed = formatTypedValue(value);
    // A rate typed without a unit of time (5%, 0.05) is per the key's time, as a number would be.
    return per !== '' && PLAIN_RATE.test(typed) ? `${typed}${per}` : typed;
  }
  if (!Number.isFinite(value)) return 'n/a';
  const minus = (text: string): string => text.replace(/^-/, '−');
  const number = minus(formatNumber(value));
  if (dimension === 'share' || /(Share|Probability|Rate|Thrift)$/i.test(last)) return `${minus(formatNumber(value * 100))}%${per}`;
  if (dimension === 'time') {
    // A number of 1800 or more is a calendar year, as the loader reads it (a grid value typed 2027 is 2027 in sweep.csv).
    const calendar = value >= CALENDAR_YEAR_THRESHOLD;
    if (!Number.isFinite(startYear)) return calendar ? String(value) : `${number} ${value === 1 ? 'year' : 'years'} after the start`;
    return formatEventDate(startYear, calendar ? value - startYear : value, withDay);
  }
  if (dimension === 'money' || dimension === 'moneyRate') return `${minus(formatMoney(value))}${dimension === 'money' ? '' : '/yr'}`;
  const unit = UNITS[dimension] ?? '';
  if (unit === '') return `${number}${per}`;
  return `${number} ${number === '1' && unit.endsWith('s') ? unit.slice(0, -1) : unit}`;
}

/**
 * The values a parameter takes (a tornado's low and high ends, a grid's levels) as people read them
 * (formatParameterValue), event times to the day when two of them fall in the same month
 * (`3 Jan 2027 … 28 Jan 2027`, not `Jan 2027 … Jan 2027`).
 *
 * @param path - The parameter's path.
 * @param values - Its values.
 * @param startYear - The scenario's start year, for event times.
 * @returns One label per value, in order.
 * @example
 * formatParameterValues('events.quota.end', [2.005, 2.075], 2025); // ['2 Jan 2027', '28 Jan 2027']
 */
export function formatParameterValues(path: string, values: readonly (number | string)[], startYear = NaN): string[] {
  const labels = values.map((value) => formatParameterValue(path, value, startYear));
  const numbers = values.flatMap((value, i) => (typeof value === 'number' ? [[value, labels[i]] as const] : []));
  const clash = new Set(numbers.map(([value]) => value)).size > new Set(numbers.map(([, label]) => label)).size;
  return clash ? values.map((value) => formatParameterValue(path, value, startYear, true)) : labels;
}

/** A value typed as a number with an optional unit after it (`8.43557 kt/yr`, `6.93871%`). */
const NUMBER_FIRST = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)(.*)$/s;

/**
 * Values drawn by a Latin hypercube (written with six significant digits: `8.43557 kt/yr`,
 * `6.93871%`) to the fewest significant digits, three or more, that keep different values
 * apart (`8.44 kt/yr`, `6.94%`), for labels; the unit as written. Text that is not a number
 * first is kept.
 *
 * @param values - The values of one parameter.
 * @returns One value per input, in order.
 * @example
 * roundDrawnValues(['8.43557 kt/yr', '6.16387 kt/yr']); // ['8.44 kt/yr', '6.16 kt/yr']
 */
export function roundDrawnValues(values: readonly (number | string)[]): (number | string)[] {
  const distinct = new Set(values).size;
  const round = (digits: number) => values.map((v) => {
    if (typeof v === 'number') return Number.isFinite(v) && v !== 0 ? Number(v.toPrecision(digits)) : v;
    const match = NUMBER_FIRST.exec(v);
    return match === null || !Number.isFinite(Number(match[1])) || Number(match[1]) === 0 ? v : `${Number(Number(match[1]).toPrecision(digits))}${match[2]}`;
  });
  for (let digits = 3; digits < 15; digits += 1) {
    const rounded = round(digits);
    if (new Set(rounded).size === distinct) return rounded;
  }
  return [...values];
}
