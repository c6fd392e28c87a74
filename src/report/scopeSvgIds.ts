/**
 * Prefixes every `id` in an SVG, and every `url(#…)`/`href="#…"` reference to it, so several
 * charts can be inlined in one HTML page without their clip paths or gradients colliding.
 *
 * @param svg - SVG text.
 * @param prefix - Unique per chart, e.g. the chart's file name.
 * @returns The SVG with scoped ids.
 * @example
 * scopeSvgIds('<clipPath id="clip1"/><g clip-path="url(#clip1)"/>', 'fan-ndpr');
 * // '<clipPath id="fan-ndpr-clip1"/><g clip-path="url(#fan-ndpr-clip1)"/>'
 */
export function scopeSvgIds(svg: string, prefix: string): string {
  return svg
    .replace(/\sid="([^"]+)"/g, (_m, id: string) => ` id="${prefix}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_m, id: string) => `url(#${prefix}-${id})`)
    .replace(/href="#([^"]+)"/g, (_m, id: string) => `href="#${prefix}-${id}"`);
}
