/**
 * The foreign actor's rule-driven actions as data: `actorPriceWar`, `actorRetaliation` (1 exactly
 * while the rule's measure is in force) and `actorCyberattacks` (attacks launched), and their
 * per-replicate sums. Scripted events of the same kinds are not counted.
 */
import { describe, expect, it } from 'vitest';
import { compileScenario, createRecorder, createWorld, step, type EventSpec, type ScenarioSpec } from '../../sim-core/index.ts';
import { computeSummaries } from '../../sim-core/record/computeSummaries.ts';
import { oneMaterial, withEvents } from './mechanisms/mechanismHelpers.ts';

/** A run stepped tick by tick: each new series, the rule state at the start of each tick (what phase 1 applies), and attacks launched per tick. */
function observe(spec: ScenarioSpec) {
  const compiled = compileScenario(spec);
  const world = createWorld(spec, 1, 0);
  const recorder = createRecorder(world, compiled.layout.series.length, compiled.offsets);
  const retaliating: number[] = [];
  const warring: number[] = [];
  const attacks: number[] = [];
  for (let t = 0; t < world.ticks; t++) {
    retaliating.push(world.foreignActor.retaliationUntilTick[0] > t ? 1 : 0);
    warring.push(world.foreignActor.priceWarUntilTick[0 * 3 + 1] > t && world.foreignActor.budgetLeftUsd > 0 ? 1 : 0);
    const before = world.foreignActor.attacks;
    step(world, recorder);
    attacks.push(world.foreignActor.attacks - before);
  }
  const T = world.ticks;
  const series = (metric: string, stage: string) => {
    const i = compiled.layout.series.findIndex((key) => key.metric === metric && key.stage === stage);
    if (i < 0) throw new Error(`no series ${metric}/${stage}`);
    return Array.from(recorder.series.subarray(i * T, (i + 1) * T));
  };
  const base = new Float64Array(compiled.layout.series.length).fill(1);
  const summaries = computeSummaries(compiled.layout, compiled.offsets, recorder.series, base, world.materials, world.regions, world.chain.stockpileReleasedByTriggerTonnes, recorder.publicTally);
  return { compiled, recorder, series, summaries, retaliating, warring, attacks, ticksPerWeek: world.ticksPerYear / 52 };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const tariff: EventSpec = { kind: 'tariff', material: 'graphite', stage: 'processing', importer: 'US', exporters: ['CN'], rate: 0.2, start: 0.25 };
/** Graphite for two years; `rivalsGrow`: a large allied refinery finishes in a quarter, so the actor's price-war rule fires. */
const graphite = (rivalsGrow: boolean, edit: (spec: ScenarioSpec) => void = () => {}) => oneMaterial('graphite', 2, (s) => {
  const world = Object.values(s.materials[0].processing.capacityByRegion).reduce((a, b) => a + b, 0);
  if (rivalsGrow) s.materials[0].pipeline.push({ region: 'ALLIES', stage: 'processing', capacityTonnesPerYear: 0.3 * world, phase: 'construction', remainingYears: 0.25 });
  s.foreignActor.rules.cyberattacksPerYear = 0;
  edit(s);
});

describe('actor action series', () => {
  it('actorRetaliation is 1 exactly while the rule\'s licensing is in force, after a home tariff (control: 0 without one)', () => {
    const run = observe(withEvents(graphite(false, (s) => { s.foreignActor.rules.retaliationPerYear = 50; }), tariff));
    expect(sum(run.retaliating)).toBeGreaterThan(0);
    expect(run.series('actorRetaliation', 'processing')).toEqual(run.retaliating);
    expect(sum(observe(graphite(false, (s) => { s.foreignActor.rules.retaliationPerYear = 50; })).series('actorRetaliation', 'processing'))).toBe(0);
  });

  it('a rule\'s measure is in force for a whole year (ticksPerYear ticks), and a renewal follows without a gap', () => {
    // Retaliation certain every tick while the tariff holds (from a quarter in, to the end of two years).
    const run = observe(withEvents(graphite(false, (s) => { s.foreignActor.rules.retaliationPerYear = 1e6; }), tariff));
    const series = run.series('actorRetaliation', 'processing');
    const first = series.indexOf(1);
    expect(first).toBeGreaterThan(0);
    expect(series.slice(first).every((v) => v === 1)).toBe(true); // renewed at its last tick: no week of peace
    const single = observe(withEvents(graphite(false, (s) => { s.foreignActor.rules.retaliationPerYear = 1e6; }), { ...tariff, end: 0.5 }));
    const spell = single.series('actorRetaliation', 'processing');
    expect(sum(spell)).toBe(52 * single.ticksPerWeek); // one measure, started while the tariff held, lasts a year
  });

  it('actorPriceWar is 1 exactly while a rule-driven war runs on the market; a scripted cut is not counted', () => {
    const run = observe(graphite(true));
    expect(sum(run.warring)).toBeGreaterThan(0);
    expect(run.series('actorPriceWar', 'processing')).toEqual(run.warring);
    const scripted: EventSpec = { kind: 'priceManipulation', material: 'graphite', stage: 'processing', region: 'CN', priceCut: 0.3, budgetUsd: 1e10, mode: 'exportDiscount', start: 0.1 };
    const onlyScripted = observe(withEvents(graphite(false), scripted));
    expect(sum(onlyScripted.series('foreignActorSpending', ''))).toBeGreaterThan(0);
    for (const stage of ['mining', 'processing', 'manufacturing']) expect(sum(onlyScripted.series('actorPriceWar', stage))).toBe(0);
  });

  it('actorCyberattacks counts the rule\'s attacks launched each tick; scripted and stochastic event attacks are not counted', () => {
    const stages = ['mining', 'processing', 'manufacturing', 'recycling'];
    const run = observe(graphite(false, (s) => { s.foreignActor.rules.cyberattacksPerYear = 20; }));
    const perTick = run.attacks.map((_, t) => sum(stages.map((stage) => run.series('actorCyberattacks', stage)[t])) / run.ticksPerWeek);
    expect(sum(run.attacks)).toBeGreaterThan(0);
    expect(perTick).toEqual(run.attacks);
    const events: EventSpec[] = [
      { kind: 'cyberattack', stage: 'processing', region: 'US', facilityShare: 0.5, downtimeYears: 0.2, start: 0.1 },
      { kind: 'cyberattack', stage: 'mining', region: 'US', facilityShare: 0.5, downtimeYears: 0.1, mode: 'stochastic', ratePerYear: 20, start: 0.2, end: 1 },
    ];
    const scripted = observe(withEvents(graphite(false), ...events));
    expect(sum(scripted.attacks)).toBeGreaterThan(1);
    for (const stage of stages) expect(sum(scripted.series('actorCyberattacks', stage))).toBe(0);
  });

  it('the per-replicate summaries are the series\' sums in weeks (or attacks)', () => {
    const run = observe(withEvents(graphite(true, (s) => {
      s.foreignActor.rules.retaliationPerYear = 50;
      s.foreignActor.rules.cyberattacksPerYear = 20;
    }), tariff));
    const { layout } = run.compiled;
    const pairs = [['actorPriceWarWeeks', 'actorPriceWar'], ['actorRetaliationWeeks', 'actorRetaliation'], ['actorCyberattacks', 'actorCyberattacks']];
    let nonZero = 0;
    for (const [summary, series] of pairs) {
      const keys = layout.summaries.filter((key) => key.metric === summary);
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) {
        const value = run.summaries[layout.summaries.indexOf(key)];
        expect(value, `${summary} ${key.stage}`).toBeCloseTo(sum(run.series(series, key.stage)) / run.ticksPerWeek, 9);
        if (value > 0) nonZero++;
      }
    }
    expect(nonZero).toBeGreaterThanOrEqual(3);
  });
});
