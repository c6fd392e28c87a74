import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createAbortError } from '../montecarlo/createAbortError.ts';
import type { ResultLayout } from '../../sim-core/index.ts';
import { computeBlockBands, type SeriesBlock } from '../stats/computeBlockBands.ts';
import { type BandPool, createBandPool } from '../stats/createBandPool.ts';
import { computeSummaryStatistics, type ReplicateSummaries, type SummaryStatistic } from '../stats/computeSummaryStatistics.ts';
import { computeExceedance, type ExceedanceRequest } from '../stats/computeExceedance.ts';
import { defaultExceedanceRequests } from '../stats/defaultExceedanceRequests.ts';
import type { SeriesBand } from '../stats/createSeriesBand.ts';
import { createKeptSeriesWriter, type KeptSeriesWriter } from './createKeptSeriesWriter.ts';
import { type RunManifest, stripExecutionFields } from './createManifest.ts';
import type { SeriesSegment } from './createReplicateStore.ts';
import { formatSummaryJson } from './formatSummaryJson.ts';
import { chooseBlockSeries, DEFAULT_BLOCK_BYTES, readSeriesBlocks } from './readSeriesBlocks.ts';
import { type ParquetFileInfo, writeBandsParquet, writeReplicatesParquet } from './writeParquetTables.ts';
import { writeReplicatesCsv } from './writeReplicatesCsv.ts';
import { writeSeriesCsv } from './writeSeriesCsv.ts';

/** What {@link writeRunFiles} needs: the run's replicates on disk (series) and in memory (summaries). */
export interface RunFilesInput {
  layout: ResultLayout;
  /** The scenario after defaults and `set` overrides, as YAML text. */
  resolvedYaml: string;
  /** Segment files tiling replicates 0…N−1. */
  segments: readonly SeriesSegment[];
  /** Summaries of replicates 0…N−1. */
  summaries: readonly ReplicateSummaries[];
  /** Builds the manifest; called once early (identity for Parquet metadata) and once at the end (timing). */
  createManifest: () => RunManifest;
  /** Also write `series.parquet` and `replicates.parquet` (and Parquet kept series). */
  parquet?: boolean;
  /** Also write every replicate's series (`replicate-series.csv`, and `.parquet` with `parquet`). */
  keepSeries?: boolean;
  /** Memory for one block of series across replicates (default 256 MiB). */
  blockBytes?: number;
  /** Exceedance probabilities to report besides the defaults (`defaultExceedanceRequests`; `--exceed`). */
  exceedance?: readonly ExceedanceRequest[];
  /** Threads for the band pass (0 or absent: main thread); see `chooseBandWorkers`. */
  bandWorkers?: number;
  signal?: AbortSignal;
  /** Called with (0, total) before the first block of series, then after each block with blocks done. */
  onBlock?: (done: number, total: number) => void;
}

/**
 * Writes the files of a run folder into `dir` (normally the atomic writer's temporary folder):
 * `scenario.resolved.yaml`, `summary.json` (with exceedance probabilities), `replicates.csv`, `series.csv`, optional Parquet
 * and kept series, and `manifest.json` last. Bands are computed block by block of series read
 * back from the segment files (docs/statistics.md), so memory does not grow with N × series.
 * Every file but `manifest.json` is a pure function of the layout, the resolved scenario and
 * the replicates' values, whatever the worker count, chunking, block size or sharding.
 *
 * @param dir - Folder to write into (existing, empty of these names).
 * @param input - Replicates, scenario, manifest and options.
 * @returns The summary statistics (for `--json`).
 * @example
 * await writeRunFiles(tmp, { layout, resolvedYaml, segments: store.segments(), summaries: store.summaries(), createManifest });
 */
