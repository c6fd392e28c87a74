import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import type { ChartCollector } from '../../src/report/createChartCollector.ts';
import { createImpactSpec } from '../../src/report/createImpactSpec.ts';
import type { MeasuredImpact, StageStress } from '../../src/report/readStressJson.ts';
import { renderThreatSection } from '../../src/report/renderThreatSection.ts';
import { renderStressRanking } from '../../src/report/renderStressRanking.ts';

type Data = { data: { values: Array<Record<string, unknown>> }; layer: Array<{ mark: Record<string, unknown>; encoding: { x?: { field?: string } } }> };

/** A collector that keeps the specs instead of rendering them. */
function collector(): ChartCollector & { specs: Map<string, Data> } {
  const specs = new Map<string, Data>();
  return { specs, add: async (name: string, spec: TopLevelSpec) => { specs.set(name, spec as unknown as Data); return `<figure id="fig-${name}"></figure>`; }, finish: async () => [] };
}

const m = (value: number, low: number, high: number, rank?: number): MeasuredImpact => ({ value, ciLow: low, ciHigh: high, unit: '', label: '', ...(rank === undefined ? {} : { rank }) });

// As ga-threat's stress test: by tonnes processing beats manufacturing, by value-weighted share unmet it is the other way round.
const stress = new Map<string, StageStress>([
  ['processing', { shortfall: m(1447, 611, 2283, 2), shortfallShare: m(0.00048, -0.00006, 0.001, 3), economicCost: m(2.35e9, -1e9, 5.7e9, 1) }],
  ['manufacturing', { shortfall: m(460, -629, 1549, 3), shortfallShare: m(0.00086, -0.0011, 0.0028, 2), economicCost: m(2.17e9, -4.6e9, 9e9, 2) }],
  ['endUse', { shortfall: m(2676, 2198, 3153, 1), shortfallShare: m(0.0104, 0.0094, 0.0113, 1), economicCost: m(-1.28e9, -3.5e9, 0.92e9, 4) }],
  ['recycling', { shortfall: m(0.53, -0.67, 1.74, 4), shortfallShare: m(0.000001, -0.000001, 0.000003, 4), economicCost: m(4.5e6, -1.9e6, 1.1e7, 3) }],
]);
const threat = [{ stage: 'processing', capability: 3, intent: 3 }, { stage: 'endUse', capability: 3, intent: 3 }];

