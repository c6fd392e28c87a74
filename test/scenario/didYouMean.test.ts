import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance } from '../../src/scenario/didYouMean.ts';

describe('editDistance / didYouMean', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('demand', 'demand')).toBe(0);
    expect(editDistance('demnd', 'demand')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests close candidates only', () => {
    expect(didYouMean('exploraton', ['exploration', 'demand'])).toBe('exploration');
    expect(didYouMean('Demand', ['demand'])).toBe('demand');
    expect(didYouMean('zzzzzz', ['demand', 'mining'])).toBeUndefined();
  });

  it('counts a swap of two adjacent characters as one edit (optimal string alignment)', () => {
    expect(editDistance('yeras', 'years')).toBe(1);
    expect(editDistance('ndrp', 'ndpr')).toBe(1);
    expect(editDistance('ca', 'abc')).toBe(3); // OSA, not unrestricted Damerau (which gives 2)
    expect(didYouMean('yeras', ['years', 'regions'])).toBe('years');
    expect(didYouMean('ndrp', ['ndpr', 'dy', 'ga'])).toBe('ndpr');
  });

  it('suggests the one key that extends a word with its unit (downtime → downtimeYears), preferring a unit among several', () => {
    expect(didYouMean('downtime', ['facilityShare', 'downtimeYears', 'downtimeSpread'])).toBe('downtimeYears');
    expect(didYouMean('budget', ['budgetUsd', 'start'])).toBe('budgetUsd');
    expect(didYouMean('cost', ['costSpread', 'costCurve'])).toBeUndefined(); // two extensions, neither a unit
    expect(didYouMean('sta', ['start'])).toBeUndefined(); // too short to extend
  });
});
