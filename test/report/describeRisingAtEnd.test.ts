import { describe, expect, it } from 'vitest';
import { describeRisingAtEnd } from '../../src/report/describeRisingAtEnd.ts';

const materials = [
  { id: 'gallium', name: 'Gallium', priceStage: 'processing' },
  { id: 'ndpr', name: 'NdPr oxide', priceStage: 'processing' },
  { id: 'cobalt', name: 'Cobalt', priceStage: 'processing' },
];

describe('describeRisingAtEnd', () => {
  // Ten weekly years: 520 weeks; the last 13 weeks start at week 507.
  const replicates = new Map([
    ['timeToPeakWeeks.gallium.processing.US', [519, 519, 510, 507]],
    ['timeToPeakWeeks.ndpr.processing.US', [150, 160, 506, 170]],
    // One in four at the end: the threshold share, mentioned.
    ['timeToPeakWeeks.cobalt.processing.US', [519, 300, 200, 100]],
    ['timeToPeakWeeks.gallium.processing.CN', [0, 0, 0, 0]],
  ]);

  it('names the materials whose quoted price peaked in the last 13 weeks in at least a quarter of the runs, with the share', () => {
    const text = describeRisingAtEnd(materials, 'US', replicates, 520);
    expect(text).toContain('Prices still at their highest in the run\'s last 13 weeks: Gallium (100% of runs), Cobalt (25% of runs).');
    // Week 506 is 14 weeks before the end: NdPr is not named.
    expect(text).not.toContain('NdPr');
  });

  it('says nothing without replicates.csv, without a horizon, or when no material qualifies', () => {
    expect(describeRisingAtEnd(materials, 'US', undefined, 520)).toBe('');
    expect(describeRisingAtEnd(materials, 'US', replicates, NaN)).toBe('');
    expect(describeRisingAtEnd(materials.slice(1, 2), 'US', replicates, 520)).toBe('');
  });
});