export async function writeRunFiles(dir: string, input: RunFilesInput): Promise<SummaryStatistic[]> {
  const { layout } = input;
  const manifest = input.createManifest();
  const info: ParquetFileInfo = {
    metadata: { 'crm-sim.manifest': JSON.stringify(stripExecutionFields(manifest)) },
    createdBy: `crm-sim ${manifest.version}`,
  };
  // Ctrl-C is honoured between any two steps, not only between blocks of series (AbortError).
  const checkpoint = (): void => {
    if (input.signal?.aborted) throw createAbortError(input.signal.reason);
  };
  const yaml = input.resolvedYaml.replace(/\r\n?/g, '\n');
  await writeFile(join(dir, 'scenario.resolved.yaml'), yaml.endsWith('\n') ? yaml : `${yaml}\n`);
  const summaryStats = computeSummaryStatistics(layout, input.summaries);
  const exceedance = computeExceedance(layout, input.summaries, withDefaults(layout, input.exceedance ?? []));
  await writeFile(join(dir, 'summary.json'), formatSummaryJson(summaryStats, exceedance));
  checkpoint();
  await writeReplicatesCsv(join(dir, 'replicates.csv'), layout, input.summaries);
  checkpoint();
  const kept = input.keepSeries ? await createKeptSeriesWriter(dir, layout, 0, input.parquet ? info : undefined) : undefined;
  const bands = await computeBandsFromSegments(input, kept);
  checkpoint();
  await writeSeriesCsv(join(dir, 'series.csv'), layout, bands);
  checkpoint();
  if (input.parquet) {
    await writeBandsParquet(join(dir, 'series.parquet'), layout, bands, info);
    checkpoint();
    await writeReplicatesParquet(join(dir, 'replicates.parquet'), layout, input.summaries, info);
    checkpoint();
  }
  await writeFile(join(dir, 'manifest.json'), `${JSON.stringify(input.createManifest(), null, 2)}\n`);
  checkpoint();
  return summaryStats;
}

/** The default exceedance requests, then the extra ones that are not among them. */
function withDefaults(layout: ResultLayout, extra: readonly ExceedanceRequest[]): ExceedanceRequest[] {
  const requests = defaultExceedanceRequests(layout);
  const seen = new Set(requests.map((request) => `${request.index}>${request.threshold}`));
  return [...requests, ...extra.filter((request) => !seen.has(`${request.index}>${request.threshold}`))];
}

/**
 * Reads the segments block by block, computing bands (on band worker threads when asked, while
 * the main thread writes the block's kept series) and feeding the kept-series writer.
 */
async function computeBandsFromSegments(input: RunFilesInput, kept: KeptSeriesWriter | undefined): Promise<SeriesBand[]> {
  const { layout } = input;
  const seriesCount = layout.series.length;
  const maxBytes = input.blockBytes ?? DEFAULT_BLOCK_BYTES;
  const blockSeries = chooseBlockSeries(seriesCount, input.summaries.length, layout.ticks, maxBytes);
  const total = Math.ceil(seriesCount / blockSeries);
  const pool = (input.bandWorkers ?? 0) > 0 ? createBandPool(input.bandWorkers ?? 1) : undefined;
  const bands: SeriesBand[] = [];
  try {
    let done = 0;
    input.onBlock?.(0, total);
    const blocks = readSeriesBlocks(input.segments, seriesCount, layout.ticks, { maxBytes, signal: input.signal, shared: pool !== undefined });
    try {
      let next = blocks.next();
      for (let result = await next; !result.done; result = await next) {
        const block = result.value;
        // With band threads, read the next block (into readSeriesBlocks' other buffer) while they compute this one.
        if (pool !== undefined) {
          next = blocks.next();
          next.catch(() => undefined); // awaited on the next turn; this only keeps an early failure from counting as unhandled
        }
        const [blockBands] = await Promise.all([computeBands(pool, layout, block), kept?.writeBlock(block)]);
        bands.push(...blockBands);
        input.onBlock?.(++done, total);
        if (pool === undefined) next = blocks.next();
      }
    } finally {
      await blocks.return(undefined).catch(() => undefined);
    }
  } finally {
    await kept?.close();
    await pool?.destroy();
  }
  return bands;
}

/** Bands of a block, on the pool or on this thread. */
function computeBands(pool: BandPool | undefined, layout: ResultLayout, block: SeriesBlock): Promise<SeriesBand[]> | SeriesBand[] {
  return pool === undefined ? computeBlockBands(layout.series, block) : pool.compute(layout.series, block);
}
