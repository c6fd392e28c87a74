import { describe, expect, it } from 'vitest';
import { formatLevel } from '../../src/report/formatLevel.ts';

describe('formatLevel', () => {
  it('rounds numbers to three significant digits and keeps text as written', () => {
    expect(formatLevel(0.049486832980505144)).toBe('0.0495');
    expect(formatLevel('25%')).toBe('25%');
  });
});
