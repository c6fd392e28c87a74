import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * The engine's purity rule, checked on its sources: sim-core/ imports only its own files (by
 * relative path) and uses no clock, randomness, timer, console or process of the host.
 */

const ENGINE = resolve('sim-core');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Scanner state: the text, the position, the code kept so far and the literals taken out. */
interface Scan { text: string; i: number; code: string; literals: string[] }

const placeholder = (scan: Scan, value: string) => `"§${scan.literals.push(value) - 1}§"`;

/** Whether a `/` at the scan position starts a regex literal (after an operator or bracket) rather than a division. */
function regexMayStart(scan: Scan): boolean {
  let k = scan.code.length - 1;
  while (k >= 0 && /\s/.test(scan.code[k])) k--;
  return k < 0 || '(,=:[!&|?{};+-*%<>~^'.includes(scan.code[k]);
}

/** Reads a quoted string, a regex literal or a comment at the scan position into the scan; false if none starts there. */
function readLiteral(scan: Scan): boolean {
  const { text, i } = scan;
  const c = text[i];
  if (c === '/' && text[i + 1] === '/') {
    const end = text.indexOf('\n', i);
    scan.i = end < 0 ? text.length : end;
  } else if (c === '/' && text[i + 1] === '*') {
    const end = text.indexOf('*/', i + 2);
    scan.i = end < 0 ? text.length : end + 2;
    scan.code += ' ';
  } else if (c === "'" || c === '"') {
    let j = i + 1;
    while (j < text.length && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
    scan.code += placeholder(scan, text.slice(i + 1, j));
    scan.i = j + 1;
  } else if (c === '/' && regexMayStart(scan)) {
    let j = i + 1;
    for (let inClass = false; j < text.length && (inClass || text[j] !== '/') && text[j] !== '\n'; j++) {
      if (text[j] === '\\') j++;
      else if (text[j] === '[') inClass = true;
      else if (text[j] === ']') inClass = false;
    }
    j++;
    while (j < text.length && /[a-z]/i.test(text[j])) j++;
    scan.code += placeholder(scan, text.slice(i, j));
    scan.i = j;
  } else return false;
  return true;
}

/** Reads a template literal at the scan position: its text becomes a literal, its `${…}` expressions stay code. */
function readTemplate(scan: Scan): void {
  const { text } = scan;
  let raw = '';
  scan.i++;
  while (scan.i < text.length && text[scan.i] !== '`') {
    if (text[scan.i] === '\\') {
      raw += text.slice(scan.i, scan.i + 2);
      scan.i += 2;
    } else if (text[scan.i] === '$' && text[scan.i + 1] === '{') {
      scan.i += 2;
      scan.code += ' (';
      scanCode(scan, '}');
      scan.code += ') ';
      scan.i++;
    } else raw += text[scan.i++];
  }
  scan.code += placeholder(scan, raw);
  scan.i++;
}

/** Scans code up to an unmatched `until` (or the end), keeping code and taking literals and comments out. */
function scanCode(scan: Scan, until = ''): void {
  let depth = 0;
  while (scan.i < scan.text.length) {
    const c = scan.text[scan.i];
    if (c === until && depth === 0) return;
    if (c === '`') readTemplate(scan);
    else if (!readLiteral(scan)) {
      if (c === '{') depth++;
      else if (c === '}') depth--;
      scan.code += c;
      scan.i++;
    }
  }
}

/** Source text with comments removed and every string, template or regex literal replaced by `"§i§"`; the literals' texts by index. */
function stripLiterals(text: string): { code: string; literals: string[] } {
  const scan: Scan = { text, i: 0, code: '', literals: [] };
  scanCode(scan);
  return { code: scan.code, literals: scan.literals };
}

/** A module reference found in source: its specifier (null when not a plain string) and how it was written. */
interface ModuleReference { specifier: string | null; form: string }

/** Every module the source refers to: static, type-only and side-effect imports, `export … from`, dynamic `import()` and `require()`. */
function moduleReferences(text: string): ModuleReference[] {
  const { code, literals } = stripLiterals(text);
  const literal = (token: string | undefined) => (token === undefined ? null : literals[Number(token)]);
  const found: ModuleReference[] = [];
  for (const match of code.matchAll(/\b(import|export)\b[^;"]*?\bfrom\s*"§(\d+)§"/g)) found.push({ specifier: literal(match[2]), form: `${match[1]} … from` });
  for (const match of code.matchAll(/\bimport\s*"§(\d+)§"/g)) found.push({ specifier: literal(match[1]), form: 'side-effect import' });
  for (const match of code.matchAll(/\b(import|require)\s*\(\s*(?:"§(\d+)§"\s*\))?/g)) found.push({ specifier: literal(match[2]), form: `${match[1]}()` });
  return found;
}

/** Why a module reference from `file` breaks the rule, or '' when it is a relative path to a file inside sim-core/. */
function referenceProblem(file: string, reference: ModuleReference): string {
  if (reference.specifier === null) return `${reference.form} with a computed specifier`;
  if (reference.form === 'require()') return `require('${reference.specifier}')`;
  if (!reference.specifier.startsWith('./') && !reference.specifier.startsWith('../')) return `${reference.form} '${reference.specifier}' (not a relative path)`;
  const target = resolve(dirname(file), reference.specifier);
  if (!(target + sep).startsWith(ENGINE + sep)) return `${reference.form} '${reference.specifier}' (outside sim-core/)`;
  if (!existsSync(target)) return `${reference.form} '${reference.specifier}' (no such file)`;
  return '';
}

/** Host facilities the engine must not use, as identifiers (not property names) in code. */
const FORBIDDEN_IDENTIFIERS = ['Date', 'crypto', 'performance', 'process', 'setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'console', 'globalThis', 'fetch', 'require'];
const FORBIDDEN_PATTERNS: Array<[RegExp, string]> = [
  ...FORBIDDEN_IDENTIFIERS.map((name): [RegExp, string] => [new RegExp(`(?<![\\w$.])${name}(?![\\w$])`, 'g'), name]),
  [/\bMath\s*(?:\.\s*random\b|\[)/g, 'Math.random'],
];

/** True when the match at [start, end) of code is an object literal's key (`{ name: …` or `, name: …`), not a use. */
function isObjectKey(code: string, start: number, end: number): boolean {
  const before = code.slice(0, start).trimEnd().at(-1);
  return (before === '{' || before === ',') && /^\s*:/.test(code.slice(end));
}

/** Every breach of the purity rule in one source file (empty when clean). */
function problemsOf(file: string, text: string): string[] {
  const problems = moduleReferences(text).map((reference) => referenceProblem(file, reference)).filter((p) => p !== '');
  const { code } = stripLiterals(text);
  for (const [pattern, name] of FORBIDDEN_PATTERNS) {
    const uses = [...code.matchAll(pattern)].filter((match) => !isObjectKey(code, match.index, match.index + match[0].length));
    if (uses.length > 0) problems.push(`uses ${name}`);
  }
  return problems;
}

describe('the engine import rule', () => {
  const files = sourceFiles(ENGINE);
  it('finds the engine sources and their imports', () => {
    expect(files.length).toBeGreaterThan(20);
    const step = readFileSync(join(ENGINE, 'step.ts'), 'utf8');
    expect(moduleReferences(step).map((r) => r.specifier)).toContain('./phases/advanceMining.ts');
  });
  it.each(files.map((file) => [relative(ENGINE, file), file]))('sim-core/%s imports only sim-core files and uses no clock, randomness, timer, console or process', (_, file) => {
    expect(problemsOf(file, readFileSync(file, 'utf8'))).toEqual([]);
  });
});

describe('the import rule catches planted violations', () => {
  const file = join(ENGINE, 'phases', 'planted.ts');
  const planted: Array<[string, string]> = [
    ['a Node API', "import { readFileSync } from 'node:fs';"],
    ['a bare package', "import fc from 'fast-check';"],
    ['src/', "import { loadScenario } from '../../src/scenario/loadScenario.ts';"],
    ['a type from src/', "import type { RunSettings } from '../../src/cli/runCommand.ts';"],
    ['a side-effect import', "import 'node:worker_threads';"],
    ['a re-export', "export { join } from 'node:path';"],
    ['a star re-export', "export * from '../../src/stats/mean.ts';"],
    ['a multi-line import', "import {\n  a,\n  b,\n} from 'node:os';"],
    ['a dynamic import', "const m = await import('node:crypto');"],
    ['a computed dynamic import', 'const m = await import(name);'],
    ['an import inside a template expression', "const m = `${(await import('node:fs')).x} and ${1}`;"],
    ['a use inside a template expression', 'const s = `${ { a: console }.a }`;'],
    ['require', "const fs = require('fs');"],
    ['a missing file', "import { x } from './nowhere.ts';"],
    ['the clock', 'const t = Date.now();'],
    ['a date', 'const d = new Date();'],
    ['crypto', 'const u = crypto.getRandomValues(new Uint32Array(1));'],
    ['performance', 'const t = performance.now();'],
    ['process', 'const e = process.env.X;'],
    ['a timer', 'setTimeout(() => {}, 0);'],
    ['Math.random', 'const u = Math.random();'],
    ['Math.random by index', "const u = Math['random']();"],
    ['the console', 'console.log(1);'],
    ['globalThis', 'const g = globalThis;'],
  ];
  it.each(planted)('flags %s', (_, source) => {
    expect(problemsOf(file, source).length).toBeGreaterThan(0);
  });
  const innocent: Array<[string, string]> = [
    ['a relative import', "import { step } from '../step.ts';"],
    ['a type import', "import type { World } from '../world/world.ts';"],
    ['names in comments', '// Date.now(), console.log, process.env and Math.random are banned\n/* import x from "node:fs" */ const a = 1;'],
    ['names in strings', "const s = 'Math.random() console process Date(';\nconst t = `import('node:fs') ${s}`;"],
    ['property names', 'const w = { process: 1, console: 2 }; w.process = w.console; const d = x.Date;'],
    ['a regex literal', "const r = /'|\"|\\/\\//g; const y = 1;"],
    ['nested templates and braces', "const s = `a ${ `b ${ { c: 1 }.c }` } d`; const t = { x: '}' };"],
    ['a longer identifier', 'const processed = 1; const consoleLike = 2; const dateOf = 3;'],
  ];
  it.each(innocent)('does not flag %s', (_, source) => {
    expect(problemsOf(file, source)).toEqual([]);
  });
});
