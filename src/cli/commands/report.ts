import { statSync } from 'node:fs';
import type { RegisterCommand } from '../commandContext.ts';
import { UsageError } from '../exitCodes.ts';
import { countOf } from '../../text/countOf.ts';

/** Options of `crm-sim report`, as parsed by commander. */
interface ReportOptions {
  json?: boolean;
  quiet?: boolean;
}

/** What a folder that cannot be opened is, by its error code, for the usage message. */
const FOLDER_ERRORS: Record<string, string> = {
  ENOENT: 'no such folder', ENOTDIR: 'no such folder, a part of the path is not a folder', EACCES: 'a folder you may not read',
};

/** Throws a usage error naming `dir` when it does not exist or may not be opened (other failures are the report's to say). */
function checkFolderExists(dir: string): void {
  try {
    statSync(dir);
  } catch (error) {
    const what = FOLDER_ERRORS[(error as NodeJS.ErrnoException).code ?? ''];
    if (what !== undefined) throw new UsageError(`report ${dir}: ${what} (give the output folder of a run, compare, sweep or stress)`);
    throw error;
  }
}

/**
 * Writes `report.html` and `charts/` into an output folder (run, compare, sweep or stress) and says so on
 * stderr unless quiet; a folder that cannot be reported on is a usage error (exit 2). The report
 * library (vega, resvg) is loaded only when a report is made, so other commands start fast.
 *
 * @param dir - The output folder.
 * @param quiet - No message on stderr.
 * @returns The absolute path of `report.html` and the chart names.
 * @throws UsageError when the folder is missing, not an output folder, or a file in it does not parse.
 * @example
 * await reportOutputFolder('outputs/threat-export-quota-20250101T000000Z', false);
 */
export async function reportOutputFolder(dir: string, quiet: boolean): Promise<{ reportPath: string; kind: string; charts: string[] }> {
  checkFolderExists(dir);
  const { writeReport, ReportInputError } = await import('../../report/index.ts');
  try {
    const written = await writeReport(dir);
    if (!quiet) process.stderr.write(`report: ${written.reportPath} (${written.kind}, ${countOf(written.charts.length, 'chart')} in ${written.chartsDir})\n`);
    return written;
  } catch (error) {
    if (error instanceof ReportInputError) throw new UsageError(error.message);
    throw error;
  }
}

/** `crm-sim report <dir>`: a self-contained HTML report with its charts as SVG and PNG. */
const register: RegisterCommand = ({ program }) => {
  program.command('report <dir>')
    .description('write report.html (self-contained) and charts/ (SVG, PNG) into a run, compare, sweep or stress output folder')
    .option('--json', 'print {"report", "kind", "charts"} as JSON on stdout').option('--quiet', 'no message on stderr')
    .action(async (dir: string, options: ReportOptions) => {
      const written = await reportOutputFolder(dir, options.quiet === true);
      if (options.json) process.stdout.write(`${JSON.stringify({ report: written.reportPath, kind: written.kind, charts: written.charts })}\n`);
      else process.stdout.write(`${written.reportPath}\n`);
    });
};
export default register;
