import { formatMultiple } from './formatMultiple.ts';
import { chooseMassUnit, type MassUnit } from './chooseMassUnit.ts';
import { countRuns } from './countRuns.ts';
import { describePeakWindow } from './describePeakWindow.ts';
import { describeStageProduct } from './describeStageProduct.ts';
import { regionWithArticle } from './regionWithArticle.ts';
import { escapeHtml } from './escapeHtml.ts';
import { formatNumber } from './formatNumber.ts';
import { formatMoneyEstimate } from './formatAmountEstimate.ts';
import { formatPairedImpact } from './formatPairedImpact.ts';
import { formatPercent } from './formatPercent.ts';
import { formatTonnes } from './formatTonnes.ts';
import type { ExportControlReading, ImpactReading, PairedImpact, StageImpactReading } from './readImpactJson.ts';
import { renderTable } from './renderTable.ts';

/** Below this share of its weeks a quota "seldom binds", and the section says what that means. */
const SELDOM_BINDS_SHARE = 0.25;

/** Names the section uses. */
export interface ExportControlNames {
  /** Event id → a phrase for people (eventDescriber). */
  describeEvent: (id: string) => string;
  /** Region id → its name. */
  regionName: (id: string) => string;
  /** Material id → its name. */
  materialName: (id: string) => string;
  /** The home region, with its article (`the United States`). */
  homeName: string;
}

/**
 * "What the export controls held back": per export control of a run (impact.json's
 * `exportControls`), its weeks, a quota's binding weeks and the tonnes its ceiling allowed, and the
 * exporter's exports of the controlled material and stage over the control's weeks as scripted and
 * in the same weeks without the disruptive events at its stage (paired), the change in tonnes first;
 * then, per stage, what home end users received with and without those events (exports held back are
 * not harm at home); then notes where the figures need reading: how a quota acts in the model besides
 * its ceiling, a quota that seldom bound, licensing, a control that covers some destinations only, a
 * control whose exports did not fall (audit 20 M3, audit 22).
 *
 * @param impact - impact.json as read.
 * @param names - How to name events, regions and materials.
 * @returns The section's HTML, or '' when impact.json has no export controls.
 * @example
 * renderExportControls(await readImpactJson(dir), { describeEvent, regionName, materialName, homeName: 'the United States' });
 */
export function renderExportControls(impact: ImpactReading | undefined, names: ExportControlNames): string {
  const controls = impact?.exportControls ?? [];
  if (impact === undefined || controls.length === 0) return '';
  const runs = controls[0].exports.n;
  const paired = impact.replicates < impact.runReplicates ? `the first ${runs} of the ${countRuns(impact.runReplicates)}` : countRuns(runs);
  let html = '<p>How much each export control restricted, from the paired runs of <code>impact.json</code> ' +
    `(${escapeHtml(paired)}): the exporter’s exports of the material at the controlled stage, ${escapeHtml(exportsScope(controls))}, summed over the control’s own weeks, ` +
    'as scripted and in the same weeks of the run’s twin without the disruptive events at that stage (the controls at other stages stay in force, ' +
    'so a quota on oxide is measured with any quota on magnets in place). Tonnes are of the material contained (for magnets, the oxide in them). ' +
    'A quota <em>binds</em> in a week when its ceiling, not the exporter’s own offers, limits what its buyers abroad get.</p>\n';
  if (controls.some((c) => c.mode === 'quota')) {
    html += '<p>A quota’s ceiling limits what its exporter ships abroad; importers order from it as from any other origin, and what the ' +
      'ceiling cuts from their orders they place elsewhere. While it binds its licences are scarce: buyers abroad pay up to their own price ' +
      'for its goods (the quota rent, which goes to the exporter’s government), so they turn to other origins too, and the exporter’s own ' +
      'market forms prices of its own (docs/model.md, G31). Exports fall below the ceiling when buyers want less than it allows or the exporter has less to offer.</p>\n' +
      describeRents(controls, names);
  }
  const unit = chooseMassUnit(controls.flatMap((c) => [c.exports.meanWith, c.exports.meanWithout, c.allowed ?? NaN].filter(Number.isFinite)));
  const rents = controls.some((c) => c.mode === 'quota' && c.rentUsd !== undefined);
  const rows = controls.map((c) => [
    `${c.event}: ${names.describeEvent(c.event)}`,
    c.window === undefined ? formatNumber(c.weeks) : `${formatNumber(c.weeks)} (${describePeakWindow(c.window)})`,
    describeBinding(c),
    // A quota on some destinations allows that much to them, beside exports to every destination (audit 23, M3).
    c.allowed === undefined ? '—' : `${formatTonnes(c.allowed, unit)}${c.destinations === undefined || c.destinations.length === 0 ? '' : `, to ${c.destinations.map(names.regionName).join(', ')}`}`,
    formatTonnes(c.exports.meanWith, unit),
    formatTonnes(c.exports.meanWithout, unit),
    describeChange(c.exports),
    ...(rents ? [describeRentCell(c)] : []),
  ]);
  html += renderTable([
    { header: 'Export control' }, { header: 'Weeks in force' }, { header: 'Weeks it bound (mean; fewest–most in a run)', numeric: true },
    { header: 'Allowed by the quota', numeric: true }, { header: 'Exports in its weeks, as scripted', numeric: true },
    { header: 'Same weeks, without the disruptive events at its stage', numeric: true }, { header: 'Change (as scripted − without)' },
    ...(rents ? [{ header: `Quota rent paid to ${exporterNames(controls, names)}’s government (USD; per kg of material contained, shipped under it)`, numeric: true }] : []),
  ], rows, {
    caption: `Exports by the controlling region of the controlled material and stage, ${exportsScope(controls)}, means over the paired runs.` +
      // The rent's basis, said where a reader checks it against summary.json (audit 24, M2, M6).
      (rents ? ' The quota rent too is the mean over the paired runs as scripted; summary.json’s exportQuotaRentUsd is over all the run’s runs, so it differs a little.' : ''),
    className: 'controls',
  });
  html += describeHomeEffect(controls, impact, names);
  const notes = controls.flatMap((c) => describeControlNotes(c, impact, names));
  if (notes.length > 0) html += `<p>Reading the table:</p>\n<ul class="notes">${notes.map((note) => `<li>${escapeHtml(note)}</li>`).join('')}</ul>\n`;
  return html;
}

