import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BenchUsageError } from '../../bench/parseBenchArgs.ts';
import { runBenchScript } from '../../bench/runBenchScript.ts';

const commandLine = {
  script: 'demo', helpCommand: 'npm run demo -- --help', usage: 'usage: npm run demo [-- --ticks N]',
  options: { ticks: { type: 'string' } },
} as const;

describe('runBenchScript', () => {
  let stdout: string[];
  let stderr: string[];
  let exitCodeBefore: typeof process.exitCode;

  beforeEach(() => {
    exitCodeBefore = process.exitCode;
    process.exitCode = undefined;
    stdout = [];
    stderr = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (stdout.push(String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (stderr.push(String(chunk)), true));
  });
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = exitCodeBefore;
  });

  it('prints the usage for --help and runs nothing (exit 0)', async () => {
    const main = vi.fn();
    await runBenchScript(commandLine, main, ['--ticks', '3', '--help']);
    expect(main).not.toHaveBeenCalled();
    expect(stdout.join('')).toBe('usage: npm run demo [-- --ticks N]\n');
    expect(process.exitCode ?? 0).toBe(0);
  });

  it('refuses an unknown option in one line on stderr, exit 2, nothing run', async () => {
    const main = vi.fn();
    await runBenchScript(commandLine, main, ['--bogus']);
    expect(main).not.toHaveBeenCalled();
    expect(stderr.join('')).toBe('demo: unknown option "--bogus": expected one of --ticks, --help; see npm run demo -- --help\n');
    expect(stdout).toEqual([]);
    expect(process.exitCode).toBe(2);
  });

  it('gives main the parsed values and makes its number the exit code', async () => {
    const main = vi.fn(() => 1);
    await runBenchScript(commandLine, main, ['--ticks', '3']);
    expect(main).toHaveBeenCalledWith({ help: false, values: { ticks: '3' }, positionals: [] });
    expect(process.exitCode).toBe(1);
  });

  it("turns main's usage error (a bad number) into exit 2, and lets any other error through", async () => {
    await runBenchScript(commandLine, () => {
      throw new BenchUsageError('--ticks: expected a whole number ≥ 1, found "abc"');
    }, ['--ticks', 'abc']);
    expect(stderr.join('')).toBe('demo: --ticks: expected a whole number ≥ 1, found "abc"; see npm run demo -- --help\n');
    expect(process.exitCode).toBe(2);
    await expect(runBenchScript(commandLine, () => {
      throw new RangeError('a bug');
    }, [])).rejects.toThrow(RangeError);
  });
});
