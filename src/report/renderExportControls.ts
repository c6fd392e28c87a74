import { chooseMassUnit } from './chooseMassUnit.ts';
import { countRuns } from './countRuns.ts';
import { describePeakWindow } from './describePeakWindow.ts';
import { describeStageProduct } from './describeStageProduct.ts';
import { escapeHtml } from './escapeHtml.ts';
import { formatNumber } from './formatNumber.ts';
import { formatPairedImpact } from './formatPairedImpact.ts';
import { formatPercent } from './formatPercent.ts';
import { formatTonnes } from './formatTonnes.ts';
import type { ExportControlReading, ImpactReading } from './readImpactJson.ts';
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
}

/**
 * "What the export controls held back": per export control of a run (impact.json's
 * `exportControls`), the exporter's exports of the controlled material and stage over the control's
 * weeks as scripted and in the same weeks without the disruptive events at its stage (paired), and
 * for a quota the weeks it bound; then a note on every quota that seldom bound and every control
 * whose exports did not fall, since "a 50% cut" restricts only what the exporter would have shipped
 * (audit 20, M3).
 *
 * @param impact - impact.json as read.
 * @param names - How to name events, regions and materials.
 * @returns The section's HTML, or '' when impact.json has no export controls.
 * @example
 * renderExportControls(await readImpactJson(dir), { describeEvent, regionName, materialName });
 */
export function renderExportControls(impact: ImpactReading | undefined, names: ExportControlNames): string {
  const controls = impact?.exportControls ?? [];
  if (impact === undefined || controls.length === 0) return '';
  const runs = controls[0].exports.n;
  const paired = impact.replicates < impact.runReplicates ? `the first ${runs} of the ${countRuns(impact.runReplicates)}` : countRuns(runs);
  let html = '<p>How much each export control restricted, from the paired runs of <code>impact.json</code> ' +
    `(${escapeHtml(paired)}): the exporter’s exports of the material at the controlled stage, to every destination, summed over the control’s own weeks, ` +
    'as scripted and in the same weeks of the run’s twin without the disruptive events at that stage (the controls at other stages stay in force, ' +
    'so a quota on oxide is measured with any quota on magnets in place). A quota <em>binds</em> in a week when it, not the exporter’s own offers, ' +
    'limits what its buyers abroad get.</p>\n';
  const unit = chooseMassUnit(controls.flatMap((c) => [c.exports.meanWith, c.exports.meanWithout]));
  const rows = controls.map((c) => [
    names.describeEvent(c.event),
    c.window === undefined ? formatNumber(c.weeks) : `${formatNumber(c.weeks)} (${describePeakWindow(c.window)})`,
    describeBinding(c),
    formatTonnes(c.exports.meanWith, unit),
    formatTonnes(c.exports.meanWithout, unit),
    `${c.exports.meanWithout > 0 ? `${signedPercent(c.exports.mean / c.exports.meanWithout)}: ` : ''}${formatPairedImpact(c.exports)}`,
  ]);
  html += renderTable([
    { header: 'Export control' }, { header: 'Weeks in force' }, { header: 'Weeks it bound (mean; fewest–most in a run)', numeric: true },
    { header: 'Exports in its weeks, as scripted', numeric: true }, { header: 'Same weeks, without the disruptive events at its stage', numeric: true },
    { header: 'Change (as scripted − without)' },
  ], rows, { caption: 'Exports by the controlling region of the controlled material and stage, to every destination, means over the paired runs.' });
  const notes = controls.flatMap((c) => describeWeakControl(c, names));
  if (notes.length > 0) html += `<ul>${notes.map((note) => `<li>${escapeHtml(note)}</li>`).join('')}</ul>\n`;
  return html;
}

/** A quota's binding weeks: `73.3 (73–74)`; `—` for licensing and bans. */
function describeBinding(c: ExportControlReading): string {
  const b = c.weeksBinding;
  if (b === undefined) return c.mode === 'quota' ? 'n/a' : '— (not a quota)';
  return b.min === b.max ? `${formatNumber(b.mean)} (every run)` : `${formatNumber(b.mean)} (${formatNumber(b.min)}–${formatNumber(b.max)})`;
}

/** `−49%`, `+118%`. */
function signedPercent(share: number): string {
  const text = formatPercent(Math.abs(share));
  return share > 0 ? `+${text}` : share < 0 ? `−${text}` : text;
}

/**
 * Notes on a control whose figures need reading: a quota that bound in under a quarter of its weeks
 * (its exports may still have fallen: a restricted region trades as a price pool of its own), and
 * any control under which the exporter's exports did not fall (the other stages' disruptions, in
 * force in both arms, move its trade too).
 */
function describeWeakControl(c: ExportControlReading, names: ExportControlNames): string[] {
  const exporter = names.regionName(c.exporter);
  const what = `${exporter}’s exports of ${describeStageProduct(c.material, names.materialName(c.material), c.stage)}`;
  const control = names.describeEvent(c.event);
  const fell = Number.isFinite(c.exports.ciHigh) ? c.exports.ciHigh < 0 : c.exports.mean < 0;
  const notes: string[] = [];
  const b = c.weeksBinding;
  if (b !== undefined && c.weeks > 0 && b.mean < SELDOM_BINDS_SHARE * c.weeks) {
    const unit = chooseMassUnit([c.exports.meanWith, c.exports.meanWithout]);
    notes.push(`${control} bound in ${formatNumber(b.mean)} of its ${formatNumber(c.weeks)} weeks on average: in the others ${exporter} shipped less than the quota allowed. ` +
      (fell
        ? `Its exports fell all the same, to ${formatTonnes(c.exports.meanWith, unit)} from ${formatTonnes(c.exports.meanWithout, unit)} (${signedPercent(c.exports.mean / c.exports.meanWithout)}): ` +
          'a region whose exports are restricted trades as a price pool of its own (docs/model.md, clearMarkets), so a control can cut exports without its quota binding. '
        : '') +
      'A cut holds back only what the exporter would have shipped: a region whose own plants use most of a stage’s output exports little of it ' +
      '(China’s rare-earth oxide, for one, goes mostly into its own magnets, which is why the reference scenario cuts magnets too: scenarios/README.md, exportControl).');
  }
  if (!fell) {
    notes.push(`Under ${control}, ${what} did not fall (${formatPairedImpact(c.exports)} against the same weeks without the disruptive events at ${c.stage}): ` +
      'the other stages’ disruptions, in force in both runs, move this trade too.');
  }
  return notes;
}
