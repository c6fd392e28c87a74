import { join } from 'node:path';
import { isRecord } from './isRecord.ts';
import { readJsonFile } from './readJsonFile.ts';
import { toNumber } from './toNumber.ts';

/** One bar of a tornado: a parameter's low and high value and the metric at each. */
export interface TornadoEntry {
  parameter: string;
  low: number | string;
  high: number | string;
  outputLow: number;
  outputHigh: number;
  /** The output at the high end minus at the low end (paired, run by run), as `tornado.json` writes it; |difference| in older files. */
  swing: number;
  /** 95% CI of `swing` (paired differences); absent in older files. */
  ciLow?: number;
  ciHigh?: number;
  /** The first entry only: its |swing| less the second's, paired run by run, with its 95% CI; absent in older files. */
  leadOverNext?: { difference: number; ciLow: number; ciHigh: number };
}

/** A tornado chart's data, ranked by swing (largest first). */
export interface Tornado {
  /** The metric the outputs measure, or ''. */
  metric: string;
  unit: string;
  /** Output at the base point, NaN when not given. */
  base: number;
  entries: TornadoEntry[];
}

const LIST_KEYS = ['entries', 'parameters', 'bars', 'tornado', 'ranking', 'ranked'];

/**
 * Reads `tornado.json` (written by `crm-sim sweep`): a ranked list of `{parameter, low, high,
 * outputLow, outputHigh, swing, ciLow, ciHigh}` (or `meanAtLow`/`meanAtHigh`, with a common `meanNominal` as base), bare or under `entries`/`parameters`/`bars`/`tornado`/`ranking`
 * with optional `id` (or `metric`), `unit` and `base`/`baseline`; or a map from metric id to such lists.
 * Entries are re-ranked by |swing| so the chart never depends on the writer's order.
 *
 * @param dir - The output folder.
 * @returns One tornado per metric, or undefined when there is no `tornado.json` or no entry.
 * @throws ReportInputError when the file is not valid JSON.
 * @example
 * (await readTornadoJson(dir))?.[0].entries[0].parameter;
 */
export async function readTornadoJson(dir: string): Promise<Tornado[] | undefined> {
  const data = await readJsonFile(join(dir, 'tornado.json'));
  if (data === undefined) return undefined;
  const tornados: Tornado[] = [];
  if (Array.isArray(data)) tornados.push(readTornado(data, {}, ''));
  else if (isRecord(data)) {
    const list = LIST_KEYS.map((key) => data[key]).find(Array.isArray);
    if (list !== undefined) tornados.push(readTornado(list, data, ''));
    else for (const [metric, value] of Object.entries(data)) {
      if (Array.isArray(value)) tornados.push(readTornado(value, {}, metric));
      else if (isRecord(value)) {
        const inner = LIST_KEYS.map((key) => value[key]).find(Array.isArray);
        if (inner !== undefined) tornados.push(readTornado(inner, value, metric));
      }
    }
  }
  const kept = tornados.filter((t) => t.entries.length > 0);
  return kept.length > 0 ? kept : undefined;
}

function readTornado(list: unknown[], meta: Record<string, unknown>, key: string): Tornado {
  const entries = list.filter(isRecord).filter((r) => typeof r.parameter === 'string').map((r) => {
    const outputLow = toNumber(r.outputLow ?? r.meanAtLow);
    const outputHigh = toNumber(r.outputHigh ?? r.meanAtHigh);
    const swing = toNumber(r.swing);
    return {
      parameter: r.parameter as string, low: level(r.low), high: level(r.high), outputLow, outputHigh,
      swing: Number.isFinite(swing) ? swing : Math.abs(outputHigh - outputLow),
      ...ciOf(r),
      ...leadOf(r),
    };
  }).sort((a, b) => Math.abs(b.swing) - Math.abs(a.swing));
  return {
    // `id` (the full metric id) since tornado.json split its key into fields; `metric` held it before.
    metric: typeof meta.id === 'string' ? meta.id : typeof meta.metric === 'string' ? meta.metric : key,
    unit: typeof meta.unit === 'string' ? meta.unit : '',
    base: toNumber(meta.base ?? meta.baseline ?? meta.outputBase ?? commonNominal(list)),
    entries,
  };
}

/** `leadOverNext` when the entry states it in full. */
function leadOf(r: Record<string, unknown>): { leadOverNext?: TornadoEntry['leadOverNext'] } {
  if (!isRecord(r.leadOverNext)) return {};
  const [difference, ciLow, ciHigh] = ['difference', 'ciLow', 'ciHigh'].map((key) => toNumber((r.leadOverNext as Record<string, unknown>)[key]));
  return [difference, ciLow, ciHigh].every(Number.isFinite) ? { leadOverNext: { difference, ciLow, ciHigh } } : {};
}

/** The swing's 95% CI when the entry states both ends. */
function ciOf(r: Record<string, unknown>): { ciLow?: number; ciHigh?: number } {
  const ciLow = toNumber(r.ciLow);
  const ciHigh = toNumber(r.ciHigh);
  return Number.isFinite(ciLow) && Number.isFinite(ciHigh) ? { ciLow, ciHigh } : {};
}

function level(value: unknown): number | string {
  return typeof value === 'number' || typeof value === 'string' ? value : '';
}

/** The output at the nominal point when every entry states the same `meanNominal` (one-at-a-time designs). */
function commonNominal(list: unknown[]): number | undefined {
  const values = [...new Set(list.filter(isRecord).map((r) => toNumber(r.meanNominal)).filter(Number.isFinite))];
  return values.length === 1 ? values[0] : undefined;
}
