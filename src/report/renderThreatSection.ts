import type { ChartCollector } from './createChartCollector.ts';
import { countRuns } from './countRuns.ts';
import { createImpactSpec } from './createImpactSpec.ts';
import { describePeakWindow } from './describePeakWindow.ts';
import { createThreatMatrixSpec } from './createThreatMatrixSpec.ts';
import { escapeHtml } from './escapeHtml.ts';
import { formatDifferenceEstimateParts } from './formatDifferenceEstimate.ts';
import { formatNumber } from './formatNumber.ts';
import { formatPairedImpact } from './formatPairedImpact.ts';
import type { ImpactReading, PairedImpact, StageImpactReading } from './readImpactJson.ts';
import { type MeasuredImpact, primaryImpact, type StageStress } from './readStressJson.ts';
import { renderStressRanking } from './renderStressRanking.ts';
import { renderTable } from './renderTable.ts';
import { describeStageProduct } from './describeStageProduct.ts';
import { PRODUCT } from './computeHeadlineResults.ts';

const STAGE_ORDER = ['discovery', 'mining', 'processing', 'manufacturing', 'endUse', 'recycling'];
const STAGE_NAMES: Record<string, string> = { endUse: 'end use' };

/** What the threat view shows beside the study's matrix: measured impacts and names. */
export interface ThreatInputs {
  /** `stress.json` of a stress folder, by stage. */
  stress?: ReadonlyMap<string, StageStress>;
  /** `impact.json` of a run folder (paired runs without each stage's disruptive events). */
  impact?: ImpactReading;
  /** Event id → a phrase for people. */
  describeEvent?: (id: string) => string;
  /** Material id → name. */
  materialName?: (id: string) => string;
  /** e.g. `the United States`. */
  homeName?: string;
  /** The stress ranking has its own section (`#stress`, "Which stage hurts most"): the view shows the study's matrix and points there. */
  rankedAbove?: boolean;
}

/**
 * "Threat view": the study's capability × intent matrix per life-cycle stage (from the
 * scenario's `foreignActor.threat`) beside the impact measured per stage: from `impact.json`
 * (paired runs of this run without each stage's disruptive events; stages no event strikes say
 * so) or from `stress.json` (ranked as `crm-sim stress` ranks: share of demand unmet, economic
 * cost); otherwise the table says it was not measured.
 *
 * @param threat - Capability and intent per stage (may be empty).
 * @param foreignName - Name of the foreign actor's region.
 * @param inputs - Measured impacts and naming functions.
 * @param charts - Collects the matrix and impact charts.
 * @returns The section's HTML.
 * @example
 * html += await renderThreatSection(overview.threat, 'China', { impact: await readImpactJson(dir) }, charts);
 */
