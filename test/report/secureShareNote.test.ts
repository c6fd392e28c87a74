import { describe, expect, it } from 'vitest';
import type { ChartCollector } from '../../src/report/createChartCollector.ts';
import type { ComparisonEntry } from '../../src/report/readComparisonJson.ts';
import type { ScenarioOverview } from '../../src/report/readScenarioOverview.ts';
import { renderComparisonSection } from '../../src/report/renderComparisonSection.ts';

const charts: ChartCollector = { add: async () => '', finish: async () => [] };
const overview = (name: string, events: ScenarioOverview['events']): ScenarioOverview => ({
  name, description: '', startYear: 2025, years: 10, ticksPerYear: 52, homeRegion: 'US', foreignRegion: 'CN',
  regions: [{ id: 'US', name: 'United States', alignment: 'home' }], materials: [{ id: 'graphite', name: 'Natural graphite' }] as ScenarioOverview['materials'],
  events: [{ id: 'licence', kind: 'exportControl', start: 1, end: 9, announced: NaN, fields: { kind: 'exportControl', material: 'graphite', stage: 'processing' } }, ...events],
  threat: [], document: {},
});
const subsidy = { id: 'usCapexGraphite', kind: 'subsidy', start: 1, end: 9, announced: NaN, fields: { kind: 'subsidy', region: 'US', material: 'graphite', stage: 'processing', mode: 'capex', capexShare: 0.3 } };
const entry = (metric: string, difference: number, half: number, direction: ComparisonEntry['direction'], unit = 't'): ComparisonEntry => ({
  alternative: 'subsidy', metric, meanA: 100, meanB: 100 + difference, meanDifference: difference, ciLow: difference - half, ciHigh: difference + half, pBetter: NaN, pWorse: NaN, n: 40, unit, direction,
});
// The share is about 2.6 times home demand: a fall of 0.0049 is 0.19% of it, beyond the 0.1% the verdict calls negligible.
const share = { ...entry('finalSecureSupplyShare.graphite.processing', -0.0049, 0.0037, 'higher', 'x home demand'), meanA: 2.6, meanB: 2.6 - 0.0049 };

