import { describe, expect, it } from 'vitest';
import { measureTextWidth } from '../../src/report/measureTextWidth.ts';
import { wrapLabels } from '../../src/report/wrapLabels.ts';

const width = (line: string): number => measureTextWidth(line, 11, false);

describe('wrapLabels', () => {
  it('keeps a label that fits, and breaks a longer one at a space onto two lines that each fit', () => {
    const [short, long] = wrapLabels(['stockpile', '60-day US oxide stockpile, released into price spikes'], 170, 11);
    expect(short).toBe('stockpile');
    expect(long.split('\n')).toEqual(['60-day US oxide stockpile,', 'released into price spikes']);
    for (const line of long.split('\n')) expect(width(line)).toBeLessThanOrEqual(170);
  });

  it('cuts a label too long for two lines after its last whole word that fits, with an ellipsis', () => {
    const [label] = wrapLabels(['A strategy whose title goes on and on about what it does, where and when, and why it matters'], 170, 11);
    const lines = label.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/[a-z,]…$/);
    for (const line of lines) expect(width(line)).toBeLessThanOrEqual(170);
  });

  it('falls back to cutting in the middle when a word is too wide or wrapped labels would coincide', () => {
    const [slug] = wrapLabels(['a1-mitig-drc-cobalt-stockpile90-components-and-more-things'], 170, 11);
    expect(slug).not.toContain('\n');
    expect(slug).toContain('…');
    const twins = wrapLabels(['Stockpile of refined oxide for sixty days and then some more a', 'Stockpile of refined oxide for sixty days and then some more b'], 170, 11);
    expect(new Set(twins).size).toBe(2);
  });
});
