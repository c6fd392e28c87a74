import { describe, expect, it } from 'vitest';
import { describeCrossMaterialSwing } from '../../src/report/describeCrossMaterialSwing.ts';

const ids = ['ndpr', 'graphite'];
const name = (id: string): string => ({ ndpr: 'NdPr oxide', graphite: 'Natural graphite' })[id] ?? id;

describe('describeCrossMaterialSwing', () => {
  it('explains a top parameter of another material through the channels that join materials', () => {
    const text = describeCrossMaterialSwing('materials.ndpr.demand.growthPerYear', 'cumulativeConsumption.graphite.endUse.US', ids, name);
    expect(text).toContain('That parameter is NdPr oxide’s, not Natural graphite’s');
    expect(text).toContain('the engineers a region’s projects share, the foreign actor’s one budget and, where a scenario declares one, a by-product’s host');
  });

  it('says nothing for the same material, a parameter of no material, or a metric of none', () => {
    expect(describeCrossMaterialSwing('materials.graphite.demand.growthPerYear', 'cumulativeConsumption.graphite.endUse.US', ids, name)).toBe('');
    expect(describeCrossMaterialSwing('government.reversalProbability', 'cumulativeConsumption.graphite.endUse.US', ids, name)).toBe('');
    expect(describeCrossMaterialSwing('materials.ndpr.demand.growthPerYear', 'policyCost.US', ids, name)).toBe('');
    expect(describeCrossMaterialSwing('materials.ndpr.demand.growthPerYear', 'materialPolicyCost.ndpr.US', ids, name)).toBe('');
    expect(describeCrossMaterialSwing('materials.ndpr.demand.growthPerYear', 'policyCost', ids, name)).toBe('');
  });
});
