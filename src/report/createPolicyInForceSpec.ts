import type { TopLevelSpec } from 'vega-lite';
import { CHART_FONT, EVENT_GREY } from './chartTheme.ts';

/** One policy's line: the share of runs with it in force, by calendar year. */
export interface PolicyInForceLine {
  /** Legend label: the policy's plain name, as the report describes the event (describeEvent), not its id. */
  label: string;
  year: readonly number[];
  share: readonly number[];
}

/** Colour-blind-safe hues (Okabe–Ito) for up to eight policies; dashes tell them apart in greyscale too. */
const HUES = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];
const DASHES = [[1, 0], [6, 3], [2, 2], [8, 3, 2, 3], [4, 4], [1, 3], [10, 2], [3, 6]];

/**
 * The share of runs in which each policy is in force over time, one line per policy, with the
 * elections as dashed grey rules: a reversal shows as a step down at an election, a scheduled
 * end as a fall to 0 in every run at once.
 *
 * @param lines - One per policy (at most eight are drawn apart; more repeat the styles).
 * @param elections - Calendar years of the elections within the run.
 * @param firstYear - Start of the run, calendar year.
 * @param lastYear - End of the run, calendar year.
 * @returns A vega-lite spec with inline data.
 * @example
 * createPolicyInForceSpec([{ label: 'US capex subsidy: refined NdPr oxide', year, share }], [2029, 2033], 2025, 2035);
 */
export function createPolicyInForceSpec(lines: readonly PolicyInForceLine[], elections: readonly number[], firstYear: number, lastYear: number): TopLevelSpec {
  const values = lines.flatMap((line) => line.year.map((year, t) => ({ policy: line.label, year, share: line.share[t] })).filter((v) => Number.isFinite(v.share)));
  const labels = lines.map((line) => line.label);
  const legend = { orient: 'bottom', direction: 'horizontal', columns: 1, labelFont: CHART_FONT, labelLimit: 520, symbolStrokeWidth: 2, symbolSize: 300 };
  const x = { field: 'year', type: 'quantitative', title: 'year', scale: { domain: [firstYear, lastYear], nice: false, zero: false }, axis: { format: 'd', tickMinStep: 1 } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Policies in force', subtitle: 'share of runs with each policy in force · dashed grey: elections' },
    width: 520,
    height: 200,
    layer: [
      {
        data: { values: elections.map((year) => ({ year })) },
        mark: { type: 'rule', color: EVENT_GREY, strokeDash: [4, 3], strokeWidth: 1.2 },
        encoding: { x },
      },
      {
        data: { values },
        mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2, clip: true },
        encoding: {
          x,
          y: { field: 'share', type: 'quantitative', title: 'share of runs', scale: { domain: [0, 1] }, axis: { format: '.0%', tickCount: 5 } },
          // Colour and dash on the same field, with the same legend: vega-lite merges them into one legend of dashed, coloured lines.
          color: { field: 'policy', type: 'nominal', title: null, sort: labels, scale: { domain: labels, range: labels.map((_, i) => HUES[i % HUES.length]) }, legend },
          strokeDash: { field: 'policy', type: 'nominal', title: null, sort: labels, scale: { domain: labels, range: labels.map((_, i) => DASHES[i % DASHES.length]) }, legend },
        },
      },
    ],
  } as unknown as TopLevelSpec;
}
