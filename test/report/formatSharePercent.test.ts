import { describe, expect, it } from 'vitest';
import { formatSharePercent } from '../../src/report/formatSharePercent.ts';

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
});
