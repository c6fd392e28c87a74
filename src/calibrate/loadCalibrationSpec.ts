import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { compileScenario, type ScenarioSpec } from '../../sim-core/index.ts';
import { loadScenario } from '../scenario/loadScenario.ts';
import { UsageError } from '../cli/exitCodes.ts';
import { calibrationSpecSchema, type CalibrationSpec, type EpisodeSpec, type SeriesSpec } from './calibrationSpec.ts';
import { indexSeries, seriesKeyOf } from './runSeries.ts';
import { calendarYear } from './timeWindow.ts';

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

/**
 * Reads and checks a calibration spec: YAML against the schema, then every episode's scenario
 * (through loadScenario, with the episode's `set`), every target's series and dates, and control
 * event ids. Problems with the spec throw a UsageError naming the file and key; problems with a
 * scenario throw the loader's ScenarioError.
 * @param overrides - replace `replicates`, `seed`, `maxEvaluations` from the command line
 */
export function loadCalibrationSpec(file: string, overrides: Partial<Pick<CalibrationSpec, 'replicates' | 'seed' | 'maxEvaluations'>> = {}): LoadedCalibration {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`${file}: cannot read the calibration spec (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
  }
  const parsed = calibrationSpecSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`${file}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  const spec = { ...parsed.data, ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) } as CalibrationSpec;
  for (const p of spec.parameters) {
    if (!(p.min < p.max) || (p.scale === 'log' && p.min <= 0)) throw new UsageError(`${file}: parameters: ${p.path}: needs min < max (and min > 0 on a log scale)`);
  }
  const extendsPath = spec.fragment.extends;
  if (extendsPath !== undefined && !existsSync(resolve(dirname(file), extendsPath))) throw new UsageError(`${file}: fragment.extends: no file ${extendsPath} (the path is relative to the spec file)`);
  const episodes = Object.entries(spec.episodes).map(([id, episode]) => loadEpisode(file, id, episode));
  return { file, spec, episodes };
}

function loadEpisode(file: string, id: string, episode: EpisodeSpec): LoadedEpisode {
  const scenarioFile = resolve(dirname(file), episode.scenario);
  const loaded = loadScenario(scenarioFile, { set: episode.set });
  const index = indexSeries(compileScenario(loaded.spec).layout);
  const where = `${file}: episodes.${id}`;
  for (const [targetId, target] of Object.entries(episode.targets)) {
    const refs: SeriesSpec[] = [target.series];
    if ('denominator' in target && target.denominator !== undefined) refs.push(target.denominator);
    for (const ref of refs.flat()) {
      if (!index.has(seriesKeyOf(ref))) throw new UsageError(`${where}.targets.${targetId}: no series ${seriesKeyOf(ref)} in ${episode.scenario}`);
    }
    checkDates(where, targetId, target as unknown as Record<string, unknown>);
    const needsControl = target.kind.endsWith('Control');
    if (needsControl && !episode.control) throw new UsageError(`${where}.targets.${targetId}: kind ${target.kind} needs control.withoutEvents`);
  }
  for (const eventId of episode.control?.withoutEvents ?? []) {
    if (!loaded.spec.events.some((e) => e.id === eventId)) throw new UsageError(`${where}.control: no event ${eventId} in ${episode.scenario}`);
  }
  return { id, episode, scenario: loaded.spec, scenarioFile, sha256: loaded.sha256, files: loaded.files };
}

function checkDates(where: string, targetId: string, target: Record<string, unknown>): void {
  for (const key of ['window', 'baseline', 'denominatorWindow', 'from', 'month']) {
    const value = target[key];
    if (value === undefined) continue;
    for (const date of Array.isArray(value) ? value : [value]) {
      try {
        calendarYear(date as string | number);
      } catch {
        throw new UsageError(`${where}.targets.${targetId}.${key}: not a calendar date: ${String(date)}`);
      }
    }
  }
}
