import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { compileScenario, type ScenarioSpec } from '../../sim-core/index.ts';
import { loadScenario } from '../scenario/loadScenario.ts';
import { readYamlFile } from '../scenario/readYamlFile.ts';
import type { Located } from '../scenario/locatedTree.ts';
import { ProblemSink } from '../scenario/problemSink.ts';
import { quoteText } from '../scenario/quoteText.ts';
import { didYouMean } from '../scenario/didYouMean.ts';
import { type Problem, ScenarioError, sortProblems } from '../scenario/scenarioError.ts';
import { calibrationSpecSchema, type CalibrationSpec, type EpisodeSpec, type SeriesSpec } from './calibrationSpec.ts';
import { indexSeries, seriesKeyOf } from './runSeries.ts';
import { calendarYear, ticksIn, ticksPerMonth } from './timeWindow.ts';
import { asSpecReadProblem, describeValue, reportSpecIssues } from './specProblems.ts';

/** One episode ready to run: its spec entry and its resolved scenario. */
export interface LoadedEpisode {
  readonly id: string;
  readonly episode: EpisodeSpec;
  /** The scenario as resolved (defaults applied), before calibrated parameters are set. */
  readonly scenario: ScenarioSpec;
  /** Absolute path of the scenario file, and the SHA-256 of its resolved text. */
  readonly scenarioFile: string;
  readonly sha256: string;
  /** Absolute paths of the scenario files read: the episode's file, then its `extends` ancestors. */
  readonly files: readonly string[];
}

/** A calibration spec with its episodes loaded. */
export interface LoadedCalibration {
  readonly file: string;
  readonly spec: CalibrationSpec;
  readonly episodes: LoadedEpisode[];
}

/** Top-level keys of a scenario file, to recognise one given in place of a calibration spec. */
const SCENARIO_KEYS = ['materials', 'regions', 'years', 'startYear', 'ticksPerYear', 'events', 'extends'];

/**
 * Reads and checks a calibration spec: YAML with positions (the scenario loader's reader), the
 * schema, parameter bounds and `fragment.extends`, then every episode's scenario (through
 * loadScenario, with the episode's `set`), every target's series and dates, and control event ids.
 * Problems with the spec throw a ScenarioError whose problems are located in the spec
 * (`file:line:col: key: expected …, found …`) and marked as usage mistakes (exit 2); problems with
 * an episode's scenario throw the scenario loader's ScenarioError.
 * @param overrides - replace `replicates`, `seed`, `maxEvaluations` from the command line
 */
export function loadCalibrationSpec(file: string, overrides: Partial<Pick<CalibrationSpec, 'replicates' | 'seed' | 'maxEvaluations'>> = {}): LoadedCalibration {
  const read = readYamlFile(resolve(file), file);
  if (!read.ok) throw specError(read.problems.map(asSpecReadProblem));
  const { located } = read;
  const sink = new ProblemSink(located, { file, line: 1, column: 1 });
  checkShape(located, sink);
  if (sink.problems.length === 0) reportSpecIssues(calibrationSpecSchema, located.value, sink);
  if (sink.problems.length > 0) throw specError(sink.problems);
  const parsed = calibrationSpecSchema.parse(located.value);
  const spec = { ...parsed, ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) } as CalibrationSpec;
  spec.parameters.forEach((p, i) => {
    const at = ['parameters', i];
    if (!(p.min < p.max)) sink.add([...at, 'max'], `a number above min (${p.min})`, sink.found([...at, 'max'], p.max));
    else if (p.scale === 'log' && p.min <= 0) sink.add([...at, 'min'], 'a number > 0 (the scale is log)', sink.found([...at, 'min'], p.min));
    // The search and --evaluate would run (and report as fitted) a start outside the bounds.
    else if (p.start !== undefined && !(p.start >= p.min && p.start <= p.max)) sink.add([...at, 'start'], `a number from min to max (${p.min} to ${p.max})`, sink.found([...at, 'start'], p.start));
  });
  const extendsPath = spec.fragment.extends;
  if (extendsPath !== undefined && !existsSync(resolve(dirname(file), extendsPath))) sink.add(['fragment', 'extends'], 'an existing scenario file (the path is relative to the spec file)', quoteText(extendsPath));
  // Located at the spec's line, not "no such file" from the loader: a copy of the spec saved in another folder loses its episodes.
  for (const [id, episode] of Object.entries(spec.episodes)) {
    if (!existsSync(resolve(dirname(file), episode.scenario))) sink.add(['episodes', id, 'scenario'], 'an existing scenario file (the path is relative to the spec file)', quoteText(episode.scenario));
  }
  if (sink.problems.length > 0) throw specError(sink.problems);
  const episodes = Object.entries(spec.episodes).map(([id, episode]) => loadEpisode(file, id, episode, sink));
  checkParameterPaths(spec, episodes, sink);
  if (sink.problems.length > 0) throw specError(sink.problems);
  return { file, spec, episodes };
}