export async function renderThreatSection(
  threat: ReadonlyArray<{ stage: string; capability: number; intent: number }>,
  foreignName: string,
  inputs: ThreatInputs,
  charts: ChartCollector,
): Promise<string> {
  const { stress, impact } = inputs;
  const ranked = stress !== undefined && [...stress.values()].some((s) => s.shortfallShare !== undefined);
  const stages = impact !== undefined ? STAGE_ORDER.filter((s) => impact.stages.has(s) || threat.some((t) => t.stage === s))
    : [...new Set([...STAGE_ORDER.filter((s) => threat.some((t) => t.stage === s) || stress?.has(s)), ...threat.map((t) => t.stage)])];
  let html = `<p>The public-private study rates the capability and the intent of ${escapeHtml(foreignName)} to disrupt each stage of the ` +
    'life cycle from 1 (low) to 3 (high); their product is the threat score (1–9). ';
  html += impact !== undefined ? describeImpactMethod(impact, inputs.homeName ?? 'the home region')
    : stress === undefined
      ? 'No impact is measured here: this folder has neither <code>impact.json</code> (written by <code>crm-sim run --report</code> or <code>--measure-impact</code>) nor <code>stress.json</code> (<code>crm-sim stress</code>).</p>\n'
      : ranked ? '</p>\n' : 'The measured column gives the impact measured by the stress test in this folder (<code>stress.json</code>).</p>\n';
  const matrix = threat.length === 0 ? '<p>The scenario states no capability and intent scores.</p>'
    : await charts.add('threat-matrix', createThreatMatrixSpec(threat), {
      title: 'Threat matrix: capability × intent per stage',
      description: threat.map((t) => `${t.stage}: capability ${t.capability}, intent ${t.intent}`).join('; '),
      caption: 'Position of each stage in the study’s capability × intent matrix.',
    });
  const study = (stage: string): string[] => {
    const t = threat.find((x) => x.stage === stage);
    return [STAGE_NAMES[stage] ?? stage, t ? formatNumber(t.capability) : '—', t ? formatNumber(t.intent) : '—', t ? formatNumber(t.capability * t.intent) : '—'];
  };
  if (impact !== undefined) {
    html += matrix + renderImpactTable(stages, study, impact, inputs);
    const peaks = new Map([...impact.stages].flatMap(([stage, s]): Array<[string, MeasuredImpact]> => {
      const peak = stagePeak(s);
      return peak === undefined ? [] : [[stage, { value: peak.mean, unit: '', ciLow: peak.ciLow, ciHigh: peak.ciHigh, label: '' }]];
    }));
    if (peaks.size > 0) {
      const windowed = [...impact.stages.values()].some((s) => s.disruptionPeakPrice !== undefined);
      const ownProduct = [...impact.stages.values()].some((s) => s.priceStages !== undefined);
      html += await charts.add('measured-impact', createImpactSpec(stages, peaks, 'change of the peak price, × the starting price',
        { text: 'Peak price caused by each stage’s disruptions', subtitle: `${ownProduct ? 'each stage on its own product’s price · ' : ''}as scripted − without the stage’s disruptive events · bar: mean · line: 95% CI` }), {
        title: 'Measured impact per stage',
        description: [...peaks].map(([stage, i]) => `${stage}: the peak price ${i.value < 0 ? 'falls' : 'rises'} by ${formatNumber(Math.abs(i.value))} times the starting price`).join('; '),
        caption: 'Rise of the peak price outside the foreign actor’s region (largest over the materials the stage’s events name) that the stage’s disruptive events cause, paired runs' +
          (ownProduct ? ', each stage on its own product’s price (processing: refined, manufacturing: components such as magnets), so the bars compare different products' : '') +
          (windowed ? ', each stage’s peak taken from its events’ announcement to a year after they end, so the stages’ windows and effects need not add up to those of all disruptions together' : ', peaks over the whole run') +
          '. Stages no event strikes are left out.',
      });
    }
    return html;
  }
  if (ranked && inputs.rankedAbove === true) {
    return html + matrix + '<p>What the stress test measured for each stage, ranked, beside these scores and the weights they give: <a href="#stress">Which stage hurts most</a>.</p>\n';
  }
  if (ranked) return html + matrix + await renderStressRanking(stress, (stage) => threat.find((t) => t.stage === stage), charts);
  // Without a measurement, a column of "not measured" in every row says nothing the paragraph does not: left out.
  const rows = stages.map((stage) => [...study(stage), ...(stress === undefined ? [] : [measured(stress.get(stage), true)])]);
  const table = renderTable([{ header: 'Stage' }, { header: 'Capability (study)', numeric: true }, { header: 'Intent (study)', numeric: true }, { header: 'Score (study)', numeric: true },
    ...(stress === undefined ? [] : [{ header: 'Measured impact' }])], rows);
  html += `${matrix}${table.replaceAll('<td>not measured</td>', '<td class="not-measured">not measured</td>')}`;
  if (stress !== undefined) {
    const impacts = new Map([...stress].map(([stage, s]) => [stage, primaryImpact(s)]));
    const first = [...impacts.values()][0];
    const unit = [first.label, first.unit].filter((part) => part !== '').join(', ');
    html += await charts.add('measured-impact', createImpactSpec(stages, impacts, unit), {
      title: 'Measured impact per stage',
      description: [...impacts].map(([stage, i]) => `${stage}: ${formatNumber(i.value)} ${i.unit}`).join('; '),
      caption: 'Impact per stage as measured by the stress test.',
    });
  }
  return html;
}

