import { createWorld, type ScenarioSpec, TRADED_STAGES } from '../../sim-core/index.ts';
import { describeStageProduct } from '../report/describeStageProduct.ts';
import type { ScenarioNote } from './findReversibleDefaults.ts';
import { type Loc, type Located, locate } from './locatedTree.ts';
import { sortProblems } from './scenarioError.ts';

/** Below this share of its output exported at the start, an export control can hold back little (audit 20, M3). */
const THIN_EXPORT_SHARE = 0.1;
/** A stage the exporter exports at least this share of is named as where a control bites. */
const EXPORTED_SHARE = 0.3;

/**
 * Export controls that can hold back little: those on a market the exporter exports under 10% of its
 * output of at the start (its own industry uses the rest) or makes none of, unless the scenario also controls a stage of
 * the same material that it does export, in force at the same time for the same importers and
 * restricting something. "A 50% export cut" on China's NdPr oxide, which its own magnet
 * makers use, holds back a few hundred tonnes where the same cut on its magnets holds back twenty
 * thousand, and nothing said so before a run (audit 20, M3). The shares come from the run's starting state (one firm per
 * cell: the state does not depend on the resolution), each note naming the stage the exporter does
 * export, where there is one.
 *
 * @param spec - The scenario as loaded.
 * @param located - Where keys were written.
 * @param fallback - Where a note without a position points.
 * @returns One note per such control, in file order.
 * @example
 * findThinExportControls(spec, located, { file: 'a.yaml', line: 1, column: 1 })[0].text;
 * // 'CN exports about 0.5% of its refined NdPr oxide (processing) at the start (…): …'
 */
export function findThinExportControls(spec: ScenarioSpec, located: Located, fallback: Loc): ScenarioNote[] {
  const controls = spec.events.flatMap((event) => (event.kind === 'exportControl' ? [event] : []));
  if (controls.length === 0) return [];
  const world = createWorld({ ...spec, uncertainties: [], resolution: { ...spec.resolution, firmsPerCapacityCell: 1 } }, 1, 0);
  const { regions: R, ticksPerYear } = world;
  /** The exporter's exports and output of a material at a traded stage at the start, t/yr. */
  const flows = (material: string, stage: number, exporter: string) => {
    const m = spec.materials.findIndex((x) => x.id === material);
    const r = spec.regions.findIndex((x) => x.id === exporter);
    const exports = world.markets.exportEmaTonnesPerTick[(m * 3 + stage) * R + r] * ticksPerYear;
    // The firms' expected sales: at the start, their steady output (firmTotals is not summed before the first tick).
    const store = world.stores[stage];
    const c = m * R + r;
    let output = 0;
    for (let f = store.cellStart[c], end = f + store.cellUsedSlots[c]; f < end; f++) output += store.alive[f] * store.expectedSalesTonnesPerTick[f];
    output *= ticksPerYear;
    return { exports, output, share: output > 0 ? exports / output : 0 };
  };
  const notes: ScenarioNote[] = [];
  for (const control of controls) {
    const k = TRADED_STAGES.indexOf(control.stage);
    const own = flows(control.material, k, control.exporter);
    if (own.share >= THIN_EXPORT_SHARE) continue;
    // A scenario that also controls, at the same time and for the same importers, a stage the exporter does
    // export (the shipped quota on oxide and magnets) needs no note; a control that restricts nothing does not count.
    const alsoControlled = controls.some((c) => c !== control && c.material === control.material && c.exporter === control.exporter
      && restricts(c) && overlaps(c, control) && covers(c, control)
      && flows(c.material, TRADED_STAGES.indexOf(c.stage), c.exporter).share >= THIN_EXPORT_SHARE);
    if (alsoControlled) continue;
    const material = spec.materials.find((x) => x.id === control.material)!;
    const product = (stage: string) => describeStageProduct(material.id, material.name ?? material.id, stage);
    const exported = TRADED_STAGES.map((stage, i) => ({ stage, ...flows(control.material, i, control.exporter) }))
      .filter((x) => x.stage !== control.stage && x.share >= EXPORTED_SHARE).sort((a, b) => b.share - a.share)[0];
    const start = own.output <= 0
      ? `${control.exporter} makes no ${product(control.stage)} at the start, so this ${control.mode} holds back only what it may make later`
      : `${control.exporter} exports ${own.exports > 0 ? `about ${percent(own.share)}` : 'none'} of its ${product(control.stage)} at the start of the run ` +
        `(${tonnes(own.exports)} of ${tonnes(own.output)} a year; its own ${control.stage === 'manufacturing' ? 'end users take' : 'industry uses'} ${own.exports > 0 ? 'the rest' : 'it all'}), ` +
        `so this ${control.mode} can hold back little unless those exports grow`;
    const text = start +
      (exported === undefined ? '' : `; it exports ${percent(exported.share)} of its ${product(exported.stage)}, where a control bites`) +
      `. ${MEASURED_BY}`;
    const path = control.id === undefined ? ['events'] : ['events', control.id, 'stage'];
    notes.push({ ...locate(located, path, false, fallback), path: path.join('.'), text });
  }
  // In the order the files state them (events are kept in id order).
  return sortProblems(notes);
}

/** Where a note sends its reader (`compare` writes no impact.json, so the run's report it is). */
const MEASURED_BY = '`crm-sim run <file> --report` measures what it did (its report\'s "What the export controls held back")';

/** An export control event. */
type ExportControl = Extract<ScenarioSpec['events'][number], { kind: 'exportControl' }>;

/** Whether a control restricts anything: a quota below 100%, licensing that refuses or delays, a ban. */
function restricts(c: ExportControl): boolean {
  if (c.mode === 'ban') return true;
  // A fixed tonnage counts as restricting: whether it is below the exports it caps depends on the run.
  if (c.mode === 'quota') return c.quotaTonnesPerYear !== undefined || (c.quotaShare ?? 1) < 1;
  return (c.approvalRate ?? 1) < 1 || (c.delayYears ?? 0) > 0;
}

/** Whether two controls are in force at some common time (years since the start; no end: to the run's end). */
function overlaps(a: ExportControl, b: ExportControl): boolean {
  return a.start < (b.end ?? Infinity) && b.start < (a.end ?? Infinity);
}

/** Whether control `a` covers every importer `b` covers (no `destinations`: all of them). */
function covers(a: ExportControl, b: ExportControl): boolean {
  if (a.destinations === undefined) return true;
  return b.destinations !== undefined && b.destinations.every((d) => a.destinations!.includes(d));
}

/** `0.5%`, `12%`: two significant figures under 10%. */
function percent(share: number): string {
  const p = share * 100;
  return `${p < 10 ? Number(p.toPrecision(2)) : Math.round(p)}%`;
}

/** `380 t`, `82 kt`: tonnes a year in words, three significant figures. */
function tonnes(t: number): string {
  return t >= 1000 ? `${Number((t / 1000).toPrecision(3)).toLocaleString('en-US')} kt` : `${Number(t.toPrecision(3)).toLocaleString('en-US')} t`;
}