/** Where the table's exports go: `to every destination`, or, when a control's are to the destinations it lists, that too. */
function exportsScope(controls: readonly ExportControlReading[]): string {
  const listed = controls.filter((c) => c.exportsTo !== undefined && c.exportsTo.length > 0);
  if (listed.length === 0) return 'to every destination';
  return listed.length === controls.length ? 'to the destinations each control covers' : 'to every destination, or to the destinations a control covers where it lists them';
}

/** A quota's binding weeks: `73.3 (73–74)`, `73 in every run`; `—` for licensing and bans. */
function describeBinding(c: ExportControlReading): string {
  const b = c.weeksBinding;
  if (b === undefined) return c.mode === 'quota' ? 'n/a' : '— (not a quota)';
  return b.min === b.max ? `${formatNumber(b.mean)} in every run` : `${formatNumber(b.mean)} (${formatNumber(b.min)}–${formatNumber(b.max)})`;
}

/** The change in tonnes with its interval, then its share of the exports without it when the interval excludes 0; "no clear change" otherwise. */
function describeChange(exports: PairedImpact): string {
  const clear = Number.isFinite(exports.ciLow) && Number.isFinite(exports.ciHigh) ? exports.ciLow > 0 || exports.ciHigh < 0 : exports.mean !== 0;
  const text = formatPairedImpact(exports);
  if (!clear) return `no clear change: ${text}`;
  return exports.meanWithout > 0 ? `${text}, ${signedPercent(exports.mean / exports.meanWithout)}` : text;
}

/** `−49%`, `+118%`. */
function signedPercent(share: number): string {
  const text = formatPercent(Math.abs(share));
  return share > 0 ? `+${text}` : share < 0 ? `−${text}` : text;
}

/**
 * Per controlled stage, what home end users received of its materials over the run with the stage's
 * disruptive events against without them (impact.json's stage record): exports held back are not harm
 * at home, which is what this says.
 */
function describeHomeEffect(controls: readonly ExportControlReading[], impact: ImpactReading, names: ExportControlNames): string {
  const stages = [...new Set(controls.map((c) => c.stage))];
  const lines = stages.flatMap((stage) => {
    const record: StageImpactReading | undefined = impact.stages.get(stage);
    if (record?.homeConsumption === undefined) return [];
    const parts = record.homeConsumption.map((m) => `${names.materialName(m.material)} ${formatPairedImpact(m)}`);
    return [`${stage} (${record.events.join(', ')}): ${parts.join('; ')}`];
  });
  if (lines.length === 0) return '';
  return `<p>What end users in ${escapeHtml(names.homeName)} received over the run, with each controlled stage’s disruptive events against without them ` +
    '(a control that holds back much may still cost home end users little, and the reverse):</p>\n' +
    `<ul>${lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>\n`;
}

