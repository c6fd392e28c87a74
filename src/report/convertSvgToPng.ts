import { renderAsync } from '@resvg/resvg-js';

/**
 * Converts a chart's SVG to PNG with resvg at twice its pixel size (sharp in print), on a white
 * background, with the machine's fonts (DejaVu Sans preferred). Runs off the main thread, so
 * several charts convert in parallel.
 *
 * @param svg - SVG text.
 * @returns The PNG bytes.
 * @example
 * await writeFile('chart.png', await convertSvgToPng(svg));
 */
export async function convertSvgToPng(svg: string): Promise<Buffer> {
  const image = await renderAsync(svg, {
    fitTo: { mode: 'zoom', value: 2 },
    background: 'white',
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  });
  return image.asPng();
}
