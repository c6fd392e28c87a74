import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'yaml';
import { inRange, ruleFor, type FieldRule } from '../../src/scenario/fieldRules.ts';
import { parseQuantity, UNIT_TABLES } from '../../src/scenario/parseQuantity.ts';
import { parseTime } from '../../src/scenario/parseTime.ts';
import { quantityPattern } from '../../src/scenario/quantityJsonSchema.ts';
import { scenarioJsonSchema } from '../../src/scenario/scenarioSchema.ts';
import { checkJsonSchema } from './miniJsonSchema.ts';

const schema = scenarioJsonSchema() as Record<string, unknown>;
const readYaml = (file: string): unknown => parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { schema: 'core' }) ?? null;
const check = (doc: unknown) => checkJsonSchema(schema, doc);

/** A file that extends the baseline and sets `tree`. */
const child = (tree: Record<string, unknown>) => ({ extends: 'baseline.yaml', name: 't', ...tree });
const set = (path: string, value: unknown): Record<string, unknown> => {
  const keys = path.split('.');
  return keys.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value) as Record<string, unknown>;
};
const event = (e: Record<string, unknown>) => child({ events: { t1: { start: '2026-01', ...e } } });
const exportControl = (e: Record<string, unknown>) => event({ kind: 'exportControl', material: 'ndpr', stage: 'processing', exporter: 'CN', ...e });

/** Paths of keys of every kind of rule: each dimension, ranges of 0–1, ≥ 0, ≥ −1, ≤ 0, integers, times. */
const RULE_PATHS = [
  'materials.x.mining.capacityByRegion.US', 'materials.x.basePriceUsdPerTonne.mining', 'materials.x.mining.unitCostUsdPerTonne',
  'materials.x.mining.capexUsdPerTonnePerYear', 'foreignActor.rules.budgetUsd', 'events.x.costUsdPerYear', 'years',
  'materials.x.mining.expansionLeadYears', 'behaviour.investmentReviewWeeks', 'events.x.targetDays', 'materials.x.demand.publicShare',
  'events.x.priceCut', 'events.x.rate', 'materials.x.demand.growthPerYear', 'materials.x.demand.elasticityShortRun',
  'behaviour.riskAversion', 'ticksPerYear', 'startYear', 'foreignActor.threat.mining.capability', 'events.x.start',
  'behaviour.greenfieldPlantMinWorldShare', 'materials.x.mining.yield', 'events.x.multiplier',
];
const rules = RULE_PATHS.map((path) => [path, ruleFor(path.split('.')) as FieldRule] as const);

/** Whether the loader accepts `text` for a key of `rule` (unit conversion, then range). */
function loaderAccepts(rule: FieldRule, text: string): boolean {
  if (rule.dimension === 'time') return parseTime(text, 2025).ok;
  const result = parseQuantity(text, rule.dimension);
  return result.ok && inRange(rule, result.value);
}

const ALL_UNITS = [...new Set(Object.values(UNIT_TABLES).flatMap((table) => Object.keys(table)))];

