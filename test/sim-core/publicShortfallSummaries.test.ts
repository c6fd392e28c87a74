/**
 * The home region's public (defence) end users' summaries (cumulativePublicShortfall, publicShortfallWeeks,
 * maxPublicShortfallShare), appended after every earlier summary: held to what their users bid and got
 * tick by tick, with their demand rebuilt from the end-user store; and the publicDemand series (session 32)
 * held to that rebuilt demand.
 */
import { describe, expect, it } from 'vitest';
import { compileScenario, createRecorder, createReplicateRunner, createWorld, step, type EventSpec, type ScenarioSpec } from '../../sim-core/index.ts';
import { computeSummaries, SHORTFALL_THRESHOLD_SHARE } from '../../sim-core/record/computeSummaries.ts';
import { recordTick } from '../../sim-core/record/recordTick.ts';
import { regionOf, withEvents } from './mechanisms/mechanismHelpers.ts';
import { smallBaseline } from './engineHelpers.ts';

// China makes nearly all primary gallium: a ban on its refined exports leaves US defence buyers short in this small world.
const baseline = smallBaseline(2);
const galliumBan: EventSpec = { kind: 'exportControl', material: 'gallium', stage: 'processing', exporter: 'CN', mode: 'ban', start: 0.25 };
const PUBLIC_METRICS = ['cumulativePublicShortfall', 'publicShortfallWeeks', 'maxPublicShortfallShare'];

/** Runs the scenario tick by tick; returns its summaries by metric and what defence users bid and went without each tick (t/tick). */
function run(spec: ScenarioSpec) {
  const compiled = compileScenario(spec);
  const world = createWorld(spec, 1, 0);
  const recorder = createRecorder(world, compiled.layout.series.length, compiled.offsets);
  const home = regionOf(world, 'US');
  const c = world.spec.materials.findIndex((m) => m.id === 'gallium') * world.regions + home; // gallium's home end-use cell
  const demand: number[] = [];
  const unmet: number[] = [];
  for (let t = 0; t < world.ticks; t++) {
    step(world, recorder);
    let bid = 0;
    const { endUsers } = world;
    for (let u = endUsers.cellStart[c]; u < endUsers.cellStart[c] + endUsers.cellCount[c]; u++) {
      if (endUsers.isPublic[u] === 1) bid += endUsers.baseDemandTonnesPerTick[u] * world.scratch.endUseFactors[c * 2];
    }
    demand.push(bid);
    unmet.push(world.flows.publicUnmetTonnes[c]);
  }
  const summaries = computeSummaries(compiled.layout, compiled.offsets, recorder.series, world.markets.basePriceUsdPerTonne, world.materials, world.regions, world.chain.stockpileReleasedByTriggerTonnes, recorder.publicTally);
  const summary = (metric: string) => {
    const i = compiled.layout.summaries.findIndex((key) => key.metric === metric && key.material === 'gallium' && key.stage === 'endUse' && key.region === 'US');
    if (i < 0) throw new Error(`no summary ${metric}`);
    return summaries[i];
  };
  const seriesOf = (metric: string) => {
    const i = compiled.layout.series.findIndex((key) => key.metric === metric && key.material === 'gallium' && key.stage === 'endUse' && key.region === 'US');
    if (i < 0) throw new Error(`no series ${metric}`);
    return Array.from(recorder.series.subarray(i * world.ticks, (i + 1) * world.ticks));
  };
  return { summary, seriesOf, demand, unmet, weeksPerTick: 52 / world.ticksPerYear, compiled };
}

