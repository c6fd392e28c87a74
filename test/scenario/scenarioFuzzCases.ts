/**
 * Generators of hostile and mistaken scenario files for the loader's fuzz tests: mutated copies
 * of real scenarios (wrong types, NaN/Infinity, negative or huge quantities, unknown units and
 * keys, deep nesting), text-level damage, random YAML, random bytes, alias bombs, cyclic and
 * dangling aliases, tags, directives, oversized files and hostile `--set` overrides.
 * Every case is small (except the rare oversized file) so that thousands run in seconds.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { formatProblem, type Problem } from '../../src/scenario/scenarioError.ts';
import { MAX_SCENARIO_BYTES } from '../../src/scenario/scenarioLimits.ts';

/** One generated case: the main file's content, and `--set` overrides. */
export interface FuzzCase {
  family: string;
  content: string | Uint8Array;
  set: string[];
}

type Tree = Record<string, unknown>;
type Path = (string | number)[];

const SHIPPED_DIR = 'scenarios';
const FIXTURE_DIR = 'test/fixtures/scenarios';
/** Small bases (a few ms to load) and, rarely, shipped scenarios (which extend the 12 kB baseline). */
const SMALL_BASES = ['minimal.yaml', 'child.yaml', 'grandchild.yaml'];
const SHIPPED = readdirSync(SHIPPED_DIR).filter((f) => f.endsWith('.yaml')).sort();

/**
 * A scratch folder holding copies of the shipped scenarios and the test fixtures, so that cases
 * may `extends:` them by bare name; cases are written to `case.yaml` in it.
 */
export function createFuzzFolder(): string {
  const dir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'crm-sim-fuzz-'));
  for (const f of SHIPPED) copyFileSync(join(SHIPPED_DIR, f), join(dir, f));
  for (const f of readdirSync(FIXTURE_DIR)) copyFileSync(join(FIXTURE_DIR, f), join(dir, f));
  return dir;
}

/** Parsed base scenarios, by name. */
const BASES: Record<string, Tree> = Object.fromEntries(
  [...SMALL_BASES.map((f) => [f, join(FIXTURE_DIR, f)]), ...SHIPPED.map((f) => [f, join(SHIPPED_DIR, f)])]
    .map(([name, path]) => [name, parse(readFileSync(path, 'utf8')) as Tree]),
);

/** Every path to a value in a tree (maps and lists), depth-first. */
function pathsOf(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...path, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, [...path, k], out);
  return out;
}

const UNITS = ['t', 'kt', 'kt/yr', 'Mt/yr', 't/month', 'USD/kg', 'USD/lb', 'USD', 'bn USD', '%', 'months', 'weeks', 'yr',
  'furlongs', 'kg/fortnight', 'USD/(t/yr)', 'constructor', '__proto__', 'toString', 'hasOwnProperty', '', ' ', 'kt /yr', 'KT/YR', 'µg'];

/** Hostile scalar and small structured values. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -1, -0, 0, 1e308, -1e308, 1e16, 2 ** 53 + 1, 5e-324, 1e15, 365, 3000, 1800),
  fc.double(),
  fc.integer(),
  fc.tuple(fc.oneof(fc.double({ noNaN: true }), fc.integer({ min: -1000, max: 100000 })), fc.constantFrom(...UNITS), fc.constantFrom('', ' ', '  '))
    .map(([n, unit, gap]) => `${n}${gap}${unit}`),
  fc.constantFrom('2026-13', '2026-02-30', '2026-1', '99999-01', '0000-00', '2026-01-01T00:00:00Z', '18 months ago', '1e400', '-.inf', '.nan', '0x1F', '1_000', ''),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
  fc.constantFrom(true, false, null),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 4 })), { maxLength: 4 }),
  fc.record({ dist: fc.constantFrom('uniform', 'triangular', 'normal', 'lognormal', 'discrete', 'poisson', '__proto__'),
    min: fc.oneof(fc.double(), fc.constant('5 kt/yr')), mode: fc.double(), max: fc.double(), mean: fc.double(),
    sd: fc.double(), median: fc.double(), sigma: fc.double(), values: fc.array(fc.double(), { maxLength: 3 }) }, { requiredKeys: ['dist'] }),
  fc.integer({ min: 1, max: 80 }).map((n) => nest(n, 1)),
  fc.integer({ min: 100, max: 4000 }).map((n) => 'x'.repeat(n)),
);

/** A value wrapped in `depth` lists or maps. */
function nest(depth: number, leaf: unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { k: value };
  return value;
}

