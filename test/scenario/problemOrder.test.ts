import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Problem, sortProblems } from '../../src/scenario/scenarioError.ts';
import { problemsOf } from './problemsOf.ts';

// The minimal fixture: startYear 2025, a quota cut starting 2026-01 and a stockpile starting between 2025-07 and 2026-07.
const MINIMAL = resolve('test/fixtures/scenarios/minimal.yaml');

/**
 * A child of a copy of the minimal fixture, the copy in `parentFolder` and the child in `childFolder`,
 * both under one root; `quotaShare` replaces the copy's 50% quota share.
 */
function childAndParent(parentFolder: string, childFolder: string, body: string, quotaShare = '50%'): string {
  const root = mkdtempSync(join(tmpdir(), 'crm-order-'));
  mkdirSync(join(root, parentFolder), { recursive: true });
  mkdirSync(join(root, childFolder), { recursive: true });
  const parent = join(root, parentFolder, 'minimal.yaml');
  writeFileSync(parent, readFileSync(MINIMAL, 'utf8').replace('quotaShare: 50%', `quotaShare: ${quotaShare}`));
  const child = join(root, childFolder, 'variant.yaml');
  writeFileSync(child, `extends: ${parent}\nname: variant\n${body}`);
  return child;
}

describe('the order of a scenario chain’s problems', () => {
  // An error in the child, another in the parent: the CI machine, whose clone did not live under /tmp, once
  // listed the parent's first because its path sorted first.
  it('is the named file first, then the file it extends, wherever the two live', () => {
    for (const [parentFolder, childFolder] of [['a', 'z'], ['z', 'a']] as const) {
      const problems = problemsOf(childAndParent(parentFolder, childFolder, 'years: -1\n', '150%'));
      expect(problems.map((p) => [p.file.split(/[\\/]/).slice(-2).join('/'), p.path])).toEqual([
        [`${childFolder}/variant.yaml`, 'years'],
        [`${parentFolder}/minimal.yaml`, 'events.quotaCut.quotaShare'],
      ]);
    }
  });
});

describe('sortProblems', () => {
  const at = (file: string, line: number): Problem => ({ file, line, column: 1, path: 'x', expected: 'e', found: 'f', message: '' });

  it('takes files in the order given, then in order of first appearance, never by name', () => {
    const problems = [at('/b/parent.yaml', 3), at('/z/child.yaml', 9), at('/a/other.yaml', 1), at('/z/child.yaml', 2)];
    expect(sortProblems(problems, ['/z/child.yaml']).map((p) => `${p.file}:${p.line}`)).toEqual([
      '/z/child.yaml:2',
      '/z/child.yaml:9',
      '/b/parent.yaml:3',
      '/a/other.yaml:1',
    ]);
  });
});

describe('a scenario without a valid startYear', () => {
  it('reports the startYear once, not every good date that could not be placed without it', () => {
    const child = childAndParent('p', 'c', 'startYear: 2025-01\n');
    expect(problemsOf(child).map((p) => p.path)).toEqual(['startYear']);
  });

  it('still reports a date that is wrong whatever the start', () => {
    const child = childAndParent('p', 'c', 'startYear: 2025-01\nevents:\n  quotaCut:\n    start: 2026-13\n');
    const problems = problemsOf(child);
    expect(problems.map((p) => p.path)).toEqual(['startYear', 'events.quotaCut.start']);
    expect(problems[1]?.message).toContain('no such calendar date');
  });
});
