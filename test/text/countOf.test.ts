import { describe, expect, it } from 'vitest';
import { countOf } from '../../src/text/countOf.ts';

describe('countOf', () => {
  it('puts the noun in the number of the count, grouping thousands', () => {
    expect([countOf(0, 'job'), countOf(1, 'job'), countOf(2, 'running job'), countOf(10_000, 'run')]).toEqual(['0 jobs', '1 job', '2 running jobs', '10,000 runs']);
    expect(countOf(3, 'analysis', 'analyses')).toBe('3 analyses');
  });
});
