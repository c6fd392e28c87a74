import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../sim-core/index.ts';
import { runScenarioArms } from '../../src/compare/runScenarioArms.ts';
import { createImpactExtrasCollector } from '../../src/impact/createImpactExtrasCollector.ts';
import { runMonteCarlo } from '../../src/montecarlo/runMonteCarlo.ts';
import { formatImpactJson, measureDisruptionImpact } from '../../src/impact/measureDisruptionImpact.ts';
import { removeEvents } from '../../src/impact/findStageDisruptions.ts';
import { loadScenario } from '../../src/scenario/loadScenario.ts';
import { shipped, SMALL } from '../compare/smallScenario.ts';

describe('measureDisruptionImpact with the engine', () => {
  it('pairs the run with runs without each struck stage and without every disruption', async () => {
    const { spec } = loadScenario(shipped('threat-export-quota'), { set: SMALL });
    const compiled = compileScenario(spec);
    const [own] = await runScenarioArms([compiled], { masterSeed: 5, replicates: 4, workers: 0 });
    const impact = await measureDisruptionImpact({
      spec, layout: compiled.layout, summaries: own.map((r) => r.summaries), masterSeed: 5, runReplicates: 4, replicateCap: 3, workers: 0,
    });
    expect(impact.replicates).toBe(3);
    const struck = impact.stages.filter((s) => s.events.length > 0);
    expect(struck.map((s) => s.stage)).toEqual(['processing', 'manufacturing']);
    for (const s of impact.stages.filter((x) => x.events.length === 0)) expect(s.homeShortfall).toBeUndefined();
    for (const s of struck) {
      const peak = s.peakPriceMultiple!;
      expect(peak.n).toBe(3);
      expect(peak.mean).toBeCloseTo(peak.meanWith - peak.meanWithout, 9);
      expect(peak.ciLow).toBeLessThanOrEqual(peak.mean);
      expect(s.homeShortfall!.materials.sort()).toEqual(['dy', 'ndpr']);
    }
    // The peak in the disruption window: from the announcement (Oct 2025) to a year after the 18 months
    // in force from Jan 2026 (Jul 2028), cut at this two-year run's end (Jan 2027).
    for (const s of struck) {
      const windowed = s.disruptionPeakPrice!;
      expect(windowed.window).toMatchObject({ fromYear: 2025.75, toYear: 2027 });
      expect(windowed.mean).toBeCloseTo(windowed.meanWith - windowed.meanWithout, 9);
      // A window is part of the run: its peaks are at most the whole run's, with and without the events.
      expect(windowed.meanWith).toBeLessThanOrEqual(s.peakPriceMultiple!.meanWith);
      expect(windowed.meanWithout).toBeLessThanOrEqual(s.peakPriceMultiple!.meanWithout);
      expect(windowed.mean).toBeGreaterThan(0);
    }
    expect(impact.disruptions!.window).toEqual(struck[0].disruptionPeakPrice!.window);
    // Each traded stage's record is measured on its own product: refined for the oxide quotas, components for the magnet quotas.
    expect(struck.map((s) => s.peakPriceMultiple!.priceStages)).toEqual([{ dy: 'processing', ndpr: 'processing' }, { dy: 'manufacturing', ndpr: 'manufacturing' }]);
    expect(struck.map((s) => s.disruptionPeakPrice!.priceStages)).toEqual(struck.map((s) => s.peakPriceMultiple!.priceStages));
    // The scenario as scripted is the same in every comparison (the run's own replicates): its whole-run peak at a stage is the
    // largest of the run's own summaries peakPriceMultiple.<material>.<stage>.<region> outside the foreign region, over the materials.
    const ownPeak = (stage: string): number => {
      const columns = compiled.layout.summaries.flatMap((k, i) => (k.metric === 'peakPriceMultiple' && k.stage === stage && k.region !== spec.foreignActor.region && ['dy', 'ndpr'].includes(k.material) ? [i] : []));
      expect(columns.length).toBeGreaterThan(0);
      return own.slice(0, 3).reduce((sum, r) => sum + Math.max(...columns.map((i) => r.summaries[i])), 0) / 3;
    };
    expect(struck[0].peakPriceMultiple!.meanWith).toBeCloseTo(ownPeak('processing'), 9);
    expect(struck[1].peakPriceMultiple!.meanWith).toBeCloseTo(ownPeak('manufacturing'), 9);
    // Shortfall material by material: the per-material means add up to the summed record (kept for older readers), none is the sum itself.
    for (const s of struck) {
      const byMaterial = s.homeShortfallByMaterial!;
      expect(byMaterial.map((m) => m.material).sort()).toEqual(['dy', 'ndpr']);
      expect(byMaterial.reduce((sum, m) => sum + m.meanWith, 0)).toBeCloseTo(s.homeShortfall!.meanWith, 6);
      const ndprAll = impact.disruptions!.materials.find((m) => m.material === 'ndpr')!;
      expect(byMaterial.find((m) => m.material === 'ndpr')!.meanWith).toBeCloseTo(ndprAll.homeShortfall.meanWith, 9);
    }
    // An export quota on the materials raises their peak price outside the exporter.
    const ndpr = impact.disruptions!.materials.find((m) => m.material === 'ndpr')!;
    expect(ndpr.peakPriceMultiple.mean).toBeGreaterThan(0);
    expect(ndpr.disruptionPeakPrice.mean).toBeGreaterThan(0);
    expect(impact.disruptions!.events).toHaveLength(4);
    // What the quota costs home end users of NdPr: positive, its parts add up to it, its CI around it.
    const cost = ndpr.endUserCost;
    expect(cost).toMatchObject({ unit: 'USD', n: 3 });
    expect(cost.mean).toBeGreaterThan(0);
    expect(cost.parts.extraSpending + cost.parts.forgoneConsumptionValue + cost.parts.unmetValueAtPrice).toBeCloseTo(cost.mean, 0);
    expect(cost.ciLow).toBeLessThanOrEqual(cost.mean);
    expect(cost.ciHigh).toBeGreaterThanOrEqual(cost.mean);
    // Dearer components: the extra spending on what end users still receive is a cost, not a saving.
    expect(cost.parts.extraSpending).toBeGreaterThan(0);
    expect(JSON.parse(formatImpactJson(impact)).stages).toHaveLength(6);
    // Month by month: the paired differences, times each month's weeks, add up to the run's loss.
    const monthly = ndpr.monthlyConsumption;
    expect(monthly.period).toHaveLength(24);
    expect(monthly.period[0]).toBe('2025-01');
    const total = monthly.mean.reduce((sum, d, i) => sum + d * monthly.weeks[i], 0);
    expect(ndpr.homeConsumption.mean).toBeLessThan(0);
    expect(Math.abs(total - ndpr.homeConsumption.mean)).toBeLessThan(1e-9 * Math.abs(ndpr.homeConsumption.mean));
    monthly.mean.forEach((d, i) => expect(d).toBeCloseTo(monthly.meanWith[i] - monthly.meanWithout[i], 9));
    expect(Math.min(...monthly.mean)).toBeLessThan(0);
    // Summed run by run to the end: from the first month it is the run's loss, with the run's own interval.
    expect(monthly.differenceToEnd[0]).toBeCloseTo(ndpr.homeConsumption.mean, 6);
    expect(monthly.differenceToEndCiLow[0]).toBeCloseTo(ndpr.homeConsumption.ciLow, 6);
    expect(monthly.differenceToEnd[23]).toBeCloseTo(monthly.mean[23] * monthly.weeks[23], 9);
  });

  it('over a window as long as the run, gives exactly the whole run\'s peaks, material by material, with a drawn base price too', async () => {
    const { spec } = loadScenario(shipped('threat-export-quota'), { set: SMALL });
    // Every disruptive event in force from the start to the end: its window is the whole run.
    for (const event of spec.events) { event.start = 0; delete event.announced; delete event.end; }
    const ndpr = spec.materials.findIndex((m) => m.id === 'ndpr');
    const base = spec.materials[ndpr].basePriceUsdPerTonne.processing;
    spec.uncertainties.push({ path: `materials.${ndpr}.basePriceUsdPerTonne.processing`, label: 'materials.ndpr.basePriceUsdPerTonne.processing', distribution: { dist: 'uniform', min: 0.5 * base, max: 1.5 * base } });
    const compiled = compileScenario(spec);
    const [own] = await runScenarioArms([compiled], { masterSeed: 3, replicates: 3, workers: 0 });
    const impact = await measureDisruptionImpact({ spec, layout: compiled.layout, summaries: own.map((r) => r.summaries), masterSeed: 3, runReplicates: 3, replicateCap: 3, workers: 0 });
    expect(impact.disruptions!.window).toMatchObject({ startTick: 0, endTick: compiled.layout.ticks });
    for (const m of impact.disruptions!.materials) {
      const { mean, meanWith, meanWithout } = m.disruptionPeakPrice;
      expect({ material: m.material, mean, meanWith, meanWithout }).toEqual({ material: m.material, mean: m.peakPriceMultiple.mean, meanWith: m.peakPriceMultiple.meanWith, meanWithout: m.peakPriceMultiple.meanWithout });
    }
    for (const s of impact.stages.filter((x) => x.events.length > 0)) expect(s.disruptionPeakPrice!.meanWith).toBe(s.peakPriceMultiple!.meanWith);
  });

  it('with the run\'s own price paths, runs one arm fewer and writes the same impact.json, drawn base prices included', async () => {
    const { spec } = loadScenario(shipped('threat-export-quota'), { set: SMALL });
    const ndpr = spec.materials.findIndex((m) => m.id === 'ndpr');
    const base = spec.materials[ndpr].basePriceUsdPerTonne.processing;
    spec.uncertainties.push({ path: `materials.${ndpr}.basePriceUsdPerTonne.processing`, label: 'materials.ndpr.basePriceUsdPerTonne.processing', distribution: { dist: 'uniform', min: 0.5 * base, max: 1.5 * base } });
    const compiled = compileScenario(spec);
    // The run as `crm-sim run` makes it: results with their series, seen batch by batch.
    const collector = createImpactExtrasCollector(compiled, 7, 3);
    const own = await runMonteCarlo({ compiled, masterSeed: 7, replicates: 4, workers: 0, chunkSize: 2 });
    expect(collector.extras()).toBeUndefined();
    collector.add({ firstReplicate: 2, results: own.slice(2) });
    expect(collector.extras()).toBeUndefined(); // replicates 0 and 1 still missing
    collector.add({ firstReplicate: 0, results: own.slice(0, 2) });
    const options = { spec, layout: compiled.layout, summaries: own.map((r) => r.summaries), masterSeed: 7, runReplicates: 4, replicateCap: 3, workers: 0 };
    const totals: number[] = [];
    const rerun = await measureDisruptionImpact({ ...options, onProgress: (_, total) => totals.push(total) });
    const reused = await measureDisruptionImpact({ ...options, scriptedImpactExtras: collector.extras(), onProgress: (_, total) => totals.push(total) });
    expect(formatImpactJson(reused)).toBe(formatImpactJson(rerun));
    // Processing, manufacturing and all at once, each 3 replicates; the scripted arm only without the paths.
    expect([totals[0], totals.at(-1)]).toEqual([12, 9]);
  });

  it('measures a control that lists destinations on its exports to them, as scripted and without it, from the same routes', async () => {
    const { spec } = loadScenario(shipped('threat-export-quota'), { set: [...SMALL, 'events.cnQuotaNdprMagnets.destinations=[US]'] });
    const compiled = compileScenario(spec);
    const own = await runMonteCarlo({ compiled, masterSeed: 2, replicates: 3, workers: 0 });
    const impact = await measureDisruptionImpact({ spec, layout: compiled.layout, summaries: own.map((r) => r.summaries), masterSeed: 2, runReplicates: 3, replicateCap: 3, workers: 0 });
    const magnets = impact.exportControls!.find((c) => c.event === 'cnQuotaNdprMagnets')!;
    expect(magnets.destinations).toEqual(['US']);
    const T = compiled.layout.ticks;
    const weeksPerTick = 52 / spec.ticksPerYear;
    const sumOver = (series: Float64Array, index: number) => series.subarray(index * T + 12, index * T + 24).reduce((sum, x) => sum + x, 0) * weeksPerTick;
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    // As scripted: the run's own exportsToDestinations series, within the quota's ceiling.
    const toUs = compiled.layout.series.findIndex((k) => k.metric === 'exportsToDestinations' && k.region === 'cnQuotaNdprMagnets');
    expect(magnets.exports.meanWith).toBeCloseTo(mean(own.map((r) => sumOver(r.series, toUs))), 6);
    expect(magnets.exports.meanWith).toBeLessThanOrEqual(magnets.allowed! * (1 + 1e-9));
    // Without the stage's disruptive events: China's magnets on the route to the US, from a run of that twin that records its routes.
    const without = removeEvents(spec, spec.events.flatMap((e, i) => (magnets.without.includes(e.id!) ? [i] : [])));
    const twin = compileScenario({ ...without, outputs: { tradeFlows: true } });
    const twinRuns = await runMonteCarlo({ compiled: twin, masterSeed: 2, replicates: 3, workers: 0 });
    const route = twin.layout.series.findIndex((k) => k.metric === 'tradeFlow' && k.material === 'ndpr' && k.stage === 'manufacturing' && k.region === 'CN>US');
    expect(magnets.exports.meanWithout).toBeCloseTo(mean(twinRuns.map((r) => sumOver(r.series, route))), 6);
    // To the US alone, less than China's magnet exports to everyone (the oxide quota, at another stage, reads every destination).
    const all = compiled.layout.series.findIndex((k) => k.metric === 'exports' && k.material === 'ndpr' && k.stage === 'manufacturing' && k.region === 'CN');
    expect(magnets.exports.meanWith).toBeLessThan(0.9 * mean(own.map((r) => sumOver(r.series, all))));
    const oxide = impact.exportControls!.find((c) => c.event === 'cnQuotaNdpr')!;
    const oxideAll = compiled.layout.series.findIndex((k) => k.metric === 'exports' && k.material === 'ndpr' && k.stage === 'processing' && k.region === 'CN');
    expect(oxide.exports.meanWith).toBeCloseTo(mean(own.map((r) => sumOver(r.series, oxideAll))), 6);
  });

  it('states per export control its weeks, a quota\'s binding weeks and the exporter\'s exports in them against its stage\'s twin', async () => {
    const { spec } = loadScenario(shipped('threat-export-quota'), { set: SMALL });
    const compiled = compileScenario(spec);
    const own = await runMonteCarlo({ compiled, masterSeed: 2, replicates: 3, workers: 0 });
    const impact = await measureDisruptionImpact({ spec, layout: compiled.layout, summaries: own.map((r) => r.summaries), masterSeed: 2, runReplicates: 3, replicateCap: 3, workers: 0 });
    const controls = impact.exportControls!;
    expect(controls.map((c) => c.event)).toEqual(spec.events.map((e) => e.id));
    const T = compiled.layout.ticks;
    const weeksPerTick = 52 / spec.ticksPerYear;
    for (const c of controls) {
      // In force from January 2026 to this two-year run's end (January 2027): 12 monthly ticks.
      expect(c).toMatchObject({ mode: 'quota', exporter: 'CN', quotaShare: 0.5, weeks: 52, window: { startTick: 12, endTick: 24 } });
      expect(c.without).toEqual(impact.stages.find((s) => s.stage === c.stage)!.events);
      expect(c.without).toContain(c.event);
      // As scripted: the run's own exports series, summed over the control's ticks.
      const exports = compiled.layout.series.findIndex((k) => k.metric === 'exports' && k.material === c.material && k.stage === c.stage && k.region === 'CN');
      const summed = own.map((r) => r.series.subarray(exports * T + 12, exports * T + 24).reduce((sum, x) => sum + x, 0) * weeksPerTick);
      expect(c.exports.meanWith).toBeCloseTo(summed.reduce((a, b) => a + b, 0) / summed.length, 6);
      expect(c.exports.mean).toBeCloseTo(c.exports.meanWith - c.exports.meanWithout, 6);
      // Binding weeks: the runs' own summaries, within the weeks in force.
      const binding = compiled.layout.summaries.findIndex((k) => k.metric === 'exportQuotaWeeksBinding' && k.region === c.event);
      const bound = own.map((r) => r.summaries[binding]);
      expect(c.weeksBinding).toEqual({ mean: bound.reduce((a, b) => a + b, 0) / bound.length, min: Math.min(...bound), max: Math.max(...bound), runsBound: bound.filter((w) => w > 0).length, n: 3 });
      expect(c.weeksBinding!.max).toBeLessThanOrEqual(c.weeks);
      // The ceiling's tonnes over its weeks: the runs' own summaries; exports never exceed it.
      const allowed = compiled.layout.summaries.findIndex((k) => k.metric === 'exportQuotaAllowedTonnes' && k.region === c.event);
      expect(c.allowed).toBeCloseTo(own.reduce((sum, r) => sum + r.summaries[allowed], 0) / own.length, 6);
      expect(c.exports.meanWith).toBeLessThanOrEqual(c.allowed! * (1 + 1e-9));
      // The rent its buyers paid: the runs' own summaries, positive where it bound.
      const rent = compiled.layout.summaries.findIndex((k) => k.metric === 'exportQuotaRentUsd' && k.region === c.event);
      expect(c.rentUsd).toBeCloseTo(own.reduce((sum, r) => sum + r.summaries[rent], 0) / own.length, 6);
      if (c.weeksBinding!.min > 0) expect(c.rentUsd).toBeGreaterThan(0);
    }
    // Each struck stage states what home end users received of its materials, paired.
    for (const s of impact.stages.filter((x) => x.events.length > 0)) {
      expect(s.homeConsumption!.map((m) => m.material).sort()).toEqual(['dy', 'ndpr']);
      for (const m of s.homeConsumption!) expect(m.mean).toBeCloseTo(m.meanWith - m.meanWithout, 6);
    }
    // China makes most of the world's magnets: half of last year's magnet exports binds, and the exports fall.
    for (const c of controls.filter((x) => x.stage === 'manufacturing')) {
      expect(c.weeksBinding!.min).toBeGreaterThan(0);
      expect(c.exports.ciHigh).toBeLessThan(0);
    }
  });

  it('runs nothing and reports no stage when the scenario has no disruptive event', async () => {
    const { spec } = loadScenario(shipped('baseline'), { set: SMALL });
    const compiled = compileScenario(spec);
    const impact = await measureDisruptionImpact({ spec: { ...spec, events: [] }, layout: compiled.layout, summaries: [], masterSeed: 1, runReplicates: 2, replicateCap: 2, workers: 0 });
    expect(impact.stages.every((s) => s.events.length === 0)).toBe(true);
    expect(impact.disruptions).toBeUndefined();
  });
});