describe('public (defence) shortfall summaries', () => {
  const banned = run(withEvents(baseline, galliumBan));

  it('count the weeks defence users went without more than 1% of their demand, and the largest such share', () => {
    const shares = banned.demand.map((d, t) => (d > 0 ? banned.unmet[t] / d : 0));
    const shortTicks = shares.filter((s) => s > SHORTFALL_THRESHOLD_SHARE).length;
    expect(shortTicks).toBeGreaterThan(4); // the ban leaves them short: not a vacuous check
    expect(shares.filter((s) => s > 0 && s <= SHORTFALL_THRESHOLD_SHARE).length + shares.filter((s) => s === 0).length).toBeGreaterThan(0); // some weeks not counted
    expect(banned.summary('publicShortfallWeeks')).toBe(shortTicks * banned.weeksPerTick);
    expect(banned.summary('maxPublicShortfallShare')).toBeCloseTo(Math.max(...shares), 12);
    expect(banned.summary('maxPublicShortfallShare')).toBeGreaterThan(0.5);
  });

  it('record defence users\' demand tick by tick as the publicDemand series (t/week), the denominator of their share', () => {
    const recorded = banned.seriesOf('publicDemand');
    const perWeek = 1 / banned.weeksPerTick;
    expect(banned.demand.some((d) => d > 0)).toBe(true);
    recorded.forEach((value, t) => expect(value).toBeCloseTo(banned.demand[t] * perWeek, 9));
    const shortfall = banned.seriesOf('publicShortfall');
    const shares = recorded.map((d, t) => (d > 0 ? shortfall[t] / d : 0));
    expect(banned.summary('maxPublicShortfallShare')).toBeCloseTo(Math.max(...shares), 12);
  });

  it('sum what defence users went without over the run, t', () => {
    const total = banned.unmet.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(0);
    expect(banned.summary('cumulativePublicShortfall') / total).toBeCloseTo(1, 9);
  });

  it('are zero when defence users are never short', () => {
    const free = run(baseline);
    expect(free.unmet.every((u, t) => u <= SHORTFALL_THRESHOLD_SHARE * free.demand[t])).toBe(true);
    expect(free.summary('publicShortfallWeeks')).toBe(0);
  });

  it('come after every earlier summary, one block of three per material, keyed to the home region at end use', () => {
    const { summaries } = banned.compiled.layout;
    const materials = baseline.materials.map((m) => m.id);
    const tail = summaries.slice(-3 * materials.length);
    expect(tail.map((key) => key.metric)).toEqual(materials.flatMap(() => PUBLIC_METRICS));
    expect(tail.map((key) => key.material)).toEqual(materials.flatMap((m) => [m, m, m]));
    expect(tail.map((key) => key.unit)).toEqual(materials.flatMap(() => ['t', 'weeks', 'share']));
    expect(tail.every((key) => key.stage === 'endUse' && key.region === 'US')).toBe(true);
    expect(summaries.findIndex((key) => PUBLIC_METRICS.includes(key.metric))).toBe(summaries.length - tail.length);
  });

  it('start from zero again when a runner reuses its recorder', () => {
    const spec = withEvents(baseline, galliumBan);
    const compiled = compileScenario(spec);
    const fresh = createReplicateRunner(compiled);
    const reused = createReplicateRunner(compiled, null, { reuseSeries: true });
    const weeks = compiled.layout.summaries.findIndex((key) => key.metric === 'publicShortfallWeeks' && key.material === 'gallium');
    const share = compiled.layout.summaries.findIndex((key) => key.metric === 'maxPublicShortfallShare' && key.material === 'gallium');
    expect(fresh(1, 0).summaries[weeks]).toBeGreaterThan(0); // something to reset
    for (const replicate of [0, 1]) {
      const expected = fresh(1, replicate).summaries;
      const got = reused(1, replicate).summaries;
      expect(got[weeks]).toBe(expected[weeks]);
      expect(got[share]).toBe(expected[share]);
    }
  });
});

describe('the recorder\'s public shortfall tally', () => {
  it('counts a tick only when the shortfall is above 1% of public demand (as shortfallWeeks), and keeps the largest share', () => {
    const spec = smallBaseline(1);
    const compiled = compileScenario(spec);
    const world = createWorld(spec, 1, 0);
    const recorder = createRecorder(world, compiled.layout.series.length, compiled.offsets);
    const M = world.materials;
    const m = spec.materials.findIndex((x) => x.id === 'gallium');
    const home = world.government.region;
    const shares = [0, SHORTFALL_THRESHOLD_SHARE, SHORTFALL_THRESHOLD_SHARE * 1.1, 0.5, 0.2];
    shares.forEach((share, t) => {
      world.tick = t;
      world.markets.publicBidTonnes.fill(0);
      world.flows.publicUnmetTonnes.fill(0);
      world.markets.publicBidTonnes[(m * 3 + 2) * world.regions + home] = 100;
      world.flows.publicUnmetTonnes[m * world.regions + home] = 100 * share;
      recordTick(world, recorder);
    });
    expect(recorder.publicTally[m]).toBe(3); // exactly at 1% is not short
    expect(recorder.publicTally[M + m]).toBe(0.5);
    // Without public demand nothing counts, whatever the unmet figure.
    world.tick = shares.length;
    world.markets.publicBidTonnes.fill(0);
    world.flows.publicUnmetTonnes[m * world.regions + home] = 5;
    recordTick(world, recorder);
    expect(recorder.publicTally[m]).toBe(3);
    for (let other = 0; other < M; other++) if (other !== m) expect(recorder.publicTally[other]).toBe(0);
  });
});
