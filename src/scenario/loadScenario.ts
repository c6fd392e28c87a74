import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { ScenarioSpec } from '../../sim-core/index.ts';
import { applyDefaults } from './applyDefaults.ts';
import { applySets, overrideLoc } from './applySets.ts';
import { checkBareNumbers } from './checkBareNumbers.ts';
import { buildSpec } from './buildSpec.ts';
import { canonicalYaml } from './canonicalYaml.ts';
import { checkLensSettings } from './checkLensSettings.ts';
import { checkDrawnEventTimes } from './checkDrawnEventTimes.ts';
import { checkEventEffects } from './checkEventEffects.ts';
import { checkEventHorizons } from './checkEventHorizons.ts';
import { checkFixedKeys } from './checkFixedKeys.ts';
import { checkModeFields } from './checkModeFields.ts';
import { checkReferences } from './checkReferences.ts';
import { dropRetiredKeys } from './dropRetiredKeys.ts';
import { checkCapacityCoversDemand, checkStageMargins } from './checkStageMargins.ts';
import { checkStockpileFill } from './checkStockpileFill.ts';
import { checkUnmatchedDeletions } from './checkUnmatchedDeletions.ts';
import { checkValues } from './checkValues.ts';
import { convertUnits } from './convertUnits.ts';
import { extractUncertainties } from './extractUncertainties.ts';
import { findReversibleDefaults, type ScenarioNote } from './findReversibleDefaults.ts';
import { findThinExportControls } from './findThinExportControls.ts';
import { stripNulls } from './mergeLocated.ts';
import { ProblemSink } from './problemSink.ts';
import { rekindedEventPrefixes, resolveExtends } from './resolveExtends.ts';
import { type Problem, ScenarioError, sortProblems } from './scenarioError.ts';
import { resolvedScenarioSchema } from './scenarioSchema.ts';
import { reportZodIssues } from './zodProblems.ts';

/** A loaded scenario: the engine's spec and the resolved text it was built from. */
export interface LoadedScenario {
  /** The engine's input. */
  spec: ScenarioSpec;
  /** The fully resolved scenario (extends, overrides, defaults, canonical units) as canonical YAML. */
  resolvedYaml: string;
  /** SHA-256 of `resolvedYaml`, hex. */
  sha256: string;
  /** Absolute paths of the files read: the named file first, then its `extends` ancestors. */
  files: string[];
  /**
   * Located warnings: things that are valid but almost certainly not meant (a stage that loses
   * money at base prices). Commands print them on stderr; they do not stop a run.
   */
  warnings: Problem[];
  /**
   * Located notes: defaults the author may not know about (a home policy an election may reverse), and
   * export controls on a market the exporter hardly exports (findThinExportControls).
   * `run` and `compare` print them on stderr, not with `--quiet`.
   */
  notes: ScenarioNote[];
  /** The scenario's `title:`, a reader's name for it (absent when it has none); not an engine input. */
  title?: string;
}

/** Options of {@link loadScenario}. */
export interface LoadScenarioOptions {
  /** Overrides `path=value`, applied in order, e.g. `materials.ndpr.demand.growthPerYear=0.05`. */
  set?: string[];
  /**
   * What the command line called each override of `set`, by index, for messages: `--grid #2` gives
   * `--grid #2 (years=0)`; a missing label gives `--set #n (path=value)`.
   */
  setLabels?: readonly (string | undefined)[];
}

/**
 * A problem located in a file while overrides were given may come from one of them (`--set
 * regions.US.alignment=adversary` breaks `government.region`, whose line is right): such problems
 * name the overrides applied, so the file is not blamed alone. Problems located at an override are unchanged.
 */
function withOverridesNamed(problems: readonly Problem[], sets: readonly string[], labels: readonly (string | undefined)[] = []): Problem[] {
  // --years is named on its own (its own problems say --years); the others by their labels.
  const named = sets.map((set, i) => overrideLoc(set, i, labels[i]).file);
  if (named.length === 0) return [...problems];
  const applied = `with ${named.slice(0, 3).join(', ')}${named.length > 3 ? ` and ${named.length - 3} more overrides` : ''} applied`;
  return problems.map((p) => (p.line === 0 || p.file.startsWith('--') ? p : { ...p, message: p.message ? `${p.message}; ${applied}` : applied }));
}

/**
 * A problem located in an ancestor of the named file (its `extends` chain) says that the named file
 * inherits it: a child's `mode: ban` made the parent's `quotaShare` line the one reported, and the
 * message sent the user to a shipped file they had not touched (audit 25, M4). Errors only: a warning
 * located in a shared parent is printed once for all the scenarios that extend it.
 */
