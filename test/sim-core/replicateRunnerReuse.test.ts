import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/loadScenario.ts';
import { compileScenario, createReplicateRunner } from '../../sim-core/index.ts';

const { spec } = loadScenario(new URL('../../scenarios/threat-export-quota.yaml', import.meta.url).pathname, {
  set: ['years=1', 'ticksPerYear=12', 'resolution.firmsPerCapacityCell=2'],
});
const compiled = compileScenario(spec);

describe('createReplicateRunner with reuseSeries', () => {
  it('gives the bytes of fresh runs, in any order of replicates, while recording into one buffer', () => {
    const fresh = createReplicateRunner(compiled);
    const reusing = createReplicateRunner(compiled, null, { reuseSeries: true });
    const expected = [0, 1, 2].map((replicate) => fresh(7, replicate));
    const buffers = new Set<ArrayBufferLike>();
    for (const replicate of [2, 0, 1, 0]) {
      const result = reusing(7, replicate);
      buffers.add(result.series.buffer);
      expect(Buffer.from(result.series.buffer).equals(Buffer.from(expected[replicate].series.buffer))).toBe(true);
      expect(Array.from(result.summaries)).toEqual(Array.from(expected[replicate].summaries));
    }
    expect(buffers.size).toBe(1); // one series buffer for all four replicates
    expect(expected[0].series.buffer).not.toBe(expected[1].series.buffer); // without reuse, fresh arrays
  });
});