/** A key: a typo of an existing key, a random text or a special name. */
const hostileKey = fc.oneof(
  fc.string({ minLength: 1, maxLength: 12 }),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'extends', 'dist', 'id', 'source',
    'capacityByRegion', 'byRegion', 'kind', '<<', '0', '-1', ''),
);

/** Sets `value` at `path` of `tree` (own property, so `__proto__` becomes a real key). */
function setAt(tree: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  let node = tree as Record<string | number, unknown>;
  for (const segment of path.slice(0, -1)) node = node[segment] as Record<string | number, unknown>;
  Object.defineProperty(node, path[path.length - 1], { value, enumerable: true, writable: true, configurable: true });
  return tree;
}

/** One structural mutation of a parsed scenario. */
const treeMutation = fc.tuple(fc.nat(), fc.integer({ min: 0, max: 5 }), hostileValue, hostileKey).map(
  ([pick, op, shared, key]) => (tree: unknown): unknown => {
    const value = structuredClone(shared); // generated objects may be shared between cases
    const paths = pathsOf(tree);
    const path = paths[pick % paths.length];
    const parentPath = path.slice(0, -1);
    const parent = parentPath.reduce<unknown>((n, s) => (n as Record<string | number, unknown>)[s], tree);
    switch (op) {
      case 0:
      case 1:
        return setAt(tree, path, value);
      case 2: // delete
        if (path.length > 0 && parent && typeof parent === 'object') {
          if (Array.isArray(parent)) parent.splice(path[path.length - 1] as number, 1);
          else delete (parent as Tree)[path[path.length - 1]];
        }
        return tree;
      case 3: { // add an unknown or special key next to the value
        const container = path.length > 0 ? parent : tree;
        if (container && typeof container === 'object' && !Array.isArray(container)) setAt(container, [key], value);
        return tree;
      }
      case 4: { // rename a key with a one-character typo
        const last = path[path.length - 1];
        if (typeof last !== 'string' || !parent || Array.isArray(parent)) return tree;
        const typo = last.length > 1 ? last.slice(0, pick % last.length) + last.slice((pick % last.length) + 1) : `${last}x`;
        const moved = (parent as Tree)[last];
        delete (parent as Tree)[last];
        return setAt(parent, [typo], moved) && tree;
      }
      default: // copy another subtree here
        return setAt(tree, path, structuredClone(paths.length > 1 ? getAt(tree, paths[(pick * 7) % paths.length]) : value));
    }
  },
);

/** The value at `path`. */
function getAt(tree: unknown, path: Path): unknown {
  return path.reduce<unknown>((n, s) => (n as Record<string | number, unknown>)?.[s], tree);
}

const NASTY = [':', '[', ']', '{', '}', '&', '*', '!', '|', '>', '-', '#', "'", '"', '\t', '\n', '%', '@', '`', '?', ',', '\\', '\0', '\uFEFF', '\u2028', '---', '...', '&a', '*a', '<<: *a', '!!js/function', ' '];

/** A text-level mutation: insert, delete, duplicate or swap lines, truncate. */
const textMutation = fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 4 }), fc.constantFrom(...NASTY)).map(
  ([a, b, op, token]) => (text: string): string => {
    const at = text.length === 0 ? 0 : a % text.length;
    const lines = text.split('\n');
    switch (op) {
      case 0: return text.slice(0, at) + token + text.slice(at);
      case 1: return text.slice(0, at) + text.slice(at + (b % 40));
      case 2: { const i = a % lines.length; lines.splice(i, 0, lines[i]); return lines.join('\n'); }
      case 3: { const i = a % lines.length; const j = b % lines.length; [lines[i], lines[j]] = [lines[j], lines[i]]; return lines.join('\n'); }
      default: return text.slice(0, at);
    }
  },
);

/** Serialises a (possibly broken) tree; NaN and infinities become `.nan`/`.inf`. */
function toYaml(tree: unknown): string {
  return stringify(tree, { aliasDuplicateObjects: false, lineWidth: 0 });
}

/** Mutated copies of real scenarios (small bases mostly, shipped ones rarely). */
export function mutatedScenario(shippedWeight = 1): fc.Arbitrary<FuzzCase> {
  const base = fc.oneof({ weight: 39, arbitrary: fc.constantFrom(...SMALL_BASES) }, { weight: shippedWeight, arbitrary: fc.constantFrom(...SHIPPED) });
  return fc.tuple(base, fc.array(treeMutation, { minLength: 1, maxLength: 4 }), fc.array(textMutation, { maxLength: 2 }))
    .map(([name, mutations, damage]) => {
      const tree = mutations.reduce<unknown>((t, m) => m(t), structuredClone(BASES[name]));
      return { family: 'mutated', content: damage.reduce((text, d) => d(text), toYaml(tree)), set: [] };
    });
}

