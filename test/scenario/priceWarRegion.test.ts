import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/loadScenario.ts';
import { problemsOf } from './problemsOf.ts';

const dir = mkdtempSync(join(tmpdir(), 'crm-sim-price-war-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const BASELINE = resolve('scenarios/baseline.yaml');

/** A scenario extending the baseline with one NdPr price war by `region`. */
function priceWar(region: string): string {
  const path = join(dir, `${region}.yaml`);
  writeFileSync(path, [
    `extends: ${BASELINE}`,
    'events:',
    '  war:',
    '    kind: priceManipulation',
    '    material: ndpr',
    '    stage: processing',
    `    region: ${region}`,
    '    priceCut: 30%',
    '    start: 2026-01',
    '',
  ].join('\n'));
  return path;
}

describe('a price war\'s region', () => {
  it('must be the foreign actor\'s: its cost is charged to the actor (located at the key, naming the actor\'s region)', () => {
    const [problem, ...others] = problemsOf(priceWar('US'));
    expect(others).toHaveLength(0);
    expect(problem).toMatchObject({ path: 'events.war.region', line: 7, found: '"US"' });
    expect(problem.expected).toContain('the foreign actor\'s region (CN)');
  });
  it('is accepted for the foreign actor, with mode leadership by default', () => {
    const event = loadScenario(priceWar('CN')).spec.events.find((e) => e.kind === 'priceManipulation');
    expect(event).toMatchObject({ region: 'CN', mode: 'leadership' });
  });
});
