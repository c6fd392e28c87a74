import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatNote } from '../../src/scenario/findReversibleDefaults.ts';
import { loadScenario } from '../../src/scenario/loadScenario.ts';

const BASELINE = resolve('scenarios/baseline.yaml');
const TEXT = 'reversible at US elections by default (every 4 years, each with a 15–45% chance of reversing it); set `reversible: false` for a committed policy';

/** A scenario extending the baseline with `events` (YAML lines under `events:`). */
function scenario(events: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'crm-notes-')), 'policy.yaml');
  writeFileSync(file, `extends: ${BASELINE}\nname: policy\nevents:\n${events}`);
  return file;
}

const STOCK = '  usStock: { kind: stockpile, material: ndpr, region: US, maxBuyShare: 25%, start: 2025-01 }\n';
/** The formatted notes of a file. */
const notesOf = (file: string, set?: string[]) => loadScenario(file, { set }).notes.map(formatNote);

describe('notes on home policies reversible by default', () => {
  it('name a policy that relies on the default, at its event, with the elections and the chance', () => {
    const file = scenario(STOCK);
    expect(notesOf(file)).toEqual([`${file}:4:3: events.usStock: ${TEXT}`]);
    expect(notesOf(file, ['government.reversalProbability=0.3'])).toEqual([`${file}:4:3: events.usStock: ${TEXT.replace('15–45%', '30%')}`]);
  });

  it('are one line a scenario: the policies named, the first three, then a count', () => {
    expect(notesOf('scenarios/mitigation-stockpile-60d.yaml')).toEqual([`scenarios/mitigation-stockpile-60d.yaml:18:3: events.usStockpileNdpr, events.usStockpileDy: ${TEXT}`]);
    expect(notesOf('scenarios/mitigation-subsidies.yaml')).toEqual([`scenarios/mitigation-subsidies.yaml:14:3: events.usCapexNdpr, events.usFloorNdpr, events.usCapexDy and 1 more: ${TEXT}`]);
  });

  it('are none when the file says reversible (false or true), no election falls in the run or while the policy is in force, the chance is 0, or the policy is not the home government\'s', () => {
    expect(notesOf(scenario(STOCK.replace(' }', ', reversible: false }')))).toEqual([]);
    expect(notesOf(scenario(STOCK.replace(' }', ', reversible: true }')))).toEqual([]);
    expect(notesOf(scenario(STOCK), ['events.usStock.reversible=false'])).toEqual([]);
    expect(notesOf(scenario(STOCK), ['years=4'])).toEqual([]);
    expect(notesOf(scenario(STOCK.replace(' }', ', end: 2028-06 }')))).toEqual([]);
    expect(notesOf(scenario(STOCK), ['government.reversalProbability=0'])).toEqual([]);
    expect(notesOf(scenario(STOCK.replace('region: US', 'region: ALLIES')))).toEqual([]);
    expect(notesOf('scenarios/mitigation-graphite-subsidy-committed.yaml')).toEqual([]);
    expect(notesOf('scenarios/threat-export-quota.yaml')).toEqual([]);
  });
});
