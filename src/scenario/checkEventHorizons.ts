import type { TreePath } from './fieldRules.ts';
import { isPlainMap, type PlainMap } from './locatedTree.ts';
import { formatCalendarDate } from './parseTime.ts';
import type { ProblemSink } from './problemSink.ts';

/** What a warning about an event outside the run says it changes. */
const NO_EFFECT = 'the event has no effect in this run';

/**
 * Adds a warning for every event that lies wholly outside the run's horizon: one that starts when
 * the run has ended (at its `start`), or one that ends before the run starts (at its `end`, or at
 * the `duration` it was made from). Such an event is valid (a `--years` sweep may cut events on
 * purpose) but has no effect (an export control announced within the run is still front-run
 * there, and the warning says so), which is rarely meant. Events that are only partly outside say
 * nothing; times given as distributions are not checked (their draws may fall either side).
 *
 * @param tree - The converted authoring tree (times in years since 1 January of `startYear`; distributions as objects).
 * @param warnings - Where the located warnings go; a path already warned about is not warned about again.
 * @example
 * checkEventHorizons(tree, warningSink); // events.q.start: expected a start before the run ends (run: 2025-01 to 2026-01), found "2040-01" (…)
 */
export function checkEventHorizons(tree: PlainMap, warnings: ProblemSink): void {
  const { startYear, years, events } = tree;
  if (typeof startYear !== 'number' || typeof years !== 'number' || !isPlainMap(events)) return;
  const run = `run: ${formatCalendarDate(0, startYear)} to ${formatCalendarDate(years, startYear)}`;
  for (const [id, event] of Object.entries(events)) {
    if (!isPlainMap(event)) continue;
    const base = ['events', id];
    const { start, end, announced } = event;
    if (typeof start === 'number' && start >= years) {
      // An export control announced within the run is front-run there, though it never takes effect.
      const frontRun = event.kind === 'exportControl' && typeof announced === 'number' && announced < years;
      const effect = frontRun ? `only its announcement (${formatCalendarDate(announced, startYear)}) falls in the run: importers front-run a control that never takes effect` : NO_EFFECT;
      warnings.add([...base, 'start'], `a start before the run ends (${run})`, warnings.found([...base, 'start'], start), effect);
    } else if (typeof end === 'number' && end <= 0) {
      const path = endPath(base, warnings);
      const found = path[2] === 'end' && warnings.isWritten(path) ? warnings.found(path, end) : `an end on ${formatCalendarDate(end, startYear)}`;
      warnings.add(path, `an end after the run starts (${run})`, found, NO_EFFECT);
    }
  }
}

/** Where an event's end was written: `end`, else the `duration` it was made from, else `end` (located at the event). */
function endPath(base: TreePath, warnings: ProblemSink): TreePath {
  const duration = [...base, 'duration'];
  return !warnings.isWritten([...base, 'end']) && warnings.isWritten(duration) ? duration : [...base, 'end'];
}