/** Arbitrary YAML documents built from random JSON-like values. */
export const randomYaml: fc.Arbitrary<FuzzCase> = fc
  .oneof(fc.jsonValue({ maxDepth: 4 }), fc.dictionary(hostileKey, hostileValue, { maxKeys: 6 }))
  .map((value) => ({ family: 'randomYaml', content: toYaml(value), set: [] }));

/** Random bytes, alone or after a valid start. */
export const randomBytes: fc.Arbitrary<FuzzCase> = fc
  .tuple(fc.integer({ min: 0, max: 4 }).map((n) => n === 0), fc.uint8Array({ maxLength: 600 }))
  .map(([prefixed, bytes]) => ({
    family: 'randomBytes',
    content: prefixed ? Buffer.concat([Buffer.from('extends: minimal.yaml\nname: '), bytes]) : bytes,
    set: [],
  }));

/** An alias bomb of `width` aliases per level and `depth` levels. */
function aliasBomb(width: number, depth: number, asMap: boolean): string {
  const lines = ['a0: &a0 "lol"'];
  for (let i = 1; i <= depth; i++) {
    const refs = Array.from({ length: width }, (_, j) => (asMap ? `k${j}: *a${i - 1}` : `*a${i - 1}`)).join(', ');
    lines.push(asMap ? `a${i}: &a${i} {${refs}}` : `a${i}: &a${i} [${refs}]`);
  }
  return `${lines.join('\n')}\n`;
}

