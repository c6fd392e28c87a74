/** Geometry attributes whose numbers are pixel coordinates. */
const GEOMETRY = /\s(d|transform|x|y|x1|x2|y1|y2|width|height)="([^"]*)"/g;

/**
 * Shortens pixel coordinates in an SVG's geometry attributes to one decimal (a tenth of a
 * pixel), which shortens the size of charts with long paths; text and ARIA labels are untouched.
 *
 * @param svg - SVG text.
 * @returns The SVG with shorter numbers in `d`, `transform`, `x`, `y`, `width`, `height` and line ends.
 * @example
 * compactSvgNumbers('<path d="M1.23456,2L3,4"/>'); // '<path d="M1.2,2L3,4"/>'
 */
export function compactSvgNumbers(svg: string): string {
  return svg.replace(GEOMETRY, (_match, name: string, value: string) =>
    ` ${name}="${value.replace(/(\.\d)\d+/g, '$1')}"`);
}