/** A stage's measured peak-price change: in its disruption window when impact.json has it, else over the whole run (older files). */
function stagePeak(s: StageImpactReading): PairedImpact | undefined {
  return s.disruptionPeakPrice ?? s.peakPriceMultiple;
}

/** The table's peak-price line of a stage, naming whose price it is and with its window when there is one. */
function describeStagePeak(s: StageImpactReading, name: (id: string) => string): string {
  const peak = stagePeak(s);
  if (peak === undefined) return '';
  const window = s.disruptionPeakPrice !== undefined && s.peakWindow !== undefined ? `, ${describePeakWindow(s.peakWindow)}` : '';
  return `${escapeHtml(describePeakProduct(s, name))}${escapeHtml(window)}: ${escapeHtml(formatPairedImpact(peak, 'x base'))}`;
}

/**
 * Whose price a stage's peak is: `Peak price of magnets containing NdPr oxide (manufacturing)` for
 * one material; for several at one stage, the product and the materials over which the highest is
 * taken; `Peak price` for a file that does not say (before session 24: each material's quoted stage).
 *
 * @param s - The stage's record.
 * @param name - Material id → name.
 * @returns The label, plain text.
 * @example
 * describePeakProduct({ materials: ['ndpr'], priceStages: { ndpr: 'manufacturing' }, events: ['q'] }, () => 'NdPr oxide'); // 'Peak price of magnets containing NdPr oxide (manufacturing)'
 */
export function describePeakProduct(s: Pick<StageImpactReading, 'materials' | 'priceStages'>, name: (id: string) => string): string {
  const stages = s.priceStages;
  if (stages === undefined) return 'Peak price';
  const materials = s.materials.filter((id) => stages[id] !== undefined);
  if (materials.length === 0) return 'Peak price';
  if (materials.length === 1) return `Peak price of ${describeStageProduct(materials[0], name(materials[0]), stages[materials[0]])}`;
  const distinct = [...new Set(materials.map((id) => stages[id]))];
  if (distinct.length === 1) {
    return `Peak ${PRODUCT[distinct[0]] ?? distinct[0]} price (${distinct[0]}; the highest of ${materials.map(name).join(', ')})`;
  }
  return `Peak price (the highest of ${materials.map((id) => describeStageProduct(id, name(id), stages[id])).join(', ')})`;
}

/**
 * The table's shortfall lines of a stage: one per material (tonnes of different materials are never
 * added), then, when a material's shortfall clearly falls while what end users receive of it clearly
 * falls too, one line with the reading the compare report gives (read consumption first). An older
 * file's summed shortfall says that it is a sum.
 */
function describeStageShortfall(s: StageImpactReading, name: (id: string) => string, homeName: string): string[] {
  if (s.homeShortfallByMaterial === undefined) {
    return s.homeShortfall === undefined ? [] : [`Shortfall, ${s.materials.length > 1 ? 'tonnes summed over ' : ''}${escapeHtml(s.materials.map(name).join(', '))}: ${escapeHtml(formatPairedImpact(s.homeShortfall))}`];
  }
  const lines = s.homeShortfallByMaterial.map((m) => `Shortfall of ${escapeHtml(name(m.material))}: ${escapeHtml(formatPairedImpact(m))}`);
  const rationed = s.homeShortfallByMaterial.flatMap((m) => {
    const received = s.homeConsumption?.find((c) => c.material === m.material);
    return received !== undefined && isLower(m) && isLower(received) ? [`${formatPairedImpact(received)} of ${name(m.material)}`] : [];
  });
  if (rationed.length === 0) return lines;
  return [...lines, `<em>Read consumption first</em>: what end users in ${escapeHtml(homeName)} received changed by ${escapeHtml(rationed.join(' and '))}. ` +
    'Unmet demand is what they still wanted at the going price: when events ration a material by price (end users cut their use as it grows dearer), less can go unmet while they receive less.'];
}

/** A paired change below zero with its whole 95% CI (a clear fall). */
function isLower(p: PairedImpact): boolean {
  return p.mean < 0 && p.ciHigh < 0;
}

