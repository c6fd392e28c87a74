/**
 * Regression tests of loader bugs found by fuzzing (loadScenarioFuzz.prop.test.ts), one per bug,
 * and of the loader's limits (scenarioLimits.ts): each hostile or mistaken input gives a
 * ScenarioError with located problems, never another exception, a hang or a crash.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { problemsOf } from './problemsOf.ts';
import { checkValues } from '../../src/scenario/checkValues.ts';
import { loadScenario } from '../../src/scenario/loadScenario.ts';
import { parseQuantity } from '../../src/scenario/parseQuantity.ts';
import { ProblemSink } from '../../src/scenario/problemSink.ts';
import { formatProblem } from '../../src/scenario/scenarioError.ts';
import { MAX_NESTING_DEPTH, MAX_SCENARIO_BYTES } from '../../src/scenario/scenarioLimits.ts';

const dir = mkdtempSync(join(tmpdir(), 'crm-sim-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const MINIMAL = resolve('test/fixtures/scenarios/minimal.yaml');
let counter = 0;

/** Writes `text` to a fresh file and returns its path. */
function file(text: string | Buffer): string {
  const path = join(dir, `case${counter++}.yaml`);
  writeFileSync(path, text);
  return path;
}

/** The one-line messages of loading `path`. */
const messagesOf = (path: string, set: string[] = []) => problemsOf(path, set).map(formatProblem);

