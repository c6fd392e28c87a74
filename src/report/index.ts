/** The HTML report of an output folder: readers of the folder's files, chart specs, sections, writer. */
export { buildReport, type BuiltReport } from './buildReport.ts';
export { detectFolderKind, type FolderKind } from './detectFolderKind.ts';
export { ReportInputError } from './reportInputError.ts';
export { renderChart } from './renderChart.ts';
export { convertSvgToPng } from './convertSvgToPng.ts';
export { writeReport, type WrittenReport } from './writeReport.ts';
