import { describe, expect, it } from 'vitest';
import { compactSvgNumbers } from '../../src/report/compactSvgNumbers.ts';
import { escapeHtml } from '../../src/report/escapeHtml.ts';
import { measureTextWidth } from '../../src/report/measureTextWidth.ts';
import { scopeSvgIds } from '../../src/report/scopeSvgIds.ts';

describe('SVG and HTML text helpers', () => {
  it('scopes ids and every reference to them', () => {
    const svg = '<clipPath id="clip1"/><g clip-path="url(#clip1)"/><use href="#clip1"/>';
    expect(scopeSvgIds(svg, 'fan-ndpr')).toBe('<clipPath id="fan-ndpr-clip1"/><g clip-path="url(#fan-ndpr-clip1)"/><use href="#fan-ndpr-clip1"/>');
  });

  it('shortens geometry but not text or labels', () => {
    const svg = '<path d="M1.23456,2.5L3,4.999"/><text x="10.126" aria-label="0.04567">0.04567</text>';
    expect(compactSvgNumbers(svg)).toBe('<path d="M1.2,2.5L3,4.9"/><text x="10.1" aria-label="0.04567">0.04567</text>');
  });

  it('escapes markup from scenario files', () => {
    expect(escapeHtml('<script>"x" & \'y\'</script>')).toBe('&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;');
  });

  it('measures DejaVu Sans widths: wider for bold, additive, fallback for unknown characters', () => {
    expect(measureTextWidth('2030', 10, false)).toBeCloseTo(4 * 6.36, 6);
    expect(measureTextWidth('ab', 11, true)).toBeGreaterThan(measureTextWidth('ab', 11, false));
    expect(measureTextWidth('ab', 11, false)).toBeCloseTo(measureTextWidth('a', 11, false) + measureTextWidth('b', 11, false), 9);
    expect(measureTextWidth('漢', 10, false)).toBe(8);
  });
});
