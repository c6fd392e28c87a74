import { describe, expect, it } from 'vitest';
import { formatCsvNumber } from '../../src/outputs/formatCsvNumber.ts';

describe('formatCsvNumber', () => {
  it('writes shortest round-trip numbers and empty fields for NaN', () => {
    expect(formatCsvNumber(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(formatCsvNumber(1e21)).toBe('1e+21');
    expect(formatCsvNumber(-0)).toBe('0');
    expect(formatCsvNumber(12345.5)).toBe('12345.5');
    expect(formatCsvNumber(NaN)).toBe('');
    expect(Number(formatCsvNumber(Math.PI))).toBe(Math.PI);
  });
  it('never writes Infinity as a literal: ±Infinity is the empty field, like NaN', () => {
    expect(formatCsvNumber(Infinity)).toBe('');
    expect(formatCsvNumber(-Infinity)).toBe('');
  });
});
