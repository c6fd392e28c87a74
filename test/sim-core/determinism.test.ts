import { describe, expect, it } from 'vitest';
import { compileScenario, createReplicateRunner } from '../../sim-core/index.ts';
import { smallBaseline } from './engineHelpers.ts';

describe('determinism', () => {
  const compiled = compileScenario(smallBaseline(2));
  it('gives bit-identical series and summaries for the same seed and replicate', () => {
    const a = createReplicateRunner(compiled)(7, 3);
    const b = createReplicateRunner(compiled)(7, 3);
    expect(Buffer.from(a.series.buffer).equals(Buffer.from(b.series.buffer))).toBe(true);
    expect(Buffer.from(a.summaries.buffer).equals(Buffer.from(b.summaries.buffer))).toBe(true);
  });
  it('does not depend on what the runner ran before (no state leaks between replicates)', () => {
    const runner = createReplicateRunner(compiled);
    const first = runner(7, 3);
    runner(8, 1);
    const again = runner(7, 3);
    expect(Buffer.from(first.series.buffer).equals(Buffer.from(again.series.buffer))).toBe(true);
  });
  it('differs between replicates (the streams are really random)', () => {
    const runner = createReplicateRunner(compiled);
    const a = runner(7, 0);
    const b = runner(7, 1);
    expect(Buffer.from(a.series.buffer).equals(Buffer.from(b.series.buffer))).toBe(false);
  });
});
