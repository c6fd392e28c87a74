import { describe, expect, it } from 'vitest';
import { describeStageProduct } from '../../src/report/describeStageProduct.ts';

describe('describeStageProduct', () => {
  it('names each stage\'s product, a sentence-case material name in lower case inside the phrase', () => {
    expect(describeStageProduct('ndpr', 'NdPr oxide', 'manufacturing')).toBe('magnets containing NdPr oxide (manufacturing)');
    expect(describeStageProduct('dy', 'Dysprosium oxide', 'mining')).toBe('dysprosium oxide in concentrate (mining)');
    expect(describeStageProduct('gallium', 'Gallium', 'processing')).toBe('refined gallium (processing)');
    expect(describeStageProduct('cobalt', 'Cobalt (Co content)', 'recycling')).toBe('recycled cobalt (Co content; recycling)');
  });

  it('puts the stage inside a name\'s own brackets instead of a second pair', () => {
    expect(describeStageProduct('graphite', 'Natural graphite (battery grade)', 'processing')).toBe('refined natural graphite (battery grade; processing)');
    expect(describeStageProduct('lithium', 'Lithium (Li content)', 'manufacturing')).toBe('cathodes and cells containing lithium (Li content; manufacturing)');
  });
});
