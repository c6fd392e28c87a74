import { describe, expect, it } from 'vitest';
import { formatCsvField } from '../../src/outputs/formatCsvField.ts';
import { parseCsvLine } from '../../src/report/parseCsvLine.ts';

describe('parseCsvLine', () => {
  it('splits plain fields and keeps empty ones', () => {
    expect(parseCsvLine('0,2025.000,price,ndpr,,US,1,')).toEqual(['0', '2025.000', 'price', 'ndpr', '', 'US', '1', '']);
  });

  it('reads back what formatCsvField writes (commas, quotes, newlines)', () => {
    const fields = ['a,b', 'say "hi"', 'plain', '', 'x\ny'];
    expect(parseCsvLine(fields.map(formatCsvField).join(','))).toEqual(fields);
  });
});
