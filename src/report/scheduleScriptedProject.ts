import type { PipelineProjectOverview, ProjectDurationsOverview } from './readScenarioOverview.ts';

/**
 * The tick in which a scenario's scripted `pipeline:` project comes on stream, as the engine
 * schedules it when nothing delays it: it enters its stated phase with `remainingYears · tpy` ticks
 * left (sim-core/world/createWorld.ts, initialisePipeline), each tick takes one off
 * (sim-core/phases/advanceDiscovery.ts, advancePipeline), and a phase that ends moves the project to
 * the next with `years · leadFactor · tpy` ticks (permitting → financing → construction, the lead
 * factor 1 for mining, processingLeadFactor for processing and manufacturing, recyclingLeadFactor for
 * recycling); it completes, whole, in the tick construction reaches zero, and series.csv shows it in
 * that tick's row. The arithmetic is the engine's, tick by tick, so the rounding is the same.
 *
 * What can make a run differ (the caller says "about" then): financing only counts down while the
 * project pays and starts construction only while the region has engineers free; permitting reform
 * and disinformation change permitting's pace, technology bans construction's; a value written as a
 * distribution is drawn per run.
 *
 * @param project - The scripted project.
 * @param durations - The scenario's greenfield durations and lead factors.
 * @param ticksPerYear - Ticks per year of the run.
 * @param horizonTicks - Ticks in the run.
 * @returns The tick (0-based), or undefined when it comes after the run.
 * @example
 * scheduleScriptedProject({ phase: 'construction', remainingYears: 1.5, ... }, durations, 52, 520); // 77 (Jun 2026 from Jan 2025)
 */
export function scheduleScriptedProject(project: PipelineProjectOverview, durations: ProjectDurationsOverview, ticksPerYear: number, horizonTicks: number): number | undefined {
  const lead = project.stage === 'mining' ? 1 : project.stage === 'recycling' ? durations.recyclingLeadFactor : durations.processingLeadFactor;
  const phases = ['permitting', 'financing', 'construction'];
  let phase = phases.indexOf(project.phase);
  if (phase < 0 || !Number.isFinite(project.remainingYears)) return undefined;
  let ticksLeft = project.remainingYears * ticksPerYear;
  for (let tick = 0; tick < horizonTicks; tick++) {
    ticksLeft -= 1;
    if (ticksLeft > 0) continue;
    if (phase === 2) return tick;
    // The next phase starts counting in the next tick, as in advancePipeline.
    phase++;
    ticksLeft = (phase === 1 ? durations.financingYears : durations.constructionYears) * lead * ticksPerYear;
  }
  return undefined;
}
