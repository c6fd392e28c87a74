import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/scenario/scenarioError.ts';
import { problemsOf } from './problemsOf.ts';

const dir = mkdtempSync(join(tmpdir(), 'crm-undeclared-ids-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const THREAT = resolve('scenarios/threat-export-quota.yaml');

/** The formatted problems of a child of the shipped quota threat whose own lines are `lines`. */
function messages(name: string, lines: string[]): string[] {
  const path = join(dir, name);
  writeFileSync(path, [`extends: ${THREAT}`, `name: ${name.replace('.yaml', '')}`, ...lines, ''].join('\n'));
  return problemsOf(path).map(formatProblem);
}

describe('regions or materials that are not a map of ids', () => {
  // The mistake is one line of the child; every id the parents use is fine once it is fixed.
  it('a list of region ids is one error at its own line, not one per inherited use of a region (166 before)', () => {
    const found = messages('regions-list.yaml', ['regions: [US, CN, ALLIES, ROW]']);
    expect(found).toEqual([expect.stringMatching(/regions-list\.yaml:3:10: regions: expected a map of ids, found a list$/)]);
  });

  it('regions removed with null is one error, naming the null', () => {
    const found = messages('regions-null.yaml', ['regions: null']);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/regions-null\.yaml:3:10: regions: expected a map of ids, found nothing: null removed it/);
  });

  it('a list of material ids is one error, not one per event naming a material', () => {
    const found = messages('materials-list.yaml', ['materials: [ndpr, dy]']);
    expect(found).toEqual([expect.stringMatching(/materials-list\.yaml:3:12: materials: expected a map of ids, found a list$/)]);
  });

  it('still reports an unknown region when the regions are a map (the check is skipped only without one)', () => {
    const found = messages('bad-exporter.yaml', ['events:', '  cnQuotaNdpr:', '    exporter: China']);
    expect(found).toEqual([expect.stringMatching(/bad-exporter\.yaml:5:15: events\.cnQuotaNdpr\.exporter: expected a region id \(US, CN, ALLIES, ROW\), found "China" \(did you mean "CN"\?\)/)]);
  });
});
