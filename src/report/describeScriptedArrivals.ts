import { formatNumber } from './formatNumber.ts';
import { formatScenarioDate } from './formatScenarioDate.ts';
import type { ScriptedArrival } from './listScriptedArrivals.ts';

/** Projects named one by one in each list; the rest are counted ("and 2 more"). */
const MAX_LISTED = 3;
/** Projects not on stream when due, named one by one. */
const MAX_MISSED = 2;

/** Why an "about" date may move, per reason (listScriptedArrivals). */
const ABOUT: Record<NonNullable<ScriptedArrival['uncertain']>, string> = {
  financing: 'a project still to be financed at the start waits in runs where it does not yet pay, or where the region has no engineers free, so it may come later',
  drawn: 'its timing is drawn per run',
  events: 'a technology ban in force slows its construction, so it comes later',
};

/**
 * The note that says which steps of a fan panel's capacity charts are the scenario's own scripted
 * projects (marked ▼), so that a step inside an event's grey band is not read as a response to it
 * (user audit: the MP Materials ramp read as a US answer to the NdPr quota). Lists at most
 * {@link MAX_LISTED} (the caller orders them, home region first). The month is the engine's schedule:
 * "in" when the runs show it then (or nothing can move it), "about" where runs may differ and the fan
 * cannot tell, with why in a closing sentence; projects the runs show missing in their due week
 * (financing that never pays) are named apart, unmarked.
 *
 * @param arrivals - From listScriptedArrivals, most relevant first.
 * @param startYear - Calendar year of the run's start.
 * @param full - True: with each project's name, why "about" and those not on stream when due (the note under the chart); false: the short line inside the chart.
 * @returns The text, '' when there is nothing to say.
 * @example
 * describeScriptedArrivals([{ region: 'US', stage: 'processing', capacityTonnesPerYear: 4000, tick: 77, year: 2026.48, name: 'MP Materials Mountain Pass separation ramp' }], 2025, true);
 * // 'Scripted projects of the scenario’s pipeline, not responses to the events (▼ on the capacity charts): US processing +4,000 t/yr in Jun 2026 (MP Materials Mountain Pass separation ramp).'
 */
export function describeScriptedArrivals(arrivals: readonly ScriptedArrival[], startYear: number, full: boolean): string {
  const due = arrivals.filter((a) => a.seen !== 'few');
  const missed = arrivals.filter((a) => a.seen === 'few');
  const month = (a: ScriptedArrival): string => formatScenarioDate(startYear, a.year - startYear);
  // The name goes in parentheses: its own become commas ("Iluka Eneabba refinery, Australia").
  const named = (a: ScriptedArrival): string => (full && a.name !== '' ? ` (${a.name.replace(/\s*\(([^)]*)\)/g, ', $1')})` : '');
  const cell = (a: ScriptedArrival): string => `${a.region} ${a.stage} +${formatNumber(a.capacityTonnesPerYear)} t/yr`;
  const about = (a: ScriptedArrival): boolean => a.seen === undefined && a.uncertain !== undefined;
  const when = (a: ScriptedArrival): string => (a.seen === 'most' ? `in ${month(a)} in most runs` : `${about(a) ? 'about' : 'in'} ${month(a)}`);
  const more = (all: readonly ScriptedArrival[], shown: number): string => (all.length > shown ? `; and ${all.length - shown} more` : '');
  const listed = due.slice(0, MAX_LISTED);
  const items = `${listed.map((a) => `${cell(a)} ${when(a)}${named(a)}`).join('; ')}${more(due, listed.length)}`;
  if (!full) return due.length === 0 ? '' : `▼ Scripted projects, not responses to the events: ${items}`;
  const sentences: string[] = [];
  if (due.length > 0) {
    sentences.push(`Scripted projects of the scenario’s pipeline, not responses to the events (▼ on the capacity charts): ${items}.`);
    const reasons = [...new Set(listed.flatMap((a) => (about(a) && a.uncertain !== undefined ? [ABOUT[a.uncertain]] : [])))];
    if (reasons.length > 0) sentences.push(`“About”: ${reasons.join('; ')}.`);
  }
  if (missed.length > 0) {
    const shown = missed.slice(0, MAX_MISSED);
    sentences.push(`${due.length > 0 ? 'Also scripted' : 'Scripted in the scenario’s pipeline'} but not on stream when due in most runs (financing waits while a project does not pay, and gives up after 5 years): ` +
      `${shown.map((a) => `${cell(a)}, due ${month(a)}${named(a)}`).join('; ')}${more(missed, shown.length)}.`);
  }
  return sentences.join(' ');
}
