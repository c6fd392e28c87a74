import { countRuns } from './countRuns.ts';
import { STAGES } from '../../sim-core/index.ts';
import { wilsonInterval } from '../stats/wilsonInterval.ts';
import type { ChartCollector } from './createChartCollector.ts';
import { createPolicyInForceSpec } from './createPolicyInForceSpec.ts';
import { describeElectionRule } from './describeElectionRule.ts';
import { escapeHtml } from './escapeHtml.ts';
import { eventDescriber } from './eventDescriber.ts';
import { formatPercent } from './formatPercent.ts';
import { formatLastMonthBefore, formatScenarioDate } from './formatScenarioDate.ts';
import type { ReplicateValues } from './readReplicatesCsv.ts';
import type { ScenarioOverview } from './readScenarioOverview.ts';
import { seriesKey, type SeriesFan } from './readSeriesCsv.ts';
import type { SummaryMetrics } from './readSummaryJson.ts';
import { regionWithArticle } from './regionWithArticle.ts';
import { renderTable } from './renderTable.ts';

/** What {@link renderPolicyReversals} reads. */
export interface PolicyReversalInputs {
  overview: ScenarioOverview | undefined;
  summary: SummaryMetrics;
  /** `replicates.csv`: the share of runs in which any policy was reversed; without it, that sentence is left out. */
  replicates: ReplicateValues | undefined;
  /** `series.csv` fans holding `policyInForce` and `policyReversed` (their mean = share of runs). */
  fans: ReadonlyMap<string, SeriesFan> | undefined;
  charts: ChartCollector;
}

/** The series the section reads from series.csv (for readSeriesCsv's `keep`). */
export function isPolicySeries(metric: string): boolean {
  return metric === 'policyInForce' || metric === 'policyReversed';
}

/** A reversible policy as summary.json names it: the id of its `policyReversed` metric and the event id it ends with. */
interface PolicyId {
  summaryId: string;
  event: string;
  /** `metric|material|stage|region` minus the metric, to find its series. */
  parts: { material: string; stage: string };
}

/**
 * The run report's section "Elections and policy reversal": how the home government's elections
 * work in the scenario (interval, reversal probability, how investors discount public support),
 * then per reversible policy the share of runs in which an election reversed it (95% Wilson
 * interval), the share reversed by each election, and the share with it in force at the end, and a
 * chart of the share of runs with each policy in force over time. Empty when the run has no
 * reversible policy (or was written before these metrics existed).
 *
 * @param inputs - See {@link PolicyReversalInputs}.
 * @returns HTML, or ''.
 * @example
 * html += await renderPolicyReversals({ overview, summary, replicates, fans, charts });
 */
export async function renderPolicyReversals(inputs: PolicyReversalInputs): Promise<string> {
  const { overview, summary } = inputs;
  const policies = findPolicies(summary, overview);
  if (policies.length === 0) return '';
  const startYear = overview?.startYear ?? NaN;
  const rule = describeElectionRule(overview);
  const homeName = regionWithArticle(overview?.regions.find((r) => r.id === overview.homeRegion)?.name ?? 'the home region');
  const describe = eventDescriber(overview);
  let html = `<p>${escapeHtml(rule.text(homeName))}</p>\n`;
  const any = anyReversedShare(inputs.replicates, policies);
  if (any !== undefined) {
    const which = policies.length === 1 ? 'The scenario\'s reversible policy was' : `At least one of the scenario's ${policies.length} reversible policies was`;
    const how = any.share === 1 ? `in every one of the ${countRuns(any.runs)}` : any.share === 0 ? `in none of the ${countRuns(any.runs)}` : `in ${formatPercent(any.share)} of the ${countRuns(any.runs)}`;
    html += `<p>${escapeHtml(`${which} reversed ${how}.`)}</p>\n`;
  }
  const fan = (metric: string, policy: PolicyId): SeriesFan | undefined => inputs.fans?.get(seriesKey({ metric, ...policy.parts, region: policy.event }));
  const rows = policies.map((policy) => {
    const stats = summary.get(policy.summaryId);
    const n = stats?.n ?? NaN;
    const share = stats?.mean ?? NaN;
    const reversed = Number.isFinite(n) && n > 0 && Number.isFinite(share) ? Math.round(share * n) : NaN;
    const ci = Number.isFinite(reversed) ? wilsonInterval(reversed, n) : { low: NaN, high: NaN };
    const inForce = fan('policyInForce', policy)?.mean;
    const event = overview?.events.find((e) => e.id === policy.event);
    const span = event === undefined ? 'n/a' : `${formatScenarioDate(startYear, event.start)}${Number.isFinite(event.end) ? ` – ${formatLastMonthBefore(startYear, event.end)}` : ''}`;
    return [
      `${describe(policy.event)} (${policy.event})`,
      span,
      Number.isFinite(reversed) ? `${formatPercent(share)} (${formatPercent(ci.low)}–${formatPercent(ci.high)})` : 'n/a',
      byElection(fan('policyReversed', policy), rule.elections),
      inForce === undefined || inForce.length === 0 ? 'n/a' : formatPercent(inForce[inForce.length - 1]),
    ];
  });
  const columns = [{ header: 'Policy' }, { header: 'Scheduled' }, { header: 'Reversed by an election', numeric: true }, { header: 'Reversed by each election (cumulative)' }, { header: 'In force at the end', numeric: true }];
  html += renderTable(columns, rows, { caption: 'Share of runs, with its 95% Wilson interval. A policy that ended as scheduled before the end is not in force at the end, reversed or not; one that had not started by an election cannot be reversed at it.' });
  // The legend names each policy as the rest of the report does (its description), never by its event id; an id is added only to tell apart two that read the same.
  const named = policies.map((policy) => describe(policy.event));
  const lines = policies.flatMap((policy, i) => {
    const f = fan('policyInForce', policy);
    const label = named.indexOf(named[i]) === named.lastIndexOf(named[i]) ? named[i] : `${named[i]} (${policy.event})`;
    return f?.mean === undefined ? [] : [{ label, year: f.year, share: f.mean }];
  });
  if (lines.length > 0 && Number.isFinite(startYear) && overview !== undefined) {
    html += await inputs.charts.add('policies-in-force', createPolicyInForceSpec(lines, rule.elections, startYear, startYear + overview.years), {
      title: 'Policies in force',
      description: 'Share of runs with each reversible policy in force over time; elections as dashed rules.',
      caption: escapeHtml(`Share of runs with each policy in force. A step down at an election is the runs in which that election reversed it; it shows ${oneStepAfter(overview.ticksPerYear)} after the election's rule because a reversal takes effect from the step after the election (the policy is still in force during the election's own step).`),
    });
  }
  return html;
}

