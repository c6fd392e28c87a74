import { describe, expect, it } from 'vitest';
import { quotedPriceStage } from '../../src/impact/quotedPriceStage.ts';

describe('quotedPriceStage', () => {
  it('quotes the refined price whenever a disruption strikes refining, whatever the events\' order; else the first traded stage struck', () => {
    expect(quotedPriceStage(['manufacturing', 'processing'])).toBe('processing');
    expect(quotedPriceStage(['manufacturing'])).toBe('manufacturing');
    expect(quotedPriceStage(['recycling', 'mining'])).toBe('mining');
    expect(quotedPriceStage([])).toBe('processing');
  });
});