/**
 * The spec's problems as a ScenarioError, each marked as a usage mistake: a bad calibration spec
 * exits with code 2, as it always has (3 is for the episodes' scenario files).
 */
function specError(problems: readonly Problem[]): ScenarioError {
  return new ScenarioError(sortProblems(problems.map((p) => ({ ...p, usage: true }))));
}

/** An empty file, or a scenario file named in place of a spec, said as such (the schema would say "expected a map of ids, found nothing"). */
function checkShape(located: Located, sink: ProblemSink): void {
  const keys = Object.keys(located.value);
  if (keys.length === 0) {
    sink.add([], 'a calibration spec (name, parameters, episodes)', 'an empty file');
  } else if (!keys.includes('episodes') && SCENARIO_KEYS.some((k) => keys.includes(k))) {
    sink.add([], 'a calibration spec (name, parameters, episodes)', 'a scenario file', 'a calibration spec names its scenario files under episodes.<id>.scenario: docs/calibration.md');
  }
}

function loadEpisode(file: string, id: string, episode: EpisodeSpec, sink: ProblemSink): LoadedEpisode {
  const scenarioFile = resolve(dirname(file), episode.scenario);
  const loaded = loadScenario(scenarioFile, { set: episode.set });
  const index = indexSeries(compileScenario(loaded.spec).layout);
  const at = ['episodes', id];
  for (const [targetId, target] of Object.entries(episode.targets)) {
    const where = [...at, 'targets', targetId];
    for (const key of ['series', 'denominator'] as const) {
      const ref = (target as unknown as Record<string, SeriesSpec | undefined>)[key];
      if (ref === undefined) continue;
      const refs = Array.isArray(ref) ? ref : [ref];
      refs.forEach((r, i) => {
        const path = Array.isArray(ref) ? [...where, key, i] : [...where, key];
        if (!index.has(seriesKeyOf(r))) sink.add(path, `a series of ${episode.scenario}`, quoteText(r), hint(seriesKeyOf(r), [...index.keys()], `no series ${seriesKeyOf(r)} in ${episode.scenario}`));
      });
    }
    checkDates(where, target as unknown as Record<string, unknown>, sink);
    checkInsideRun(where, target as unknown as Record<string, unknown>, loaded.spec, episode.scenario, sink);
    checkAfterMonths(where, target as unknown as Record<string, unknown>, loaded.spec, episode.scenario, sink);
    checkBand(where, target.band, target.tolerance, sink);
    if (target.kind.endsWith('Control') && !episode.control) sink.add([...where, 'kind'], `a kind without a control run, or control.withoutEvents on episode ${id}`, quoteText(target.kind), `kind ${target.kind} needs control.withoutEvents`);
  }
  (episode.control?.withoutEvents ?? []).forEach((eventId, i) => {
    if (!loaded.spec.events.some((e) => e.id === eventId)) sink.add([...at, 'control', 'withoutEvents', i], `an event id of ${episode.scenario}`, quoteText(eventId), hint(eventId, loaded.spec.events.flatMap((e) => (e.id === undefined ? [] : [e.id])), `no event ${eventId} in ${episode.scenario}`));
  });
  return { id, episode, scenario: loaded.spec, scenarioFile, sha256: loaded.sha256, files: loaded.files };
}

