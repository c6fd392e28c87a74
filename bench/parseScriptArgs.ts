import { parseArgs } from 'node:util';
import { BenchUsageError } from './parseBenchArgs.ts';

/** One option of a side bench script: a switch (`boolean`) or an option with a value (`string`). */
export interface ScriptOption {
  type: 'boolean' | 'string';
}

/** What a side bench script (golden, bench:instructions, bench:variants, …) accepts on its command line. */
export interface ScriptCommandLine<O extends Record<string, ScriptOption> = Record<string, ScriptOption>> {
  /** The script's name at the head of every error line, e.g. `golden`. */
  script: string;
  /** How to ask for the help, named at the end of every error line, e.g. `npm run golden -- --help`. */
  helpCommand: string;
  /** The --help text: every option and argument, its default, what it does and how long it takes. */
  usage: string;
  /** The options, without `--help`/`-h` (always accepted). */
  options: O;
  /** The positional arguments' names in order, e.g. `['<firms>', '<rounds>']`; none when absent. */
  positionals?: readonly string[];
}

/** A parsed command line: `--help` asked for, the options given (absent ones undefined), the arguments. */
export interface ScriptArgs<O extends Record<string, ScriptOption>> {
  help: boolean;
  values: { [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string };
  positionals: string[];
}

/**
 * Parses a side bench script's command line strictly (node:util parseArgs, strict mode): an unknown
 * option, a missing value, a value given to a switch or more arguments than the script names is a
 * {@link BenchUsageError} naming the option, what was expected and what was found.
 * @param commandLine - What the script accepts.
 * @param argv - The arguments after the script (`process.argv.slice(2)`).
 * @example parseScriptArgs(GOLDEN_COMMAND_LINE, ['--record']).values.record; // true
 */
export function parseScriptArgs<O extends Record<string, ScriptOption>>(commandLine: ScriptCommandLine<O>, argv: readonly string[]): ScriptArgs<O> {
  const names = commandLine.positionals ?? [];
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv], strict: true, allowPositionals: names.length > 0,
      options: { ...commandLine.options, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    throw new BenchUsageError(describeParseError(commandLine, error as Error & { code?: string }));
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const positionals = parsed.positionals;
  if (positionals.length > names.length) {
    const extra = positionals.slice(names.length).map((p) => `"${p}"`).join(' ');
    const expected = names.length === 0 ? 'no argument' : `at most ${names.length} argument${names.length === 1 ? '' : 's'} (${names.join(' ')})`;
    throw new BenchUsageError(`expected ${expected}, found ${positionals.length}: the extra ${extra}`);
  }
  return { help: values.help === true, values: values as ScriptArgs<O>['values'], positionals };
}

/**
 * A whole number of at least `min` given to `name` (an option or an argument), or `fallback` when
 * absent. Digits, or digits with an exponent (`4e5`); a larger one than 2^53 − 1 is refused.
 * @param name - The option or argument, for the message (`--ticks`, `<firms>`).
 * @param text - What was given, undefined when absent.
 * @param fallback - The default.
 * @param min - The least value allowed (1 for counts, 0 for seeds).
 * @throws BenchUsageError `--ticks: expected a whole number ≥ 1, found "abc"`.
 */
export function wholeNumberOf(name: string, text: string | undefined, fallback: number, min = 1): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d+(e\d+)?$/i.test(text.trim()) || !Number.isSafeInteger(value) || value < min) {
    throw new BenchUsageError(`${name}: expected a whole number ≥ ${min}, found "${text}"`);
  }
  return value;
}

/** parseArgs' error as one line naming the option, what was expected and what was found. */
function describeParseError(commandLine: ScriptCommandLine, error: Error & { code?: string }): string {
  const message = error.message;
  const option = /option '(-[^' ]+)/i.exec(message)?.[1];
  const known = [...Object.keys(commandLine.options).map((name) => `--${name}`), '--help'].join(', ');
  const positionals = commandLine.positionals ?? [];
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option !== undefined) {
    return `unknown option "${option}": expected ${positionals.length > 0 ? `the arguments ${positionals.join(' ')} or an option among ${known}` : `one of ${known}`}`;
  }
  if (error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    return `unexpected argument "${/argument '([^']*)'/.exec(message)?.[1] ?? '?'}": expected options only (${known})`;
  }
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option !== undefined) {
    if (message.includes('argument missing')) return `${option}: expected a value, found none`;
    if (message.includes('ambiguous')) return `${option}: expected a value, found the next option (write ${option}=-… for a value starting with a dash)`;
    if (message.includes('does not take an argument')) return `${option}: expected no value (a switch), found one`;
  }
  return message.split('\n')[0];
}