async function render(entries: ComparisonEntry[]): Promise<string> {
  const html = await renderComparisonSection({ reference: 'threat', alternatives: ['subsidy'], entries, costEffectiveness: new Map() }, {
    reference: { label: 'threat', overview: overview('threat', []) }, alternatives: [{ label: 'subsidy', overview: overview('subsidy', [subsidy]) }],
  }, (id) => (id === 'graphite' ? 'Natural graphite' : id), charts);
  return html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

describe('the compare verdict on capacity per unit of home demand', () => {
  it('explains a clearly lower share where end users clearly receive more of the material: demand rose', async () => {
    const text = await render([entry('cumulativeConsumption.graphite.endUse.US', 1210, 170, 'higher'), share]);
    // Not listed as worse: said apart, with the reason.
    expect(text).not.toContain('Clearly worse');
    // A folder without capacity per strategy (before audit 24): the label, saying capacity was not checked.
    expect(text).toContain('Probably lower because demand rose (the ratio is home and allied capacity divided by home demand at the end): Natural graphite: home and allied processing capacity at the end (× home demand): end users receive clearly more Natural graphite here, so demand probably rose; this folder does not hold capacity per strategy, so whether capacity fell too is not checked (a compare run with this version writes it).');
  });

  it('says nothing of the kind when consumption did not clearly rise', async () => {
    const text = await render([entry('cumulativeConsumption.graphite.endUse.US', 10, 170, 'higher'), share]);
    expect(text).toContain('Clearly worse : Natural graphite: home and allied processing capacity at the end (× home demand).');
    expect(text).not.toMatch(/Lower where home demand rose|Probably lower because demand rose/);
  });
});

describe('the compare verdict with capacity and demand per strategy (audit 24, H3)', () => {
  // The share's two parts as crm-sim compare writes them: capacity of home and allied regions and home demand at the end, t/yr.
  const part = (metric: string, meanA: number, difference: number, half: number): ComparisonEntry => ({ ...entry(metric, difference, half, metric.startsWith('finalSecureCapacity') ? 'higher' : '', 't/yr'), meanA, meanB: meanA + difference });
  const consumption = entry('cumulativeConsumption.graphite.endUse.US', 1210, 170, 'higher');

  it('reports capacity that is itself clearly lower as a finding, not as a rise in demand', async () => {
    const text = await render([consumption, share, part('finalSecureCapacity.graphite.processing', 419, -16.9, 4.8), part('finalHomeDemand.graphite.endUse.US', 391, 1.66, 1.8)]);
    expect(text).not.toMatch(/Lower where home demand rose|Probably lower because demand rose/);
    expect(text).toContain('Clearly worse : Natural graphite: home and allied processing capacity at the end (× home demand).');
    expect(text).toContain('Capacity clearly lower (not only a rise in demand): Natural graphite: home and allied processing capacity at the end 402 t/yr against 419 t/yr, −16.9 t/yr (−21.7 to −12.1 t/yr); home demand not clearly different, 393 t/yr against 391 t/yr, +1.7 t/yr (−0.1 to +3.5 t/yr).');
  });

  it('keeps the label where capacity is not clearly lower and demand clearly rose, with both figures', async () => {
    const text = await render([consumption, share, part('finalSecureCapacity.graphite.processing', 33100, -451, 646), part('finalHomeDemand.graphite.endUse.US', 14970, 206, 117)]);
    expect(text).not.toContain('Clearly worse');
    expect(text).toContain('Lower where home demand rose, capacity not clearly lower (the ratio is home and allied capacity divided by home demand at the end): Natural graphite: home and allied processing capacity at the end (× home demand): capacity not clearly lower, 32,600 t/yr against 33,100 t/yr, −451 t/yr (−1,097 to +195 t/yr); home demand higher, 15,200 t/yr against 15,000 t/yr, +206 t/yr (+89 to +323 t/yr).');
    expect(text).not.toContain('series.csv');
  });

  it('does not use the label when demand did not clearly rise, even with capacity not clearly lower', async () => {
    const text = await render([consumption, share, part('finalSecureCapacity.graphite.processing', 33100, -300, 646), part('finalHomeDemand.graphite.endUse.US', 14970, 30, 44)]);
    expect(text).not.toMatch(/Lower where home demand rose|Probably lower because demand rose/);
    expect(text).not.toContain('Capacity clearly lower');
    expect(text).toContain('Clearly worse : Natural graphite: home and allied processing capacity at the end (× home demand).');
  });
});

describe('the compare forest plot', () => {
  it('leaves out a headline metric every strategy leaves unchanged in every run, and names it in the caption', async () => {
    const captured: { caption?: string }[] = [];
    const collector: ChartCollector = { add: async (_name, _spec, options) => { captured.push({ caption: options?.caption }); return ''; }, finish: async () => [] };
    const same = { ...entry('shortfallWeeks.graphite.endUse.US', 0, 0, 'lower', 'weeks'), ciLow: 0, ciHigh: 0 };
    await renderComparisonSection({ reference: 'threat', alternatives: ['subsidy'], entries: [same, entry('cumulativeConsumption.graphite.endUse.US', 1210, 170, 'higher'), share], costEffectiveness: new Map() }, {
      reference: { label: 'threat', overview: overview('threat', []) }, alternatives: [{ label: 'subsidy', overview: overview('subsidy', [subsidy]) }],
    }, (id) => (id === 'graphite' ? 'Natural graphite' : id), collector);
    const forest = captured.find((c) => c.caption?.startsWith('The home region’s headline metrics'));
    expect(forest?.caption).toContain('Left out, the same in every run for every strategy: Weeks short · Natural graphite · end use · US.');
  });
});

describe('the compare verdict on tiny differences', () => {
  it('calls a floating-point difference no change, and a clear one under 0.1% of the level negligible rather than better', async () => {
    const noise = { ...entry('peakPriceMultiple.graphite.manufacturing.US', -4.44e-17, 2e-16, 'lower', 'x base'), meanA: 1.3, meanB: 1.3 };
    const tiny = { ...entry('peakPriceMultiple.graphite.processing.US', -0.0000662, 0.00001, 'lower', 'x base'), meanA: 1.15, meanB: 1.15 - 0.0000662 };
    const text = await render([entry('cumulativeConsumption.graphite.endUse.US', 1210, 170, 'higher'), noise, tiny]);
    expect(text).toContain('no change beyond rounding');
    expect(text).toMatch(/Clear but negligible \(under 0\.1% of the reference’s level\): Natural graphite: peak refined price/);
    expect(text).toMatch(/Clearly better \(the 95% CI of the difference excludes 0\): Natural graphite: consumption \(received\)\./);
    // Not a headline row here: among the other metrics, ranked last and said to be rounding.
    expect(text).toContain('Peak price (× start) · Natural graphite · manufacturing · US no change beyond rounding');
  });
});
