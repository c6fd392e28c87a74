import type { ResultLayout } from '../../sim-core/index.ts';
import type { SeriesBand } from '../stats/computeSeriesBands.ts';
import { createTextFileWriter } from './createTextFileWriter.ts';
import { formatCsvField } from './formatCsvField.ts';
import { formatCsvNumber } from './formatCsvNumber.ts';
import { formatYear } from './formatYear.ts';

/** Header of `series.csv`. */
export const SERIES_CSV_HEADER = 'tick,year,metric,material,stage,region,unit,mean,p5,p25,p50,p75,p95';

/**
 * Writes `series.csv`: one tidy row per series and tick (series in layout order, then ticks
 * ascending) with the series' unit after its key, LF line ends, numbers shortest round-trip, empty
 * fields for NaN.
 *
 * @param path - File to create (must not exist).
 * @param layout - Result layout (ticks, calendar).
 * @param bands - Bands from `computeSeriesBands`, one per `layout.series` key.
 * @returns Resolves when the file is closed.
 * @throws Error if the bands do not match the layout.
 * @example
 * await writeSeriesCsv(join(dir, 'series.csv'), layout, computeSeriesBands(layout, results));
 */
export async function writeSeriesCsv(
  path: string,
  layout: ResultLayout,
  bands: readonly SeriesBand[],
): Promise<void> {
  if (bands.length !== layout.series.length) {
    throw new Error(`series.csv: ${bands.length} bands for ${layout.series.length} series`);
  }
  const years = Array.from({ length: layout.ticks }, (_, tick) =>
    formatYear(layout.startYear, tick, layout.ticksPerYear),
  );
  const writer = await createTextFileWriter(path);
  try {
    await writer.write(`${SERIES_CSV_HEADER}\n`);
    for (const band of bands) {
      if (band.mean.length !== layout.ticks) {
        throw new Error(`series.csv: band '${band.key.metric}' has ${band.mean.length} ticks`);
      }
      const { metric, material, stage, region, unit } = band.key;
      const names = [metric, material, stage, region, unit].map(formatCsvField).join(',');
      for (let t = 0; t < layout.ticks; t++) {
        const values = [band.mean[t], band.p5[t], band.p25[t], band.p50[t], band.p75[t], band.p95[t]];
        await writer.write(`${t},${years[t]},${names},${values.map(formatCsvNumber).join(',')}\n`);
      }
    }
  } finally {
    await writer.close();
  }
}