/** The exporters of the quotas that report a rent, by name: `China`, `China and Indonesia`. */
function exporterNames(controls: readonly ExportControlReading[], names: ExportControlNames): string {
  return [...new Set(controls.filter((c) => c.mode === 'quota' && c.rentUsd !== undefined).map((c) => names.regionName(c.exporter)))].join(' and ');
}

/**
 * Who pays the quota rent and where it is not counted (audit 24, M2): `<p>` after the quota
 * paragraph, '' when no quota reports one (an impact.json from before session 23). The figures are
 * in the table's last column.
 */
function describeRents(controls: readonly ExportControlReading[], names: ExportControlNames): string {
  if (!controls.some((c) => c.mode === 'quota' && c.rentUsd !== undefined)) return '';
  return `<p>${escapeHtml(`The quota rent (the table’s last column) is what importing traders in every region that buys under a quota paid ${exporterNames(controls, names)}’s government ` +
    'on top of the exporter’s price, while it bound. End users do not pay it directly, and it is not part of the cost to end users in ' +
    `${names.homeName} in Key results, which counts what they pay at their own market’s prices. Per kg is the rent over the tonnes shipped under the quota as scripted.`)}</p>\n`;
}

/**
 * A quota's rent cell: `USD 6.40 billion; USD 307/kg`, three significant digits like the report's
 * other money; `—` for a control that is not a quota or reports no rent.
 */
function describeRentCell(c: ExportControlReading): string {
  if (c.mode !== 'quota' || c.rentUsd === undefined) return '—';
  const total = formatMoneyEstimate(c.rentUsd, NaN, NaN).mean;
  const perKg = c.exports.meanWith > 0 ? formatMoneyEstimate(c.rentUsd / (c.exports.meanWith * 1000), NaN, NaN).mean : '';
  return perKg === '' ? total : `${total}; ${perKg}/kg`;
}

/** Exports without a quota above this multiple of the pace its share is taken of make its cut deeper than its share, which the note explains. */
const DEEPER_CUT_PACE = 1.2;

/**
 * For a share quota whose exports would have run well above the year before's pace without it: its
 * base (allowed ÷ share), that pace against what the exporter would have shipped, and why the cut is
 * deeper than the share (a 50% quota cutting exports by 82%: audit 24, M4); '' otherwise.
 */
function describeDeeperCut(c: ExportControlReading, impact: ImpactReading, exporter: string, unit: MassUnit, fell: boolean): string {
  if (c.mode !== 'quota' || c.quotaShare === undefined || c.quotaShare <= 0 || c.allowed === undefined || !fell) return '';
  if (toSomeOnly(c) && c.exportsTo === undefined) return ''; // an older file: exports to all against a ceiling on some
  const pace = c.allowed / c.quotaShare;
  if (!(pace > 0) || c.exports.meanWithout <= DEEPER_CUT_PACE * pace) return '';
  const others = [...impact.stages].filter(([stage, s]) => stage !== c.stage && s.events.length > 0 && s.materials.includes(c.material)).map(([stage]) => stage);
  return `${c.event} allows ${formatPercent(c.quotaShare)} of what ${exporter} exported in the year before it: ${formatTonnes(c.allowed, unit)} of the ` +
    `${formatTonnes(pace, unit)} that pace gives over its weeks. Without the disruptive events at its stage ${exporter} would have shipped ` +
    `${formatTonnes(c.exports.meanWithout, unit)} in those weeks, ${formatMultiple(c.exports.meanWithout / pace)} that pace` +
    (others.length > 0 ? ` (the disruptions at ${others.join(' and ')}, in force in both runs, send buyers to this market)` : '') +
    `, so its exports fall by more than the quota’s ${formatPercent(1 - c.quotaShare)} cut.`;
}

/** Whether a control covers some destinations only. */
function toSomeOnly(c: ExportControlReading): c is ExportControlReading & { destinations: string[] } {
  return c.destinations !== undefined && c.destinations.length > 0;
}

