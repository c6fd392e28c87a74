import type { FieldRule } from './fieldRules.ts';
import { UNIT_TABLES } from './parseQuantity.ts';
import { MAX_MAGNITUDE } from './scenarioLimits.ts';

/**
 * JSON Schema of one numeric scenario key, from its field rule (fieldRules.ts) and the units the
 * loader accepts for its dimension (parseQuantity.ts, parseTime.ts), so that an editor catches what
 * it can: a unit of the wrong kind (`3000 tonnes` for a flow), a share above 100% (`quotaShare: 50`,
 * `150%`), a negative capacity, a fractional `ticksPerYear`. It must never refuse what the loader
 * accepts: where a range cannot be read from a string cheaply (exponents, maxima other than 1 or 0),
 * the string pattern is looser than the loader, never stricter. test/scenario/quantityJsonSchema.test.ts
 * checks the patterns against parseQuantity itself.
 */

type Json = Record<string, unknown>;

/** A number as parseQuantity's AMOUNT reads it, without sign. */
const AMOUNT = String.raw`(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;
/** A number with an exponent: its size is not checked by the patterns (looser than the loader). */
const EXPONENT = String.raw`(?:\d+(?:\.\d*)?|\.\d+)[eE][+-]?\d+`;
/** Zero, in any spelling. */
const ZERO = String.raw`(?:0+(?:\.0*)?|\.0+)(?:[eE][+-]?\d+)?`;
/** A number of at most 1 (bare shares). */
const AT_MOST_ONE = String.raw`(?:0*1(?:\.0*)?|0*\.\d+|0+(?:\.\d*)?|${EXPONENT})`;
/** A number of at most 100 (percentages of a share of at most 1). */
const AT_MOST_HUNDRED = String.raw`(?:0*100(?:\.0*)?|0*\d{1,2}(?:\.\d*)?|0*\.\d+|${EXPONENT})`;
/** A calendar date as parseTime reads it, months 1–12 and days 1–31 (31 February passes here; the loader refuses it). */
const DATE = String.raw`\d{4}(?:-(?:0?[1-9]|1[0-2])(?:-(?:0?[1-9]|[12]\d|3[01]))?)?`;

/** `unit` as a regular expression: specials escaped, its spaces any run of white space (the loader collapses them). */
function unitPattern(unit: string): string {
  return unit.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ /g, String.raw`\s+`);
}

/** The signed number `digits` allowed by the rule's sign: ≥ 0 refuses a minus (but `-0`), ≤ 0 a positive number. */
function signed(rule: FieldRule, digits: string): string {
  if (rule.min !== undefined && rule.min >= 0) return `(?:\\+?${digits}|-${ZERO})`;
  if (rule.max !== undefined && rule.max <= 0 && rule.min === undefined) return `(?:-${AMOUNT}|\\+?${ZERO})`;
  return `[+-]?${digits}`;
}

/** Units the loader accepts for a key of `rule`, longest first (so that `kt/yr` is not read as `kt`). */
export function acceptedUnits(rule: FieldRule): string[] {
  const dimension = rule.dimension === 'time' ? 'years' : rule.dimension;
  return Object.keys(UNIT_TABLES[dimension]).sort((a, b) => b.length - a.length);
}

/**
 * The string pattern of a key of `rule`: a number alone (read in the canonical unit), or a number
 * and one of the dimension's units; a time is also a date. `ranged` false drops the range (the
 * `sd`, `mean`, `mode`, `median` of a distribution).
 * Example: `quantityPattern({ dimension: 'flow', min: 0 })` matches `30 kt/yr`, `2000`, not `3000 tonnes`.
 */
export function quantityPattern(rule: FieldRule, ranged = true): string {
  const units = acceptedUnits(rule).map(unitPattern).join('|');
  if (rule.dimension === 'time') return `^\\s*(?:${DATE}|[+-]?${AMOUNT}(?:\\s*(?:${units}))?)\\s*$`;
  const r: FieldRule = ranged ? rule : { dimension: rule.dimension };
  const shareOfOne = r.dimension === 'share' && r.max !== undefined && r.max <= 1;
  const bare = signed(r, shareOfOne ? AT_MOST_ONE : AMOUNT);
  if (units === '') return `^\\s*${bare}\\s*$`;
  const withUnit = `${signed(r, shareOfOne ? AT_MOST_HUNDRED : AMOUNT)}\\s*(?:${units})`;
  return `^\\s*(?:${withUnit}|${bare})\\s*$`;
}

/** The plain-number schema of `rule`: its range (and integrality), else the loader's magnitude bound. */
export function numberSchema(rule: FieldRule, ranged = true): Json {
  const schema: Json = { type: ranged && rule.integer ? 'integer' : 'number' };
  if (rule.dimension === 'time') return schema;
  if (ranged && rule.min !== undefined) schema[rule.exclusiveMin ? 'exclusiveMinimum' : 'minimum'] = rule.min;
  else schema.minimum = -MAX_MAGNITUDE;
  if (ranged && rule.max !== undefined) schema[rule.exclusiveMax ? 'exclusiveMaximum' : 'maximum'] = rule.max;
  else schema.maximum = MAX_MAGNITUDE;
  return schema;
}

/** A value of `rule`: a plain number or a quantity string. */
function scalarSchema(rule: FieldRule, ranged: boolean): Json {
  return { anyOf: [numberSchema(rule, ranged), { type: 'string', pattern: quantityPattern(rule, ranged) }] };
}

/** Registers a shared schema under `name` (in `$defs`) and returns a reference to it. */
export type DefineSchema = (name: string, schema: Json) => Json;

/** Without `$defs`: the schema itself. */
const inline: DefineSchema = (_name, schema) => schema;

/**
 * The distributions a key of `rule` may take: every draw within the range, so the bounds (`min`,
 * `max`, `values`) carry the range, and a key with a minimum (maximum) needs a normal with `min`
 * (`max`); a lognormal, unbounded above, only where the key has no maximum (checkValues.ts).
 * `define` shares the value schemas between the variants.
 */
export function distributionJsonSchema(rule: FieldRule, define: DefineSchema = inline): Json {
  const base = quantityDefName(rule);
  const bound = define(`${base}_value`, scalarSchema(rule, true));
  const param = define(`${base}_parameter`, scalarSchema(rule, false));
  const sd = rule.dimension === 'time' ? define('quantity_years_parameter', scalarSchema({ dimension: 'years' }, false)) : param;
  const plain = { type: 'number', minimum: -MAX_MAGNITUDE, maximum: MAX_MAGNITUDE };
  // The loader drops null keys before it reads a distribution (stripNulls): an optional key may be null.
  const text = define('quantity_citation', { anyOf: [{ type: ['string', 'number'] }, { type: 'null' }] });
  const cite = { source: text, asOf: text };
  const optionalBound = define(`${base}_value_or_null`, { anyOf: [bound, { type: 'null' }] });
  const weights = define('quantity_weights', { anyOf: [{ type: 'array', items: plain }, { type: 'null' }] });
  const variant = (dist: string, properties: Json, required: string[]): Json => ({
    type: 'object', properties: { dist: { type: 'string', const: dist }, ...properties, ...cite },
    required: ['dist', ...required], additionalProperties: { type: 'null' },
  });
  const normalNeeds = [...(rule.min !== undefined ? ['min'] : []), ...(rule.max !== undefined ? ['max'] : [])];
  const orNull = (schema: Json): Json => ({ anyOf: [schema, { type: 'null' }] });
  // A file that extends another may change only some parameters of an inherited law (`{ max: 12% }`; mergeLocated.ts):
  // a map without `dist:`. In a file that extends none the loader refuses it; the schema, never stricter, lets it be.
  const parametersOnly: Json = {
    // `{}` too: the loader merges nothing into the inherited law (review 25, M2: with minProperties 1 the schema refused what the loader took).
    type: 'object', not: { required: ['dist'] }, additionalProperties: { type: 'null' },
    properties: {
      min: optionalBound, max: optionalBound, mode: orNull(param), mean: orNull(param), sd: orNull(sd), median: orNull(param), sigma: orNull(plain),
      values: orNull({ type: 'array', items: bound, minItems: 1 }), weights, ...cite,
    },
  };
  return {
    oneOf: [
      parametersOnly,
      variant('uniform', { min: bound, max: bound }, ['min', 'max']),
      variant('triangular', { min: bound, mode: param, max: bound }, ['min', 'mode', 'max']),
      variant('normal', { mean: param, sd, min: normalNeeds.includes('min') ? bound : optionalBound, max: normalNeeds.includes('max') ? bound : optionalBound }, ['mean', 'sd', ...normalNeeds]),
      ...(rule.max === undefined ? [variant('lognormal', { median: param, sigma: plain }, ['median', 'sigma'])] : []),
      variant('discrete', { values: { type: 'array', items: bound, minItems: 1 }, weights }, ['values']),
    ],
  };
}

/**
 * The JSON Schema of a numeric key of `rule`: a number in range, a quantity string in one of its
 * units, or (unless `fixed`: startYear, years, ticksPerYear) a distribution of them.
 */
export function quantityJsonSchema(rule: FieldRule, fixed = false, define: DefineSchema = inline): Json {
  const scalar = scalarSchema(rule, true).anyOf as Json[];
  return { anyOf: fixed ? scalar : [...scalar, distributionJsonSchema(rule, define)] };
}

/** A name for the `$defs` entry of `rule`, e.g. `quantity_flow_min0`. */
export function quantityDefName(rule: FieldRule, fixed = false): string {
  const parts = [`quantity_${rule.dimension}`];
  if (rule.min !== undefined) parts.push(`${rule.exclusiveMin ? 'gt' : 'min'}${rule.min}`);
  if (rule.max !== undefined) parts.push(`${rule.exclusiveMax ? 'lt' : 'max'}${rule.max}`);
  if (rule.integer) parts.push('integer');
  if (fixed) parts.push('fixed');
  return parts.join('_');
}
