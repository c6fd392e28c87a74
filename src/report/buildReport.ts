import { basename, join, resolve } from 'node:path';
import { type ChartCollector, type ChartFile, createChartCollector } from './createChartCollector.ts';
import { deriveRunContext } from './deriveRunContext.ts';
import { describeReportHeading } from './describeReportHeading.ts';
import { describeStockpileRelease, describeStockpileReleasedWhileShort, describeStockpileSoldBeforeShortage, describeStockpileUse, stockpileReleaseSeries } from './describeStockpileRelease.ts';
import { detectFolderKind, type FolderKind } from './detectFolderKind.ts';
import { hashResolvedScenarios } from './hashResolvedScenarios.ts';
import { planFanPanels } from './planFanPanels.ts';
import { readComparedStrategies } from './readComparedStrategies.ts';
import { type OverTimeSeriesData, readOverTimeCsv } from './readOverTimeCsv.ts';
import { renderImpactOverTime } from './renderImpactOverTime.ts';
import { fileExists } from './fileExists.ts';
import { type GainSplit, splitGainByWindow } from './splitGainByWindow.ts';
import { eventWindowsByMaterial, renderCompareOverTime } from './renderCompareOverTime.ts';
import { type Comparison, readComparisonJson } from './readComparisonJson.ts';
import { retitleComparison, retitleOverTime, retitleStrategies, strategyDisplayNames } from './applyStrategyTitles.ts';
import { readFolderFiles } from './readFolderFiles.ts';
import { readJsonFile } from './readJsonFile.ts';
import { ReportInputError } from './reportInputError.ts';
import { readReplicatesCsv, type ReplicateValues } from './readReplicatesCsv.ts';
import { readScenarioOverview, type ScenarioOverview } from './readScenarioOverview.ts';
import { readSeriesCsv, seriesKey } from './readSeriesCsv.ts';
import { readStressJson, readStressRun } from './readStressJson.ts';
import { renderStressAnswerBox } from './renderStressAnswerBox.ts';
import { renderStressRanking } from './renderStressRanking.ts';
import { readImpactJson } from './readImpactJson.ts';
import { readExceedance } from './readExceedance.ts';
import { eventDescriber } from './eventDescriber.ts';
import { readSourcesJson } from './readSourcesJson.ts';
import { regionWithArticle } from './regionWithArticle.ts';
import { readSummaryJson } from './readSummaryJson.ts';
import { readSweepCsv } from './readSweepCsv.ts';
import { readSweepJson } from './readSweepJson.ts';
import { readTornadoJson } from './readTornadoJson.ts';
import { isActorActionSeries, renderActorActions } from './renderActorActions.ts';
import { renderExportControls } from './renderExportControls.ts';
import { renderExportControlsCompared } from './renderExportControlsCompared.ts';
import { renderActorMovesCompared } from './renderActorMovesCompared.ts';
import { renderAnswerBox } from './renderAnswerBox.ts';
import { findStockpileCompare } from './findStockpileCompare.ts';
import { type ComparedStrategies, renderComparisonSection } from './renderComparisonSection.ts';
import { renderFanChartsSection } from './renderFanChartsSection.ts';
import { renderFindingsSection } from './renderFindingsSection.ts';
import { isPolicySeries, renderPolicyReversals } from './renderPolicyReversals.ts';
import { renderReportPage, type ReportSection } from './renderReportPage.ts';
import { renderCompareAnswerBox } from './renderCompareAnswerBox.ts';
import { type ComparedRelease, computeComparedRelease, type ReleaseRunsOf } from './describeComparedRelease.ts';
import { readStockpileReleases, type RunRelease, type StockpileReleases } from './readStockpileReleases.ts';
import { readArmReplicates } from './readArmReplicates.ts';
import { readConcentrations } from './readConcentrations.ts';
import { renderSweepAnswerBox } from './renderSweepAnswerBox.ts';
import { renderReproduceSection } from './renderReproduceSection.ts';
import { renderScenarioSection } from './renderScenarioSection.ts';
import { renderSourcesSection } from './renderSourcesSection.ts';
import { renderSpilloversCompared } from './renderSpilloversCompared.ts';
import { renderSweepSection } from './renderSweepSection.ts';
import { renderThreatSection } from './renderThreatSection.ts';

