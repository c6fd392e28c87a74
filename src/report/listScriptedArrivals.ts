import type { ScenarioOverview } from './readScenarioOverview.ts';
import { scheduleScriptedProject } from './scheduleScriptedProject.ts';
import { shortenProjectSource } from './shortenProjectSource.ts';

/** A scripted project that comes on stream during the run. */
export interface ScriptedArrival {
  region: string;
  stage: string;
  capacityTonnesPerYear: number;
  /** The tick it comes on stream when nothing delays it (scheduleScriptedProject). */
  tick: number;
  /** Calendar year of that tick (the x of the fan charts). */
  year: number;
  /**
   * Why its date may differ from run to run: 'drawn' (a value is a distribution), 'financing' (it
   * still has to be financed, and permitted, which waits on prices and engineers), 'events' (a
   * scripted event changes its construction pace); undefined when its date is the same in every run.
   */
  uncertain?: 'drawn' | 'financing' | 'events';
  /** What the runs show in the due week (checkArrivalInFan, set by the caller that has the fans): on stream in all, most or few runs; absent when not read or the fan cannot tell. */
  seen?: 'all' | 'most' | 'few';
  /** Its source shortened to a name ('' when it has none). */
  name: string;
}

/**
 * The scenario's scripted `pipeline:` projects of a material and stage that come on stream within the
 * run in the given regions, with the tick the engine schedules them: the home region's first, then
 * by date. They are part of the scenario, not responses to its events, so a chart should say so.
 *
 * @param overview - The scenario as run.
 * @param materialId - The material.
 * @param stage - The capacity stage drawn (the fan panel draws processing).
 * @param regions - Region ids whose chart is drawn.
 * @returns The arrivals, most relevant first.
 * @example
 * listScriptedArrivals(overview, 'ndpr', 'processing', ['US', 'ALLIES'])[0]; // { region: 'US', tick: 77, name: 'MP Materials Mountain Pass separation ramp', … }
 */
export function listScriptedArrivals(overview: ScenarioOverview, materialId: string, stage: string, regions: readonly string[]): ScriptedArrival[] {
  const material = overview.materials.find((m) => m.id === materialId);
  const durations = overview.projectDurations;
  if (material?.pipeline === undefined || durations === undefined) return [];
  const tpy = overview.ticksPerYear;
  const horizon = Math.round(overview.years * tpy);
  const arrivals = material.pipeline.flatMap((project): ScriptedArrival[] => {
    if (project.stage !== stage || !regions.includes(project.region) || !(project.capacityTonnesPerYear > 0)) return [];
    const tick = scheduleScriptedProject(project, durations, tpy, horizon);
    if (tick === undefined) return [];
    // A technology ban of the stage slows construction everywhere but in its exporter (applyActiveEvent).
    const slowed = overview.events.some((e) => e.kind === 'technologyBan' && e.fields.stage === stage && e.fields.exporter !== project.region && e.start * tpy <= tick);
    const uncertain = project.drawn || (project.phase !== 'construction' && durations.drawn) ? 'drawn' : project.phase !== 'construction' ? 'financing' : slowed ? 'events' : undefined;
    return [{
      region: project.region, stage, capacityTonnesPerYear: project.capacityTonnesPerYear, tick, year: overview.startYear + tick / tpy,
      ...(uncertain === undefined ? {} : { uncertain }), name: shortenProjectSource(project.source),
    }];
  });
  const homeFirst = (a: ScriptedArrival): number => (a.region === overview.homeRegion ? 0 : 1);
  return arrivals.sort((a, b) => homeFirst(a) - homeFirst(b) || a.tick - b.tick);
}
