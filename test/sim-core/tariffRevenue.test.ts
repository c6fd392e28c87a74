/**
 * The duties the home government collects from its tariffs (`governmentTariffRevenue`, USD/week, and
 * the summary `tariffRevenue`, USD): exactly what its ledger receives, since in this run nothing else
 * pays it or is paid by it; zero without a tariff.
 */
import { describe, expect, it } from 'vitest';
import { compileScenario, createRecorder, createWorld, step, type EventSpec, type ScenarioSpec } from '../../sim-core/index.ts';
import { computeSummaries } from '../../sim-core/record/computeSummaries.ts';
import { oneMaterial, withEvents } from './mechanisms/mechanismHelpers.ts';

function run(spec: ScenarioSpec) {
  const compiled = compileScenario(spec);
  const world = createWorld(spec, 1, 0);
  const home = world.government.region;
  const ledgerAtStart = world.ledger.governmentUsd[home];
  const recorder = createRecorder(world, compiled.layout.series.length, compiled.offsets);
  for (let t = 0; t < world.ticks; t++) step(world, recorder);
  const T = world.ticks;
  const i = compiled.layout.series.findIndex((key) => key.metric === 'governmentTariffRevenue');
  const weeksPerTick = 52 / world.ticksPerYear;
  const series = Array.from(recorder.series.subarray(i * T, (i + 1) * T));
  const summaries = computeSummaries(compiled.layout, compiled.offsets, recorder.series, new Float64Array(compiled.layout.series.length).fill(1), world.materials, world.regions, world.chain.stockpileReleasedByTriggerTonnes, recorder.publicTally);
  const summary = summaries[compiled.layout.summaries.findIndex((key) => key.metric === 'tariffRevenue')];
  return { series, summary, weeksPerTick, ledgerGain: world.ledger.governmentUsd[home] - ledgerAtStart };
}

// On magnets (the US imports Chinese magnets from the start; in this small world it buys no Chinese refined oxide).
const tariff: EventSpec = { kind: 'tariff', material: 'ndpr', stage: 'manufacturing', importer: 'US', exporters: ['CN'], rate: 0.25, start: 0.25 };

describe('tariff revenue', () => {
  it('is what the home government\'s ledger receives from its tariff, tick by tick summed into the summary', () => {
    const { series, summary, weeksPerTick, ledgerGain } = run(withEvents(oneMaterial('ndpr', 2), tariff));
    const total = series.reduce((a, b) => a + b, 0) * weeksPerTick;
    expect(total).toBeGreaterThan(0);
    expect(summary).toBeCloseTo(total, 6);
    expect(ledgerGain).toBeGreaterThan(0);
    expect(Math.abs(summary - ledgerGain) / ledgerGain).toBeLessThan(1e-9); // nothing else moves the home ledger here
    expect(series.slice(0, 12).every((v) => v === 0)).toBe(true); // before the tariff starts (a quarter in)
  });

  it('is zero without a tariff', () => {
    expect(run(oneMaterial('ndpr', 2)).summary).toBe(0);
  });
});
