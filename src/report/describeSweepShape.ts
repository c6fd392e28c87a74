import type { MetricDirection } from '../compare/metricDirection.ts';
import { computeSweepStep, type SweepStep } from './computeSweepStep.ts';
import { formatDifferenceEstimateParts } from './formatDifferenceEstimate.ts';
import { formatQuantity } from './formatQuantity.ts';
import type { SweepRow } from './readSweepCsv.ts';

/** Steps listed one by one at most (7 points): beyond that the list stops being a first-screen read. */
const MAX_LISTED_STEPS = 6;

/** One point of a one-parameter sweep, in order of the parameter's value. */
export interface ShapePoint {
  /** The parameter's value as the report writes it (`30 days`). */
  label: string;
  /** The metric's row at that point. */
  row: SweepRow;
}

/** How a step reads: clearly up or down (95% CI clear of 0), 0 in every run, or not clear (or not known). */
type StepReading = 'up' | 'down' | 'zero' | 'unclear';

function read(step: SweepStep | undefined): StepReading {
  if (step === undefined) return 'unclear';
  if (step.mean === 0 && step.low === 0 && step.high === 0) return 'zero';
  return step.low > 0 ? 'up' : step.high < 0 ? 'down' : 'unclear';
}

/**
 * The shape of one metric across every point of a sweep of one numeric parameter, for the answer
 * box: whether it moves one way throughout, where the steps between neighbouring points stop being
 * clear and whether the rest of the range together still moves (if it does, no levelling off is
 * claimed: the later steps were only too small to resolve one by one), where they start being clear
 * and stay so to the end (the gains set in there), or where an interior point
 * is best and whether clearly better than both neighbours; then each step with its mean change, clear or not. The audit found the box compared
 * the extreme points only, which hides a plateau or an interior best (a 90-day stockpile target
 * that gives more than the 120-day one).
 *
 * Only what the outputs show is said: a step is "clear" when its 95% interval excludes 0
 * (computeSweepStep: the sweep's paired interval when one end is point 0 or the two points are next
 * to each other in the design and the outputs pair them (vsPreviousPoint), else a conservative bound,
 * so "clear" is never claimed on overlapping evidence, while "not clear" there may hide a real
 * difference, which the sentence says). The shape words come from the step means; which point is
 * "best" from the metric's direction (higher or lower is better); without one, highest or lowest.
 *
 * @param points - The metric's rows in order of the parameter's value, lowest first (3 or more).
 * @param reference - The id of point 0 (the design's first point, which the outputs pair with).
 * @param complete - Every replicate defines the metric at every point (so the bounds hold).
 * @param direction - Which way the metric improves.
 * @param unit - The metric's unit (`t`, `USD`, …).
 * @returns Plain text (two or three sentences), or '' for fewer than 3 points.
 * @example
 * describeSweepShape(points, '0', true, 'higher', 't');
 * // 'Across all 5 points: not monotone; best (highest mean) at 90 days (96,900 t), clearly better than at 60 days and not clearly better than at 120 days: no clear interior best with these runs. Step by step: …'
 */
