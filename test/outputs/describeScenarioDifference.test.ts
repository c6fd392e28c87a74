import { describe, expect, it } from 'vitest';
import { describeScenarioDifference } from '../../src/outputs/describeScenarioDifference.ts';

const a = (yaml: string) => ({ label: 'a', yaml });
const b = (yaml: string) => ({ label: 'b', yaml });

describe('describeScenarioDifference', () => {
  it('names the differing keys with both values, in sorted order, whatever the key order', () => {
    expect(describeScenarioDifference(a('years: 2\nname: x\n'), b('name: x\nyears: 1\n'))).toBe('years (2 in a, 1 in b)');
    expect(describeScenarioDifference(a('regions:\n  US: {engineers: 600}\n'), b('regions:\n  US: {engineers: 800}\n'))).toBe('regions.US.engineers (600 in a, 800 in b)');
    expect(describeScenarioDifference(a('x: 1\n'), b('x: 1\ny: 2\n'))).toBe('y (none in a, 2 in b)');
  });

  it('shows long texts from the word where they part, names at most three keys, and is empty for equal trees', () => {
    const source = (n: number) => `source: "USGS MCS 2025/2026 via ../shared/data/params.csv; overridden: --set years=${n}"\n`;
    expect(describeScenarioDifference(a(source(2)), b(source(1)))).toBe('source ("…--set years=2" in a, "…--set years=1" in b)');
    // The provenance line differs whenever an overridden key does: named only when nothing else differs.
    expect(describeScenarioDifference(a(`${source(2)}years: 2\n`), b(`${source(1)}years: 1\n`))).toBe('years (2 in a, 1 in b)');
    expect(describeScenarioDifference(a('p: 1\nq: 1\nr: 1\ns: 1\n'), b('p: 2\nq: 2\nr: 2\ns: 2\n'))).toBe('p (1 in a, 2 in b); q (1 in a, 2 in b); r (1 in a, 2 in b); and 1 more');
    expect(describeScenarioDifference(a('x: 1\ny: [1, 2]\n'), b('y: [1, 2]\nx: 1\n'))).toBe('');
  });
});
