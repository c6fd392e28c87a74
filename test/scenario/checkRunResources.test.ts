import { describe, expect, it } from 'vitest';
import { compileScenario, createReplicateRunner, createWorld } from '../../sim-core/index.ts';
import { checkRunResources, formatBytes, parseByteSize, resolveMemoryLimit } from '../../src/scenario/checkRunResources.ts';
import { estimateRunMemory, estimateWorldParts } from '../../src/scenario/estimateRunMemory.ts';
import { loadScenario } from '../../src/scenario/loadScenario.ts';
import { formatProblem, type Problem, ScenarioError } from '../../src/scenario/scenarioError.ts';

const BASELINE = 'scenarios/baseline.yaml';
const GIB = 2 ** 30;

/** Bytes of every typed array reachable from `value` (each buffer once). */
function typedArrayBytes(value: unknown, seen = new Set<unknown>()): number {
  if (!value || typeof value !== 'object' || seen.has(value)) return 0;
  seen.add(value);
  if (ArrayBuffer.isView(value)) return seen.has(value.buffer) ? 0 : (seen.add(value.buffer), value.byteLength);
  return Object.values(value).reduce<number>((sum, v) => sum + typedArrayBytes(v, seen), 0);
}

/** The problems of a resource check, failing when it passes or throws anything else. */
function refusal(sets: string[], shape: { replicates: number; workers: number }, limitBytes: number): Problem[] {
  const loaded = loadScenario(BASELINE, { set: sets });
  try {
    checkRunResources(loaded, compileScenario(loaded.spec).layout, {
      ...shape, bands: true, scenarioPath: BASELINE, sets, memoryLimit: { bytes: limitBytes, source: 'test' },
    });
  } catch (error) {
    if (error instanceof ScenarioError) return error.problems;
    throw error;
  }
  throw new Error('the run was accepted');
}

describe('estimateRunMemory', () => {
  it.each([
    [['resolution.firmsPerCapacityCell=2', 'ticksPerYear=12']],
    [['resolution.firmsPerCapacityCell=20']],
    [['resolution.firmsPerCapacityCell=200', 'years=2']],
  ])('estimates the world and one replicate within [1×, 2.5×] of the engine (%s)', (sets) => {
    const { spec } = loadScenario(BASELINE, { set: sets });
    const compiled = compileScenario(spec);
    const measured = typedArrayBytes(createWorld(spec, 1, 0));
    const world = estimateWorldParts(spec).reduce((sum, p) => sum + p.bytes, 0);
    expect(world / measured).toBeGreaterThanOrEqual(1);
    expect(world / measured).toBeLessThanOrEqual(2.5);
    const result = createReplicateRunner(compiled)(1, 0);
    const perReplicate = (compiled.layout.series.length * compiled.layout.ticks + compiled.layout.summaries.length) * 8;
    expect(perReplicate).toBe(result.series.byteLength + result.summaries.byteLength);
  });

  it('grows with workers, firms per cell and ticks, and with replicates only through summaries and bands', () => {
    const base = loadScenario(BASELINE);
    const layout = compileScenario(base.spec).layout;
    const at = (shape: { replicates: number; workers: number }) => estimateRunMemory(base.spec, layout, { ...shape, bands: true }).memoryBytes;
    expect(at({ replicates: 100, workers: 4 })).toBeGreaterThan(at({ replicates: 100, workers: 1 }));
    expect(at({ replicates: 100_000, workers: 2 })).toBeGreaterThan(at({ replicates: 100, workers: 2 }));
    expect(at({ replicates: 100_000, workers: 2 })).toBeLessThan(at({ replicates: 100, workers: 2 }) + 2 * GIB);
    const more = loadScenario(BASELINE, { set: ['resolution.firmsPerCapacityCell=2000'] });
    expect(estimateRunMemory(more.spec, layout, { replicates: 100, workers: 2, bands: true }).memoryBytes).toBeGreaterThan(at({ replicates: 100, workers: 2 }));
    const shard = estimateRunMemory(base.spec, layout, { replicates: 100_000, workers: 2, bands: false });
    expect(shard.diskBytes).toBe(100_000 * (layout.series.length * layout.ticks + layout.summaries.length) * 8);
  });
});