/** Deeply nested YAML of `depth` levels in one of several styles. */
function deepNesting(depth: number, style: number): string {
  switch (style) {
    case 0: return `a: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
    case 1: return `a: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}\n`;
    case 2: return `${'- '.repeat(depth)}a\n`;
    case 3: return `${Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} 1\n`;
    default: return `a: ${'['.repeat(depth)}\n`;
  }
}

const TAGS = ['!!js/function "function () { process.exit(9) }"', '!!js/regexp /a/', '!!js/undefined ""', '!!python/object:os.system [ls]',
  '!custom 1', '!<tag:example.com,2000:app/x> 1', '!!binary aGVsbG8=', '!!set {a, b}', '!!omap [a: 1]', '!!timestamp 2001-12-14',
  '!!str 12', '!!int "12"', '!!float 1', '!!map {}', '!!seq []', '!!bool yes', '!!null ""', '!e!x 1'];

let oversized: string | undefined;
/** A file just over the size limit (built once: it is 1 MiB). */
function oversizedFile(): string {
  oversized ??= `name: ${'x'.repeat(MAX_SCENARIO_BYTES)}\n`;
  return oversized;
}

/** Alias bombs, cyclic and dangling aliases, deep nesting, tags, directives, several documents. */
export const hostileYaml: fc.Arbitrary<FuzzCase> = fc.oneof(
  fc.tuple(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 2, max: 12 }), fc.boolean()).map(([w, d, m]) => aliasBomb(w, d, m)),
  fc.constantFrom('a: &a [*a]\n', 'a: &a {b: *a}\n', 'a: &a {b: [c, *a]}\n', 'a: *nope\n', '*a: 1\n', 'a: &x 1\n*x : 2\n',
    'a: &a {b: 1}\nc: {<<: *a}\n', '%YAML 1.1\n---\na: &a {b: 1}\nc: {<<: *a}\nd: yes\n', '%TAG !e! tag:example.com,2000:\n---\na: !e!x 1\n',
    '%FOO bar\n---\na: 1\n', 'a: 1\n---\nb: 2\n', '--- !!js/function x\n', '? [a]\n: 1\n', '? {a: 1}\n: 1\n', ': 1\n', '__proto__: {name: x}\n',
    'extends: /dev/zero\n', 'extends: /dev/null\n', 'extends: .\n', 'extends: case.yaml\n', `extends: ${'../'.repeat(50)}etc/passwd\n`,
    'extends: [a]\n', 'extends: "a\\0b"\n', 'a: "\\ud800"\n', '\uFEFFname: x\n', 'name: x\r\ndescription: y\r\n', 'name: "1x' + ' '.repeat(3000) + 'x"\n'),
  fc.tuple(fc.integer({ min: 50, max: 3000 }), fc.integer({ min: 0, max: 4 })).map(([d, s]) => deepNesting(d, s)),
  fc.tuple(fc.constantFrom(...TAGS), fc.constantFrom('name', 'years', 'regions', 'description')).map(([tag, key]) => `extends: minimal.yaml\n${key}: ${tag}\n`),
  fc.constant('oversized').map(() => oversizedFile()),
).map((content) => ({ family: 'hostileYaml', content, set: [] }));

/** Hostile `--set` overrides on a valid small scenario. */
export const hostileSets: fc.Arbitrary<FuzzCase> = fc
  .array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom(...pathsOf(BASES['minimal.yaml']).filter((p) => p.length > 0).map((p) => p.join('.'))),
        fc.array(hostileKey, { minLength: 1, maxLength: 4 }).map((k) => k.join('.')),
        fc.constantFrom('__proto__.x', 'behaviour.__proto__.polluted', 'constructor.prototype.x', 'regions.US.__proto__', 'materials..x', '.', '', 'years.0'),
      ),
      fc.oneof(hostileValue.map((v) => toYaml(v).trimEnd()), fc.constantFrom('&a [*a]', '*a', '!!js/function x', '[[[[[[', '{a: 1', '30 kt/yr', 'null', '"'), fc.string({ maxLength: 10 })),
      fc.boolean(),
    ).map(([path, value, withEq]) => (withEq ? `${path}=${value}` : path)),
    { minLength: 1, maxLength: 3 },
  )
  .map((set) => ({ family: 'sets', content: readFileSync(join(FIXTURE_DIR, 'minimal.yaml'), 'utf8'), set }));

/** Writes a case's main file into `dir` as `name` and returns its path. */
export function writeCase(dir: string, fuzzCase: FuzzCase, name = 'case.yaml'): string {
  const path = join(dir, name);
  writeFileSync(path, fuzzCase.content);
  return path;
}

/**
 * The template of a problem: what was expected and the note, with quoted texts, numbers and
 * id lists replaced by placeholders (so `a region id (US, CN)` and `(US, JP)` count once).
 */
export function problemTemplate(p: Problem): string {
  const generalise = (text: string) => text
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/\*\S+/g, '*…')
    .replace(/ id \([^)]*\)/g, ' id (…)')
    .replace(/one of [^,(]*(, [^,(]*)*/g, 'one of …')
    .replace(/[-+]?\d[\d.e+-]*/gi, 'N');
  return `expected ${generalise(p.expected)}${p.message ? ` (${generalise(p.message)})` : ''}`;
}

/** Longest part of a case's file quoted by {@link describeCase}, in characters. */
const DESCRIBED_CONTENT_CHARACTERS = 2000;

/**
 * A case on one line, for a failure message: family, `--set` overrides and the file as a JSON
 * string (bytes as base64), cut to {@link DESCRIBED_CONTENT_CHARACTERS} with its full length (a
 * case may be a 1 MiB file; the replay command in the message rebuilds it whole).
 */
export function describeCase(fuzzCase: FuzzCase): string {
  const text = typeof fuzzCase.content === 'string'
    ? fuzzCase.content
    : `base64:${Buffer.from(fuzzCase.content).toString('base64')}`;
  const shown = text.length > DESCRIBED_CONTENT_CHARACTERS
    ? `${JSON.stringify(text.slice(0, DESCRIBED_CONTENT_CHARACTERS))}… (${text.length} characters)`
    : JSON.stringify(text);
  return `family ${fuzzCase.family}, --set ${JSON.stringify(fuzzCase.set)}, file ${shown}`;
}

/** Problems as the CLI prints them, one per line. */
export function formatProblems(problems: readonly Problem[]): string[] {
  return problems.map(formatProblem);
}

/** The seed of every CI run of the fuzz tests (any fixed number: this one is the date it was fixed). */
export const DEFAULT_FUZZ_SEED = 20261202;

/**
 * The fuzz tests' seed from `FUZZ_SEED`: {@link DEFAULT_FUZZ_SEED} when unset, so CI passes or fails
 * the same way every run; a fresh one for `random`; else the given integer.
 */
export function fuzzSeedFromEnvironment(text: string | undefined): number {
  if (text === undefined || text === '') return DEFAULT_FUZZ_SEED;
  if (text === 'random') return (Date.now() ^ Math.floor(Math.random() * 2 ** 31)) | 0;
  const seed = Number(text);
  if (!Number.isSafeInteger(seed)) throw new Error(`FUZZ_SEED: expected an integer or "random", found "${text}"`);
  return seed;
}
