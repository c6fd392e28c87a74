import { describe, expect, it } from 'vitest';
import { loadBenchConfig } from '../../bench/benchConfig.ts';
import { BenchUsageError, parseBenchArgs } from '../../bench/parseBenchArgs.ts';

const config = loadBenchConfig();

describe('parseBenchArgs', () => {
  it('runs every configured size and measurement by default', () => {
    const args = parseBenchArgs([], config);
    expect(args.sizes).toEqual(config.sizes.map((s) => s.name));
    expect([...args.skip]).toEqual([]);
    expect(args.replicates).toBeUndefined();
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
  ])('refuses %j before anything is measured', (argv, message) => {
    expect(() => parseBenchArgs(argv, config)).toThrow(BenchUsageError);
    expect(() => parseBenchArgs(argv, config)).toThrow(message);
  });
});