describe('the JSON Schema accepts what the loader accepts', () => {
  it('has a rule for every path the tests use', () => {
    for (const [path, rule] of rules) expect(rule, path).toBeDefined();
  });

  it('matches every quantity string the loader accepts for a key (generated: signs, number forms, spaces, every unit, dates)', () => {
    const digits = fc.constantFrom('0', '00', '1', '5', '50', '99.9', '100', '100.0', '150', '0.5', '.5', '5.', '1e1', '1E-2', '2.5e+3', '2026', '1800');
    const sign = fc.constantFrom('', '+', '-');
    const space = fc.constantFrom('', ' ', '  ', '\t');
    const unit = fc.constantFrom('', ...ALL_UNITS, ...ALL_UNITS.map((u) => u.replace(' ', '   ')), 'tonnes', 'kt', 'percent', '-07', '-13', '-07-15', '-02-30', '/yr');
    const text = fc.tuple(space, sign, digits, space, unit, space).map((parts) => parts.join(''));
    fc.assert(fc.property(fc.constantFrom(...rules), text, ([path, rule], value) => {
      if (!loaderAccepts(rule, value)) return;
      if (!new RegExp(quantityPattern(rule), 'u').test(value)) throw new Error(`${path}: the pattern refuses ${JSON.stringify(value)}, which the loader accepts`);
    }), { numRuns: 20000 });
  });

  it('accepts each unit spelling of each dimension, in full files and in distributions', () => {
    const keyOf: Record<string, (v: unknown) => unknown> = {
      flow: (v) => child(set('materials.ndpr.mining.capacityByRegion.US', v)),
      price: (v) => child(set('materials.ndpr.mining.unitCostUsdPerTonne', v)),
      capex: (v) => child(set('materials.ndpr.mining.capexUsdPerTonnePerYear', v)),
      money: (v) => child(set('foreignActor.rules.budgetUsd', v)),
      moneyRate: (v) => event({ kind: 'tariff', material: 'ndpr', stage: 'processing', importer: 'US', rate: '25%', costUsdPerYear: v }),
      years: (v) => child(set('materials.ndpr.mining.expansionLeadYears', v)),
      weeks: (v) => child(set('behaviour.investmentReviewWeeks', v)),
      days: (v) => event({ kind: 'stockpile', material: 'ndpr', region: 'US', targetDays: v }),
      share: (v) => child(set('materials.ndpr.demand.publicShare', v)),
    };
    for (const [dimension, make] of Object.entries(keyOf)) {
      for (const unit of Object.keys(UNIT_TABLES[dimension as keyof typeof UNIT_TABLES])) {
        for (const value of [`5 ${unit}`, `5${unit}`, `  5  ${unit.replace(' ', '  ')} `, `+.5 ${unit}`, `5e0 ${unit}`, `-0 ${unit}`]) {
          expect(check(make(value)), `${dimension} ${value}`).toBeUndefined();
        }
        expect(check(make({ dist: 'uniform', min: `1 ${unit}`, max: `3 ${unit}` })), `${dimension} uniform ${unit}`).toBeUndefined();
        expect(check(make({ dist: 'discrete', values: [`1 ${unit}`, 0.02, '0.03'] })), `${dimension} discrete ${unit}`).toBeUndefined();
        expect(check(make({ dist: 'normal', mean: `2 ${unit}`, sd: `1 ${unit}`, min: `0 ${unit}`, max: `3 ${unit}` })), `${dimension} normal ${unit}`).toBeUndefined();
      }
      expect(check(make(0.05)), `${dimension} number`).toBeUndefined();
      expect(check(make('0.05')), `${dimension} bare string`).toBeUndefined();
    }
  });

  it('accepts dates, durations and years as event times, and an event duration', () => {
    const tariff = (e: Record<string, unknown>) => event({ kind: 'tariff', material: 'ndpr', stage: 'processing', importer: 'US', rate: '25%', ...e });
    for (const start of [2026, 2026.5, '2026', '2026-07', '2026-7', '2026-07-15', '18 months', '1.5 yr', '6 weeks', '90 days', 1.5, '0.5',
      { dist: 'uniform', min: '2026-01', max: '2027-06' }, { dist: 'normal', mean: '2026-06', sd: '3 months' }]) {
      expect(check(tariff({ start })), JSON.stringify(start)).toBeUndefined();
    }
    for (const duration of ['18 months', '2 years', '6 weeks', 1.5]) expect(check(tariff({ duration })), String(duration)).toBeUndefined();
  });

  it('accepts keys a mode does not read at their default, and null for any optional key (the loader drops nulls)', () => {
    for (const e of [{ mode: 'ban', quotaShare: 1 }, { mode: 'ban', quotaShare: '100%' }, { mode: 'ban', delayYears: '0 months' }, { mode: 'ban', quotaShare: null },
      { mode: 'quota', quotaTonnesPerYear: '5 kt/yr' }, { mode: 'quota', quotaTonnesPerYear: '5 kt/yr', quotaShare: '100%' }, { mode: 'quota', quotaTonnesPerYear: '5 kt/yr', quotaShare: null },
      { mode: 'licensing', approvalRate: '80%', delayYears: '3 months' }, { end: null, duration: '1 year' }]) {
      expect(check(exportControl(e)), JSON.stringify(e)).toBeUndefined();
    }
    const full = readYaml('test/fixtures/scenarios/minimal.yaml') as Record<string, unknown>;
    expect(check({ ...full, behaviour: null, typo: null })).toBeUndefined();
    expect(check(child(set('materials.ndpr.exploration.spendElasticity', { dist: 'normal', mean: 0.5, sd: 0.1, min: null, source: null, typo: null })))).toBeUndefined();
    expect(check(child(set('materials.ndpr.demand.growthPerYear', { dist: 'normal', mean: 0.03, sd: 0.01, min: null })))).toBeDefined();
  });

  it('accepts a map without dist: that changes some parameters of an inherited law, in range (mergeLocated)', () => {
    expect(check(child(set('materials.ndpr.demand.growthPerYear', { max: '12%' })))).toBeUndefined();
    expect(check(child(set('materials.ndpr.demand.growthPerYear', {})))).toBeUndefined();
    expect(check(exportControl({ mode: 'quota', quotaShare: { min: '30%', max: '60%' } }))).toBeUndefined();
    expect(check(exportControl({ mode: 'quota', quotaShare: { max: '150%' } }))).toBeDefined();
    expect(check(exportControl({ mode: 'quota', quotaShare: { maximum: '60%' } }))).toBeDefined();
  });

  it('accepts every shipped scenario, the calibration episodes and the fixtures', () => {
    const files = [
      ...readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).map((f) => `scenarios/${f}`),
      ...readdirSync('scenarios/calibration').filter((f) => f.endsWith('.yaml') && f !== 'calibrate.yaml').map((f) => `scenarios/calibration/${f}`),
      ...['minimal', 'child', 'grandchild', 'losingStage'].map((f) => `test/fixtures/scenarios/${f}.yaml`),
    ];
    expect(files.length).toBeGreaterThan(25);
    for (const file of files) expect(check(readYaml(file)), file).toBeUndefined();
  });
});

