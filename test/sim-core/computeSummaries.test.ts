import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { loadScenario } from '../../src/scenario/loadScenario.ts';
import { compileScenario, createReplicateRunner } from '../../sim-core/index.ts';
import { computeSummaries, SEVERE_SHORTFALL_SHARE, SHORTFALL_THRESHOLD_SHARE } from '../../sim-core/record/computeSummaries.ts';
import { STOCKPILE_FORMS, STOCKPILE_TRIGGERS } from '../../sim-core/world/world.ts';

const { spec } = loadScenario(new URL('../../scenarios/baseline.yaml', import.meta.url).pathname, { set: ['years=1', 'ticksPerYear=52'] });
const compiled = compileScenario(spec);
const { layout, offsets } = compiled;
const M = spec.materials.length;
const R = spec.regions.length;
const T = layout.ticks;
const home = spec.regions.findIndex((region) => region.id === spec.government.region);
/** An empty stockpile release tally (by trigger, form, material and region), as a world without sales holds. */
const noReleases = (materials: number, regions: number) => new Float64Array(STOCKPILE_TRIGGERS * STOCKPILE_FORMS * materials * regions);

/** Summaries of a synthetic replicate whose first material's home end-use shortfall share is `shares[t]`. */
function summariesFor(shares: number[]): (metric: string) => number {
  const series = new Float64Array(layout.series.length * T);
  const demand = offsets.demand + (0 * 3 + 2) * R + home;
  const short = offsets.shortfall + (0 * 3 + 2) * R + home;
  for (let t = 0; t < T; t++) {
    series[demand * T + t] = 100;
    series[short * T + t] = 100 * (shares[t] ?? 0);
  }
  const out = computeSummaries(layout, offsets, series, new Float64Array(M * 3 * R).fill(1), M, R, noReleases(M, R), new Float64Array(2 * M));
  const material = spec.materials[0].id;
  return (metric) => out[layout.summaries.findIndex((key) => key.metric === metric && key.material === material && key.region === spec.government.region)];
}

describe('computeSummaries: severe shortfall weeks', () => {
  it('counts weeks above 10% of demand and the longest run of them', () => {
    const severe = SEVERE_SHORTFALL_SHARE * 1.5;
    const mild = (SHORTFALL_THRESHOLD_SHARE + SEVERE_SHORTFALL_SHARE) / 2;
    // runs of 3 and 5 severe weeks, a mild week between them, and a week exactly at the threshold (not severe)
    const shares = [0, severe, severe, severe, mild, severe, severe, severe, severe, severe, SEVERE_SHORTFALL_SHARE, 0];
    const get = summariesFor(shares);
    expect(get('severeShortfallWeeks')).toBe(8);
    expect(get('longestSevereShortfallWeeks')).toBe(5);
    expect(get('shortfallWeeks')).toBe(10);
  });

  it('is zero when never severely short, and at most the weeks short', () => {
    const get = summariesFor([0.05, 0.05, 0.02]);
    expect(get('severeShortfallWeeks')).toBe(0);
    expect(get('longestSevereShortfallWeeks')).toBe(0);
    expect(get('shortfallWeeks')).toBe(3);
  });
});

