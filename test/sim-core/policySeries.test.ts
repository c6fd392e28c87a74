/**
 * Election reversal as data: per reversible policy, `policyInForce` (1 while in force) and
 * `policyReversed` (1 from the election that reversed it), and the per-replicate `policyReversed`
 * summary, held to the engine's own event state tick by tick.
 */
import { describe, expect, it } from 'vitest';
import { compileScenario, createRecorder, createWorld, step, type EventSpec, type ScenarioSpec } from '../../sim-core/index.ts';
import { reversiblePolicies } from '../../sim-core/record/resultLayout.ts';
import { readRecordedRun } from './engineHelpers.ts';
import { oneMaterial, withEvents } from './mechanisms/mechanismHelpers.ts';

/** A run stepped tick by tick: the policy series and summaries, and each tick's reversal state as the engine holds it. */
function observe(spec: ScenarioSpec) {
  const compiled = compileScenario(spec);
  const world = createWorld(spec, 3, 0);
  const recorder = createRecorder(world, compiled.layout.series.length, compiled.offsets);
  const reversedAt: number[][] = world.events.map(() => []);
  for (let t = 0; t < world.ticks; t++) {
    step(world, recorder);
    world.events.forEach((_, e) => reversedAt[e].push(world.eventState.reversedAtTick[e]));
  }
  const { series, summary } = readRecordedRun(compiled, recorder, world);
  return { compiled, world, series, summary, reversedAt };
}

const subsidy: EventSpec = { id: 'usCapex', kind: 'subsidy', region: 'US', material: 'ndpr', stage: 'processing', mode: 'capex', capexShare: 0.3, budgetUsd: 1e9, start: 0.5 } as EventSpec;
const quota: EventSpec = { id: 'cnQuota', kind: 'exportControl', material: 'ndpr', stage: 'processing', exporter: 'CN', mode: 'quota', quotaShare: 0.5, start: 0.5, end: 1.5 };
/** NdPr for six years with elections every year and the given reversal probability. */
const ndpr = (reversalProbability: number, ...events: EventSpec[]) => withEvents(oneMaterial('ndpr', 6, (s) => {
  s.government.electionEveryYears = 1;
  s.government.reversalProbability = reversalProbability;
}), ...events);

describe('policy reversal series', () => {
  it('a policy is in force from its start until the election that reverses it, and reversed from that election on', () => {
    const run = observe(ndpr(1, subsidy));
    const tpy = run.world.ticksPerYear;
    const inForce = run.series('policyInForce', 'usCapex');
    const reversed = run.series('policyReversed', 'usCapex');
    // Certain reversal at the first election after the start (elections at 1, 2, … years).
    const election = tpy;
    expect(inForce.indexOf(1)).toBe(Math.floor(0.5 * tpy));
    expect(inForce.lastIndexOf(1)).toBe(election);
    expect(inForce.slice(election + 1).every((v) => v === 0)).toBe(true);
    expect(reversed.indexOf(1)).toBe(election);
    expect(reversed.slice(election).every((v) => v === 1)).toBe(true);
    expect(run.reversedAt[0].at(-1)).toBe(election);
    expect(run.summary('policyReversed', 'usCapex')).toBe(1);
  });

  it('without reversal a policy stays in force to the end and its summary is 0', () => {
    const run = observe(ndpr(0, subsidy));
    const inForce = run.series('policyInForce', 'usCapex');
    expect(inForce.slice(Math.floor(0.5 * run.world.ticksPerYear)).every((v) => v === 1)).toBe(true);
    expect(run.series('policyReversed', 'usCapex').every((v) => v === 0)).toBe(true);
    expect(run.summary('policyReversed', 'usCapex')).toBe(0);
  });

  it('the series follow the engine\'s reversals at an intermediate probability, and a policy ends at its end without being reversed', () => {
    const ended: EventSpec = { ...subsidy, id: 'shortCapex', end: 1.2 } as EventSpec;
    const run = observe(ndpr(0.5, subsidy, ended));
    for (const [e, id] of [[0, 'usCapex'], [1, 'shortCapex']] as const) {
      const event = run.world.events.findIndex((x) => x.spec.id === id);
      const expected = run.reversedAt[event].map((at) => (at >= 0 ? 1 : 0));
      expect(run.series('policyReversed', id), `event ${e}`).toEqual(expected);
    }
    // shortCapex runs 0.5–1.2 years: the election at 1 year may reverse it; either way it is out of force from 1.2 years.
    const tpy = run.world.ticksPerYear;
    expect(run.series('policyInForce', 'shortCapex').slice(Math.ceil(1.2 * tpy)).every((v) => v === 0)).toBe(true);
  });

  it('a subsidy whose budget is spent is out of force from then on, and a later election does not reverse it', () => {
    // A floor at 20 times the base price pays top-ups every week: a 1 MUSD budget is gone within weeks.
    const floor = { id: 'tinyFloor', kind: 'subsidy', region: 'US', material: 'ndpr', stage: 'processing', mode: 'priceFloor', priceFloorUsdPerTonne: 1.2e6, budgetUsd: 1e6, start: 0.1 } as EventSpec;
    const run = observe(ndpr(1, floor));
    const inForce = run.series('policyInForce', 'tinyFloor');
    const first = inForce.indexOf(1);
    const last = inForce.lastIndexOf(1);
    expect(first).toBe(Math.floor(0.1 * run.world.ticksPerYear));
    expect(last).toBeLessThan(run.world.ticksPerYear);
    expect(inForce.slice(last + 1).every((v) => v === 0)).toBe(true);
    expect(run.world.eventState.budgetLeftUsd[0]).toBeLessThanOrEqual(0);
    // Certain reversal at every election, yet none: it had lapsed before the first (1 year).
    expect(run.series('policyReversed', 'tinyFloor').every((v) => v === 0)).toBe(true);
    expect(run.summary('policyReversed', 'tinyFloor')).toBe(0);
  });

  it('by default only the home region\'s policies are reversible: an allied subsidy is not, unless the scenario says so', () => {
    const allied = { ...subsidy, id: 'alliesCapex', region: 'ALLIES' } as EventSpec;
    expect(reversiblePolicies(ndpr(1, subsidy, allied)).map((p) => p.key.region)).toEqual(['usCapex']);
    expect(reversiblePolicies(ndpr(1, { ...allied, reversible: true } as EventSpec)).map((p) => p.key.region)).toEqual(['alliesCapex']);
    const run = observe(ndpr(1, allied));
    expect(run.reversedAt[0].every((at) => at < 0)).toBe(true);
  });

  it('only reversible events have series: not the foreign actor\'s quota, nor a policy marked reversible: false; an event without an id is event<n>', () => {
    const fixed = { ...subsidy, id: 'fixedCapex', reversible: false } as EventSpec;
    const unnamed = { ...subsidy, id: undefined } as EventSpec;
    const spec = ndpr(1, quota, fixed, unnamed);
    const policies = reversiblePolicies(spec);
    expect(policies.map((p) => p.key.region)).toEqual([`event${spec.events.indexOf(unnamed) + 1}`]);
    expect(policies[0].key).toMatchObject({ material: 'ndpr', stage: 'processing', unit: 'share' });
    const layout = compileScenario(spec).layout;
    expect(layout.series.filter((k) => k.metric.startsWith('policy')).map((k) => k.metric)).toEqual(['policyInForce', 'policyReversed']);
    expect(layout.summaries.filter((k) => k.metric === 'policyReversed')).toHaveLength(1);
  });
});
