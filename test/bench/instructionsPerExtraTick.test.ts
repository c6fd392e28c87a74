import { describe, expect, it } from 'vitest';
import { instructionsPerExtraTick } from '../../bench/instructionsPerExtraTick.ts';

describe('instructionsPerExtraTick (bench:instructions)', () => {
  it('divides the extra instructions by the extra agent-ticks', () => {
    expect(instructionsPerExtraTick('engine', 1e9, 1.5e9, 100, 100_000)).toBe(50);
  });

  it('refuses a count that start-up noise made zero or negative, naming the fix', () => {
    expect(() => instructionsPerExtraTick('engine', 2e9, 1.9e9, 1, 100_000)).toThrow(/^engine: 1 more ticks counted no more instructions \(1900000000 against 2000000000\).*--ticks/);
    expect(() => instructionsPerExtraTick('kernel', 5, 5, 10, 1)).toThrow(/^kernel:/);
  });
});
