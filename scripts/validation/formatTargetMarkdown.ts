import type { TargetResult } from '../../src/calibrate/evaluateParameters.ts';
import { formatBand, formatFigure } from '../../src/calibrate/formatCalibrationReport.ts';

/** Escapes the characters that break a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/**
 * The Markdown table of one episode's targets: what is measured, the observed figure, the band,
 * the simulated Monte Carlo mean with the replicates' range, whether it is in the band, the source.
 */
export function formatTargetMarkdown(results: readonly TargetResult[]): string {
  const lines = [
    '| target | measure | observed | band | simulated (mean; replicates) | in band | source |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const t of results) {
    const finite = t.values.filter(Number.isFinite);
    const range = finite.length ? `${formatFigure(Math.min(...finite))}–${formatFigure(Math.max(...finite))}` : 'n/a';
    const observed = t.target.observed === undefined ? '' : String(t.target.observed);
    lines.push(`| ${t.id} | ${cell(t.target.description ?? t.target.kind)} | ${cell(observed)} | ${formatBand(t.target.band)} | **${formatFigure(t.mean)}** (${range}) | ${t.inBand ? 'yes' : '**missed**'} | ${cell(t.target.source ?? '')} |`);
  }
  return `${lines.join('\n')}\n`;
}