/** A report ready to write: the page and its chart files. */
export interface BuiltReport {
  kind: FolderKind;
  html: string;
  charts: ChartFile[];
}

/**
 * Reads an output folder (run, compare or sweep: detected from its files) and builds the report:
 * every section whose inputs exist, charts rendered to SVG and PNG. Reads only; writes nothing.
 * The result depends only on the folder's contents (no clock), so the same folder gives the
 * same report.
 *
 * @param dir - The output folder.
 * @returns The page and charts.
 * @throws ReportInputError when the folder is missing, not an output folder, or a file does not parse.
 * @example
 * const { html, charts } = await buildReport('outputs/threat-export-quota-20250101T000000Z');
 */
export async function buildReport(dir: string): Promise<BuiltReport> {
  const folder = resolve(dir);
  const files = await readFolderFiles(folder);
  const names = new Set(files.map((f) => f.name));
  const kind = detectFolderKind(names, folder);
  // Every run writes both: a run folder without one is incomplete, and its report would silently lack sections.
  for (const [name, what] of [['summary.json', 'the per-replicate metrics\' statistics'], ['series.csv', 'the per-tick bands']] as const) {
    if (kind === 'run' && !names.has(name)) throw new ReportInputError(`${join(folder, name)}: expected ${what} every run writes, found no such file (an incomplete copy of the folder?)`);
  }
  const manifest = await readJsonFile(join(folder, 'manifest.json'));
  const overview = (await readScenarioOverview(folder)) ?? (await readReferenceScenario(folder, (await readComparisonJson(folder))?.reference, files));
  const charts = createChartCollector();
  const materialName = (id: string): string => overview?.materials.find((m) => m.id === id)?.name ?? id;
  const sections: ReportSection[] = [];
  const compared = await readComparedTitled(folder, files.map((f) => f.name));
  const { comparison, strategies } = compared ?? {};
  // Whether a difference's mean rests on a few runs, from replicates.csv (comparison.json keeps means and intervals only).
  const concentrationOf = comparison === undefined || strategies === undefined ? undefined : await readConcentrations(folder, strategies);
  if (comparison !== undefined && strategies !== undefined) sections.push({ id: 'comparison', title: 'Strategies compared', html: await renderComparisonSection(comparison, strategies, materialName, charts, concentrationOf) });
  const overTimeData = compared?.overTime;
  const overTime = await renderCompareOverTime(overTimeData, overview, materialName, charts);
  if (overTime !== '') sections.push({ id: 'compare-over-time', title: 'Over time, by strategy', html: overTime });
  const elsewhere = comparison === undefined || strategies === undefined ? '' : renderSpilloversCompared(comparison, strategies, materialName, concentrationOf);
  if (elsewhere !== '') sections.push({ id: 'elsewhere', title: 'Effects outside the home region, by strategy', html: elsewhere });
  const foreignName = overview?.regions.find((r) => r.id === overview.foreignRegion)?.name ?? 'the foreign actor';
  const actorMoves = comparison === undefined ? '' : renderActorMovesCompared(comparison, materialName, foreignName);
  if (actorMoves !== '') sections.push({ id: 'actor-rules', title: 'What the foreign actor did by its standing rules, by strategy', html: actorMoves });
  const quotasCompared = comparison === undefined ? '' : renderExportControlsCompared(comparison, eventDescriber(overview));
  if (quotasCompared !== '') sections.push({ id: 'export-quotas', title: 'The export quotas under each strategy', html: quotasCompared });
  const sweepJson = await readSweepJson(folder);
  const sweepCsv = await readSweepCsv(folder);
  const sweep = sweepCsv === undefined ? sweepJson : { ...sweepCsv, units: sweepJson?.units, metric: sweepJson?.metric, tornado: sweepJson?.tornado, lhs: sweepJson?.lhs, drawnParameters: sweepJson?.drawnParameters };
  const tornados = await readTornadoJson(folder);
  if (sweep !== undefined || tornados !== undefined) sections.push({ id: 'sensitivity', title: 'Sensitivity', html: await renderSweepSection(sweep, tornados, overview, materialName, charts) });
  // A run report's answer box ends with what stockpiles buy against its scenario, when such mitigations extend it.
  const run = await buildRunSections(folder, overview, charts, kind === 'run' ? await findStockpileCompare(manifest) : undefined);
  sections.push(...run.sections);
  // A run report leads with its results (the answer box, then Key results), then the scenario; other reports end with it.
  const scenarioAt = kind === 'run' ? sections.findIndex((s) => s.id === 'results') + 1 : sections.length;
  // A stress test run with --strip-events: the scenario's own threat events are marked as removed wherever they are shown.
  const stressRun = await readStressRun(folder);
  const removed = new Set(stressRun?.strippedEvents ?? []);
  if (overview !== undefined) sections.splice(scenarioAt, 0, { id: 'scenario', title: kind === 'compare' ? 'The reference scenario at a glance' : 'The scenario at a glance', html: await renderScenarioSection(overview, charts, removed) });
  const resolvedHashes = await hashResolvedScenarios(folder, files.map((f) => f.name));
  sections.push({ id: 'reproduce', title: kind === 'run' ? 'Reproduce this run' : 'Reproduce these results', html: renderReproduceSection({ manifest, resolvedHashes, files, isRun: kind === 'run' }) });
  if (overview !== undefined) sections.push({ id: 'sources', title: 'Appendix: assumptions and their sources', html: renderSourcesSection(overview, await readSourcesJson(folder)) });
  const answer = kind === 'run' ? run.answer : comparison !== undefined && strategies !== undefined ? renderCompareAnswerBox(comparison, strategies, materialName, gainTiming(overTimeData, overview), stockReleases(overTimeData, overview, strategies), releaseRuns(await readStockpileReleases(folder), overview, strategies, await readReversals(folder)), concentrationOf)
    : kind === 'sweep' ? renderSweepAnswerBox(sweep, tornados, overview, materialName)
      : kind === 'stress' ? renderStressAnswerBox(await readStressJson(folder), stressRun) : '';
  const heading = describeReportHeading(kind, basename(folder), overview, manifest, comparison?.reference);
  if (removed.size > 0) heading.title += ' (its own threat events removed)';
  if (removed.size > 0) heading.lead = `Stressed without the scenario’s own threat events (--strip-events removed ${[...removed].join(', ')}). The scenario as written: ${heading.lead}`;
  const html = renderReportPage(heading, sections, answer);
  return { kind, html, charts: await charts.finish() };
}

