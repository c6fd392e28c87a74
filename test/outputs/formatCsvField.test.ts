import { describe, expect, it } from 'vitest';
import { formatCsvField } from '../../src/outputs/formatCsvField.ts';

describe('formatCsvField', () => {
  it('quotes only when needed, doubling quotes', () => {
    expect(formatCsvField('ndpr')).toBe('ndpr');
    expect(formatCsvField('')).toBe('');
    expect(formatCsvField('a,b')).toBe('"a,b"');
    expect(formatCsvField('say "hi"')).toBe('"say ""hi"""');
    expect(formatCsvField('two\nlines')).toBe('"two\nlines"');
  });
});
