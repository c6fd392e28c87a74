import { describe, expect, it } from 'vitest';
import { countOf, nounOf } from '../../src/text/countOf.ts';

describe('countOf', () => {
  it('puts the noun in the number of the count, grouping thousands', () => {
    expect([countOf(0, 'job'), countOf(1, 'job'), countOf(2, 'running job'), countOf(10_000, 'run')]).toEqual(['0 jobs', '1 job', '2 running jobs', '10,000 runs']);
    expect(countOf(3, 'analysis', 'analyses')).toBe('3 analyses');
  });

  it('nounOf gives the noun alone, singular for exactly 1', () => {
    expect([nounOf(0, 'part'), nounOf(1, 'part'), nounOf(2, 'part'), nounOf(1, 'block of series', 'blocks of series')]).toEqual(['parts', 'part', 'parts', 'block of series']);
  });
});
