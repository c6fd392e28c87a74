/**
 * Regenerates the figures of docs/validation.md: runs every calibration episode with the default
 * behavioural parameters (src/scenario/defaults.ts), writes one targets chart and one paths chart
 * per episode to docs/validation/*.svg, and rewrites each episode's table in docs/validation.md
 * between `<!-- targets:<episode> -->` and `<!-- /targets:<episode> -->`.
 *
 * Usage: `npx tsx scripts/validationCharts.ts [--replicates N]` (default: the spec's, as the fit and
 * the tests; under a minute).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadCalibrationSpec } from '../src/calibrate/loadCalibrationSpec.ts';
import { evaluateParameters } from '../src/calibrate/evaluateParameters.ts';
import { createEpisodeRunners } from '../src/calibrate/runEpisode.ts';
import { renderChart } from '../src/report/renderChart.ts';
import { createPathChartSpec } from './validation/createPathChartSpec.ts';
import { createTargetChartSpec } from './validation/createTargetChartSpec.ts';
import { formatTargetMarkdown } from './validation/formatTargetMarkdown.ts';
import { bullwhipPaths, vc1Paths, vc3Paths, vc6Paths, vc7Paths, type EpisodePaths, type EpisodeRunSet } from './validation/episodePaths.ts';

const SPEC = 'scenarios/calibration/calibrate.yaml';
const DOC = 'docs/validation.md';
const FIGURES = 'docs/validation';
const PATHS: Record<string, (set: EpisodeRunSet) => EpisodePaths> = { vc1: vc1Paths, vc3: vc3Paths, vc6: vc6Paths, vc7: vc7Paths, bullwhip: bullwhipPaths };

/** `doc` with the text between `<!-- name -->` and `<!-- /name -->` replaced (unchanged without the markers). */
function replaceBetween(text: string, name: string, content: string): string {
  const open = `<!-- ${name} -->`;
  const start = text.indexOf(open);
  const end = text.indexOf(`<!-- /${name} -->`);
  return start >= 0 && end > start ? `${text.slice(0, start + open.length)}\n${content}${text.slice(end)}` : text;
}

const flag = process.argv.indexOf('--replicates');
const calibration = loadCalibrationSpec(SPEC, flag >= 0 ? { replicates: Number(process.argv[flag + 1]) } : {});
const replicates = calibration.spec.replicates;
calibration.spec.parameters = [];
const evaluation = evaluateParameters(calibration, []);
mkdirSync(FIGURES, { recursive: true });
let doc = readFileSync(DOC, 'utf8');
for (const loaded of calibration.episodes) {
  const results = evaluation.targets.filter((t) => t.episode === loaded.id);
  const title = loaded.episode.description ?? loaded.id;
  writeFileSync(`${FIGURES}/${loaded.id}-targets.svg`, await renderChart(createTargetChartSpec(`${loaded.id}: targets`, results), `${loaded.id} targets`, `Band, simulated mean and observed figure of each target of ${title}`));
  const { main, control } = createEpisodeRunners(loaded, [], []);
  const indices = Array.from({ length: replicates }, (_, i) => i);
  const set: EpisodeRunSet = { runs: indices.map((i) => main(calibration.spec.seed, i)), controls: control ? indices.map((i) => control(calibration.spec.seed, i)) : [] };
  const paths = PATHS[loaded.id]?.(set);
  if (paths) writeFileSync(`${FIGURES}/${loaded.id}-paths.svg`, await renderChart(createPathChartSpec(paths.rows, paths.observed, paths.options), paths.options.title, paths.options.subtitle));
  doc = replaceBetween(doc, `targets:${loaded.id}`, formatTargetMarkdown(results));
  process.stderr.write(`${loaded.id}: ${results.filter((t) => t.inBand).length} of ${results.length} targets in band\n`);
}
const summary = calibration.episodes.map((e) => {
  const results = evaluation.targets.filter((t) => t.episode === e.id);
  return `| ${e.id} | ${e.episode.description ?? ''} | ${results.filter((t) => t.inBand).length} of ${results.length} |`;
});
const total = `${evaluation.targets.filter((t) => t.inBand).length} of ${evaluation.targets.length}`;
doc = replaceBetween(doc, 'summary', ['| episode | what | targets in band |', '|---|---|---|', ...summary, `| all | loss ${evaluation.loss.toFixed(3)} | ${total} |`].join('\n') + '\n');
writeFileSync(DOC, doc);
process.stderr.write(`total loss ${evaluation.loss.toFixed(3)} (${replicates} replicates, seed ${calibration.spec.seed})\n`);
