import { isFixed } from './checkPointlessEvents.ts';
import { isPlainMap, type PlainMap } from './locatedTree.ts';
import { formatCalendarDate } from './parseTime.ts';
import type { ProblemSink } from './problemSink.ts';

const CAPACITY_STAGES = ['mining', 'processing', 'manufacturing', 'recycling'];

/** How long a project takes from `phase` on, in years, at the shortest: the phases after it at the stage's lead factor (sim-core advanceDiscovery), the rest of its own ignored (a permitting reform can shorten it). */
function shortestArrival(phase: string, stage: string, behaviour: PlainMap): number {
  const greenfield = isPlainMap(behaviour.greenfield) ? behaviour.greenfield : {};
  const factor = stage === 'mining' ? 1 : stage === 'recycling' ? Number(behaviour.recyclingLeadFactor) : Number(behaviour.processingLeadFactor);
  const financing = Number(greenfield.financingYears) * factor;
  const construction = Number(greenfield.constructionYears) * factor;
  if (phase === 'construction') return 0;
  return phase === 'financing' ? construction : financing + construction;
}

/**
 * Warns about an outage or a cyberattack on a cell (material, stage, region) that has no capacity
 * at the start and cannot have any while the event acts (audit 25, B k01–k02): a one-year outage of
 * US graphite mining, where the baseline has no mine and its one pipeline project is years from
 * production, strikes nothing, and a threat that does nothing reads as "no detectable effect".
 * Capacity in an empty cell can only come from a project: one in the scenario's `pipeline` (its
 * later phases at the stage's lead factor, its current phase counted as 0: a permitting reform can
 * shorten it) or a greenfield plant (at least financing and construction); an incumbent's expansion
 * needs an incumbent, and the steady-growth pipeline seeds only cells with capacity. A
 * `tailingsReassessment` on the material and region may add capacity sooner: then no warning. Times
 * drawn from distributions, and events on every material, are not judged.
 *
 * @param nominal - The resolved tree (canonical units, defaults applied).
 * @param warnings - Where the located warnings go.
 * @example
 * checkEmptyCellEvents(nominal, warnings); // events.o.region: expected a cell with capacity while the event acts, found US (no graphite mining …)
 */
export function checkEmptyCellEvents(nominal: PlainMap, warnings: ProblemSink): void {
  const { events, materials, behaviour } = nominal;
  if (!isPlainMap(events) || !isPlainMap(materials) || !isPlainMap(behaviour)) return;
  const years = Number(nominal.years);
  const startYear = Number(nominal.startYear);
  for (const [id, event] of Object.entries(events)) {
    if (!isPlainMap(event) || (event.kind !== 'outage' && event.kind !== 'cyberattack')) continue;
    const { material, stage, region } = event;
    if (typeof material !== 'string' || typeof stage !== 'string' || typeof region !== 'string' || !CAPACITY_STAGES.includes(stage)) continue;
    const spec = materials[material];
    const stageSpec = isPlainMap(spec) ? spec[stage] : undefined;
    if (!isPlainMap(spec) || !isPlainMap(stageSpec)) continue;
    const capacity = isPlainMap(stageSpec.capacityByRegion) ? stageSpec.capacityByRegion[region] : undefined;
    if ((capacity !== undefined && capacity !== 0) || !isFixed(['materials', material, stage, 'capacityByRegion', region], warnings)) continue;
    if (Object.values(events).some((e) => isPlainMap(e) && e.kind === 'tailingsReassessment' && e.material === material && e.region === region)) continue;
    const times = ['start', 'end', 'downtimeYears'].filter((key) => event[key] !== undefined);
    if (!times.every((key) => isFixed(['events', id, key], warnings))) continue;
    const start = Number(event.start);
    const scripted = event.kind === 'cyberattack' && event.mode !== 'stochastic';
    const acts = Math.min(years, scripted ? start + Number(event.downtimeYears) : event.end === undefined ? years : Number(event.end));
    const pipeline = Array.isArray(spec.pipeline) ? spec.pipeline.filter((p): p is PlainMap => isPlainMap(p) && p.region === region && p.stage === stage) : [];
    const arrivals = [
      ...pipeline.map((p) => (p.phase === 'construction' ? Number(p.remainingYears) : shortestArrival(String(p.phase), stage, behaviour))),
      shortestArrival('permitting', stage, behaviour),
    ];
    const earliest = Math.min(...arrivals);
    if (!Number.isFinite(acts) || !Number.isFinite(earliest) || !(acts <= earliest)) continue;
    const date = (t: number): string => (Number.isFinite(startYear) ? formatCalendarDate(t, startYear) : `${t} years`);
    const path = ['events', id, 'region'];
    warnings.add(path, `a region with ${material} ${stage} capacity while the event acts (to ${date(acts)})`, `${region} (none at the start)`,
      `none can be built there before ${date(earliest)}, ${pipeline.length === 0 ? 'no project being in its pipeline' : 'when its pipeline projects arrive at the soonest'}, so the event strikes nothing; name a region with ${stage} capacity, or start it later`);
  }
}