function describeImpactMethod(impact: ImpactReading, homeName: string): string {
  const perMaterial = [...impact.stages.values()].some((s) => s.homeShortfallByMaterial !== undefined);
  const ownProduct = [...impact.stages.values()].some((s) => s.priceStages !== undefined);
  const capped = impact.replicates < impact.runReplicates
    ? ` the first ${impact.replicates} of the ${countRuns(impact.runReplicates)} (capped at ${impact.replicateCap} to keep the report quick)` : impact.replicates === 1 ? ' its one run' : ` all ${impact.replicates} runs`;
  return 'The measured impact comes from paired runs made with this run (<code>impact.json</code>): for each stage that the scenario’s disruptive ' +
    'events (threats and shocks, not mitigations) strike, the scenario was run again without that stage’s disruptive events, with the same seed and' +
    `${escapeHtml(capped)}, so each run is compared with its own twin. Impact = as scripted − without; “+” means the disruptions make it worse. ` +
    `Shortfall is that of end users in ${escapeHtml(homeName)}, ${perMaterial ? 'material by material (tonnes of different materials are not added)' : 'summed over the materials the stage’s events name'}; ` +
    `the peak price is the largest outside the foreign actor’s region over those materials${ownProduct ? ', of the stage’s own product (mining: concentrate, processing: refined, manufacturing: components such as magnets), as each row says' : ''}` +
    ([...impact.stages.values()].some((s) => s.disruptionPeakPrice !== undefined)
      ? ', taken in the stage’s disruption window (from its events’ announcement to a year after they end), so a later price spike of the run’s own does not mask the disruption’s.</p>\n'
      : ', over the whole run: a later price spike of the run’s own can mask the disruption’s.</p>\n');
}

function renderImpactTable(stages: readonly string[], study: (stage: string) => string[], impact: ImpactReading, inputs: ThreatInputs): string {
  const describe = inputs.describeEvent ?? ((id: string) => id);
  const name = inputs.materialName ?? ((id: string) => id);
  const row = (stage: string): string => {
    const cells = study(stage).map((text, i) => `<td${i > 0 ? ' class="num"' : ''}>${escapeHtml(text)}</td>`).join('');
    const s: StageImpactReading | undefined = impact.stages.get(stage);
    if (s === undefined || s.events.length === 0) return `<tr>${cells}<td class="not-measured">no disruption in this scenario</td></tr>`;
    const lines = [
      `<strong>Events:</strong> ${s.events.map((id) => escapeHtml(describe(id))).join('; ')}`,
      describeStagePeak(s, name),
      ...describeStageShortfall(s, name, inputs.homeName ?? 'the home region'),
      s.policyCost === undefined ? '' : `Policy cost: ${escapeHtml(formatPairedImpact(s.policyCost))}`,
    ].filter((line) => line !== '');
    return `<tr>${cells}<td>${lines.join('<br>')}</td></tr>`;
  };
  const head = ['Stage', 'Capability (study)', 'Intent (study)', 'Score (study)', 'Measured impact (as scripted − without)']
    .map((h, i) => `<th scope="col"${i > 0 && i < 4 ? ' class="num"' : ''}>${escapeHtml(h)}</th>`).join('');
  return `<table class="impact"><thead><tr>${head}</tr></thead>\n<tbody>\n${stages.map(row).join('\n')}\n</tbody></table>\n`;
}

function measured(stage: StageStress | undefined, haveStress: boolean): string {
  if (stage === undefined) return haveStress ? 'not in stress.json' : 'not measured';
  const impact = primaryImpact(stage);
  // A paired difference (as scripted − without), signed and rounded alike with its interval: `+1.04 percentage points (95% CI +0.94 to +1.13 percentage points)`.
  const shown = formatDifferenceEstimateParts(impact.value, impact.ciLow, impact.ciHigh, impact.unit);
  const ci = shown.range === undefined ? '' : ` (95% CI ${shown.range})`;
  const label = impact.label === '' ? '' : `${impact.label}: `;
  return `${label}${shown.mean}${ci}`;
}