describe('the JSON Schema refuses what an editor can see is wrong', () => {
  it.each([
    ['quotaShare: 50 (a percentage without %)', exportControl({ mode: 'quota', quotaShare: 50 })],
    ['quotaShare: 50 percent', exportControl({ mode: 'quota', quotaShare: '50 percent' })],
    ['quotaShare: "50"', exportControl({ mode: 'quota', quotaShare: '50' })],
    ['a flow in tonnes', child(set('materials.ndpr.mining.capacityByRegion.US', '3000 tonnes'))],
    ['a flow in kt/year', child(set('materials.ndpr.mining.capacityByRegion.US', '3 kt/year'))],
    ['a flow as a mass', child(set('materials.ndpr.mining.capacityByRegion.US', '20 kt'))],
    ['a flow with a thousands separator', child(set('materials.ndpr.mining.capacityByRegion.US', '3,000 t/yr'))],
    ['a negative capacity', child(set('materials.ndpr.mining.capacityByRegion.US', -5))],
    ['money in words', child(set('foreignActor.rules.budgetUsd', '1.5 billion USD'))],
    ['a negative duration', event({ kind: 'demandShock', material: 'ndpr', multiplier: 2, duration: '-6 months' })],
    ['month 13', event({ kind: 'demandShock', material: 'ndpr', multiplier: 2, start: '2026-13' })],
    ['collectionShare: 150%', child(set('materials.ndpr.recycling.collectionShare', '150%'))],
    ['a positive elasticity', child(set('materials.ndpr.demand.elasticityShortRun', 0.3))],
    ['reversalProbability: 30', child(set('government.reversalProbability', 30))],
    ['a percentage on a plain-number key', event({ kind: 'demandShock', material: 'ndpr', multiplier: '150%' })],
    ['durationMultiplier: 50%', event({ kind: 'permittingReform', region: 'US', durationMultiplier: '50%' })],
    ['years drawn from a distribution', child({ years: { dist: 'uniform', min: 5, max: 10 } })],
    ['ticksPerYear: 52.5', child({ ticksPerYear: 52.5 })],
    ['years: 0', child({ years: 0 })],
    ['a share drawn from an unbounded normal', child(set('materials.ndpr.demand.publicShare', { dist: 'normal', mean: 0.05, sd: 0.01 }))],
    ['mode ban with quotaShare 50%', exportControl({ mode: 'ban', quotaShare: '50%' })],
    ['mode quota with a licensing delay', exportControl({ mode: 'quota', quotaShare: '50%', delayYears: 1 })],
    ['a stochastic rate on a scripted attack', event({ kind: 'cyberattack', mode: 'scripted', stage: 'mining', region: 'CN', facilityShare: 0.1, downtimeYears: 0.1, ratePerYear: 2 })],
    ['a magnitude beyond 1e15', event({ kind: 'demandShock', material: 'ndpr', multiplier: 1e300 })],
    ['both end and duration', event({ kind: 'demandShock', material: 'ndpr', multiplier: 2, end: '2027-01', duration: '1 year' })],
    ['a duration beside a drawn start', event({ kind: 'demandShock', material: 'ndpr', multiplier: 2, start: { dist: 'uniform', min: 1, max: 2 }, duration: '1 year' })],
    ['a duration of 0', event({ kind: 'demandShock', material: 'ndpr', multiplier: 2, duration: 0 })],
    ['a quota share and a quota tonnage', exportControl({ mode: 'quota', quotaShare: '50%', quotaTonnesPerYear: '5 kt/yr' })],
  ])('%s', (_label, doc) => {
    expect(check(doc)).toBeDefined();
  });

  it('requires the key a mode needs in a complete file', () => {
    const full = readYaml('test/fixtures/scenarios/minimal.yaml') as Record<string, Record<string, unknown>>;
    const material = Object.keys(full.materials)[0];
    const [exporter] = Object.keys(full.regions);
    const quota = { kind: 'exportControl', material, stage: 'processing', exporter, start: 1, mode: 'quota' };
    expect(check({ ...full, events: { q: quota } })).toMatch(/quotaShare|quotaTonnesPerYear/);
    expect(check({ ...full, events: { q: { ...quota, quotaShare: '50%' } } })).toBeUndefined();
  });

  it('patterns refuse units of another dimension and shares above 100%', () => {
    const pattern = (path: string) => new RegExp(quantityPattern(ruleFor(path.split('.')) as FieldRule), 'u');
    expect(pattern('materials.x.mining.capacityByRegion.US').test('30 kt/yr')).toBe(true);
    for (const bad of ['30 kt', '30 USD', '30 kt / yr', '30 tpa', 'lots', '']) expect(pattern('materials.x.mining.capacityByRegion.US').test(bad), bad).toBe(false);
    for (const bad of ['150%', '100.5%', '1.5', '-5%', '5 %%']) expect(pattern('materials.x.demand.publicShare').test(bad), bad).toBe(false);
    for (const bad of ['5%', '5 years', '5 USD']) expect(pattern('events.x.multiplier').test(bad), bad).toBe(false);
    for (const bad of ['0.3', '+1']) expect(pattern('materials.x.demand.elasticityShortRun').test(bad), bad).toBe(false);
    for (const bad of ['2026-13', '2026-00', '2026-07-32', '2026/07', 'July 2026']) expect(pattern('events.x.start').test(bad), bad).toBe(false);
  });
});

