import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import type { ChartCollector } from '../../src/report/createChartCollector.ts';
import type { ComparisonEntry } from '../../src/report/readComparisonJson.ts';
import type { AlternativeReversalSplit } from '../../src/report/readReversalSplit.ts';
import { readReversalSplit } from '../../src/report/readReversalSplit.ts';
import type { ScenarioOverview } from '../../src/report/readScenarioOverview.ts';
import { renderComparisonSection } from '../../src/report/renderComparisonSection.ts';

const charts: ChartCollector = { add: async (_name: string, _spec: TopLevelSpec) => '', finish: async () => [] };
const shortfall = 'cumulativeShortfall.dy.endUse.US';
const overview = (name: string, events: ScenarioOverview['events'], reversalProbability: unknown): ScenarioOverview => ({
  name, description: '', startYear: 2025, years: 10, ticksPerYear: 52, homeRegion: 'US', foreignRegion: 'CN',
  regions: [{ id: 'US', name: 'United States', alignment: 'home' }], materials: [{ id: 'dy', name: 'Dysprosium oxide' }] as ScenarioOverview['materials'],
  events: [{ id: 'q', kind: 'exportControl', start: 1, end: 2.5, announced: NaN, fields: { kind: 'exportControl', material: 'dy', stage: 'processing' } }, ...events],
  threat: [], document: { government: { region: 'US', reversalProbability } },
});
const subsidy = { id: 'usCapexDy', kind: 'subsidy', start: 1, end: 9, announced: NaN, fields: { kind: 'subsidy', region: 'US', material: 'dy', stage: 'processing', mode: 'capex', capexShare: 0.3 } };
const entry: ComparisonEntry = { alternative: 'subsidy', metric: shortfall, meanA: 10, meanB: 6, meanDifference: -4, ciLow: -5, ciHigh: -3, pBetter: 1, pWorse: 0, n: 6, unit: 't', direction: 'lower' };

// As comparison.json states it: 2 of 6 runs reversed the subsidy; the shortfall fell by 5 t where it was kept, by 2 t where it was reversed.
const file = {
  reversalSplit: { subsidy: {
    policies: ['usCapexDy'], runsReversedByPolicy: { usCapexDy: 2 }, runsReversed: 2, runs: 6,
    metrics: { [shortfall]: { reversed: { n: 2, mean: -2, ciLow: -14.7, ciHigh: 10.7 }, kept: { n: 4, mean: -5, ciLow: -6.3, ciHigh: -3.7 }, difference: { mean: -3, ciLow: -11, ciHigh: 5 } } },
  } },
};

async function render(split: Map<string, AlternativeReversalSplit>, reversalProbability: unknown): Promise<string> {
  const comparison = { reference: 'threat', alternatives: ['subsidy'], entries: [entry], costEffectiveness: new Map(), reversalSplit: split };
  const html = await renderComparisonSection(comparison, {
    reference: { label: 'threat', overview: overview('threat', [], reversalProbability) },
    alternatives: [{ label: 'subsidy', overview: overview('subsidy', [subsidy], reversalProbability) }],
  }, (id) => (id === 'dy' ? 'Dysprosium oxide' : id), charts);
  return html.slice(html.indexOf('<h3>subsidy against threat</h3>'), html.indexOf('</div>'));
}

