import { describe, expect, it } from 'vitest';
import { formatLevelPair } from '../../src/report/formatLevelPair.ts';

describe('formatLevelPair', () => {
  it('writes two close levels with digits enough to differ, with the same decimals', () => {
    expect(formatLevelPair(704481.5, 703993.6, 't')).toEqual(['704,482 t', '703,994 t']);
    expect(formatLevelPair(704081.69, 704116.98, 't')).toEqual(['704,081.7 t', '704,117.0 t']);
    expect(formatLevelPair(250123456, 250123999, 'USD')).toEqual(['USD 250,123,456', 'USD 250,123,999']);
    // A difference of 0.1 computed a hair under it (floating point) needs no extra digit.
    expect(formatLevelPair(704481.5, 704481.4, 't')).toEqual(['704,481.500 t', '704,481.400 t']);
  });

  it('keeps the usual three digits when they keep the difference, and equal levels as they are', () => {
    expect(formatLevelPair(14, 10, 't')).toEqual(['14 t', '10 t']);
    expect(formatLevelPair(2.5e8, 2.51e8, 'USD')).toEqual(['USD 250 million', 'USD 251 million']);
    expect(formatLevelPair(30, 30, 'weeks')).toEqual(['30 weeks', '30 weeks']);
  });
});
