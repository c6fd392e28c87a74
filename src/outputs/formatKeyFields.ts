import type { SeriesKey } from '../../sim-core/index.ts';

/** The four key parts of a metric as JSON outputs write them: a part that does not apply is null. */
export interface KeyFields {
  metric: string;
  material: string | null;
  stage: string | null;
  region: string | null;
}

/**
 * The key parts of a series or summary key for a JSON file: `metric`, `material`, `stage` and
 * `region`, a part that does not apply (the engine's '') as `null`, as the CSVs' empty field loads
 * (NA in pandas and R, NULL in DuckDB) and as Parquet writes it, so JSON rows join CSV rows on
 * the four columns.
 *
 * @param key - The series or summary key.
 * @returns The four parts, in that order.
 * @example
 * formatKeyFields({ metric: 'policyCost', material: '', stage: '', region: 'US', unit: 'USD' });
 * // { metric: 'policyCost', material: null, stage: null, region: 'US' }
 */
export function formatKeyFields(key: SeriesKey): KeyFields {
  const part = (value: string): string | null => (value === '' ? null : value);
  return { metric: key.metric, material: part(key.material), stage: part(key.stage), region: part(key.region) };
}
