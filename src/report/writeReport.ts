import { rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeDirectoryAtomically } from '../outputs/writeDirectoryAtomically.ts';
import { buildReport } from './buildReport.ts';
import type { FolderKind } from './detectFolderKind.ts';

/** What {@link writeReport} wrote. */
export interface WrittenReport {
  kind: FolderKind;
  /** Absolute path of `report.html`. */
  reportPath: string;
  /** Absolute path of the `charts/` folder. */
  chartsDir: string;
  /** Chart names (each has an `.svg` and a `.png`). */
  charts: string[];
}

/**
 * Builds the report of an output folder and writes it into that folder: `charts/` (every chart
 * as SVG and PNG) through a temporary folder renamed into place, then `report.html` through a
 * temporary file renamed into place, so neither is ever seen half-written. An existing report
 * is replaced.
 *
 * @param dir - The output folder (run, compare or sweep).
 * @returns Paths and chart names.
 * @throws ReportInputError when the folder cannot be reported on.
 * @example
 * const { reportPath } = await writeReport('outputs/threat-export-quota-20250101T000000Z');
 */
export async function writeReport(dir: string): Promise<WrittenReport> {
  const folder = resolve(dir);
  const report = await buildReport(folder);
  const chartsDir = await writeDirectoryAtomically(join(folder, 'charts'), async (temporary) => {
    for (const chart of report.charts) {
      await writeFile(join(temporary, `${chart.name}.svg`), chart.svg);
      await writeFile(join(temporary, `${chart.name}.png`), chart.png);
    }
  }, { overwrite: true });
  const reportPath = join(folder, 'report.html');
  const temporary = join(folder, `.report.html.tmp-${process.pid}`);
  try {
    await writeFile(temporary, report.html);
    await rename(temporary, reportPath);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return { kind: report.kind, reportPath, chartsDir, charts: report.charts.map((c) => c.name) };
}