describe('checkRunResources', () => {
  it('accepts the shipped baseline on a normal machine', () => {
    const loaded = loadScenario(BASELINE);
    const estimate = checkRunResources(loaded, compileScenario(loaded.spec).layout, {
      replicates: 100, workers: 2, bands: true, scenarioPath: BASELINE, sets: [], memoryLimit: { bytes: 8 * GIB, source: 'test' },
    });
    expect(estimate.memoryBytes).toBeLessThan(8 * GIB);
  });

  it('refuses a horizon whose series would not fit, located at the override, with estimate and limit', () => {
    const [problem] = refusal(['years=100000'], { replicates: 10, workers: 2 }, 8 * GIB);
    expect(problem).toMatchObject({ file: '--set #1 (years=100000)', line: 0, path: 'years' });
    expect(formatProblem(problem)).toMatch(/expected a run that fits in memory \(limit 8\.0 GiB: test\), found an estimated [\d.]+ (GiB|TiB) for 10 replicates on 2 workers \(largest terms: /);
  });

  it('refuses too many firms per cell, blaming that key', () => {
    const [problem] = refusal(['resolution.firmsPerCapacityCell=3000000'], { replicates: 10, workers: 2 }, 8 * GIB);
    expect(problem.path).toBe('resolution.firmsPerCapacityCell');
    expect(problem.found).toMatch(/^an estimated [\d.]+ (GiB|TiB)/);
  });

  it('locates a key written in the scenario file at its line', () => {
    const [problem] = refusal([], { replicates: 10, workers: 0 }, 64 * 2 ** 20);
    expect(problem.file).not.toMatch(/^--/);
    expect(problem.line).toBeGreaterThanOrEqual(1);
  });

  it('names the command-line option that drives the largest term, not a scenario key (it blamed --years)', () => {
    const [threads] = refusal([], { replicates: 10, workers: 64 }, 64 * 2 ** 20);
    expect(threads).toMatchObject({ file: '--workers 64', line: 0, path: '' });
    const [replicates] = refusal([], { replicates: 1e9, workers: 2 }, 8 * GIB);
    expect(formatProblem(replicates)).toMatch(/^--replicates 1000000000: expected a run that fits in memory/);
  });
});

describe('memory limits', () => {
  it('parses sizes', () => {
    expect(parseByteSize('2GiB')).toBe(2 * GIB);
    expect(parseByteSize('1.5 GB')).toBe(1.5e9);
    expect(parseByteSize('500M')).toBe(5e8);
    expect(parseByteSize('123')).toBe(123);
    for (const bad of ['', 'lots', '-1G', '0', '2 parsecs', '1e999']) expect(parseByteSize(bad)).toBeUndefined();
    expect(formatBytes(3.5 * GIB)).toBe('3.5 GiB');
  });

  it('takes --max-memory over the environment over 80% of RAM', () => {
    expect(resolveMemoryLimit('1GiB', { CRM_SIM_MAX_MEMORY: '2GiB' })).toMatchObject({ bytes: GIB, source: '--max-memory 1GiB' });
    expect(resolveMemoryLimit(undefined, { CRM_SIM_MAX_MEMORY: '2GiB' })).toMatchObject({ bytes: 2 * GIB });
    expect(resolveMemoryLimit(undefined, {})).toMatchObject({ source: expect.stringMatching(/^80% of .* of RAM/) });
    expect(resolveMemoryLimit('lots', {})).toEqual({ error: '--max-memory: expected a size such as 16GiB or 500MB, found "lots"' });
  });
});
