import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/exitCodes.ts';
import { createArmLabels } from '../../src/compare/createArmLabels.ts';
import { defaultOutputFolder } from '../../src/compare/defaultOutputFolder.ts';
import { formatReadableNumber } from '../../src/compare/formatReadableNumber.ts';
import { formatTextTable } from '../../src/compare/formatTextTable.ts';
import { parseMonteCarloOptions } from '../../src/compare/parseMonteCarloOptions.ts';

describe('command helpers', () => {
  it('labels arms by file name, numbering repeats', () => {
    expect(createArmLabels(['scenarios/a.yaml', 'b.yml', 'x/a.yaml', 'a.yaml'])).toEqual(['a', 'b', 'a-2', 'a-3']);
  });

  it('never gives a repeat the name of another file, and reads a folder\'s resolved scenarios back under their labels', () => {
    // q-2.yaml keeps its own name; the repeat of q skips it (the audit's collision: two q-2 labels).
    expect(createArmLabels(['a/q.yaml', 'b/q.yaml', 'q-2.yaml'])).toEqual(['q', 'q-3', 'q-2']);
    expect(createArmLabels(['q-2.yaml', 'a/q.yaml', 'b/q.yaml'])).toEqual(['q-2', 'q', 'q-3']);
    expect(createArmLabels(['out/threat.resolved.yaml', 'out/mitigation.resolved.yaml'])).toEqual(['threat', 'mitigation']);
    const labels = createArmLabels(['x.yaml', 'x.yaml', 'x-2.yaml', 'x-3.yaml', 'x.yaml']);
    expect(new Set(labels).size).toBe(labels.length);
    expect(createArmLabels(['a.resolved.yml', 'b.RESOLVED.yaml'])).toEqual(['a', 'b']);
    // One file on macOS and Windows: told apart.
    expect(createArmLabels(['Q.yaml', 'q.yaml', 'q-2.yaml'])).toEqual(['Q', 'q-3', 'q-2']);
  });

  it('parses the Monte Carlo options and appends --years to the overrides', () => {
    expect(parseMonteCarloOptions({ replicates: '50', seed: '7', workers: '0', years: '3', set: ['a=1'], maxMemory: '2GiB' }))
      .toEqual({ replicates: 50, masterSeed: 7, workers: 0, sets: ['a=1', '--years=3'], memoryLimit: { bytes: 2 ** 31, source: '--max-memory 2GiB' } });
    expect(() => parseMonteCarloOptions({ replicates: '5', seed: '1', set: [], maxMemory: 'lots' })).toThrow(/--max-memory: expected a size such as 16GiB or 500MB, found "lots"/);
    expect(parseMonteCarloOptions({ replicates: '2', seed: '1', set: [] }).workers).toBeGreaterThan(0);
    for (const bad of [{ replicates: '1' }, { replicates: 'x' }, { seed: '-1' }, { workers: '1.5' }, { seed: '' }]) {
      expect(() => parseMonteCarloOptions({ replicates: '5', seed: '1', set: [], ...bad })).toThrow(UsageError);
    }
  });

  it('names default folders after the command and a UTC timestamp', () => {
    expect(defaultOutputFolder('stress-baseline', new Date('2025-01-02T03:04:05.678Z'))).toMatch(/outputs\/stress-baseline-20250102T030405Z$/);
  });

  it('formats numbers compactly and tables aligned', () => {
    expect(formatReadableNumber(1234567)).toBe('1.23M');
    expect(formatReadableNumber(-0.012345)).toBe('-0.0123');
    expect(formatReadableNumber(NaN)).toBe('–');
    expect(formatReadableNumber(-0)).toBe('0');
    expect(formatTextTable(['name', 'value'], [['a', '1'], ['bbb', '22']])).toBe('name  value\n----  -----\na         1\nbbb      22\n');
  });
});
