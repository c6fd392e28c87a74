import { describe, expect, it } from 'vitest';
import { loadBenchConfig } from '../../bench/benchConfig.ts';
import { BENCH_OPTIONS, benchUsage, BenchUsageError, parseBenchArgs } from '../../bench/parseBenchArgs.ts';

const config = loadBenchConfig();

describe('parseBenchArgs', () => {
  it('runs every configured size and measurement by default', () => {
    const args = parseBenchArgs([], config);
    expect(args.sizes).toEqual(config.sizes.map((s) => s.name));
    expect([...args.skip]).toEqual([]);
    expect(args.replicates).toBeUndefined();
  });

  it('skips the kernel when --size leaves out the size it is paired with, unless --kernel', () => {
    const small = parseBenchArgs(['--size', 'small,medium'], config);
    expect(small.skip.has('kernel')).toBe(true);
    expect(small.kernelSkipped).toMatch(/^--size small,medium leaves out large, the size the 1000000-agent reference kernel is paired with .*--kernel runs it anyway$/);
    const asked = parseBenchArgs(['--size', 'small', '--kernel'], config);
    expect([asked.skip.has('kernel'), asked.kernelSkipped]).toEqual([false, undefined]);
    expect(parseBenchArgs(['--size', 'large'], config)).toMatchObject({ kernelSkipped: undefined, skip: new Set() });
    expect(parseBenchArgs(['--size', 'small', '--skip', 'kernel'], config).kernelSkipped).toBeUndefined();
  });

  it('takes --baseline FILE as a comparison with that file', () => {
    expect(parseBenchArgs(['--baseline', 'old.json'], config)).toMatchObject({ compare: true, baselineFile: 'old.json' });
    expect(parseBenchArgs(['--compare'], config)).toMatchObject({ compare: true, baselineFile: undefined });
  });

  it('takes --force with --save-baseline', () => {
    expect(parseBenchArgs(['--save-baseline', '--force'], config)).toMatchObject({ saveBaseline: true, force: true });
    expect(parseBenchArgs([], config).force).toBe(false);
  });

  it('lists every option with its default, and the exit codes, in --help', () => {
    const usage = benchUsage(config);
    for (const option of Object.keys(BENCH_OPTIONS)) expect(usage).toMatch(new RegExp(`^  --${option}\\b`, 'm'));
    const entries = usage.split(/\n(?=  --)/).slice(1).map((entry) => entry.split('\nexit codes')[0]);
    expect(entries).toHaveLength(Object.keys(BENCH_OPTIONS).length);
    for (const entry of entries.filter((e) => !e.startsWith('  --help'))) expect(entry).toMatch(/\(default: [^)]+\)|default: /);
    expect(usage).toMatch(/default: all, small,medium,large/);
    expect(usage).toMatch(/small 5, medium 5, large 3/);
    expect(usage).toMatch(/exit codes: 0 ok; 1 .*; 2 usage error/s);
    expect(usage).toMatch(/3 regression/);
  });

  it('keeps the configuration order of the sizes asked for', () => {
    expect(parseBenchArgs(['--size', 'large,small', '--skip', 'mc,memory', '--replicates', '2', '--json'], config))
      .toMatchObject({ sizes: ['small', 'large'], skip: new Set(['mc', 'memory']), replicates: 2, json: true });
  });

  it('takes the profile options: the timed runs, the world creations apart, and a folder', () => {
    expect(parseBenchArgs(['--cpu-prof'], config)).toMatchObject({ cpuProf: true, cpuProfInit: false, cpuProfDir: undefined });
    expect(parseBenchArgs(['--cpu-prof-init', '--cpu-prof-dir', 'p'], config)).toMatchObject({ cpuProf: false, cpuProfInit: true, cpuProfDir: 'p' });
  });

  it('takes a JSON file and Monte Carlo sizes', () => {
    expect(parseBenchArgs(['--json-out', 'out.json', '--mc-replicates', '4', '--mc-rounds', '1'], config))
      .toMatchObject({ json: false, jsonOut: 'out.json', mcReplicates: 4, mcRounds: 1 });
    expect(parseBenchArgs([], config)).toMatchObject({ jsonOut: undefined, mcReplicates: undefined, mcRounds: undefined });
  });

  it.each([
    [['--mc-replicates', '0'], /--mc-replicates: expected a whole number ≥ 1, found "0"/],
    [['--mc-rounds', '1.5'], /--mc-rounds: expected a whole number ≥ 1, found "1.5"/],
    [['--json-out', ''], /--json-out: expected a file/],
    [['--save-baseline', '--mc-rounds', '1'], /--save-baseline: expected the whole suite/],
    [['--compare', '--cpu-prof'], /--compare: expected a run without a profiler/],
    [['--compare', '--cpu-prof-init'], /NOT COMPARABLE/],
    [['--size', 'huge'], /--size: expected a comma-separated list of small, medium, large, found "huge"/],
    [['--size'], /argument missing/],
    [['--skip', 'kernal'], /--skip: expected a comma-separated list of kernel, memory, mc, threads, found "kernal"/],
    [['--replicates', 'abc'], /--replicates: expected a whole number ≥ 1, found "abc"/],
    [['--replicates', '0'], /found "0"/],
    [['--frobnicate'], /Unknown option '--frobnicate'/],
    [['--save-baseline', '--cpu-prof'], /--save-baseline: expected the whole suite/],
    [['--save-baseline', '--replicates', '1'], /--save-baseline: expected the whole suite/],
    [['--save-baseline', '--cpu-prof-init'], /--save-baseline: expected the whole suite/],
    [['--cpu-prof-dir', '/tmp/p'], /--cpu-prof-dir: expected --cpu-prof or --cpu-prof-init with it/],
    [['--cpu-prof', '--cpu-prof-dir', ''], /--cpu-prof-dir: expected a folder/],
    [['--force'], /--force: expected --save-baseline with it/],
    [['--baseline', ''], /--baseline: expected a file, found ""/],
    [['--baseline', 'a.json', '--save-baseline'], /--baseline: expected it without --save-baseline/],
    [['--kernel', '--skip', 'kernel'], /--kernel: expected the kernel to run, found --skip kernel too/],
  ])('refuses %j before anything is measured', (argv, message) => {
    expect(() => parseBenchArgs(argv, config)).toThrow(BenchUsageError);
    expect(() => parseBenchArgs(argv, config)).toThrow(message);
  });
});
