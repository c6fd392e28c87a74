/**
 * `npm run bench:doc`: rewrites the "Current figures" table of docs/performance.md (between its
 * `<!-- current-figures … -->` and `<!-- /current-figures -->` markers) from bench/baseline.json, so
 * the page and the accepted baseline cannot drift apart. Run it after `npm run bench -- --save-baseline`.
 * `--check` only compares: exit 1 when the page's table is not the baseline's.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { packageFile } from '../src/runtime/moduleLocation.ts';
import { formatCurrentFigures, type BaselineFigures } from './formatCurrentFigures.ts';
import { BenchUsageError } from './parseBenchArgs.ts';
import { runBenchScript } from './runBenchScript.ts';

const USAGE = `usage: npm run bench:doc [-- --check]

Rewrites the "Current figures" table of docs/performance.md from bench/baseline.json (under a second).
  --check   compare only: exit 1 when the page's table differs from the baseline's, 0 when it is the same
  --help    this text`;

const OPEN = /<!-- current-figures[^>]*-->\n/;
const CLOSE = '<!-- /current-figures -->';

await runBenchScript({ script: 'bench:doc', helpCommand: 'npm run bench:doc -- --help', usage: USAGE, options: { check: { type: 'boolean' } } }, ({ values }) => {
  const docPath = fileURLToPath(packageFile('docs/performance.md'));
  const baseline = JSON.parse(readFileSync(fileURLToPath(packageFile('bench/baseline.json')), 'utf8')) as BaselineFigures;
  const page = readFileSync(docPath, 'utf8');
  const open = OPEN.exec(page);
  const close = page.indexOf(CLOSE);
  if (open === null || close < open.index) throw new BenchUsageError(`docs/performance.md: expected the markers <!-- current-figures … --> and ${CLOSE}, found none`);
  const start = open.index + open[0].length;
  const updated = page.slice(0, start) + formatCurrentFigures(baseline) + page.slice(close);
  if (values.check === true) {
    const same = updated === page;
    process.stderr.write(same ? 'docs/performance.md: the table is bench/baseline.json\'s\n' : 'docs/performance.md: the table differs from bench/baseline.json: run npm run bench:doc\n');
    return same ? 0 : 1;
  }
  writeFileSync(docPath, updated);
  process.stderr.write(`docs/performance.md: "Current figures" rewritten from bench/baseline.json (saved ${baseline.date}, commit ${baseline.commit})\n`);
  return 0;
});