describe('the stress report ranks stages as crm-sim stress does', () => {
  it('orders the table and the main chart by the share of demand unmet, with a chart by economic cost', async () => {
    const charts = collector();
    const html = await renderThreatSection(threat, 'China', { stress }, charts);
    const rowStages = [...html.matchAll(/<tr><td>([^<]+)<\/td>/g)].map((r) => r[1]);
    expect(rowStages).toEqual(['end use', 'manufacturing', 'processing', 'recycling']);
    expect(charts.specs.get('measured-impact')?.data.values.map((v) => v.stage)).toEqual(['end use', 'manufacturing', 'processing', 'recycling']);
    expect(charts.specs.get('measured-cost')?.data.values.map((v) => v.stage)).toEqual(['processing', 'manufacturing', 'recycling', 'end use']);
    // This fixture has no paired comparison of first and second (an older stress.json): no "first" claim.
    expect(html).not.toContain('ranks first');
    expect(html).not.toContain('is clearly first');
    expect(html).toContain('By share of demand unmet, end use has the largest mean (+1.04 percentage points); this stress.json has no paired comparison of it with manufacturing, so it is not known whether the two are clearly apart');
    expect(html).toContain('By economic cost, processing has the largest mean');
    expect(html).toContain('#1 · +1.04<br><span class="note">95% CI +0.940 to +1.13</span>');
    expect(html).toContain('#1 · +2,350<br><span class="note">95% CI −1,000 to +5,700</span>');
    // One rule per column, trailing zeros kept: three significant figures, not "+0.048 (95% CI −0.006 to +0.1)" beside "+1,502".
    expect(html).toContain('#3 · +0.0480<br><span class="note">95% CI −0.00600 to +0.100</span>');
    expect(html).toContain('only end use is clear of zero');
    // The share is of the undisturbed run's demand (computeShortfallShareChange), and the lead, chart axis and caption say so.
    expect(html).toContain('share of home end users’ demand left unmet</strong> (the extra tonnes left unmet as a share of what they demanded in the undisturbed run, '
      + 'so demand the higher price removed does not count as unmet; value-weighted');
    const caption = await (async () => {
      const captions: string[] = [];
      const keep: ChartCollector = { add: async (name, _spec, options) => { if (name === 'measured-impact') captions.push(options.caption); return ''; }, finish: async () => [] };
      await renderThreatSection(threat, 'China', { stress }, keep);
      return captions[0];
    })();
    expect(caption).toContain('as a share of the undisturbed run’s demand');
    expect(JSON.stringify(charts.specs.get('measured-impact'))).toContain('percentage points of undisturbed home demand left unmet');
    // A stress.json from before session 32 (no shortfallShareOf) differences each arm's own share: the lead says so, not the new definition.
    const old = await renderStressRanking(stress, () => undefined, collector(), { regionName: (id: string) => id, startYear: 2025, horizonYears: 10, shareOfOwnDemand: true });
    expect(old).toContain('in this stress.json, from before session 32, each run’s share of its own demand, differenced, so demand the higher price removed counts as unmet');
    expect(old).not.toContain('so demand the higher price removed does not count as unmet');
  });

  it('calls a clearly negative change in the share unmet fewer tonnes unmet, not more demand met', async () => {
    const fewer = new Map<string, StageStress>([
      ['processing', { shortfallShare: m(0.0001, 0.00001, 0.0002, 1), economicCost: m(2.2e8, 5e7, 6e8, 1) }],
      ['manufacturing', { shortfallShare: m(-0.0002, -0.0003, -0.0001, 2), economicCost: m(1e8, 2e7, 3e8, 2) }],
    ]);
    const html = await renderThreatSection(threat, 'China', { stress: fewer }, collector());
    expect(html).toContain('manufacturing’s change is clearly negative (95% CI below 0): with that disruption fewer tonnes of home end users’ demand went unmet than without it (value-weighted).');
  });

  it('says when a stage\'s change is clearly negative and what that means, instead of only "no increase is clear of zero"', async () => {
    // As threat-export-quota's stress test under the old cost formula: manufacturing clearly below zero.
    const negative = new Map<string, StageStress>([
      ['processing', { shortfallShare: m(0.0001, 0.00001, 0.0002, 1), economicCost: m(-2.2e8, -5e8, 6e7, 1) }],
      ['manufacturing', { shortfallShare: m(0, 0, 0, 2), economicCost: m(-1.07e9, -1.5e9, -6e8, 2) }],
    ]);
    const html = await renderThreatSection(threat, 'China', { stress: negative }, collector());
    expect(html).toContain('no stage’s increase is clear of zero (every 95% CI reaches 0 or below); manufacturing’s change is clearly negative (95% CI below 0): '
      + 'with that disruption home end users paid less or received more than without it, a gain rather than a cost.');
    expect(html).toContain('buying less is not counted as a saving');
    expect(html).toContain('only processing is clear of zero (95% CI above 0).');
  });

  it('words the leader as clearly first only when the paired comparison with the second excludes 0', async () => {
    const withTests = new Map(stress);
    const lead = (s: StageStress, key: 'shortfallShare' | 'economicCost', test: MeasuredImpact['firstVsSecond']): StageStress => ({ ...s, [key]: { ...s[key], firstVsSecond: test } });
    withTests.set('endUse', lead(stress.get('endUse')!, 'shortfallShare', { second: 'manufacturing', meanDifference: 0.0095, ciLow: 0.0088, ciHigh: 0.0102, n: 20, clearlyFirst: true }));
    // Processing's cost CI overlaps manufacturing's and the paired difference reaches 0.
    withTests.set('processing', lead(stress.get('processing')!, 'economicCost', { second: 'manufacturing', meanDifference: 1.8e8, ciLow: -9e8, ciHigh: 1.26e9, n: 20, clearlyFirst: false }));
    const html = await renderThreatSection(threat, 'China', { stress: withTests }, collector());
    expect(html).toContain('By share of demand unmet, end use is clearly first (+1.04 percentage points), ahead of manufacturing by +0.950 percentage points (95% CI +0.880 to +1.020 percentage points, paired over 20 runs);');
    expect(html).toContain('By economic cost, processing (+USD 2.35 billion) and manufacturing (+USD 2.17 billion) are not clearly apart: their paired difference, '
      + '+USD 0.2 billion (95% CI −USD 0.9 billion to +USD 1.3 billion, paired over 20 runs), does not exclude 0;');
    expect(html).not.toMatch(/processing (is clearly first|ranks first)/);
    // A comparison naming another second (not the file's ranking) is not used.
    withTests.set('endUse', lead(stress.get('endUse')!, 'shortfallShare', { second: 'recycling', meanDifference: 0.01, ciLow: 0.009, ciHigh: 0.011, n: 20, clearlyFirst: true }));
    expect(await renderThreatSection(threat, 'China', { stress: withTests }, collector())).not.toContain('end use is clearly first');
  });

  it('says how the expected impact was estimated, and that a file from before session 18 averaged randomly struck runs', async () => {
    const now = await renderThreatSection(threat, 'China', { stress }, collector());
    expect(now).toContain('A stage’s expected impact is its impact if struck (the mean over the paired runs) times a weight, the study’s threat score ÷ 9');
    expect(now).toContain('an assumption, not a measured probability');
    const old = new Map([...stress].map(([stage, s]) => [stage, Object.fromEntries(Object.entries(s).map(([k, v]) => [k, { ...v, hitWeighted: true }])) as StageStress]));
    const then = await renderThreatSection(threat, 'China', { stress: old }, collector());
    expect(then).toContain('This stress.json is from before session 18: a stage’s expected impact averages the runs a random draw');
    expect(then).not.toContain('times a weight');
  });

  it('writes each bar\'s value in its own row, right of the bar, its CI and 0', () => {
    const spec = createImpactSpec(['endUse', 'recycling'], new Map([['endUse', m(2676, 2198, 3153)], ['recycling', m(0.53, -0.67, 1.74)]]), 't') as unknown as Data;
    const text = spec.layer.find((l) => l.mark.type === 'text');
    expect(text?.mark.dy ?? 0).toBe(0);
    const at = (row: Record<string, unknown>): number => Number(row[text?.encoding.x?.field ?? 'value']);
    for (const row of spec.data.values) expect(at(row)).toBeGreaterThanOrEqual(Math.max(0, Number(row.value), Number(row.ciHigh)));
  });
});

describe('the threat view without a measurement (a compare folder)', () => {
  it('shows the study scores without a column of "not measured", and says why nothing is measured', async () => {
    const html = await renderThreatSection(threat, 'China', {}, collector());
    expect(html).not.toContain('not measured');
    expect(html).not.toContain('Measured impact');
    expect(html).toContain('Score (study)');
    expect(html).toContain('No impact is measured here');
  });
});
