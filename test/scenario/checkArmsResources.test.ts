import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../sim-core/index.ts';
import { checkArmsResources, estimateArmsMemory } from '../../src/scenario/checkArmsResources.ts';
import { loadScenario } from '../../src/scenario/loadScenario.ts';
import { type Problem, ScenarioError } from '../../src/scenario/scenarioError.ts';

const BASELINE = 'scenarios/baseline.yaml';
const MIB = 2 ** 20;

/** Compiled arms of the baseline with `sets`, `count` times. */
function arms(count: number, sets: string[] = ['years=1']) {
  const compiled = compileScenario(loadScenario(BASELINE, { set: sets }).spec);
  return Array.from({ length: count }, () => compiled);
}

/** The problems of a refused check, failing when it passes or throws anything else. */
function refusal(run: () => unknown): Problem[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ScenarioError) return error.problems;
    throw error;
  }
  throw new Error('the run was accepted');
}

const locateNowhere = () => ({ file: 'scenario.yaml', line: 7, column: 3 });

describe('estimateArmsMemory', () => {
  it('charges every arm\'s kept values per replicate, linearly in replicates and arms', () => {
    const two = arms(2);
    const values = two[0].layout.summaries.length;
    const base = estimateArmsMemory(two, { replicates: 1000, workers: 2 }).memoryBytes;
    const doubleReplicates = estimateArmsMemory(two, { replicates: 2000, workers: 2 }).memoryBytes;
    const fourArms = estimateArmsMemory(arms(4), { replicates: 1000, workers: 2 }).memoryBytes;
    expect(doubleReplicates - base).toBeCloseTo(fourArms - base, 0);
    // Each of 2 × 1000 more results holds its summaries about twice, and a result object (slack 1.25 on top).
    const perResult = (doubleReplicates - base) / 2000 / 1.25;
    expect(perResult).toBeGreaterThan(values * 8);
    expect(perResult).toBeLessThan(values * 8 * 3);
    const extra = estimateArmsMemory(two, { replicates: 1000, workers: 2, extraValuesPerReplicate: 720 }).memoryBytes;
    expect((extra - base) / 1.25 / 2000 / 720).toBeCloseTo(16, 6);
  });

  it('counts one world per thread, the largest arm\'s', () => {
    const small = compileScenario(loadScenario(BASELINE, { set: ['years=1'] }).spec);
    const large = compileScenario(loadScenario(BASELINE, { set: ['years=1', 'resolution.firmsPerCapacityCell=2000'] }).spec);
    const worlds = (a: typeof small[], workers: number) => estimateArmsMemory(a, { replicates: 2, workers }).parts.find((p) => p.name.includes('world'))?.bytes ?? 0;
    expect(worlds([small, large], 2)).toBe(worlds([large], 2));
    expect(worlds([large], 2)).toBe(2 * worlds([large], 1));
    expect(worlds([large], 1)).toBeGreaterThan(20 * worlds([small], 1));
  });
});

describe('checkArmsResources', () => {
  it('accepts what fits and returns the estimate', () => {
    const estimate = checkArmsResources(arms(2), { replicates: 100, workers: 2 }, { bytes: 4096 * MIB, source: 'test' }, locateNowhere);
    expect(estimate.memoryBytes).toBeLessThan(4096 * MIB);
  });

  it('blames --replicates, as a usage error, when the kept results are the largest term', () => {
    const [problem, ...rest] = refusal(() => checkArmsResources(arms(3), { replicates: 1_000_000, workers: 2 }, { bytes: 1024 * MIB, source: '--max-memory 1GiB' }, locateNowhere));
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ file: '--replicates 1000000', line: 0, usage: true });
    expect(problem.expected).toBe('a run that fits in memory (limit 1.0 GiB: --max-memory 1GiB)');
    expect(problem.found).toMatch(/^an estimated [\d.]+ GiB for 3 arms × 1000000 replicates on 2 threads$/);
    expect(problem.message).toMatch(/^terms: kept results \(3 arms × 1000000 replicates\) [\d.]+ GiB; .*reduce --replicates, or run fewer scenarios or points at once, or raise --max-memory/);
  });

  it('blames --workers as given when the threads outweigh the rest', () => {
    const [problem] = refusal(() => checkArmsResources(arms(2), { replicates: 100, workers: 100, workersOption: 500 }, { bytes: 2048 * MIB, source: 'test' }, locateNowhere));
    expect(problem).toMatchObject({ file: '--workers 500', usage: true });
    expect(problem.found).toMatch(/on 100 threads$/);
    expect(problem.message).toMatch(/use fewer --workers/);
  });

  it('locates a world too large at the key that drives it, in the arm that has it', () => {
    const small = compileScenario(loadScenario(BASELINE, { set: ['years=1'] }).spec);
    const large = compileScenario(loadScenario(BASELINE, { set: ['years=1', 'resolution.firmsPerCapacityCell=100000'] }).spec);
    const asked: [number, string][] = [];
    const [problem] = refusal(() => checkArmsResources([small, large], { replicates: 2, workers: 2 }, { bytes: 1024 * MIB, source: 'test' },
      (arm, path) => (asked.push([arm, path]), { file: 'b.yaml', line: 12, column: 5 })));
    expect(asked).toEqual([[1, 'resolution.firmsPerCapacityCell']]);
    expect(problem).toMatchObject({ file: 'b.yaml', line: 12, column: 5, path: 'resolution.firmsPerCapacityCell' });
    expect(problem.usage).toBeUndefined();
    expect(problem.message).toMatch(/reduce resolution\.firmsPerCapacityCell/);
  });

  it('names the limit itself when the process alone does not fit', () => {
    const [problem] = refusal(() => checkArmsResources(arms(2), { replicates: 10, workers: 1 }, { bytes: 50 * MIB, source: '--max-memory 50MB' }, locateNowhere));
    expect(problem).toMatchObject({ file: '--max-memory 50MB', usage: true });
    // (192 MiB + 64 MiB a thread) × 1.25 slack.
    expect(problem.message).toMatch(/the process and its 1 thread alone need about 320\.0 MiB/);
  });
});
