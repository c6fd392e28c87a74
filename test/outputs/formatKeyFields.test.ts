import { describe, expect, it } from 'vitest';
import { formatKeyFields } from '../../src/outputs/formatKeyFields.ts';

describe('formatKeyFields', () => {
  it('keeps the parts that apply and writes the others as null, in the order metric, material, stage, region', () => {
    const full = formatKeyFields({ metric: 'peakPriceMultiple', material: 'ndpr', stage: 'processing', region: 'US', unit: 'x base' });
    expect(full).toEqual({ metric: 'peakPriceMultiple', material: 'ndpr', stage: 'processing', region: 'US' });
    expect(Object.keys(full)).toEqual(['metric', 'material', 'stage', 'region']);
    expect(formatKeyFields({ metric: 'policyCost', material: '', stage: '', region: 'US', unit: 'USD' }))
      .toEqual({ metric: 'policyCost', material: null, stage: null, region: 'US' });
    expect(formatKeyFields({ metric: 'finalSecureSupplyShare', material: 'ndpr', stage: 'mining', region: '', unit: 'x home demand' }))
      .toEqual({ metric: 'finalSecureSupplyShare', material: 'ndpr', stage: 'mining', region: null });
  });
});