describe('YAML-level attacks', () => {
  it('refuses an alias bomb (billion laughs) at its first alias instead of throwing ReferenceError', () => {
    const levels = ['a0: &a0 "lol"', ...Array.from({ length: 9 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(', ')}]`)];
    const [problem] = problemsOf(file(`${levels.join('\n')}\n`));
    expect(problem).toMatchObject({ line: 2, expected: 'aliases that expand a bounded number of times' });
  });

  it('refuses aliases inside their own anchor (cyclic data) and aliases to no anchor', () => {
    expect(messagesOf(file('a: &a [*a]\n'))[0]).toMatch(/:1:8: .*found \*a inside its own anchor \(a cycle\)/);
    expect(messagesOf(file('a: &a {b: {c: *a}}\n'))[0]).toMatch(/a cycle/);
    expect(messagesOf(file('a: *nope\n'))[0]).toMatch(/:1:4: .*found \*nope \(no such anchor before it\)/);
  });

  it('copies aliased maps, so defaults are derived for each place they are used', () => {
    const text = [
      'name: x', 'description: d', 'startYear: 2025', 'government: { region: US }', 'foreignActor: { region: CN }',
      'regions: { US: { name: U, alignment: home, engineers: 1, graduatesPerYear: 1 }, CN: { name: C, alignment: adversary, engineers: 1, graduatesPerYear: 1 } }',
      'materials:', '  ndpr:', '    name: n', '    basePriceUsdPerTonne: { mining: 1000, processing: 5000, manufacturing: 9000 }',
      '    mining: &m { capacityByRegion: { CN: 100 } }', '    processing: *m', '    demand: { byRegion: { US: 10 } }', '',
    ].join('\n');
    const ndpr = loadScenario(file(text)).spec.materials[0];
    expect(ndpr.processing.capacityByRegion.CN).toBe(100);
    expect(ndpr.processing.unitCostUsdPerTonne).toBeCloseTo(0.15 * ndpr.basePriceUsdPerTonne.processing, 6);
    expect(ndpr.mining.unitCostUsdPerTonne).toBeCloseTo(0.5 * ndpr.basePriceUsdPerTonne.mining, 6);
    expect(ndpr.processing.yield).not.toBe(ndpr.mining.yield);
  });

  it.each([
    ['flow lists', `a: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`],
    ['flow maps', `a: ${'{a: '.repeat(20_000)}1${'}'.repeat(20_000)}\n`],
    ['compact block lists', `${'- '.repeat(100_000)}a\n`],
    ['indented block maps', `${Array.from({ length: 1200 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')} 1\n`],
  ])('refuses %s nested deeper than the limit before composing them (no stack overflow, no V8 crash)', (_, text) => {
    const [problem] = problemsOf(file(text));
    expect(problem.expected).toBe(`maps and lists nested at most ${MAX_NESTING_DEPTH} deep`);
    expect(problem.line).toBeGreaterThanOrEqual(1);
  });

  it.each([
    ['!!js/function "function () {}"', '!!js/function'], ['!!js/regexp /a/', '!!js/regexp'], ['!custom 1', '!custom'],
    ['!!python/object:os.system [ls]', '!!python/object:os.system'], ['!<tag:example.com,2000:x> 1', 'tag:example.com,2000:x'],
  ])('refuses the tag in `name: %s` (scenario files cannot execute code)', (tagged, shown) => {
    const [problem] = problemsOf(file(`extends: ${MINIMAL}\nname: ${tagged}\n`));
    expect(problem).toMatchObject({ line: 2, column: 7, expected: 'plain YAML data without custom tags', found: `the tag ${JSON.stringify(shown)}` });
  });

  it('reads every file with the core schema: %YAML 1.1 brings no binary, merge keys or timestamps', () => {
    expect(messagesOf(file(`%YAML 1.1\n---\nextends: ${MINIMAL}\nname: !!binary aGVsbG8=\n`))[0]).toMatch(/the tag "!!binary"/);
    expect(messagesOf(file(`%YAML 1.1\n---\nextends: ${MINIMAL}\n<<: { x: 1 }\n`)).join('\n')).toMatch(/<<: expected keys written out, found a YAML merge key "<<" \(YAML merge keys are not supported/);
    expect(loadScenario(file(`extends: ${MINIMAL}\nname: !!str 2024\n`)).spec.name).toBe('2024');
  });

  it('refuses __proto__ keys and keys that are maps or lists, at their position', () => {
    expect(messagesOf(file(`extends: ${MINIMAL}\nbehaviour:\n  __proto__: { priceAdjustmentPerTick: 0.5 }\n`))[0])
      .toMatch(/:3:3: .*found "__proto__" \(not allowed as a key\)/);
    expect(messagesOf(file('? [a, b]\n: 1\n'))[0]).toMatch(/:1:3: .*found a map or list used as a key/);
  });

  it('locates an event kind written as a map with its own toString key (String() of it threw TypeError)', () => {
    const text = `extends: ${MINIMAL}\nevents:\n  quotaCut:\n    kind: { kind: exportControl, toString: .nan }\n`;
    expect(messagesOf(file(text))[0]).toMatch(/:4:11: events\.quotaCut\.kind: expected one of exportControl, .*found a map/);
    // The same map as the government's region was used as a property key, which threw too.
    expect(messagesOf(file(`extends: ${MINIMAL}\ngovernment:\n  region: { toString: .nan }\n`))[0]).toMatch(/:3:11: government\.region: expected a string, found a map/);
  });

  it('refuses several documents in one file', () => {
    expect(messagesOf(file('name: a\n---\nname: b\n'))[0]).toMatch(/:2:1: .*expected one YAML document/);
  });
});

describe('files that are not scenario files', () => {
  it('refuses a file over the size limit without parsing it', () => {
    const [problem] = problemsOf(file(`name: ${'x'.repeat(MAX_SCENARIO_BYTES)}\n`));
    expect(problem).toMatchObject({ line: 1, column: 1, expected: 'a scenario file of at most 1,048,576 bytes (1 MiB)', found: 'a file of 1,048,583 bytes' });
  });

  it('refuses devices and folders named by extends instead of reading them forever', { timeout: 10_000 }, () => {
    expect(problemsOf(file('extends: /dev/zero\n'))[0]).toMatchObject({ file: '/dev/zero', found: 'a device, pipe or socket' });
    // A folder is located at the child's extends line (the child names it), with what it found.
    const child = file(`extends: ${dir}\n`);
    expect(problemsOf(child)[0]).toMatchObject({ file: child, line: 1, path: 'extends', found: `a folder "${dir}"` });
  });

  it('names an absolute extends path as written (it was joined to the child folder)', () => {
    const parent = file('name: [not, a, string]\n');
    const child = relative(process.cwd(), file(`extends: ${parent}\n`));
    expect(problemsOf(child).map((p) => p.file)).toContain(parent);
  });
});

describe('keys and units that reach an object prototype', () => {
  it('a material named "constructor" is an ordinary (incomplete) id, not a TypeError', () => {
    const messages = messagesOf(file(`extends: ${MINIMAL}\nmaterials:\n  constructor:\n    name: x\n`));
    expect(messages.join('\n')).toMatch(/materials\.constructor\.basePriceUsdPerTonne: expected a map, found nothing/);
  });

  it('"30 constructor" is an unknown unit, not NaN', () => {
    expect(parseQuantity('30 constructor', 'flow')).toMatchObject({ ok: false, note: 'unknown unit "constructor"' });
    expect(parseQuantity('30 __proto__', 'mass')).toMatchObject({ ok: false, note: 'unknown unit "__proto__"' });
    expect(parseQuantity('30 toString', 'share')).toMatchObject({ ok: false });
  });

  it('--set cannot pollute Object.prototype', () => {
    const problems = problemsOf(MINIMAL, ['behaviour.__proto__.polluted=1', '__proto__.x=1', 'constructor.prototype.y=2']);
    expect(problems.every((p) => p.file.startsWith('--set #') && p.usage === true && p.expected === 'a path of scenario keys')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('--set values obey the same YAML limits as files', () => {
    const messages = messagesOf(MINIMAL, ['years=&a [*a]', 'years=!!js/function x', 'years=*a']);
    expect(messages).toHaveLength(3);
    expect(messages.join('\n')).toMatch(/a cycle[\s\S]*!!js\/function|!!js\/function[\s\S]*a cycle/);
  });
});

describe('values', () => {
  it('parses a quantity with a long run of spaces in linear time (the unit regex backtracked quadratically)', { timeout: 10_000 }, () => {
    expect(parseQuantity(`1x${' '.repeat(1_000_000)}x`, 'flow')).toMatchObject({ ok: false });
    expect(parseQuantity('  30   kt/yr  ', 'flow')).toEqual({ ok: true, value: 30000 });
    expect(parseQuantity('30 bn  USD', 'money')).toEqual({ ok: true, value: 3e10 });
  });

  it('checks a discrete distribution with 300,000 values (Math.min(...values) overflowed the stack)', () => {
    const values = Array.from({ length: 300_000 }, (_, i) => (i % 7) - 3);
    const located = { value: {}, values: new Map(), keys: new Map() };
    const sink = new ProblemSink(located, { file: 'x.yaml', line: 1, column: 1 });
    const found = [{ path: ['materials', 'ndpr', 'demand', 'growthPerYear'], distribution: { dist: 'discrete' as const, values } }];
    checkValues({}, found, sink);
    expect(sink.problems.map((p) => p.expected)).toEqual(['draws that are a number ≥ -1']);
  });

  it('refuses numbers of magnitude above 1e15 (years: 1e300 would ask for 5e301 ticks)', () => {
    const [problem] = problemsOf(file(`extends: ${MINIMAL}\nyears: 1e300\n`));
    expect(problem).toMatchObject({ path: 'years', line: 2, expected: 'a number of magnitude at most 1e+15', found: '"1e300"' }); // as written
  });

  it('cuts long found values, keys and paths so every message stays one short line', () => {
    const key = 'k'.repeat(5000);
    const messages = messagesOf(file(`extends: ${MINIMAL}\nname: x\nbehaviour: { ${key}: 1 }\nyears: "${'9'.repeat(4000)} yrs"\n`));
    expect(messages).toHaveLength(2);
    for (const m of messages) expect(m.length).toBeLessThan(600);
    expect(messages.join('\n')).toContain('(5000 characters)');
  });
});

describe('reproducibility of the resolved scenario', () => {
  it('draws distributions in canonical key order: a reordered file and scenario.resolved.yaml run alike', () => {
    const original = loadScenario('scenarios/baseline.yaml');
    const resolved = loadScenario(file(original.resolvedYaml));
    expect(resolved.resolvedYaml).toBe(original.resolvedYaml);
    expect(resolved.spec.uncertainties.map((u) => u.label)).toEqual(original.spec.uncertainties.map((u) => u.label));
    const labels = original.spec.uncertainties.map((u) => u.label);
    expect(labels.length).toBeGreaterThan(2);
    const text = readFileSync(MINIMAL, 'utf8');
    const swapped = text.replace(/( +)elasticityShortRun: (.*)\n( +)growthPerYear: (.*)\n/, '$3growthPerYear: $4\n$1elasticityShortRun: $2\n');
    expect(swapped).not.toBe(text);
    const a = loadScenario(MINIMAL).spec.uncertainties.map((u) => u.label);
    expect(loadScenario(file(swapped)).spec.uncertainties.map((u) => u.label)).toEqual(a);
  });
});
