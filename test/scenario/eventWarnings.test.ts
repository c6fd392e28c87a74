import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/loadScenario.ts';
import { type Problem, ScenarioError } from '../../src/scenario/scenarioError.ts';
import { runCli } from '../cli/runCli.ts';
import { problemsOf } from './problemsOf.ts';

const MINIMAL = 'test/fixtures/scenarios/minimal.yaml';
const TARIFF = 'events.duty={kind: tariff, material: ndpr, stage: processing, importer: US, start: 2026-01';
const FLOOR = 'events.floor={kind: subsidy, region: US, material: ndpr, stage: processing, mode: priceFloor, start: 2026-01';

/** The warnings of the minimal fixture with `set` applied (it must load). */
function warningsOf(set: string[]): Problem[] {
  return loadScenario(MINIMAL, { set }).warnings;
}

/** A file extending the minimal fixture with `events` (YAML lines under `events:`). */
function extending(events: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'crm-warn-')), 'variant.yaml');
  writeFileSync(file, `extends: ${resolve(MINIMAL)}\nname: variant\nevents:\n${events}`);
  return file;
}

describe('bare numbers that are most likely a unit mistake', () => {
  it('warn about a duration without a unit, still read as years', () => {
    const [warning, ...rest] = warningsOf(['events.quotaCut.duration=18']);
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({ path: 'events.quotaCut.duration', found: '18' });
    expect(warning.message).toContain('read as 18 years; write `18 years` or `18 months`');
    const months = loadScenario(MINIMAL, { set: ['events.quotaCut.duration=18 months'] });
    expect(months.warnings).toEqual([]);
    const years = loadScenario(MINIMAL, { set: ['events.quotaCut.duration=18'] }).spec.events.find((e) => e.id === 'quotaCut');
    expect(years?.end).toBeCloseTo((years?.start ?? NaN) + 18, 9);
  });

  it('go with the errors when a file also has errors, so validate can show both', () => {
    let thrown: unknown;
    try { loadScenario(MINIMAL, { set: ['events.quotaCut.duration=18', 'years=0'] }); } catch (error) { thrown = error; }
    expect(thrown).toBeInstanceOf(ScenarioError);
    const error = thrown as ScenarioError;
    expect(error.problems.map((p) => p.path)).toEqual(['years']);
    expect(error.warnings.map((w) => w.path)).toEqual(['events.quotaCut.duration']);
    expect(error.message).not.toContain('read as 18 years'); // the message lists the errors only
  });

  it('warn about a share of 5 or more without % on an event key that may exceed 1, with the percentage it means', () => {
    const [warning, ...rest] = warningsOf([`${TARIFF}, rate: 25}`]);
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({ path: 'events.duty.rate', found: '25' });
    expect(warning.message).toBe('a share: 25 means 2,500%; write 25% if a percentage was meant');
    expect(warningsOf([`${TARIFF}, rate: 25%}`])).toEqual([]);
    // What a resolved file writes for a 150% tariff reloads without a warning.
    expect(warningsOf([`${TARIFF}, rate: 1.5}`])).toEqual([]);
    expect(warningsOf([`${TARIFF}, rate: 0.25}`])).toEqual([]);
    expect(warningsOf([`${TARIFF}, rate: 250%}`])).toEqual([]);
    expect(warningsOf([`${TARIFF}, rate: { dist: uniform, min: 0.1, max: 30 }}`]).map((w) => w.path)).toEqual(['events.duty.rate.max']);
  });

  it('refuse a share capped at 1 written as a percentage without %, saying what it means', () => {
    const [problem] = problemsOf(MINIMAL, ['events.quotaCut.quotaShare=50']);
    expect(problem).toMatchObject({ path: 'events.quotaCut.quotaShare', found: '50' });
    expect(problem.message).toBe('a share: 50 means 5,000%; write 50%');
    // Written with %: no unit mistake; a quota share above 100% is pointed to the key that says it (audit 23, L1).
    expect(problemsOf(MINIMAL, ['events.quotaCut.quotaShare=300%'])[0].message).toBe('a ceiling above last year\'s exports is a tonnage: give quotaTonnesPerYear instead');
    expect(problemsOf(MINIMAL, ['events.quotaCut.mode=licensing', 'events.quotaCut.quotaShare=null', 'events.quotaCut.approvalRate=150%'])[0]).toMatchObject({ path: 'events.quotaCut.approvalRate', message: '' });
  });
});

