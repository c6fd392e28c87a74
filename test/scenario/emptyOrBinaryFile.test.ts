import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/loadScenario.ts';
import { formatProblem, type ScenarioError } from '../../src/scenario/scenarioError.ts';

const dir = mkdtempSync(join(tmpdir(), 'crm-empty-binary-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The problems loading `text` as a scenario gives, formatted without the folder. */
function problems(name: string, text: string | Buffer): string[] {
  const path = join(dir, name);
  writeFileSync(path, text);
  try {
    loadScenario(path);
  } catch (error) {
    return (error as ScenarioError).problems.map(formatProblem).map((p) => p.replace(`${dir}/`, ''));
  }
  return [];
}

describe('a scenario file that is empty or not text', () => {
  it('is one problem saying so, not a required key each or hundreds of escaped bytes', () => {
    expect(problems('empty.yaml', '')).toEqual(['empty.yaml:1:1: (root): expected a map of scenario keys, found an empty file']);
    expect(problems('comments.yaml', '# a scenario, one day\n\n')).toEqual(['comments.yaml:1:1: (root): expected a map of scenario keys, found an empty file']);
    expect(problems('binary.yaml', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x0a, 0x02, 0x00, 0x01]))).toEqual(['binary.yaml:2:1: (root): expected a YAML text file, found binary data (a NUL byte)']);
  });
});