describe('renderReversalSplit', () => {
  it('tables the headline effect when kept and when reversed, names the policy and states the caveat', async () => {
    const callout = await render(readReversalSplit(file), { dist: 'uniform', min: 0.15, max: 0.45 });
    expect(callout).toContain('<h4>If an election reverses it</h4>');
    expect(callout).toContain('US capex subsidy (30% of capex): refined dysprosium oxide (processing) (reversed in 2 of 6 runs)');
    expect(callout).toContain('<th scope="col" class="num">Kept (4 runs)</th><th scope="col" class="num">Reversed (2 runs)</th>');
    expect(callout).toContain('<td class="num">−5.00 t (−6.30 to −3.70 t)</td><td class="num">−2 t (−15 to +11 t)</td><td class="num">−3.0 t (−11.0 to +5.0 t)</td>');
    // 2 runs on one side: no reading of a gap, only the table.
    expect(callout).toContain('Where an election reversed US capex subsidy (30% of capex): refined dysprosium oxide (processing) (2 of 6 runs): 2 runs on one side are too few to read a gap (at least 10 on each side; run more replicates). The table gives the figures.');
    // With 12 of 30 reversed, the clearest gap is read out.
    const wide = readReversalSplit({ reversalSplit: { subsidy: { ...file.reversalSplit.subsidy, runsReversed: 12, runs: 30, runsReversedByPolicy: { usCapexDy: 12 } } } });
    expect(await render(wide, 0.3)).toContain('Where an election reversed US capex subsidy (30% of capex): refined dysprosium oxide (processing) (12 of 30 runs), the effect on Dysprosium oxide: unmet demand was −2 t instead of −5 t where it was kept (a gap its 95% CI does not tell from zero: kept − reversed −3.0 t, 95% CI −11.0 to +5.0 t).');
    expect(callout).toContain('drawn per run: uniform 0.15–0.45');
    expect(callout).toContain('not the causal effect of the reversal alone');
    expect(callout).toContain('about 1 gap in 20 would exclude 0 by chance');
  });

  it('rounds a group of one run (no interval) to its three significant digits and says it has none', async () => {
    const cost = 'policyCost.US';
    const costEntry: ComparisonEntry = { ...entry, metric: cost, meanA: 0, meanB: 9.19e7, meanDifference: 9.19e7, ciLow: 9.04e7, ciHigh: 9.23e7, unit: 'USD', direction: 'lower' };
    const one = readReversalSplit({ reversalSplit: { subsidy: { ...file.reversalSplit.subsidy, runsReversed: 5, runsReversedByPolicy: { usCapexDy: 5 }, metrics: {
      [cost]: { kept: { n: 1, mean: 9.19e7, ciLow: null, ciHigh: null }, reversed: { n: 5, mean: 9.14e7, ciLow: 9.04e7, ciHigh: 9.23e7 }, difference: { mean: 524_639, ciLow: null, ciHigh: null } },
    } } } });
    const comparison = { reference: 'threat', alternatives: ['subsidy'], entries: [entry, costEntry], costEffectiveness: new Map(), reversalSplit: one };
    const html = await renderComparisonSection(comparison, {
      reference: { label: 'threat', overview: overview('threat', [], 0.3) },
      alternatives: [{ label: 'subsidy', overview: overview('subsidy', [subsidy], 0.3) }],
    }, (id) => id, charts);
    // Not "+USD 524,639": a lone mean is not written to the dollar.
    expect(html).toContain('<td class="num">+USD 91.9 million (n/a)</td><td class="num">+USD 91.4 million (+USD 90.4 million to +USD 92.3 million)</td><td class="num">+USD 525,000 (n/a)</td>');
  });

  it('says when no split is possible, and renders nothing for an alternative without reversible policies', async () => {
    const all = readReversalSplit({ reversalSplit: { subsidy: { ...file.reversalSplit.subsidy, runsReversed: 6, runsReversedByPolicy: { usCapexDy: 6 }, metrics: {} } } });
    const callout = await render(all, 0.3);
    expect(callout).toContain('An election reversed US capex subsidy (30% of capex): refined dysprosium oxide (processing) in every one of the 6 runs: no split possible');
    expect(callout).not.toContain('Kept (');
    expect(callout).toContain('The reversal probability was 0.3 at every election in every run');
    const none = readReversalSplit({ reversalSplit: { subsidy: { ...file.reversalSplit.subsidy, runsReversed: 0, runsReversedByPolicy: { usCapexDy: 0 }, metrics: {} } } });
    expect(await render(none, 0.3)).toContain('No election reversed US capex subsidy (30% of capex): refined dysprosium oxide (processing) in any of the 6 runs: no split possible');
    expect(await render(new Map(), 0.3)).not.toContain('If an election reverses it');
  });

  it('with several policies, splits by each alone where every run lost at least one', async () => {
    const ndpr = { ...subsidy, id: 'usFloorNdpr', fields: { ...subsidy.fields, material: 'ndpr', mode: 'priceFloor', priceFloorUsdPerTonne: 110000 } };
    const byDy = file.reversalSplit.subsidy.metrics;
    const split = readReversalSplit({ reversalSplit: { subsidy: {
      policies: ['usCapexDy', 'usFloorNdpr'], runsReversedByPolicy: { usCapexDy: 2, usFloorNdpr: 6 }, runsReversed: 6, runs: 6, metrics: {},
      byPolicy: { usCapexDy: { runsReversed: 2, metrics: byDy }, usFloorNdpr: { runsReversed: 6, metrics: {} } },
    } } });
    const comparison = { reference: 'threat', alternatives: ['subsidy'], entries: [entry], costEffectiveness: new Map(), reversalSplit: split };
    const html = await renderComparisonSection(comparison, {
      reference: { label: 'threat', overview: overview('threat', [], 0.3) },
      alternatives: [{ label: 'subsidy', overview: overview('subsidy', [subsidy, ndpr], 0.3) }],
    }, (id) => id, charts);
    expect(html).toContain('An election reversed at least one of its 2 reversible policies in every one of the 6 runs: no split possible (no runs to set against them); each policy alone below.');
    expect(html).toContain('<td class="num">−5.00 t (−6.30 to −3.70 t)</td><td class="num">−2 t (−15 to +11 t)</td>');
    expect(html).toContain('An election reversed US price floor (USD 110,000/t): refined ndpr (processing) in every one of the 6 runs: no split possible');
    expect(html).toContain('Split by one policy, the runs that kept it may have lost another.');
  });
});
