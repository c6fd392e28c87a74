import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/exitCodes.ts';
import { parseCount } from '../../src/cli/parseOverrides.ts';

describe('parseCount', () => {
  it('reads an integer at or above the minimum', () => {
    expect(parseCount('replicates', '100', 1)).toBe(100);
    expect(parseCount('workers', '0', 0)).toBe(0);
  });

  it('refuses a fraction, a value below the minimum and a non-number, naming the option', () => {
    expect(() => parseCount('replicates', '2.5', 1)).toThrow(UsageError);
    expect(() => parseCount('replicates', '0', 1)).toThrow('--replicates: expected an integer ≥ 1, found "0"');
    expect(() => parseCount('lock-seconds', 'ten', 1)).toThrow('--lock-seconds: expected an integer ≥ 1, found "ten"');
  });
});