/** Dotted paths (below `prefix`) of the numbers in `node`, e.g. `behaviour.greenfield.permittingYears`. */
function numericPaths(node: unknown, prefix: string): string[] {
  if (typeof node === 'number') return [prefix];
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return [];
  return Object.entries(node).flatMap(([key, value]) => numericPaths(value, `${prefix}.${key}`));
}

/** The parameter paths that lead to a number in `scenario`: every behaviour number, and the demand numbers every material has. */
function parameterPaths(scenario: ScenarioSpec): string[] {
  const behaviour = numericPaths(scenario.behaviour, 'behaviour');
  const perMaterial = scenario.materials.map((m) => new Set(numericPaths(m.demand, 'demand')));
  // `demand.<key>` names a key directly under demand (the schema's pattern), not a nested one.
  const demand = [...(perMaterial[0] ?? [])].filter((path) => /^demand\.[A-Za-z]+$/.test(path) && perMaterial.every((set) => set.has(path)));
  return [...behaviour, ...demand];
}

/**
 * Every fitted parameter must be a number in every episode's resolved scenario (applyParameters
 * sets it there): `behaviour.nosuch` is a located spec error before anything runs.
 */
function checkParameterPaths(spec: CalibrationSpec, episodes: readonly LoadedEpisode[], sink: ProblemSink): void {
  spec.parameters.forEach((p, i) => {
    for (const episode of episodes) {
      const known = parameterPaths(episode.scenario);
      if (known.includes(p.path)) continue;
      const [head] = p.path.split('.');
      const kind = head === 'behaviour' ? 'behavioural parameter' : 'demand parameter of every material';
      const same = known.filter((k) => k.startsWith(`${head}.`));
      const shown = `${same.slice(0, 3).join(', ')}, … ${same.length} in all`;
      const close = didYouMean(p.path, same);
      const note = `no such number in ${episode.episode.scenario}, the scenario of episode ${episode.id}${close ? `; did you mean "${close}"?` : ''}`;
      sink.add(['parameters', i, 'path'], `a numeric ${kind} (${shown})`, quoteText(p.path), note);
      return;
    }
  });
}

/** `note`, with a did-you-mean when one of `candidates` is close to `word`. */
function hint(word: string, candidates: readonly string[], note: string): string {
  const close = didYouMean(word, candidates);
  return close === undefined ? note : `${note}; did you mean "${close}"?`;
}

/** A calendar year as a date for messages: `2022`, `2022-12`. */
function formatYear(year: number): string {
  const whole = Math.floor(year + 1e-9);
  const month = Math.floor((year - whole) * 12 + 1e-9) + 1;
  return month === 1 ? String(whole) : `${whole}-${String(month).padStart(2, '0')}`;
}

/** A date of the spec as a calendar year, or undefined when it is not one (reported by checkDates). */
function yearOf(date: unknown): number | undefined {
  try {
    return calendarYear(date as string | number);
  } catch {
    return undefined;
  }
}

/**
 * A target's windows (`[from, to)`, from before to) and dates must lie inside the episode's run:
 * the extractors clamp them to the run, so a window outside it measured one edge tick and could
 * score as a perfect fit.
 */
function checkInsideRun(where: (string | number)[], target: Record<string, unknown>, scenario: ScenarioSpec, scenarioFile: string, sink: ProblemSink): void {
  const start = scenario.startYear;
  const end = scenario.startYear + scenario.years;
  const run = `from ${formatYear(start)} until ${formatYear(end)}`;
  for (const key of ['window', 'baseline', 'denominatorWindow']) {
    const value = target[key];
    if (!Array.isArray(value)) continue;
    const [from, to] = value.map(yearOf);
    if (from === undefined || to === undefined) continue;
    const found = describeValue(value);
    if (!(from < to)) sink.add([...where, key], 'two dates [from, to] with from before to', found);
    else if (from < start - 1e-9 || to > end + 1e-9) sink.add([...where, key], `dates inside the run of ${scenarioFile} (${run})`, found);
  }
  for (const key of ['from', 'month']) {
    const year = yearOf(target[key]);
    if (year !== undefined && (year < start - 1e-9 || year >= end)) sink.add([...where, key], `a date inside the run of ${scenarioFile} (${run})`, sink.found([...where, key], target[key]));
  }
}

