/** Writers of run folders: manifest, resolved scenario, summaries, series bands, replicate values, shards, Parquet. */
export { checkShardSet } from './checkShardSet.ts';
export { createKeptSeriesWriter, KEPT_SERIES_CSV_HEADER, type KeptSeriesWriter } from './createKeptSeriesWriter.ts';
export {
  createManifest,
  type ManifestInput,
  type RunManifest,
  type ShardManifest,
  stripExecutionFields,
} from './createManifest.ts';
export { createParquetTableWriter, type ParquetColumnSpec, type ParquetTableWriter } from './createParquetTableWriter.ts';
export { createReplicateStore, type ReplicateStore, type SeriesSegment } from './createReplicateStore.ts';
export { createTextFileWriter, type TextFileWriter } from './createTextFileWriter.ts';
export { describeUncheckedShards } from './describeUncheckedShards.ts';
export { formatCsvField } from './formatCsvField.ts';
export { formatCsvNumber } from './formatCsvNumber.ts';
export { formatKeyFields, type KeyFields } from './formatKeyFields.ts';
export { formatMetricId } from './formatMetricId.ts';
export { formatSummaryJson } from './formatSummaryJson.ts';
export { formatYear } from './formatYear.ts';
export { chooseBlockSeries, DEFAULT_BLOCK_BYTES, readSeriesBlocks, type SeriesBlockOptions } from './readSeriesBlocks.ts';
export { readShardFolder, ShardError, type ShardFolder } from './readShardFolder.ts';
export { isProcessAlive, removeStaleTemporaries } from './removeStaleTemporaries.ts';
export { sha256Hex, verifySha256 } from './verifySha256.ts';
export {
  type AtomicWriteOptions,
  OutputFolderExistsError,
  writeDirectoryAtomically,
} from './writeDirectoryAtomically.ts';
export { type ParquetFileInfo, writeBandsParquet, writeReplicatesParquet } from './writeParquetTables.ts';
export { REPLICATES_CSV_HEADER, writeReplicatesCsv } from './writeReplicatesCsv.ts';
export { type RunFilesInput, writeRunFiles } from './writeRunFiles.ts';
export { type RunOutputs, writeRunOutputs } from './writeRunOutputs.ts';
export { SERIES_CSV_HEADER, writeSeriesCsv } from './writeSeriesCsv.ts';
export { SHARD_FILES, type ShardFilesInput, writeShardFiles } from './writeShardFiles.ts';