/** Key results, fan charts and the threat view, where their inputs exist, and the answer box that sums up Key results. */
async function buildRunSections(folder: string, overview: ScenarioOverview | undefined, charts: ChartCollector, stockpileCompare?: string): Promise<{ sections: ReportSection[]; answer: string }> {
  const sections: ReportSection[] = [];
  let answer = '';
  const summary = await readSummaryJson(folder);
  const impact = await readImpactJson(folder);
  const plans = overview === undefined ? [] : planFanPanels(overview);
  const wanted = new Set([...plans.flatMap((p) => p.rows.flatMap((r) => r.charts.map((c) => seriesKey(c.series)))), ...(overview === undefined ? [] : stockpileReleaseSeries(overview).map(seriesKey))]);
  const fans = await readSeriesCsv(folder, (id) => wanted.has(seriesKey(id)) || isActorActionSeries(id.metric) || isPolicySeries(id.metric));
  let actorActions = '';
  let reversals = '';
  if (summary !== undefined) {
    const context = deriveRunContext(overview, summary);
    const replicates = await readReplicatesCsv(folder);
    const stockpileNotes = overview === undefined || fans === undefined ? [] : [...describeStockpileRelease(overview, fans, summary), ...describeStockpileSoldBeforeShortage(overview, fans, summary), ...describeStockpileReleasedWhileShort(overview, fans, summary), ...describeStockpileUse(overview, fans, summary)];
    answer = renderAnswerBox(context, summary, replicates, impact, fans, stockpileCompare);
    sections.push({ id: 'results', title: 'Key results', html: await renderFindingsSection(context, summary, replicates, charts, impact, await readExceedance(folder), stockpileNotes, (overview?.years ?? NaN) * 52) });
    actorActions = renderActorActions({ context, summary, replicates, fans, years: overview?.years ?? NaN, ...(overview === undefined ? {} : { priceWarMode: overview.priceWarMode }) });
    reversals = await renderPolicyReversals({ overview, summary, replicates, fans, charts });
  }
  if (overview !== undefined && fans !== undefined) sections.push({ id: 'over-time', title: 'Over time', html: await renderFanChartsSection(overview, plans, fans, charts) });
  const taken = await renderImpactOverTime(impact, overview, charts, await fileExists(join(folder, 'impact-monthly.csv')));
  if (taken !== '') sections.push({ id: 'impact-over-time', title: 'What the disruptions take, month by month', html: taken });
  if (reversals !== '') sections.push({ id: 'elections', title: 'Elections and policy reversal', html: reversals });
  const stress = await readStressJson(folder);
  if ((overview?.threat.length ?? 0) > 0 || stress !== undefined || impact !== undefined) {
    const regionName = (id: string | undefined): string | undefined => overview?.regions.find((r) => r.id === id)?.name;
    // A stress test's measured ranking is the report's answer: a section of its own, in the contents, before the study's matrix.
    const ranked = stress !== undefined && impact === undefined && [...stress.values()].some((s) => s.shortfallShare !== undefined);
    if (ranked) {
      const run = await readStressRun(folder);
      sections.push({ id: 'stress', title: 'Which stage hurts most', html: await renderStressRanking(stress, (stage) => overview?.threat.find((t) => t.stage === stage), charts, {
        regionName: (id) => regionName(id) ?? id, startYear: overview?.startYear ?? NaN, horizonYears: run?.horizonYears ?? overview?.years ?? NaN, strippedEvents: run?.strippedEvents ?? [], shareOfOwnDemand: run?.shareOfOwnDemand === true,
      }) });
    }
    sections.push({ id: 'threat', title: 'Threat view', html: await renderThreatSection(overview?.threat ?? [], regionName(overview?.foreignRegion) ?? 'the foreign actor', {
      stress, impact, rankedAbove: ranked, describeEvent: eventDescriber(overview), materialName: (id) => overview?.materials.find((m) => m.id === id)?.name ?? id,
      homeName: regionWithArticle(regionName(overview?.homeRegion) ?? 'the home region'),
    }, charts) });
  }
  const controls = renderExportControls(impact, {
    describeEvent: eventDescriber(overview), materialName: (id) => overview?.materials.find((m) => m.id === id)?.name ?? id,
    regionName: (id) => overview?.regions.find((r) => r.id === id)?.name ?? id,
    homeName: regionWithArticle(overview?.regions.find((r) => r.id === overview.homeRegion)?.name ?? 'the home region'),
  });
  if (controls !== '') sections.push({ id: 'export-controls', title: 'What the export controls held back', html: controls });
  if (actorActions !== '') sections.push({ id: 'actor-rules', title: 'What the foreign actor did by its standing rules', html: actorActions });
  return { sections, answer };
}

