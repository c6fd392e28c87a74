import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/**
 * The public-face rule (ARCHITECTURE: "src/ … imports sim-core only through sim-core/index.ts"),
 * checked on the sources of src/, scripts/ and bench/: every import, re-export, `import type`,
 * dynamic import or require whose specifier resolves into sim-core/ must name sim-core/index.ts.
 * Specifiers come from the TypeScript compiler's own scanner (`ts.preProcessFile`), so comments and
 * strings do not count. test/ may reach anything.
 */

const ROOT = resolve('.');
const ENGINE = join(ROOT, 'sim-core');
const PUBLIC_FACE = join(ENGINE, 'index.ts');
const CHECKED_FOLDERS = ['src', 'scripts', 'bench'];

/**
 * Files allowed to reach engine internals, with the reason. Keep this short: each entry is checked
 * below to still need its exception.
 */
const ALLOWED: Record<string, string> = {
  // Times each phase of sim-core/step.ts separately, so it calls the phases themselves (its
  // checkPhaseList, run by npm run bench, verifies it still matches step); exporting every phase
  // would widen the public face for one benchmark.
  'bench/stepWithPhaseTimes.ts': 'times the engine phase by phase',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'profiles' ? [] : sourceFiles(path);
    return /\.(ts|mts|mjs|js)$/.test(name) ? [path] : [];
  });
}

/** The import specifiers of one file that reach into sim-core/ other than through its index. */
function internalEngineImports(file: string, text: string): string[] {
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return importedFiles.map((f) => f.fileName).filter((specifier) => {
    if (!specifier.startsWith('.')) return false;
    const target = resolve(dirname(file), specifier);
    const inEngine = target === ENGINE || target.startsWith(ENGINE + sep);
    return inEngine && target !== PUBLIC_FACE;
  });
}

const files = CHECKED_FOLDERS.flatMap((folder) => sourceFiles(join(ROOT, folder))).map((file) => relative(ROOT, file).split(sep).join('/'));

describe('src/, scripts/ and bench/ reach sim-core only through sim-core/index.ts', () => {
  it('finds the sources and their engine imports', () => {
    expect(files.filter((f) => f.startsWith('src/')).length).toBeGreaterThan(100);
    const runner = readFileSync('src/montecarlo/runMonteCarlo.ts', 'utf8');
    expect(ts.preProcessFile(runner, true, true).importedFiles.map((f) => f.fileName)).toContain('../../sim-core/index.ts');
  });

  it.each(files.filter((file) => !(file in ALLOWED)))('%s', (file) => {
    expect(internalEngineImports(join(ROOT, file), readFileSync(file, 'utf8'))).toEqual([]);
  });

  it.each(Object.keys(ALLOWED))('%s still needs its exception (it imports engine internals)', (file) => {
    expect(internalEngineImports(join(ROOT, file), readFileSync(file, 'utf8')).length).toBeGreaterThan(0);
  });
});

describe('the public-face rule catches planted violations', () => {
  const file = join(ROOT, 'src', 'report', 'planted.ts');
  const planted: Array<[string, string]> = [
    ['a value import', "import { STAGES } from '../../sim-core/spec.ts';"],
    ['a type import', "import type { ScenarioSpec } from '../../sim-core/spec.ts';"],
    ['a deep folder', "import { createStream } from '../../sim-core/random/createStream.ts';"],
    ['a re-export', "export { POLICY_KINDS } from '../../sim-core/world/compileEvents.ts';"],
    ['a star re-export', "export * from '../../sim-core/results.ts';"],
    ['a multi-line import', "import {\n  a,\n  b,\n} from '../../sim-core/world/world.ts';"],
    ['a dynamic import', "const m = await import('../../sim-core/step.ts');"],
    ['a detour that ends inside', "import { step } from '../../src/../sim-core/step.ts';"],
    ['the folder itself', "import * as engine from '../../sim-core';"],
  ];
  it.each(planted)('flags %s', (_, source) => {
    expect(internalEngineImports(file, source).length).toBeGreaterThan(0);
  });
  const innocent: Array<[string, string]> = [
    ['the index', "import { compileScenario, type ScenarioSpec } from '../../sim-core/index.ts';"],
    ['a type from the index', "import type { ReplicateResult } from '../../sim-core/index.ts';"],
    ['a sibling', "import { isRecord } from './isRecord.ts';"],
    ['a package', "import { z } from 'zod';"],
    ['a path in a comment or string', "// from '../../sim-core/spec.ts'\nconst s = \"../../sim-core/spec.ts\";"],
  ];
  it.each(innocent)('does not flag %s', (_, source) => {
    expect(internalEngineImports(file, source)).toEqual([]);
  });
});
