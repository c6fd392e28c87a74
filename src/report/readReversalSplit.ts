import { isRecord } from './isRecord.ts';
import { toNumber } from './toNumber.ts';

/** A mean paired difference over a group of runs, with its confidence interval. */
export interface SplitFigure {
  n: number;
  mean: number;
  ciLow: number;
  ciHigh: number;
}

/** One alternative's entry of comparison.json's `reversalSplit` (src/compare/computeReversalSplit.ts). */
export interface AlternativeReversalSplit {
  /** Ids of the alternative's reversible policies. */
  policies: string[];
  /** Per policy id, the runs in which an election reversed it. */
  runsReversedByPolicy: Map<string, number>;
  runsReversed: number;
  runs: number;
  /** Per metric id: the paired effect over the kept and the reversed runs, and kept − reversed (n NaN). */
  metrics: SplitMetrics;
  /** With several policies, the split by each policy alone, in the order of `policies` (else empty). */
  byPolicy: { id: string; runsReversed: number; metrics: SplitMetrics }[];
}

/** Per metric id: the paired effect over the kept and the reversed runs, and kept − reversed (n NaN). */
export type SplitMetrics = Map<string, { kept: SplitFigure; reversed: SplitFigure; difference: SplitFigure }>;

/**
 * Reads `reversalSplit` of a parsed `comparison.json`: per alternative, its paired effects split
 * by whether an election reversed one of its policies. Missing numbers (null) read as NaN.
 *
 * @param data - The parsed file.
 * @returns Per alternative label; empty when the file has no `reversalSplit` (no alternative has reversible policies, or an older file).
 * @example
 * readReversalSplit(JSON.parse(text)).get('mitigation-subsidies')?.runsReversed;
 */
export function readReversalSplit(data: unknown): Map<string, AlternativeReversalSplit> {
  const out = new Map<string, AlternativeReversalSplit>();
  const block = isRecord(data) && isRecord(data.reversalSplit) ? data.reversalSplit : {};
  for (const [label, value] of Object.entries(block)) {
    if (!isRecord(value)) continue;
    const policies = Array.isArray(value.policies) ? value.policies.map(String) : [];
    const byPolicy = isRecord(value.runsReversedByPolicy) ? value.runsReversedByPolicy : {};
    const split = isRecord(value.byPolicy) ? value.byPolicy : {};
    out.set(label, {
      policies,
      runsReversedByPolicy: new Map(policies.map((id) => [id, toNumber(byPolicy[id])])),
      runsReversed: toNumber(value.runsReversed),
      runs: toNumber(value.runs),
      metrics: readMetrics(value.metrics),
      byPolicy: policies.flatMap((id) => {
        const entry = split[id];
        return isRecord(entry) ? [{ id, runsReversed: toNumber(entry.runsReversed), metrics: readMetrics(entry.metrics) }] : [];
      }),
    });
  }
  return out;
}

function readMetrics(value: unknown): SplitMetrics {
  const metrics = isRecord(value) ? value : {};
  return new Map(Object.entries(metrics).filter((entry): entry is [string, Record<string, unknown>] => isRecord(entry[1]))
    .map(([id, m]) => [id, { kept: figure(m.kept), reversed: figure(m.reversed), difference: figure(m.difference) }]));
}

function figure(value: unknown): SplitFigure {
  const record = isRecord(value) ? value : {};
  return { n: toNumber(record.n), mean: toNumber(record.mean), ciLow: toNumber(record.ciLow), ciHigh: toNumber(record.ciHigh) };
}