/**
 * A compare folder's comparison.json, strategies and over-time.csv, every strategy named by its
 * scenario's title where it has one (applyStrategyTitles.ts); undefined for other folders.
 */
async function readComparedTitled(folder: string, names: readonly string[]): Promise<{ comparison: Comparison; strategies: ComparedStrategies; overTime: OverTimeSeriesData[] | undefined } | undefined> {
  const comparison = await readComparisonJson(folder);
  if (comparison === undefined) return undefined;
  const strategies = await readComparedStrategies(folder, comparison, names);
  const titles = strategyDisplayNames(strategies);
  return { comparison: retitleComparison(comparison, titles), strategies: retitleStrategies(strategies, titles), overTime: retitleOverTime(await readOverTimeCsv(folder), titles) };
}

/** A compare folder's reference scenario: `<reference>.resolved.yaml`, else the first `*.resolved.yaml`. */
async function readReferenceScenario(folder: string, reference: string | undefined, files: ReadonlyArray<{ name: string }>): Promise<ScenarioOverview | undefined> {
  const names = files.map((f) => f.name).filter((name) => name.endsWith('.resolved.yaml'));
  const name = names.find((n) => n === `${reference}.resolved.yaml`) ?? names[0];
  return name === undefined ? undefined : readScenarioOverview(folder, name);
}

