import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { collectRepeated } from '../../src/cli/collectRepeated.ts';

describe('collectRepeated', () => {
  it('appends without modifying the earlier values', () => {
    const earlier = ['a=1'];
    expect(collectRepeated('b=2', earlier)).toEqual(['a=1', 'b=2']);
    expect(earlier).toEqual(['a=1']);
  });

  it('gives commander every occurrence of a repeatable option, in order, and [] when absent', () => {
    const parse = (args: string[]) => new Command().exitOverride().option('--set <path=value>', 'repeatable', collectRepeated, []).parse(args, { from: 'user' }).opts().set;
    expect(parse(['--set', 'years=2', '--set', 'seed=3', '--set', 'years=4'])).toEqual(['years=2', 'seed=3', 'years=4']);
    expect(parse([])).toEqual([]);
  });
});
