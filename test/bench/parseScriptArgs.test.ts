import { describe, expect, it } from 'vitest';
import { BenchUsageError } from '../../bench/parseBenchArgs.ts';
import { parseScriptArgs, wholeNumberOf } from '../../bench/parseScriptArgs.ts';

const withOptions = {
  script: 'demo', helpCommand: 'demo --help', usage: 'usage: demo',
  options: { ticks: { type: 'string' }, json: { type: 'boolean' } },
} as const;
const withArguments = {
  script: 'demo', helpCommand: 'demo --help', usage: 'usage: demo',
  options: {}, positionals: ['<firms>', '<rounds>'],
} as const;

describe('parseScriptArgs', () => {
  it('reads --help and -h, and nothing else asked for by default', () => {
    expect(parseScriptArgs(withOptions, ['--help']).help).toBe(true);
    expect(parseScriptArgs(withArguments, ['-h']).help).toBe(true);
    expect(parseScriptArgs(withOptions, [])).toEqual({ help: false, values: {}, positionals: [] });
  });

  it('gives the options and arguments as written', () => {
    expect(parseScriptArgs(withOptions, ['--ticks', '12', '--json'])).toEqual({ help: false, values: { ticks: '12', json: true }, positionals: [] });
    expect(parseScriptArgs(withOptions, ['--ticks=7']).values.ticks).toBe('7');
    expect(parseScriptArgs(withArguments, ['1000', '3']).positionals).toEqual(['1000', '3']);
    expect(parseScriptArgs(withArguments, ['1000']).positionals).toEqual(['1000']);
  });

  it.each([
    [withOptions, ['--bogus'], 'unknown option "--bogus": expected one of --ticks, --json, --help'],
    [withOptions, ['-x'], 'unknown option "-x": expected one of --ticks, --json, --help'],
    [withArguments, ['--rounds', '3'], 'unknown option "--rounds": expected the arguments <firms> <rounds> or an option among --help'],
    [withOptions, ['--ticks'], '--ticks: expected a value, found none'],
    [withOptions, ['--ticks', '--json'], '--ticks: expected a value, found the next option'],
    [withOptions, ['--json=yes'], '--json: expected no value (a switch), found one'],
    [withOptions, ['5'], 'unexpected argument "5": expected options only (--ticks, --json, --help)'],
    [withArguments, ['1', '2', '3', '4'], 'expected at most 2 arguments (<firms> <rounds>), found 4: the extra "3" "4"'],
  ])('refuses %#: %j as one line naming what was expected and found', (commandLine, argv, message) => {
    let thrown: unknown;
    try {
      parseScriptArgs(commandLine, argv);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(BenchUsageError);
    expect((thrown as Error).message).toContain(message);
    expect((thrown as Error).message).not.toContain('\n');
  });
});

describe('wholeNumberOf', () => {
  it('gives the default when absent and the number when written in digits or with an exponent', () => {
    expect(wholeNumberOf('--ticks', undefined, 100)).toBe(100);
    expect(wholeNumberOf('--ticks', '12', 100)).toBe(12);
    expect(wholeNumberOf('<firms>', '4e5', 400_000)).toBe(400_000);
    expect(wholeNumberOf('--seed', '0', 1, 0)).toBe(0);
  });

  it.each([
    ['--ticks', 'abc', 1, '--ticks: expected a whole number ≥ 1, found "abc"'],
    ['--ticks', '0', 1, '--ticks: expected a whole number ≥ 1, found "0"'],
    ['--ticks', '1.5', 1, 'found "1.5"'],
    ['--ticks', '', 1, 'found ""'],
    ['--seed', '', 0, '--seed: expected a whole number ≥ 0, found ""'],
    ['--seed', '-1', 0, 'found "-1"'],
    ['--seed', '0x10', 0, 'found "0x10"'],
    ['--agents', '9007199254740993', 1, 'found "9007199254740993"'],
  ])('refuses %s %j (min %d)', (name, text, min, message) => {
    expect(() => wholeNumberOf(name, text, 5, min)).toThrow(BenchUsageError);
    expect(() => wholeNumberOf(name, text, 5, min)).toThrow(message);
  });
});
