import { describe, expect, it } from 'vitest';
import { formatShareOf, formatSharePercent } from '../../src/report/formatSharePercent.ts';

describe('formatSharePercent', () => {
  it('gives two significant digits, and <0.01% for a share too small for them to mean anything', () => {
    expect(formatSharePercent(0.0024)).toBe('0.24%');
    expect(formatSharePercent(0.5)).toBe('50%');
    expect(formatSharePercent(0.0001)).toBe('0.01%');
    expect(formatSharePercent(1.6e-10)).toBe('<0.01%');
    expect(formatSharePercent(-7.6e-5)).toBe('>−0.01%');
    expect(formatSharePercent(-0.0024)).toBe('−0.24%');
    expect(formatSharePercent(0)).toBe('0%');
    expect(formatSharePercent(NaN)).toBe('n/a');
  });

  it('reads a difference of twice the level or more as a multiple of it, not as 1,500%', () => {
    expect(formatShareOf(15, 'USD 10.7 million')).toBe('15.0 times USD 10.7 million');
    expect(formatShareOf(2, 'the result at nominal values')).toBe('2.00 times the result at nominal values');
    expect(formatShareOf(1.99, '4 t')).toBe('1.99 times 4 t');
    expect(formatShareOf(1.94, '4 t')).toBe('190% of 4 t');
    expect(formatShareOf(0.0024, '705,000 t')).toBe('0.24% of 705,000 t');
    expect(formatShareOf(NaN, '4 t')).toBe('n/a of 4 t');
  });
});
