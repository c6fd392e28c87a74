/**
 * Writes a command's result on stdout: with `--json` the JSON document alone (so it parses), and the
 * output folder on stderr, where a script that did not choose the folder can still find it (not with
 * `--quiet`, which keeps stderr for warnings and errors: give `--out` then); without `--json`, `text`
 * followed by the folder on its own last line.
 *
 * @param result - The JSON document (ending in a newline) and the readable text (without the folder).
 * @param dir - The output folder.
 * @param options - The command's `--json` and `--quiet`.
 * @example
 * writeCommandResult({ json, text: formatComparisonTable(report) }, dir, options);
 */
export function writeCommandResult(result: { json: string; text: string }, dir: string, options: { json?: boolean; quiet?: boolean }): void {
  if (options.json === true) {
    process.stdout.write(result.json);
    if (options.quiet !== true) process.stderr.write(`output folder: ${dir}\n`);
    return;
  }
  process.stdout.write(`${result.text}${dir}\n`);
}