function withInheritanceNamed(problems: readonly Problem[], path: string, files: readonly string[]): Problem[] {
  if (files.length < 2) return [...problems];
  const ancestors = new Set(files.slice(1).map((f) => resolve(f)));
  const child = path.split(/[\\/]/).pop() ?? path;
  const note = `inherited by ${child}, which extends this file: a key there overrides it (null removes it)`;
  return problems.map((p) => (p.line > 0 && ancestors.has(resolve(p.file)) ? { ...p, message: p.message ? `${p.message}; ${note}` : note } : p));
}

/**
 * The files problems name, in the order to report them: the command line's overrides (`--set #1
 * (…)`, `--years`) first, in the order given, as they always were; then the named file; then the
 * files it extends, nearest first. Problems name the named file as given, its ancestors by absolute path.
 */
function fileOrderOf(problems: readonly Problem[], path: string, files: readonly string[], options: LoadScenarioOptions): string[] {
  const sets = options.set ?? [];
  const overrides = sets.flatMap((set, i) => [overrideLoc(set, i, options.setLabels?.[i]).file, overrideLoc(set, i).file]);
  const named = [...new Set(problems.map((p) => p.file))];
  const chain = [resolve(path), ...files.slice(1).map((f) => resolve(f))];
  const inChain = named.filter((file) => !file.startsWith('--') && chain.includes(resolve(file)));
  inChain.sort((a, b) => chain.indexOf(resolve(a)) - chain.indexOf(resolve(b)));
  return [...overrides, ...named.filter((file) => file.startsWith('--')), ...inChain];
}

/**
 * Loads a scenario file: reads the YAML with positions, merges its `extends` chain, applies
 * `--set` overrides, converts units and dates, applies defaults, extracts distributions into
 * `uncertainties`, validates (schema, ranges, cross-references) and builds the ScenarioSpec.
 * Throws a {@link ScenarioError} listing every problem found, each with file, line and column.
 * Example: `loadScenario('scenarios/baseline.yaml', { set: ['years=12'] }).spec.years` → 12.
 */
export function loadScenario(path: string, options: LoadScenarioOptions = {}): LoadedScenario {
  const problems: Problem[] = [];
  const chain = resolveExtends(resolve(path), path, problems);
  if (!chain) throw new ScenarioError(sortProblems(problems));
  const { located, files, unmatchedDeletions } = chain;
  applySets(located, options.set ?? [], problems, options.setLabels);
  const tree = located.value;
  stripNulls(tree);
  const warnings = new ProblemSink(located, { file: path, line: 1, column: 1 });
  dropRetiredKeys(tree, warnings);
  checkBareNumbers(tree, warnings);
  const sink = new ProblemSink(located, { file: path, line: 1, column: 1 });
  convertUnits(tree, sink);
  checkModeFields(tree, sink, warnings);
  applyDefaults(tree, (p) => sink.suppress(p));
  problems.push(...checkUnmatchedDeletions(tree, unmatchedDeletions));
  const { nominal, found } = extractUncertainties(tree);
  checkFixedKeys(found, sink);
  checkValues(nominal, found, sink);
  reportZodIssues(resolvedScenarioSchema, nominal, sink);
  // Drawn times first: where it reports a pair, checkReferences' comparison of their nominal values is silenced (one mistake, one error).
  checkDrawnEventTimes(nominal, found, typeof nominal.startYear === 'number' ? nominal.startYear : NaN, sink, warnings);
  checkReferences(nominal, sink);
  problems.push(...withOverridesNamed(sink.problems, options.set ?? [], options.setLabels));
  const rekinded = rekindedEventPrefixes(problems);
  if (rekinded.length > 0) {
    const consequence = (p: Problem) => !p.path.endsWith('.kind') && rekinded.some((prefix) => p.path.startsWith(prefix));
    problems.splice(0, problems.length, ...problems.filter((p) => !consequence(p)));
  }
  if (problems.length > 0) {
    // The warnings found so far go with the errors, so `validate` can show them after them.
    throw new ScenarioError(sortProblems(withInheritanceNamed(problems, path, files), fileOrderOf(problems, path, files, options)),
      sortProblems(warnings.problems, fileOrderOf(warnings.problems, path, files, options)));
  }
  checkStageMargins(nominal, warnings);
  checkCapacityCoversDemand(nominal, warnings);
  checkEventHorizons(tree, warnings);
  checkStockpileFill(tree, warnings);
  checkEventEffects(nominal, warnings);
  checkLensSettings(nominal, warnings);
  const resolvedYaml = canonicalYaml(tree);
  const sha256 = createHash('sha256').update(resolvedYaml).digest('hex');
  const spec = buildSpec(nominal, found);
  const notes = [...findReversibleDefaults(tree, located, { file: path, line: 1, column: 1 }), ...findThinExportControls(spec, located, { file: path, line: 1, column: 1 })];
  const title = (nominal as { title?: unknown }).title;
  return { spec, resolvedYaml, sha256, files, warnings: sortProblems(warnings.problems, fileOrderOf(warnings.problems, path, files, options)), notes, ...(typeof title === 'string' ? { title } : {}) };
}
