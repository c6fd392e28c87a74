import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { type Located, locate } from './locatedTree.ts';
import { mergeLocated } from './mergeLocated.ts';
import { describeFound } from './problemSink.ts';
import { quoteText } from './quoteText.ts';
import { readYamlFile } from './readYamlFile.ts';
import type { Problem } from './scenarioError.ts';
import { MAX_EXTENDS_CHAIN } from './scenarioLimits.ts';

/** A scenario with its `extends` chain merged, and the files read (the named file first). */
export interface ResolvedChain {
  located: Located;
  files: string[];
}

/** A problem at the `extends` value of `located`. */
function extendsProblem(located: Located, file: string, expected: string, found: string): Problem {
  const loc = locate(located, ['extends'], false, { file, line: 1, column: 1 });
  return { ...loc, path: 'extends', expected, found, message: '' };
}

/**
 * Reads the scenario at `absolutePath` (named `file` in messages) and merges it onto the scenario
 * it `extends`, recursively (paths relative to the extending file). Returns undefined after adding
 * to `problems` when a file is unreadable or invalid YAML, a parent is missing, or the chain cycles.
 * @param chain - absolute paths of the files that extend this one (for cycle detection)
 */
export function resolveExtends(
  absolutePath: string,
  file: string,
  problems: Problem[],
  chain: readonly string[] = [],
): ResolvedChain | undefined {
  const read = readYamlFile(absolutePath, file);
  if (!read.ok) {
    problems.push(...read.problems);
    return undefined;
  }
  const child = read.located;
  const parentRef = child.value.extends;
  delete child.value.extends;
  if (parentRef === undefined || parentRef === null) return { located: child, files: [absolutePath] };
  if (typeof parentRef !== 'string' || parentRef.trim() === '') {
    problems.push(extendsProblem(child, file, 'a path to a scenario file', describeFound(parentRef)));
    return undefined;
  }
  const parentPath = resolve(dirname(absolutePath), parentRef);
  const parentFile = isAbsolute(parentRef) ? parentRef : join(dirname(file), parentRef);
  if ([...chain, absolutePath].includes(parentPath)) {
    const cycle = [...chain, absolutePath, parentPath].map((p) => p.split(/[\\/]/).pop()).join(' → ');
    problems.push(extendsProblem(child, file, 'an extends chain without cycles', `a cycle ${cycle}`));
    return undefined;
  }
  if (!existsSync(parentPath)) {
    problems.push(extendsProblem(child, file, 'an existing scenario file', quoteText(parentRef)));
    return undefined;
  }
  // A folder is the child's mistake too: located at its extends line, not at line 1 of the folder.
  if (statSync(parentPath).isDirectory()) {
    problems.push(extendsProblem(child, file, 'a scenario file', `a folder ${quoteText(parentRef)}`));
    return undefined;
  }
  if (chain.length + 2 > MAX_EXTENDS_CHAIN) {
    problems.push(extendsProblem(child, file, `an extends chain of at most ${MAX_EXTENDS_CHAIN} files`, 'a longer chain'));
    return undefined;
  }
  const parent = resolveExtends(parentPath, parentFile, problems, [...chain, absolutePath]);
  if (!parent) return undefined;
  // A title names one scenario: a child without its own would otherwise be reported under its parent's.
  if (!Object.hasOwn(child.value, 'title')) child.value.title = null;
  return { located: mergeLocated(parent.located, child), files: [absolutePath, ...parent.files] };
}
