import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatCurrentFigures, type BaselineFigures } from '../../bench/formatCurrentFigures.ts';

const baseline = JSON.parse(readFileSync('bench/baseline.json', 'utf8')) as BaselineFigures;

describe('the Current figures table of docs/performance.md', () => {
  it('is bench/baseline.json\'s (after --save-baseline, run npm run bench:doc)', () => {
    const page = readFileSync('docs/performance.md', 'utf8');
    const block = /<!-- current-figures[^>]*-->\n([\s\S]*?)<!-- \/current-figures -->/.exec(page);
    expect(block).not.toBeNull();
    expect(block![1]).toBe(formatCurrentFigures(baseline));
  });

  it('gives each headline figure with its range, and says whether issue 7\'s targets are met', () => {
    const text = formatCurrentFigures({
      ...baseline, engineToKernelRatio: 2.5, range: { ...baseline.range, engineToKernelRatio: [2.4, 2.9] },
      memory: { ...baseline.memory!, heapBytesPerAgent: 70 }, threads: { ...baseline.threads!, speedup: 1.65, bitIdentical: false },
    });
    const row = (start: string) => text.split('\n').find((line) => line.startsWith(`| ${start}`));
    expect(row('**engineToKernelRatio**')).toMatch(/\| 2\.50 \[2\.40–2\.90\] \(CPU [^)]*\) \| ≤ 3 \| \*\*yes\*\* \|$/);
    expect(row('**bytes per agent**')).toMatch(/\| 70\.0 \/ [\d.]+ .*\| ≤ 64 \| \*\*no\*\* \|$/);
    expect(row('**one replicate on 2 threads**')).toMatch(/NOT bit-identical \| 1\.65× \[/);
    expect(row('**one replicate on 2 threads**')).toMatch(/\| ≥ 1\.6 \| \*\*yes\*\* \|$/);
    // A figure that rounds to its target says which side of it the value is on.
    const close = formatCurrentFigures({ ...baseline, monteCarlo: { ...baseline.monteCarlo!, warmScaling: 1.7986 } });
    expect(close.split('\n').find((line) => line.startsWith('| **Monte Carlo**'))).toMatch(/\| 1\.80× .*\| ≥ 1\.8 \| \*\*no\*\* \(1\.799\) \|$/);
    // One row per size, largest first.
    const sizes = text.split('\n').filter((line) => /^\| engine, [\d,]+ agents/.test(line)).map((line) => Number(/engine, ([\d,]+) agents/.exec(line)![1].replace(/,/g, '')));
    expect(sizes).toEqual([...baseline.sizes.map((s) => s.agents)].sort((a, b) => b - a));
  });
});
