import { quoteText } from './quoteText.ts';

/**
 * Table-driven parser of quantity strings (`30 kt/yr`, `55 USD/kg`, `40%`) into a key's canonical
 * unit. A quantity is a number, optional spaces and one unit from the table of the key's dimension;
 * nothing is ever evaluated. Durations use the Julian year: 1 yr = 365.25 days, 1 month = 1/12 yr,
 * 1 week = 7 days.
 */

/** Unit families a numeric scenario key can have. `number` accepts plain numbers only. */
export type Dimension =
  | 'mass'
  | 'flow'
  | 'price'
  | 'capex'
  | 'money'
  | 'moneyRate'
  | 'years'
  | 'weeks'
  | 'days'
  | 'share'
  | 'number';

const DAYS_PER_YEAR = 365.25;
const POUNDS_PER_TONNE = 2204.62262185;

/** A conversion factor as a ratio, so that `40%` → 40 / 100 = 0.4 and `18 months` → 1.5 exactly. */
export type Factor = readonly [multiplier: number, divisor: number];

/** Duration units in days. */
const DAYS: Record<string, number> = {
  day: 1, days: 1, week: 7, weeks: 7, month: DAYS_PER_YEAR / 12, months: DAYS_PER_YEAR / 12,
  yr: DAYS_PER_YEAR, year: DAYS_PER_YEAR, years: DAYS_PER_YEAR,
};
const MONEY: Record<string, Factor> = {
  USD: [1, 1], kUSD: [1e3, 1], MUSD: [1e6, 1], 'M USD': [1e6, 1], 'bn USD': [1e9, 1], BUSD: [1e9, 1],
};

/** Duration table with `canonicalDays` as the unit. */
function durations(canonicalDays: number): Record<string, Factor> {
  return Object.fromEntries(Object.entries(DAYS).map(([unit, days]) => [unit, [days, canonicalDays] as const]));
}

/** Money per year: `50 MUSD/yr`, and plain money units read as per year. */
function moneyRateTable(): Record<string, Factor> {
  const perYear = Object.entries(MONEY).map(([unit, f]) => [`${unit}/yr`, f] as const);
  return { ...Object.fromEntries(perYear), ...MONEY };
}

/** Accepted units per dimension, as ratios to the canonical unit (the canonical unit first). */
export const UNIT_TABLES: Record<Dimension, Record<string, Factor>> = {
  mass: { t: [1, 1], kt: [1e3, 1], Mt: [1e6, 1], kg: [1, 1e3] },
  flow: {
    't/yr': [1, 1], 'kt/yr': [1e3, 1], 'Mt/yr': [1e6, 1], 'kg/yr': [1, 1e3], 't/month': [12, 1],
    'kt/month': [12e3, 1], 't/week': [DAYS_PER_YEAR, 7], 'kt/week': [DAYS_PER_YEAR * 1e3, 7],
  },
  price: { 'USD/t': [1, 1], 'USD/kg': [1e3, 1], 'USD/lb': [POUNDS_PER_TONNE, 1] },
  capex: { 'USD/(t/yr)': [1, 1], 'USD per t/yr': [1, 1] },
  money: MONEY,
  moneyRate: moneyRateTable(),
  years: durations(DAYS_PER_YEAR),
  weeks: durations(7),
  days: durations(1),
  share: { '%': [1, 100] },
  number: {},
};

/** Human description of each dimension with its canonical unit. */
export const DIMENSION_NAMES: Record<Dimension, string> = {
  mass: 'a mass in t', flow: 'a flow in t/yr', price: 'a price in USD/t',
  capex: 'a capital cost in USD/(t/yr)', money: 'an amount in USD', moneyRate: 'a spend in USD/yr',
  years: 'a duration in years', weeks: 'a duration in weeks', days: 'a duration in days',
  share: 'a share (0.4 or 40%)', number: 'a plain number',
};

/** Result of parsing: a canonical value, or what was expected and a note. */
export type QuantityResult =
  | { ok: true; value: number }
  | { ok: false; expected: string; note: string };

/**
 * The number at the start of a quantity. The unit is the trimmed rest: matching it in the same
 * regular expression (`\s*(.*?)\s*$`) backtracks quadratically on long runs of spaces.
 */
const AMOUNT = /^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)/;

/** A number with thousands separators (`3,000`, `1,250,000.5`), kept with its leading spaces and sign. */
const GROUPED = /^(\s*[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?)(?![\d,])/;

/** What a key of `dimension` accepts, e.g. `a flow in t/yr (units: t/yr, kt/yr, …)`. */
export function describeDimension(dimension: Dimension): string {
  const units = Object.keys(UNIT_TABLES[dimension]);
  return units.length ? `${DIMENSION_NAMES[dimension]} (units: ${units.join(', ')})` : DIMENSION_NAMES[dimension];
}

/** The dimension a unit belongs to, if any (for "wrong dimension" messages). */
export function dimensionOfUnit(unit: string): Dimension | undefined {
  const order: Dimension[] = ['mass', 'flow', 'price', 'capex', 'money', 'years', 'share'];
  return order.find((d) => Object.hasOwn(UNIT_TABLES[d], unit));
}

/**
 * Parses `text` as a quantity of `dimension` and returns it in the canonical unit.
 * A bare number (`"12.5"`) is read as already canonical.
 * Example: `parseQuantity('30 kt/yr', 'flow')` → `{ ok: true, value: 30000 }`.
 */
export function parseQuantity(text: string, dimension: Dimension): QuantityResult {
  const expected = describeDimension(dimension);
  const match = AMOUNT.exec(text);
  if (!match) return { ok: false, expected, note: 'not a number followed by a unit' };
  const amount = Number(match[1]);
  const unit = text.slice(match[0].length).trim().replace(/\s+/g, ' ');
  if (unit === '') return { ok: true, value: amount };
  const table = UNIT_TABLES[dimension];
  const factor = Object.hasOwn(table, unit) ? table[unit] : undefined;
  if (factor !== undefined) return { ok: true, value: (amount * factor[0]) / factor[1] };
  // `3,000 t/yr`: the number would end at the comma, and ",000 t/yr" read as an unknown unit.
  const grouped = GROUPED.exec(text);
  if (grouped) return { ok: false, expected, note: `no thousands separators: write ${quoteText((grouped[1].replace(/,/g, '') + text.slice(grouped[0].length)).trim())}` };
  const other = dimensionOfUnit(unit);
  const note = other
    ? `${quoteText(unit)} is ${DIMENSION_NAMES[other].replace(/ in .*| \(.*/, '')}, not ${DIMENSION_NAMES[dimension].replace(/ in .*| \(.*/, '')}`
    : `unknown unit ${quoteText(unit)}`;
  // `multiplier: 150%` on a plain-number key: say the number meant.
  const meant = other === 'share' && dimension === 'number' ? `; write ${Number((amount / 100).toPrecision(12))}` : '';
  return { ok: false, expected, note: note + meant };
}
