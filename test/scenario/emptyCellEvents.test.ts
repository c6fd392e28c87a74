import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/loadScenario.ts';

const dir = mkdtempSync(join(tmpdir(), 'crm-empty-cell-'));
/** The warnings of the baseline with `events` (YAML lines under `events:`), as [path, expected]. */
function warningsOf(name: string, events: string): Array<[string, string]> {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, `extends: ${resolve('scenarios/baseline.yaml')}\nname: ${name}\nevents:\n${events}`);
  return loadScenario(file).warnings.map((w) => [w.path, w.expected]);
}
const outage = (region: string, end: string) => `  o: { kind: outage, material: graphite, stage: mining, region: ${region}, capacityShare: 80%, start: 2026-01, end: ${end} }\n`;

describe('an outage or cyberattack on a cell with no capacity while it acts (audit 25, B k01–k02)', () => {
  it('warns at the region when the cell is empty at the start and no project can arrive in time (a compare of it against the baseline differs in no metric)', () => {
    expect(warningsOf('us-mine', outage('US', '2027-01'))).toEqual([['events.o.region', 'a region with graphite mining capacity while the event acts (to 2027-01)']]);
    expect(warningsOf('us-cyber', '  c: { kind: cyberattack, material: graphite, stage: mining, region: US, facilityShare: 50%, downtimeYears: 0.25, start: 2026-01 }\n').map(([path]) => path)).toEqual(['events.c.region']);
  });

  it('says nothing where there is capacity, where a pipeline project can arrive while it acts, or where tailings may add capacity', () => {
    expect(warningsOf('cn-mine', outage('CN', '2027-01'))).toEqual([]);
    expect(warningsOf('us-late', outage('US', '2034-01'))).toEqual([]);
    expect(warningsOf('us-tailings', `${outage('US', '2027-01')}  t: { kind: tailingsReassessment, material: graphite, region: US, capacityTonnesPerYear: 5 kt/yr, leadYears: 0.5, start: 2025-06 }\n`)
      .filter(([path]) => path === 'events.o.region')).toEqual([]);
  });
});

describe('a stage whose world capacity cannot meet world demand at the start (audit 25, B L9)', () => {
  it('warns at the stage when a what-if cuts it below demand, and not for the shipped sizing', () => {
    const file = join(dir, 'no-cn-refining.yaml');
    writeFileSync(file, `extends: ${resolve('scenarios/baseline.yaml')}\nname: no-cn-refining\nmaterials:\n  ndpr:\n    processing:\n      capacityByRegion: { CN: 0 }\n`);
    const warnings = loadScenario(file).warnings;
    expect(warnings.map((w) => [w.path, w.found])).toEqual([['materials.ndpr.processing.capacityByRegion', '12200 t/yr']]);
    expect(warnings[0].expected).toBe('world processing capacity with recycling of at least world demand (78000 t/yr)');
    expect(loadScenario('scenarios/baseline.yaml').warnings).toEqual([]);
  });
});