describe('the JSON Schema describes every key', () => {
  it('gives hover text to every key outside events (meaning, unit and range, default)', () => {
    const text = JSON.stringify(schema);
    expect(text).toContain('Demand growth per year (5% = +5%/yr). Unit: share (50% or 0.5), ≥ -1. Default: 3%.');
    expect(text).toContain('Ticks per year (52 = weekly). Unit: number, an integer ≥ 1 and ≤ 366. Default: 52.');
    const undescribed: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (Array.isArray(node)) return node.forEach((n) => walk(n, path));
      if (!node || typeof node !== 'object') return;
      const object = node as Record<string, unknown>;
      if (object.properties && typeof object.properties === 'object' && !/^\$defs\.quantity/.test(path)) {
        for (const [key, child] of Object.entries(object.properties as Record<string, Record<string, unknown>>)) {
          if (typeof child.description !== 'string' && !path.includes('events') && key !== 'dist') undescribed.push(`${path}.${key}`);
        }
      }
      for (const [key, value] of Object.entries(object)) if (key !== 'properties') walk(value, `${path}.${key}`);
      if (object.properties) for (const [key, value] of Object.entries(object.properties as object)) walk(value, `${path}.${key}`);
    };
    walk(schema.anyOf, '');
    expect(undescribed).toEqual([]);
  });
});
