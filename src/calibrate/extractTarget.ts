import type { TargetSpec } from './calibrationSpec.ts';
import type { RunSeries } from './runSeries.ts';
import { monthsToPeak, multipleAfterPeak, peakMultiple, ratioAtPeak, shareOfPeakLeft } from './extractors/peakExtractors.ts';
import { firstMonthDrop, flowRatio, maxAbsLogChange, maxDecline, varianceRatio } from './extractors/flowExtractors.ts';
import { maxDeviationFromControl, peakRatioToControl, ratioToControl } from './extractors/controlExtractors.ts';

/**
 * The value of one target in one replicate: dispatches on the target's `kind` to its extractor.
 * @param control - the paired control run, required by the `…Control` kinds
 * @throws RangeError when a control kind has no control run, or a series does not exist
 */
export function extractTarget(target: TargetSpec, run: RunSeries, control?: RunSeries): number {
  switch (target.kind) {
    case 'peakMultiple': return peakMultiple(run, target);
    case 'monthsToPeak': return monthsToPeak(run, target);
    case 'shareOfPeakLeft': return shareOfPeakLeft(run, target);
    case 'multipleAfterPeak': return multipleAfterPeak(run, target);
    case 'ratioAtPeak': return ratioAtPeak(run, target);
    case 'flowRatio': return flowRatio(run, target);
    case 'firstMonthDrop': return firstMonthDrop(run, target);
    case 'maxDecline': return maxDecline(run, target);
    case 'maxAbsLogChange': return maxAbsLogChange(run, target);
    case 'varianceRatio': return varianceRatio(run, target);
    case 'maxDeviationFromControl': return maxDeviationFromControl(run, needControl(control, target.kind), target);
    case 'ratioToControl': return ratioToControl(run, needControl(control, target.kind), target);
    case 'peakRatioToControl': return peakRatioToControl(run, needControl(control, target.kind), target);
  }
}

function needControl(control: RunSeries | undefined, kind: string): RunSeries {
  if (!control) throw new RangeError(`target kind ${kind} needs the episode's control run (control.withoutEvents)`);
  return control;
}