describe('computeSummaries: cumulative consumption', () => {
  it('sums what end users received, in tonnes, over the run', () => {
    const series = new Float64Array(layout.series.length * T);
    const received = offsets.consumption + (0 * 3 + 2) * R + home;
    for (let t = 0; t < T; t++) series[received * T + t] = t % 2 === 0 ? 3 : 1;
    const out = computeSummaries(layout, offsets, series, new Float64Array(M * 3 * R).fill(1), M, R, noReleases(M, R), new Float64Array(2 * M));
    const at = layout.summaries.findIndex((key) => key.metric === 'cumulativeConsumption' && key.material === spec.materials[0].id && key.region === spec.government.region);
    expect(layout.summaries[at]).toMatchObject({ stage: 'endUse', unit: 't' });
    expect(out[at]).toBe(2 * T); // weekly ticks: t/week × 1 week each
  });

  it('closes with unmet demand in a real replicate: consumption + shortfall = demand, for every material and region', () => {
    const result = createReplicateRunner(compileScenario({ ...spec, events: [...spec.events, { kind: 'exportControl', material: spec.materials[0].id, stage: 'manufacturing', exporter: spec.foreignActor.region, mode: 'ban', start: 0.1 }] }))(7, 0);
    let checked = 0;
    for (let m = 0; m < M; m++) {
      for (let r = 0; r < R; r++) {
        const value = (metric: string) => result.summaries[layout.summaries.findIndex((key) => key.metric === metric && key.material === spec.materials[m].id && key.region === spec.regions[r].id)];
        const demandIndex = offsets.demand + (m * 3 + 2) * R + r;
        let demand = 0;
        for (let t = 0; t < T; t++) demand += result.series[demandIndex * T + t];
        if (demand === 0) continue;
        expect(Math.abs(value('cumulativeConsumption') + value('cumulativeShortfall') - demand)).toBeLessThan(1e-9 * demand); // rounding only
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(M);
    // The ban on component exports leaves some home demand unmet, so the closure is not the trivial one.
    const homeShortfall = result.summaries[layout.summaries.findIndex((key) => key.metric === 'cumulativeShortfall' && key.material === spec.materials[0].id && key.region === spec.government.region)];
    expect(homeShortfall).toBeGreaterThan(0);
  });
});

describe('computeSummaries: price extremes', () => {
  it('gives each segment its peak and its lowest price over its base, from its own price series (a dip of a price war and the spike after it)', () => {
    const series = new Float64Array(layout.series.length * T);
    const base = new Float64Array(M * 3 * R).fill(100);
    // One segment, the second material's components in the last region: a dip to 60 in week 10, a spike to 250 in week 30.
    const segment = (1 * 3 + 2) * R + (R - 1);
    for (let s = 0; s < M * 3 * R; s++) for (let t = 0; t < T; t++) series[(offsets.price + s) * T + t] = 100;
    series[(offsets.price + segment) * T + 10] = 60;
    series[(offsets.price + segment) * T + 30] = 250;
    const out = computeSummaries(layout, offsets, series, base, M, R, noReleases(M, R), new Float64Array(2 * M));
    const value = (metric: string, s: number) => out[layout.summaries.findIndex((key) => key.metric === metric && key.material === spec.materials[Math.floor(s / (3 * R))].id
      && key.stage === ['mining', 'processing', 'manufacturing'][Math.floor(s / R) % 3] && key.region === spec.regions[s % R].id)];
    expect(value('troughPriceMultiple', segment)).toBe(0.6);
    expect(value('peakPriceMultiple', segment)).toBe(2.5);
    expect(value('timeToPeakWeeks', segment)).toBe(30);
    for (let s = 0; s < M * 3 * R; s++) if (s !== segment) expect([value('troughPriceMultiple', s), value('peakPriceMultiple', s)]).toEqual([1, 1]);
  });
});

describe('computeSummaries: one value per summary name', () => {
  const scenarioFiles = readdirSync('scenarios').filter((file) => file.endsWith('.yaml')).sort();

  it('finds the shipped scenarios (the check below is not vacuous)', () => {
    expect(scenarioFiles.length).toBeGreaterThanOrEqual(15);
  });

  // A writer missing from computeSummaries (or a name added to resultLayout.ts without its writer) makes
  // the count check throw, so every shipped scenario's layout fails here.
  it.each(scenarioFiles)('%s: writes exactly as many values as its layout names', (file) => {
    const { spec: shipped } = loadScenario(`scenarios/${file}`, { set: ['years=1'] });
    const { layout: shippedLayout, offsets: shippedOffsets } = compileScenario(shipped);
    const materials = shipped.materials.length;
    const regions = shipped.regions.length;
    const series = new Float64Array(shippedLayout.series.length * shippedLayout.ticks);
    const out = computeSummaries(shippedLayout, shippedOffsets, series, new Float64Array(materials * 3 * regions).fill(1), materials, regions, noReleases(materials, regions), new Float64Array(2 * materials));
    expect(out.length).toBe(shippedLayout.summaries.length);
  });

  it('throws, naming both counts, when the layout names one summary more or one fewer than the writers fill', () => {
    const series = new Float64Array(layout.series.length * T);
    const base = new Float64Array(M * 3 * R).fill(1);
    const n = layout.summaries.length;
    const oneMore = { ...layout, summaries: [...layout.summaries, layout.summaries[0]] };
    const oneFewer = { ...layout, summaries: layout.summaries.slice(0, -1) };
    expect(() => computeSummaries(oneMore, offsets, series, base, M, R, noReleases(M, R), new Float64Array(2 * M))).toThrow(`wrote ${n} summary values but the layout names ${n + 1} summaries`);
    expect(() => computeSummaries(oneFewer, offsets, series, base, M, R, noReleases(M, R), new Float64Array(2 * M))).toThrow(`wrote ${n} summary values but the layout names ${n - 1} summaries`);
  });
});
