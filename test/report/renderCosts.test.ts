import { describe, expect, it } from 'vitest';
import type { RunContext } from '../../src/report/deriveRunContext.ts';
import type { MetricSummary, SummaryMetrics } from '../../src/report/readSummaryJson.ts';
import { renderCosts } from '../../src/report/renderCosts.ts';

const context: RunContext = { home: 'US', homeName: 'United States', foreign: 'CN', foreignName: 'China', regions: ['US', 'CN'], materials: [] };
/** A summary whose replicates all lie in [min, max] around `mean` with the given CI. */
const metric = (mean: number, ciLow: number, ciHigh: number, min: number, max: number): MetricSummary =>
  ({ n: 30, mean, ciLow, ciHigh, p5: min, p25: mean, p50: mean, p75: mean, p95: max, min, max, unit: 'USD' }) as MetricSummary;
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/\s+/g, ' ');

describe('renderCosts', () => {
  it('adds the net cost when stockpiles make it differ, and words a net gain as a gain with its interval in gains', () => {
    const summary: SummaryMetrics = new Map([
      ['policyCost.US', metric(4.92e8, 4.82e8, 5.01e8, 4.7e8, 5.1e8)],
      ['netPolicyCost.US', metric(-1.12e8, -1.18e8, -1.06e8, -1.3e8, -0.9e8)],
    ]);
    const html = text(renderCosts(context, summary));
    expect(html).toContain('Spending of the government of the United States on the scenario\'s policies: USD 492 million on average over the run (95% CI USD 482 million to USD 501 million).');
    expect(html).toContain('a gain of USD 112 million on average (95% CI USD 106 million to USD 118 million).');
    expect(html).toContain('The cost of holding stock (financing, storage) counts only where a stockpile sets carryingCostSharePerYear.');
    expect(html).toContain('A net gain is what its stockpiles sold above base prices');
    const cost = text(renderCosts(context, new Map([['policyCost.US', metric(4.92e8, 4.82e8, 5.01e8, 4.7e8, 5.1e8)], ['netPolicyCost.US', metric(3e6, 1e6, 5e6, 0, 6e6)]])));
    expect(cost).toContain('Net of the change in its stockpiles (stock at the end less stock at the start, valued at base prices) and of what they sold: USD 3.00 million on average');
    expect(cost).not.toContain('A net gain');
  });

  it('leaves the net cost out when it equals the spending (no stockpile), and says nothing was spent when nothing was', () => {
    const same = metric(3e7, 2e7, 4e7, 1e7, 5e7);
    expect(text(renderCosts(context, new Map([['policyCost.US', same], ['netPolicyCost.US', same]])))).not.toContain('Net of the change');
    const nothing = metric(0, 0, 0, 0, 0);
    expect(text(renderCosts(context, new Map([['policyCost.US', nothing]])))).toContain('policies: nothing in any run.');
    expect(renderCosts(context, new Map())).toBe('');
  });
});

