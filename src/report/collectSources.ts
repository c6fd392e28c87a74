import { isRecord } from './isRecord.ts';

/** Where one part of the scenario comes from. */
export interface SourceEntry {
  /** Dotted path in the scenario, e.g. `materials.ndpr.processing` ('' for the top level). */
  path: string;
  source: string;
  asOf: string;
}

/**
 * Collects every `source:` and `asOf:` of a resolved scenario with the path of the object that
 * carries it, in document order.
 *
 * @param document - The parsed `scenario.resolved.yaml`.
 * @returns One entry per object with a source or a date.
 * @example
 * collectSources({ materials: { ndpr: { source: 'params.csv …', asOf: '2024' } } });
 * // [{ path: 'materials.ndpr', source: 'params.csv …', asOf: '2024' }]
 */
export function collectSources(document: unknown): SourceEntry[] {
  const entries: SourceEntry[] = [];
  const visit = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, `${path}[${index}]`));
      return;
    }
    if (!isRecord(value)) return;
    if (value.source !== undefined || value.asOf !== undefined) {
      entries.push({ path, source: value.source === undefined ? '' : String(value.source), asOf: value.asOf === undefined ? '' : String(value.asOf) });
    }
    for (const [key, child] of Object.entries(value)) visit(child, path === '' ? key : `${path}.${key}`);
  };
  visit(document, '');
  return entries;
}

/**
 * Formats a source and its date as one phrase.
 *
 * @param source - The `source:` text, or ''.
 * @param asOf - The `asOf:` date, or ''.
 * @returns e.g. `params.csv … (as of 2024)`, or '—' when both are empty.
 * @example
 * formatProvenance('assumption', '2025'); // 'assumption (as of 2025)'
 */
export function formatProvenance(source: string, asOf: string): string {
  if (source === '' && asOf === '') return '—';
  if (asOf === '') return source;
  return source === '' ? `as of ${asOf}` : `${source} (as of ${asOf})`;
}