/**
 * A target's `afterMonths` must keep the tick it reads inside the episode's run wherever in
 * `window` the peak falls (extractors/peakExtractors.ts): beyond the run the extractor gives NaN,
 * so the replicates whose peak falls late are left out of the target's mean (which then counts
 * early peaks only), and when more than half are, the target fails (loss 25) whatever the parameters.
 *
 * @param where - Path of the target in the spec (`episodes.<id>.targets.<id>`).
 * @param target - The target as parsed.
 * @param scenario - The episode's resolved scenario (its run: startYear, years, ticksPerYear).
 * @param scenarioFile - The episode's scenario file as the spec names it, for the message.
 * @param sink - Where the problem goes, located at `afterMonths`.
 */
function checkAfterMonths(where: (string | number)[], target: Record<string, unknown>, scenario: ScenarioSpec, scenarioFile: string, sink: ProblemSink): void {
  const months = target.afterMonths;
  const window = target.window;
  if (typeof months !== 'number' || !Array.isArray(window) || window.length !== 2) return;
  const [from, to] = window.map(yearOf);
  const clock = { ticks: Math.round(scenario.years * scenario.ticksPerYear), ticksPerYear: scenario.ticksPerYear, startYear: scenario.startYear };
  // A window that is not two dates inside the run is reported by checkInsideRun.
  if (from === undefined || to === undefined || !(from < to) || from < clock.startYear - 1e-9 || to > clock.startYear + scenario.years + 1e-9) return;
  const [, windowEnd] = ticksIn(clock, from, to);
  // The same rounding as the extractors' `after`: the latest peak is the window's last tick.
  if (windowEnd - 1 + Math.round(months * ticksPerMonth(clock)) < clock.ticks) return;
  const most = Math.max(0, Math.floor((clock.ticks - windowEnd) / ticksPerMonth(clock)));
  sink.add([...where, 'afterMonths'], `a number of months ≤ ${most} (a peak at the end of window ${describeValue(window)} plus afterMonths must lie inside the run of ${scenarioFile}, until ${formatYear(scenario.startYear + scenario.years)})`, sink.found([...where, 'afterMonths'], months), 'beyond the run the target cannot be measured');
}

/**
 * A band's low bound may not lie above its high bound (a band nothing can be in); a zero-width band
 * needs a `tolerance`: the loss divides the distance to the band by its width when none is given
 * (computeTargetLoss.ts), which would be NaN or infinite for every value.
 */
function checkBand(where: (string | number)[], band: readonly (number | null)[], tolerance: number | undefined, sink: ProblemSink): void {
  const [low, high] = band;
  if (low !== null && high !== null && low > high) sink.add([...where, 'band'], '[low, high] with low ≤ high (null for an open side)', describeValue(band));
  else if (low !== null && high !== null && low === high && tolerance === undefined) {
    sink.add([...where, 'band'], '[low, high] with low < high, or a tolerance beside a zero-width band', describeValue(band), 'without a tolerance the loss is divided by the band\'s width, 0');
  }
}

function checkDates(where: (string | number)[], target: Record<string, unknown>, sink: ProblemSink): void {
  for (const key of ['window', 'baseline', 'denominatorWindow', 'from', 'month']) {
    const value = target[key];
    if (value === undefined) continue;
    (Array.isArray(value) ? value : [value]).forEach((date, i) => {
      try {
        calendarYear(date as string | number);
      } catch {
        const path = Array.isArray(value) ? [...where, key, i] : [...where, key];
        sink.add(path, 'a calendar date such as 2010-07 or 2010-07-15', sink.found(path, date));
      }
    });
  }
}
