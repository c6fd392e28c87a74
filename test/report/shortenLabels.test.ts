import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import type { ChartCollector } from '../../src/report/createChartCollector.ts';
import { measureTextWidth } from '../../src/report/measureTextWidth.ts';
import type { ComparisonEntry } from '../../src/report/readComparisonJson.ts';
import { renderComparisonSection } from '../../src/report/renderComparisonSection.ts';
import { shortenLabels } from '../../src/report/shortenLabels.ts';

const STOCKPILE = 'a1-mitig-drc-cobalt-stockpile90';
const COMPONENTS = 'a1-mitig-drc-cobalt-stockpile90-components';

describe('shortenLabels', () => {
  it('keeps labels that fit and tells long labels with a common start apart by their ends', () => {
    expect(shortenLabels(['a', 'b'], 170, 11)).toEqual(['a', 'b']);
    const short = shortenLabels([STOCKPILE, COMPONENTS, `${COMPONENTS}-x`], 120, 11);
    expect(new Set(short).size).toBe(3);
    for (const s of short) expect(measureTextWidth(s, 11, false)).toBeLessThanOrEqual(120);
    expect(short[1]).toMatch(/…[a-z-]*ents$/);
    expect(short[2]).toMatch(/-x$/);
  });

  it('tells labels with a common end apart by their starts, and numbers labels that differ only deep in the middle', () => {
    const common = shortenLabels(['alpha-scenario-with-a-very-long-common-tail', 'beta-scenario-with-a-very-long-common-tail'], 120, 11);
    expect(common[0].startsWith('alpha')).toBe(true);
    expect(common[1].startsWith('beta')).toBe(true);
    const middle = shortenLabels([`${'x'.repeat(40)}A${'y'.repeat(40)}`, `${'x'.repeat(40)}B${'y'.repeat(40)}`], 120, 11);
    expect(middle).toEqual([expect.stringMatching(/^#1 /), expect.stringMatching(/^#2 /)]);
  });
});

describe('comparison chart labels', () => {
  it('draws two long alternatives with distinct labels and names them in full in the caption', async () => {
    const specs: TopLevelSpec[] = [];
    const captions: string[] = [];
    const charts: ChartCollector = { add: async (_n, spec, { caption }) => { specs.push(spec); captions.push(caption); return ''; }, finish: async () => [] };
    const entry = (alternative: string): ComparisonEntry => ({
      alternative, metric: 'shortfallWeeks.co.endUse.US', meanA: 20, meanB: 5, meanDifference: -15, ciLow: -18, ciHigh: -12, pBetter: 1, pWorse: 0, n: 10, unit: 'weeks', direction: 'lower',
    });
    const comparison = { reference: 'threat', alternatives: [STOCKPILE, COMPONENTS], entries: [entry(STOCKPILE), entry(COMPONENTS)], costEffectiveness: new Map() };
    await renderComparisonSection(comparison, { reference: { label: 'threat', overview: undefined }, alternatives: [{ label: STOCKPILE, overview: undefined }, { label: COMPONENTS, overview: undefined }] }, (id) => id, charts);
    const spec = JSON.stringify(specs[0]);
    const labels = [...new Set([...spec.matchAll(/"alternative":"([^"]+)"/g)].map((m) => m[1]))];
    expect(labels).toHaveLength(2);
    for (const label of labels) expect(measureTextWidth(label, 11, false)).toBeLessThanOrEqual(170);
    for (const label of labels.filter((l) => l.includes('…'))) expect(captions[0]).toContain(`“${label}” is `);
    expect(captions[0]).toContain(COMPONENTS);
  });
});
