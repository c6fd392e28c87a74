/**
 * Golden check: pins behaviour, not truth. The hashes in golden.noreg.json are the exact bytes of a
 * few replicates of shipped scenarios; engine optimisations must keep them identical. After a
 * deliberate change of the engine's behaviour, re-record them: `npm run golden -- --record`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GOLDEN_CASES, computeGoldenHash, goldenCaseLabel } from '../../bench/computeGoldenHashes.ts';

const recorded = JSON.parse(readFileSync(new URL('./golden.noreg.json', import.meta.url), 'utf8')) as Record<string, string>;

describe('golden engine output (pins behaviour, not truth)', () => {
  it('records a hash for every golden case', () => {
    for (const goldenCase of GOLDEN_CASES) expect(recorded[goldenCaseLabel(goldenCase)], goldenCaseLabel(goldenCase)).toMatch(/^[0-9a-f]{64}$/);
  });
  for (const goldenCase of GOLDEN_CASES) {
    it(`reproduces the recorded bytes: ${goldenCaseLabel(goldenCase)}`, () => {
      const message = 'engine output changed; if the change is deliberate, run `npm run golden -- --record`';
      expect(computeGoldenHash(goldenCase), message).toBe(recorded[goldenCaseLabel(goldenCase)]);
    });
  }
});
