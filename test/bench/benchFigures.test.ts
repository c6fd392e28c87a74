import { describe, expect, it } from 'vitest';
import { benchExitCode, flattenRanges, integrityFailures, type ThreadFigures } from '../../bench/benchFigures.ts';

const threads = (bitIdentical: boolean): ThreadFigures => ({ agents: 1, ticks: 1, msPerTick: { 1: 2, 2: 1 }, cpuMsPerTick: { 1: 2, 2: 2 }, speedup: 2, bitIdentical });

describe('benchExitCode', () => {
  it('is 0 when the checks hold, with or without threads', () => {
    expect(benchExitCode({ phaseListMatchesStep: true, threads: threads(true) })).toBe(0);
    expect(benchExitCode({ phaseListMatchesStep: true })).toBe(0);
  });

  it('is 1, with a message, when the threaded run was not bit-identical or the phase list drifted', () => {
    expect(benchExitCode({ phaseListMatchesStep: true, threads: threads(false) })).toBe(1);
    expect(benchExitCode({ phaseListMatchesStep: false })).toBe(1);
    expect(integrityFailures({ phaseListMatchesStep: false, threads: threads(false) })).toEqual([
      expect.stringMatching(/^phaseListMatchesStep is false/),
      expect.stringMatching(/^threads\.bitIdentical is false: the run on 1 and 2 threads/),
    ]);
  });
});

describe('flattenRanges', () => {
  it('names each stored range as the figure it belongs to', () => {
    const ranges = flattenRanges({ range: { engineToKernelRatio: [7, 8] }, sizes: [{ name: 'large', range: { 'phasesNsPerAgentTick.mining': [1, 2] } }], threads: { range: { speedup: [1.5, 1.9] } } });
    expect(ranges).toEqual({ engineToKernelRatio: [7, 8], 'sizes.large.phasesNsPerAgentTick.mining': [1, 2], 'threads.speedup': [1.5, 1.9] });
  });
});