describe('events that do not do what they say', () => {
  it('warn about a price floor below half the base price, naming both in the material\'s price unit', () => {
    const file = extending('  floor: { kind: subsidy, region: US, material: ndpr, stage: processing, mode: priceFloor, start: 2026-01, priceFloorUsdPerTonne: 450 }\n');
    const [warning, ...rest] = loadScenario(file).warnings;
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({ path: 'events.floor.priceFloorUsdPerTonne', line: 4 });
    expect(warning.expected).toContain('ndpr processing base price (55 USD/kg)');
    expect(warning.found).toBe('450, read as 0.45 USD/kg');
    expect(warning.message).toContain('write `450 USD/kg`');
    expect(warningsOf([`${FLOOR}, priceFloorUsdPerTonne: 45 USD/kg}`])).toEqual([]);
    const [given] = warningsOf([`${FLOOR}, priceFloorUsdPerTonne: 20 USD/kg}`]);
    expect(given.found).toBe('20 USD/kg');
    expect(given.message).toContain('check the unit');
  });

  it('warn about destinations that name the exporter: no effect alone, nothing changed beside others', () => {
    const alone = warningsOf(['events.quotaCut.destinations=[CN]']);
    expect(alone.map((w) => [w.path, w.found])).toEqual([['events.quotaCut.destinations.0', '"CN"']]);
    expect(alone[0].message).toContain('the event has no effect');
    const mixed = warningsOf(['events.quotaCut.destinations=[US, CN]']);
    expect(mixed.map((w) => w.path)).toEqual(['events.quotaCut.destinations.1']);
    expect(mixed[0].message).toContain('CN here changes nothing');
    expect(warningsOf(['events.quotaCut.destinations=[US]'])).toEqual([]);
  });

  it('warn about a quota of 0, a ban under another name, at the key that sets it (audit 23, L2)', () => {
    const tonnes = warningsOf(['events.quotaCut.quotaShare=null', 'events.quotaCut.quotaTonnesPerYear=0']);
    expect(tonnes.map((w) => [w.path, w.expected, w.found])).toEqual([['events.quotaCut.quotaTonnesPerYear', 'a tonnage above 0', '0']]);
    expect(tonnes[0].message).toContain('write `mode: ban`');
    expect(warningsOf(['events.quotaCut.quotaShare=0%']).map((w) => w.path)).toEqual(['events.quotaCut.quotaShare']);
    expect(warningsOf(['events.quotaCut.quotaShare=null', 'events.quotaCut.quotaTonnesPerYear=1 t/yr'])).toEqual([]);
    expect(warningsOf(['events.quotaCut.quotaShare=1%'])).toEqual([]);
    expect(warningsOf(['events.quotaCut.mode=ban', 'events.quotaCut.quotaShare=null'])).toEqual([]);
  });

  it('warn about tariff exporters that name the importer', () => {
    expect(warningsOf([`${TARIFF}, rate: 25%, exporters: [US]}`]).map((w) => w.path)).toEqual(['events.duty.exporters.0']);
    expect(warningsOf([`${TARIFF}, rate: 25%, exporters: [CN]}`])).toEqual([]);
  });

  it('go to stderr from validate, which exits 0', () => {
    const file = extending('  quotaCut: { destinations: [CN] }\n');
    const { status, stderr } = runCli(['validate', file]);
    expect(status).toBe(0);
    expect(stderr).toMatch(/^warning: .*variant\.yaml:4:30: events\.quotaCut\.destinations\.0: expected destinations other than the exporter \(CN\), found "CN"/m);
  });
});