/** Per alternative, what its stockpiles released during the reference's events on each material (over-time.csv's `stockpile` series). */
function stockReleases(series: readonly OverTimeSeriesData[] | undefined, overview: ScenarioOverview | undefined, strategies: { alternatives: ReadonlyArray<{ label: string; overview?: ScenarioOverview }> }): (alternative: string) => ComparedRelease[] {
  if (series === undefined || overview === undefined) return () => [];
  const windows = eventWindowsByMaterial(overview);
  return (alternative) => {
    const own = strategies.alternatives.find((a) => a.label === alternative)?.overview;
    const held = new Set((own?.events ?? []).filter((e) => e.kind === 'stockpile').map((e) => String(e.fields.material)));
    return series.filter((x) => x.strategy === alternative && x.measure === 'stockpile' && held.has(x.material))
      .flatMap((x) => computeComparedRelease(x, windows.get(x.material) ?? [], own) ?? []);
  };
}

/** A compare folder's per-arm `policyReversed` values (replicates.csv), only when it has stockpile-releases.csv to say them beside. */
async function readReversals(folder: string): Promise<Map<string, ReplicateValues> | undefined> {
  if ((await readStockpileReleases(folder)) === undefined) return undefined;
  return readArmReplicates(folder, (metric) => metric === 'policyReversed');
}

/** Per alternative, its stockpiles' runs (stockpile-releases.csv), the start of the reference's events on each material and the stockpile's release rule. */
function releaseRuns(runs: StockpileReleases | undefined, overview: ScenarioOverview | undefined, strategies: { alternatives: ReadonlyArray<{ label: string; file?: string; overview?: ScenarioOverview }> },
  reversals: Map<string, ReplicateValues> | undefined): (alternative: string) => ReleaseRunsOf[] {
  if (runs === undefined || overview === undefined) return () => [];
  const windows = eventWindowsByMaterial(overview);
  return (alternative) => {
    const strategy = strategies.alternatives.find((a) => a.label === alternative);
    const stockpiles = (strategy?.overview?.events ?? []).filter((e) => e.kind === 'stockpile');
    return [...(runs.get(strategy?.file ?? alternative) ?? new Map<string, RunRelease[]>())].flatMap(([material, list]) => {
      const own = stockpiles.filter((e) => e.fields.material === material);
      if (own.length === 0) return [];
      const starts = (windows.get(material) ?? []).map((w) => w.start);
      const f = own[0].fields;
      const rule = { doctrine: String(f.doctrine), ...(typeof f.releaseShortfallShare === 'number' ? { releaseShortfallShare: f.releaseShortfallShare } : {}), ...(typeof f.releasePriceMultiple === 'number' ? { releasePriceMultiple: f.releasePriceMultiple } : {}) };
      // Reversed in a run when an election reversed any of the material's stockpiles (replicates.csv `policyReversed`, keyed by event id).
      const flags = own.map((e) => [...(reversals?.get(strategy?.file ?? alternative) ?? new Map<string, number[]>())].find(([id]) => id.startsWith('policyReversed.') && id.endsWith(`.${e.id}`))?.[1]);
      const reversed = flags.every((f) => f !== undefined && f.length === list.length) ? list.map((_, i) => flags.some((f) => (f as number[])[i] === 1)) : undefined;
      return [{ material, runs: list, eventsStartYear: starts.length === 0 ? NaN : Math.min(...starts), rule, refinedOnly: own.every((e) => e.fields.stage !== 'manufacturing'), ...(reversed === undefined ? {} : { reversed }) }];
    });
  };
}

/** Per alternative and material, its gain in home end users' consumption split around the reference's events on the material (over-time.csv). */
function gainTiming(series: readonly OverTimeSeriesData[] | undefined, overview: ScenarioOverview | undefined): (alternative: string, material: string) => GainSplit | undefined {
  if (series === undefined || overview === undefined) return () => undefined;
  const windows = eventWindowsByMaterial(overview);
  return (alternative, material) => {
    const s = series.find((x) => x.strategy === alternative && x.material === material && x.measure === 'consumption');
    return s === undefined ? undefined : splitGainByWindow(s, windows.get(material) ?? []);
  };
}