describe('renderCosts: the foreign actor', () => {
  const spent = new Map([['foreignActorCost.CN', metric(3.44e9, 2.52e9, 4.35e9, 1e9, 5e9)]]);

  it('says the spending is the standing rules’ price wars (baseline behaviour) when the scenario scripts no price cut or acquisition', () => {
    const html = text(renderCosts({ ...context, eventKinds: ['exportControl', 'stockpile'] }, spent));
    expect(html).toContain('USD 3.44 billion on average over the run');
    expect(html).toContain("This scenario's events script no price cut or acquisition: it comes from price wars that its standing rules (foreignActor.rules) start whenever rivals outgrow it, in the baseline too");
    expect(html).toContain('baseline behaviour, not a hostile action the scenario scripts');
  });

  it('names both sources when the scenario scripts a price war, and adds nothing when the actor spent nothing', () => {
    const html = text(renderCosts({ ...context, eventKinds: ['priceManipulation'] }, spent));
    expect(html).toContain("Besides the scenario's scripted price cuts and acquisitions, it includes price wars that its standing rules");
    expect(html).not.toContain('baseline behaviour');
    expect(html).toContain('it includes price wars');
    expect(text(renderCosts({ ...context, eventKinds: [] }, spent))).toContain('The scenario scripts no event: it comes from price wars that its standing rules (foreignActor.rules) start whenever rivals outgrow it, the actor');
    const none = text(renderCosts({ ...context, eventKinds: [] }, new Map([['foreignActorCost.CN', metric(0, 0, 0, 0, 0)]])));
    expect(none).toContain('acquisitions: nothing in any run.');
    expect(none).not.toContain('standing rules');
  });

  it('says the actor spent its whole budget in every run when every run spent exactly its standing rules’ budget', () => {
    // As in threat-export-quota: every run spends foreignActor.rules.budgetUsd, to rounding.
    const whole = new Map([['foreignActorCost.CN', metric(5e9 + 2e-6, 5e9 - 3e-6, 5e9 + 7e-6, 5e9 - 2.3e-5, 5e9 + 4.8e-5)]]);
    const html = text(renderCosts({ ...context, eventKinds: ['exportControl'], foreignRulesBudgetUsd: 5e9 }, whole));
    expect(html).toContain('Spending of the foreign actor (China) on price wars and acquisitions: its whole budget (USD 5 billion), spent in every run.');
    expect(html).not.toContain('the same in every run');
    // Some runs spent less, or a scripted price war spends from its own budget too, or no budget is known: no such claim.
    expect(text(renderCosts({ ...context, eventKinds: ['exportControl'], foreignRulesBudgetUsd: 5e9 }, spent))).not.toContain('whole budget');
    expect(text(renderCosts({ ...context, eventKinds: ['priceManipulation'], foreignRulesBudgetUsd: 5e9 }, whole))).not.toContain('whole budget');
    expect(text(renderCosts({ ...context, eventKinds: ['exportControl'] }, whole))).toContain('USD 5 billion over the run, the same in every run.');
  });

  it('names the tariff duties collected, as revenue, only where a tariff collected some', () => {
    const duties = new Map([['tariffRevenue.US', metric(2.5e8, 2.3e8, 2.7e8, 1e8, 4e8)]]);
    const html = text(renderCosts(context, duties));
    expect(html).toContain('Tariff duties collected by the government of the United States: USD 250 million on average over the run');
    expect(html).toContain('a transfer, not part of the policy cost');
    expect(text(renderCosts(context, new Map([['tariffRevenue.US', metric(0, 0, 0, 0, 0)]])))).not.toContain('Tariff duties');
  });

  it('points to the section on the standing rules when the folder records them (no pointer for an older folder)', () => {
    const pointer = 'The section “What the foreign actor did by its standing rules” lists its price wars';
    expect(text(renderCosts({ ...context, eventKinds: [] }, spent))).not.toContain(pointer);
    const recorded = new Map([...spent, ['actorPriceWarWeeks.ndpr.processing.CN', metric(100, 90, 110, 0, 200)]]);
    expect(text(renderCosts({ ...context, eventKinds: [] }, recorded))).toContain(pointer);
  });
});

describe('deriveRunContext: the foreign actor’s budget', () => {
  it('reads foreignActor.rules.budgetUsd from the resolved scenario, and leaves it out when absent', async () => {
    const { deriveRunContext } = await import('../../src/report/deriveRunContext.ts');
    const overview = { homeRegion: 'US', foreignRegion: 'CN', regions: [], materials: [], events: [], document: { foreignActor: { region: 'CN', rules: { budgetUsd: 5e9 } } } };
    expect(deriveRunContext(overview as never, new Map()).foreignRulesBudgetUsd).toBe(5e9);
    expect(deriveRunContext({ ...overview, document: {} } as never, new Map()).foreignRulesBudgetUsd).toBeUndefined();
  });
});