/**
 * The `policyReversed` metrics of summary.json with their event ids, in the scenario's event order:
 * the id is the entry's `region` field (an event id may contain dots), else the scenario event whose
 * id the metric id ends with (the longest), else the id's last part. Between metric and event id come
 * the event's material and stage where it names them (ids leave empty parts out).
 */
function findPolicies(summary: SummaryMetrics, overview: ScenarioOverview | undefined): PolicyId[] {
  const ids = [...summary.keys()].filter((id) => id.startsWith('policyReversed.'));
  const policies = ids.map((summaryId) => {
    const named = overview?.events.filter((e) => summaryId.endsWith(`.${e.id}`)).sort((a, b) => b.id.length - a.id.length)[0]?.id;
    const event = summary.get(summaryId)?.region ?? named ?? summaryId.split('.').at(-1) ?? '';
    const middle = summaryId.slice('policyReversed.'.length, Math.max('policyReversed.'.length, summaryId.length - event.length - 1));
    const parts = middle === '' ? [] : middle.split('.');
    if (parts.length === 1) return { summaryId, event, parts: STAGE_NAMES.has(parts[0]) ? { material: '', stage: parts[0] } : { material: parts[0], stage: '' } };
    return { summaryId, event, parts: { material: parts[0] ?? '', stage: parts[1] ?? '' } };
  });
  // Scenario order (summary.json lists them by layout order, which follows the resolved file's); unknown ids last.
  const rank = (p: PolicyId): number => {
    const at = overview?.events.findIndex((e) => e.id === p.event) ?? -1;
    return at < 0 ? Number.MAX_SAFE_INTEGER : at;
  };
  return policies.map((p, i) => ({ p, i })).sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i).map(({ p }) => p);
}

const STAGE_NAMES: ReadonlySet<string> = new Set(STAGES);

/** How long one step is, in words, for the chart's caption: "one week" at 52 steps a year. */
function oneStepAfter(ticksPerYear: number): string {
  if (ticksPerYear === 52) return 'one week';
  if (ticksPerYear === 12) return 'one month';
  return 'one step';
}

/** Share of runs in which any of the policies was reversed, from replicates.csv. */
function anyReversedShare(replicates: ReplicateValues | undefined, policies: readonly PolicyId[]): { share: number; runs: number } | undefined {
  const columns = policies.map((p) => replicates?.get(p.summaryId) ?? []);
  const runs = Math.min(...columns.map((c) => c.length));
  if (!(runs > 0)) return undefined;
  let reversed = 0;
  for (let r = 0; r < runs; r++) if (columns.some((c) => c[r] === 1)) reversed++;
  return { share: reversed / runs, runs };
}

/** The share of runs reversed by each election within the run, from the `policyReversed` series' mean: `Jan 2029: 22%, Jan 2033: 41%`. */
function byElection(fan: SeriesFan | undefined, elections: readonly number[]): string {
  const shares = fan?.mean;
  if (fan === undefined || shares === undefined || elections.length === 0) return 'n/a';
  const parts = elections.flatMap((year) => {
    const t = fan.year.findIndex((y) => y >= year - 1e-9);
    return t < 0 ? [] : [`${formatScenarioDate(0, year)}: ${formatPercent(shares[t])}`];
  });
  return parts.length === 0 ? 'n/a' : parts.join(', ');
}