export function describeSweepShape(points: readonly ShapePoint[], reference: string, complete: boolean, direction: MetricDirection, unit: string): string {
  if (points.length < 3) return '';
  const last = points.length - 1;
  const label = (i: number): string => points[i].label;
  const between = (i: number, j: number): SweepStep | undefined => computeSweepStep(points[i].row, points[j].row, reference, complete);
  const steps = points.slice(1).map((_, i) => between(i, i + 1));
  const readings = steps.map(read);
  const signed = (step: SweepStep | undefined): string => (step === undefined ? 'n/a' : formatDifferenceEstimateParts(step.mean, step.low, step.high, unit).mean);
  const tag = (reading: StepReading): string => (reading === 'zero' ? 'none in any run' : reading === 'unclear' ? 'not clear' : 'clear');
  // A step the outputs cannot give (a metric some runs leave undefined, so the intervals are over different runs), not known; one that changes nothing in any run, in words: a bare "0" carried no unit and repeated itself ("0 (none in any run)").
  const shown = (s: SweepStep | undefined, reading: StepReading): string => (s === undefined ? 'not known from these outputs' : reading === 'zero' ? 'no change in any run' : `${signed(s)} (${tag(reading)})`);
  const listed = steps.length > MAX_LISTED_STEPS ? ''
    : ` Step by step: ${steps.map((s, i) => `${label(i)} → ${label(i + 1)} ${shown(s, readings[i])}`).join('; ')}.`;
  const clear = readings.filter((r) => r === 'up' || r === 'down').length;
  // Said once, where a "not clear" rests on a bound rather than on a paired interval.
  const caveat = steps.some((s, i) => s?.kind === 'bound' && readings[i] === 'unclear')
    ? ' (Clear: a step whose 95% CI excludes 0. Where a step is not paired run by run (later points not next to each other in the design, or an older folder) the outputs allow only a conservative CI, wider than a paired one: "not clear" there may hide a real step.)'
    : steps.every((s) => s === undefined || s.kind === 'paired') ? ' (Clear: a step whose 95% CI, paired run by run, excludes 0.)' : ' (Clear: a step whose 95% CI excludes 0.)';
  const head = `Across all ${points.length} points:`;

  if (readings.every((r) => r === 'zero')) return `${head} the same at every point in every run (paired run by run).`;
  const whole = between(0, last);
  const wholeReading = read(whole);
  if (clear === 0 && wholeReading !== 'up' && wholeReading !== 'down') {
    return `${head} no step from one point to the next is clear, nor the change from the lowest value to the highest: no shape can be read from these runs.${listed}${caveat}`;
  }

  const means = points.map((p) => p.row.mean);
  // Direction of each step by its mean (the step's own estimate, or the means' difference where none).
  const signs = steps.map((s, i) => Math.sign(s?.mean ?? means[i + 1] - means[i]));
  const rising = signs.every((s) => s >= 0);
  const falling = signs.every((s) => s <= 0);
  if (rising || falling) {
    const trend = rising ? 'rises' : 'falls';
    const kind = (rising === (direction === 'higher')) ? 'gains' : 'losses';
    if (clear === steps.length) return `${head} ${trend} at every step, each step clear: no levelling off between ${label(0)} and ${label(last)}.${listed}${caveat}`;
    const lastClear = readings.reduce((found, r, i) => (r === 'up' || r === 'down' ? i : found), -1);
    const prefixClear = readings.slice(0, lastClear + 1).every((r) => r === 'up' || r === 'down');
    if (lastClear >= 0 && prefixClear) {
      // Levelling off: every step clear up to a point, none after it. Whether the remaining range together moves is said too.
      const knee = lastClear + 1;
      const rest = between(knee, last);
      const restReading = read(rest);
      // A clear rest of the range is not a plateau: the steps were only too small to resolve one by one
      // (steps the outputs do not pair get the wider conservative interval, so this happens often there).
      const verb = rising ? 'rising' : 'falling';
      if (knee + 1 < last && (restReading === 'up' || restReading === 'down')) {
        return `${head} ${trend} clearly at each step up to ${label(knee)} and keeps ${verb} beyond it: ${label(knee)} → ${label(last)} together is clearly ${signed(rest)}, though no single later step is clear on its own.${listed}${caveat}`;
      }
      // "Levelling off" only when the rest of the range, together too, is not clear.
      const after = knee + 1 === last ? `the last step, ${label(knee)} → ${label(last)}, ${readings[knee] === 'zero' ? 'changes it in no run' : 'is not clear'}`
        : restReading === 'zero' ? `beyond it no step changes it in any run`
          : `beyond it neither any single step nor ${label(knee)} → ${label(last)} together (${rest === undefined ? 'not known from these outputs' : signed(rest)}) is clear`;
      const levels = direction === 'none' ? 'it levels off' : `the ${kind} level off`;
      return `${head} ${trend} clearly at each step up to ${label(knee)}; ${after}: ${levels} after ${label(knee)}, as far as these runs show.${listed}${caveat}`;
    }
    const firstClear = readings.findIndex((r) => r === 'up' || r === 'down');
    if (firstClear > 0 && readings.slice(firstClear).every((r) => r === 'up' || r === 'down')) {
      // Setting in: no step clear up to a point, every step clear from it on (a threshold: a quota that bites only once it is tight).
      const before = between(0, firstClear);
      const beforeReading = read(before);
      if (firstClear > 1 && (beforeReading === 'up' || beforeReading === 'down')) {
        return `${head} ${trend} clearly at each step from ${label(firstClear)} on, and before it too as a whole: ${label(0)} → ${label(firstClear)} together is clearly ${signed(before)}, though no single earlier step is clear on its own.${listed}${caveat}`;
      }
      const start = firstClear === 1 ? `the first step, ${label(0)} → ${label(1)}, ${readings[0] === 'zero' ? 'changes it in no run' : 'is not clear'}`
        : beforeReading === 'zero' ? `before it no step changes it in any run`
          : `before it neither any single step nor ${label(0)} → ${label(firstClear)} together (${before === undefined ? 'not known from these outputs' : signed(before)}) is clear`;
      // "After": at label(firstClear) itself the metric is still where it was (a reader took "set in at 15%" for a loss at 15%).
      const onset = direction === 'none' ? `it ${trend} only from ${label(firstClear)} on` : `the ${kind} set in after ${label(firstClear)}`;
      return `${head} ${trend} clearly at each step from ${label(firstClear)} on; ${start}: ${onset}, as far as these runs show.${listed}${caveat}`;
    }
    // Clear steps scattered: which ones, when the step list is too long to follow.
    const which = listed !== '' ? '' : ` (${readings.flatMap((r, i) => (r === 'up' || r === 'down' ? [`${label(i)} → ${label(i + 1)}`] : [])).join(', ')})`;
    return `${head} ${trend} overall in the means (${label(0)} → ${label(last)} ${signed(whole)}, ${tag(wholeReading)}), clear at ${clear} of ${steps.length} steps${which}.${listed}${caveat}`;
  }

  // Not monotone: the best point (or, without a direction, an interior highest or lowest) and its neighbours.
  const highest = means.indexOf(Math.max(...means));
  const lowest = means.indexOf(Math.min(...means));
  const interior = (i: number): boolean => i > 0 && i < last;
  const high = direction === 'higher' || (direction === 'none' && (interior(highest) || !interior(lowest)));
  const best = high ? highest : lowest;
  const name = direction === 'none' ? (high ? 'highest' : 'lowest') : `best (${high ? 'highest' : 'lowest'} mean)`;
  const than = direction === 'none' ? (high ? 'higher than' : 'lower than') : 'better than';
  const at = `${name} at ${label(best)} (${formatQuantity(means[best], unit)})`;
  if (!interior(best)) {
    return `${head} not monotone; ${at}, an end of the range; clear at ${clear} of ${steps.length} steps.${listed}${caveat}`;
  }
  const towards = high ? 'up' : 'down';
  const away = high ? 'down' : 'up';
  const overLeft = readings[best - 1] === towards;
  const overRight = readings[best] === away;
  const verdict = overLeft && overRight ? `clearly ${than} both neighbours (${label(best - 1)}, ${label(best + 1)}): an interior ${direction === 'none' ? 'extreme' : 'best'}`
    : `${overLeft ? 'clearly' : 'not clearly'} ${than} at ${label(best - 1)} and ${overRight ? 'clearly' : 'not clearly'} ${than} at ${label(best + 1)}: no clear interior ${direction === 'none' ? 'extreme' : 'best'} with these runs`;
  return `${head} not monotone; ${at}, ${verdict}.${listed}${caveat}`;
}
