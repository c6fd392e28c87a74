import { ruleFor } from '../scenario/fieldRules.ts';
import { type Dimension, parseQuantity } from '../scenario/parseQuantity.ts';
import { parseTime } from '../scenario/parseTime.ts';

/** Canonical unit of each dimension, as scenario values are stored after loading ('' = plain number). */
const CANONICAL_UNITS: Record<Dimension | 'time', string> = {
  mass: 't', flow: 't/yr', price: 'USD/t', capex: 'USD/(t/yr)', money: 'USD', moneyRate: 'USD/yr',
  years: 'yr', weeks: 'weeks', days: 'days', share: 'share', number: '', time: 'yr since start',
};

/**
 * A converted value without the float artefacts of the conversion (6.93871% → 0.0693871, not
 * 0.06938710000000001): rounded to 15 significant digits, which every typed value fits in.
 */
function tidy(value: number): number {
  return Number.isFinite(value) && value !== 0 ? Number(value.toPrecision(15)) : value;
}

/** A swept value in the canonical unit of its key. */
export interface CanonicalValue {
  /** The number in `unit`, or undefined when the value is not a quantity (e.g. a mode name). */
  value: number | undefined;
  /** Canonical unit of the key ('' for plain numbers and unknown keys). */
  unit: string;
}

/**
 * Converts a swept value as written (`30%`, `30 kt/yr`, `2027-01`) to the canonical unit of its
 * scenario key, as the loader does (docs: scenario format, units): 30% → 0.3 share, 30 kt/yr →
 * 30000 t/yr, an event time → years since 1 January of the start year; rounded to 15 significant
 * digits, so sweep-points.csv and sweep.json write 0.0693871 for 6.93871%, not 0.06938710000000001.
 *
 * @param path - The swept path (ids, as in `--set`).
 * @param text - The value as given.
 * @param startYear - The scenario's start year (for dates).
 * @returns The number and its unit.
 * @example
 * canonicalParameterValue('materials.ndpr.demand.growthPerYear', '5%', 2025); // { value: 0.05, unit: 'share' }
 */
export function canonicalParameterValue(path: string, text: string, startYear: number): CanonicalValue {
  const dimension = ruleFor(path.split('.'))?.dimension ?? 'number';
  const unit = CANONICAL_UNITS[dimension];
  if (dimension === 'time') {
    const time = parseTime(/^\s*[-+]?\d+(\.\d*)?\s*$/.test(text) ? Number(text) : text, startYear);
    return { value: time.ok ? tidy(time.value) : undefined, unit };
  }
  const quantity = parseQuantity(text, dimension);
  return { value: quantity.ok ? tidy(quantity.value) : undefined, unit };
}

/**
 * The canonical unit of a scenario key, as its values are stored after loading ('' for plain
 * numbers and unknown keys): the unit of a tornado's or a sweep's parameter values.
 *
 * @param path - The key's path (ids, as in `--set`).
 * @returns The unit, e.g. `share`, `t/yr`, `yr since start`.
 * @example
 * canonicalUnitOf('materials.ndpr.demand.growthPerYear'); // 'share'
 */
export function canonicalUnitOf(path: string): string {
  return CANONICAL_UNITS[ruleFor(path.split('.'))?.dimension ?? 'number'];
}