/** The notes a control's row needs (see renderExportControls). */
function describeControlNotes(c: ExportControlReading, impact: ImpactReading, names: ExportControlNames): string[] {
  const exporter = names.regionName(c.exporter);
  const product = describeStageProduct(c.material, names.materialName(c.material), c.stage);
  const id = c.event;
  const fell = Number.isFinite(c.exports.ciHigh) ? c.exports.ciHigh < 0 : c.exports.mean < 0;
  const unit: MassUnit = chooseMassUnit([c.exports.meanWith, c.exports.meanWithout]);
  const notes: string[] = [];
  const b = c.weeksBinding;
  const loose = c.allowed !== undefined && c.exports.meanWithout > 0 && c.allowed > c.exports.meanWithout;
  if (b !== undefined && c.weeks > 0 && b.mean < SELDOM_BINDS_SHARE * c.weeks) {
    notes.push(`${id} bound in ${formatNumber(b.mean)} of its ${formatNumber(c.weeks)} ${c.weeks === 1 ? 'week' : 'weeks'} on average` + (b.mean > 0 ? `: in the others ${exporter} shipped less than the quota allowed. ` : '. ') +
      (fell ? `Its exports fell all the same, to ${formatTonnes(c.exports.meanWith, unit)} from ${formatTonnes(c.exports.meanWithout, unit)}: what the quota did to prices and buyers’ choices (above), not its ceiling alone. ` : '') +
      // Why it seldom bound: a ceiling above what buyers wanted, or a market the exporter's own industry keeps (audit 23, M1).
      // A quota on some destinations measured against exports to all (a file before session 24) cannot say which: its own note (below) explains it.
      (toSomeOnly(c) && c.exportsTo === undefined ? '' : loose
        ? `Its ceiling allowed ${formatTonnes(c.allowed!, unit)}, ${formatMultiple(c.allowed! / c.exports.meanWithout)} what ${exporter} would have shipped in those weeks without it (${formatTonnes(c.exports.meanWithout, unit)}): a quota binds only when its ceiling is below what buyers abroad want.`
        : toSomeOnly(c) ? ''
        : 'A cut holds back only what the exporter would have shipped: a region whose own industry uses most of a stage’s output exports little of it ' +
          '(China’s rare-earth oxide, for one, goes mostly into its own magnets, which is why the reference scenario cuts magnets too: scenarios/README.md, exportControl).'));
  }
  const deeper = describeDeeperCut(c, impact, exporter, unit, fell);
  if (deeper !== '') notes.push(deeper);
  if (c.mode === 'licensing') {
    notes.push(`${id} approves ${c.approvalRate === undefined ? 'a share' : formatPercent(c.approvalRate)} of licence requests: importers re-order what is refused ` +
      'and hold more in transit to cover any licence delay, so the approval rate is not the cut in exports.');
  }
  if (toSomeOnly(c)) {
    // In a sentence, names as prose writes them: "to the United States", "to the allies" (user audit, session 35, item 16).
    notes.push(`${id} covers exports to ${c.destinations.map((d) => regionWithArticle(names.regionName(d))).join(', ')} only` +
      (c.mode !== 'quota' ? '' : c.quotaTonnesPerYear !== undefined
        ? `: its ceiling, ${formatTonnes(c.quotaTonnesPerYear)} a year, is ${c.destinations.length > 1 ? 'theirs together' : 'its own'}, and other destinations are not limited`
        : `: its ceiling is ${formatPercent(c.quotaShare ?? 1)} of what ${c.destinations.length > 1 ? 'they' : 'it'} imported from ${exporter} in the year before, and other destinations are not limited`) +
      (c.exportsTo === undefined ? '; the exports in the table are to every destination.' : `; the exports in the table are to ${c.destinations.length > 1 ? 'them' : 'it'} alone.`));
  }
  if (!fell) {
    const others = [...impact.stages].filter(([stage, s]) => stage !== c.stage && s.events.length > 0 && s.materials.includes(c.material)).map(([stage]) => stage);
    const none = Math.max(Math.abs(c.exports.meanWith), Math.abs(c.exports.meanWithout)) < 1;
    notes.push(`Under ${id}, ${exporter}’s exports of ${product} did not fall (${formatPairedImpact(c.exports)} against the same weeks without the disruptive events at ${c.stage})` +
      (none ? `: ${exporter} shipped next to none of it in either run.`
        : others.length > 0 ? `: the disruptions at ${others.join(' and ')}, in force in both runs, move this trade too.`
          : '.'));
  }
  return notes;
}
