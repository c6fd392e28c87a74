/** Writers of run folders: manifest, resolved scenario, summaries, series bands, replicate values. */
export { createManifest, type ManifestInput, type RunManifest } from './createManifest.ts';
export { createTextFileWriter, type TextFileWriter } from './createTextFileWriter.ts';
export { formatCsvField } from './formatCsvField.ts';
export { formatCsvNumber } from './formatCsvNumber.ts';
export { formatMetricId } from './formatMetricId.ts';
export { formatSummaryJson } from './formatSummaryJson.ts';
export { formatYear } from './formatYear.ts';
export {
  type AtomicWriteOptions,
  OutputFolderExistsError,
  writeDirectoryAtomically,
} from './writeDirectoryAtomically.ts';
export { REPLICATES_CSV_HEADER, writeReplicatesCsv } from './writeReplicatesCsv.ts';
export { type RunOutputs, writeRunOutputs } from './writeRunOutputs.ts';
export { SERIES_CSV_HEADER, writeSeriesCsv } from './writeSeriesCsv.ts';
