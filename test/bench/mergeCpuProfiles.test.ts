import type { Profiler, Runtime } from 'node:inspector';
import { describe, expect, it } from 'vitest';
import { mergeCpuProfiles } from '../../bench/mergeCpuProfiles.ts';
import { expectValidCpuProfile, sampledFunctions } from './cpuProfileChecks.ts';

const frame = (functionName: string, lineNumber = 0): Runtime.CallFrame => ({ functionName, scriptId: '7', url: 'file:///e.js', lineNumber, columnNumber: 0 });

/** A profile of root → run → (step, extra), with its own node ids (offset), samples and times. */
function profile(idOffset: number, extra: string, startTime: number, samples: string[], deltas: number[]): Profiler.Profile {
  const names = ['(root)', 'runTicks', 'step', extra];
  const id = (name: string) => idOffset + names.indexOf(name);
  return {
    nodes: [
      { id: id('(root)'), callFrame: frame('(root)'), hitCount: 0, children: [id('runTicks')] },
      { id: id('runTicks'), callFrame: frame('runTicks', 40), hitCount: 0, children: [id('step'), id(extra)] },
      { id: id('step'), callFrame: frame('step', 20), hitCount: samples.filter((s) => s === 'step').length, children: [], positionTicks: [{ line: 25, ticks: 2 }] },
      { id: id(extra), callFrame: frame(extra, 60), hitCount: samples.filter((s) => s === extra).length, children: [] },
    ],
    startTime, endTime: startTime + deltas.reduce((a, b) => a + b, 0) + 100, samples: samples.map(id), timeDeltas: deltas,
  };
}

describe('mergeCpuProfiles', () => {
  const a = profile(1, 'settle', 1_000, ['step', 'step', 'settle'], [5_000, 100, 120]);
  const b = profile(50, 'invest', 900_000, ['invest', 'step'], [20_000, 140]);
  const merged = mergeCpuProfiles([a, b]);
  const byName = (name: string) => merged.nodes.filter((node) => node.callFrame.functionName === name);

  it('gives a profile DevTools opens, with every sample of every profile', () => {
    expectValidCpuProfile(merged);
    expect(merged.samples).toHaveLength(5);
    expect(sampledFunctions(merged)).toEqual(new Set(['(root)', 'runTicks', 'step', 'settle', 'invest']));
  });

  it('merges the same call path into one node, adding its counts, and keeps different paths apart', () => {
    expect(byName('(root)')).toHaveLength(1);
    expect(byName('step')).toHaveLength(1);
    expect(byName('step')[0]).toMatchObject({ hitCount: 3, positionTicks: [{ line: 25, ticks: 4 }] });
    expect(byName('runTicks')[0].children).toHaveLength(3);
    const stepId = byName('step')[0].id;
    expect(merged.samples?.filter((id) => id === stepId)).toHaveLength(3);
    expect(merged.samples?.[3]).toBe(byName('invest')[0].id);
  });

  it('keeps each profile\'s sample spacing and joins them by a typical interval, leaving out their start-up and the time between them', () => {
    expect(merged.startTime).toBe(a.startTime);
    expect(merged.timeDeltas?.slice(1, 3)).toEqual([100, 120]);
    expect(merged.timeDeltas?.[4]).toBe(140);
    const join = merged.timeDeltas?.[0] as number;
    expect(join).toBeGreaterThanOrEqual(100);
    expect(join).toBeLessThanOrEqual(140);
    expect(merged.timeDeltas?.[3]).toBe(join);
    expect(merged.endTime - merged.startTime).toBeLessThan(1_000);
  });

  it('merging one profile keeps its tree and samples', () => {
    const one = mergeCpuProfiles([a]);
    expect(one.nodes.map((node) => node.callFrame.functionName)).toEqual(['(root)', 'runTicks', 'step', 'settle']);
    expect(one.samples).toEqual([3, 3, 4]);
  });
});
