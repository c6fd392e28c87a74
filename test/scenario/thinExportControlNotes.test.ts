/**
 * Notes on export controls that can hold back little (audit 20, M3): a control on a market the exporter
 * hardly exports at the start, unless the scenario also controls a stage it does export.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../sim-core/index.ts';
import { formatNote } from '../../src/scenario/findReversibleDefaults.ts';
import { loadScenario } from '../../src/scenario/loadScenario.ts';

const QUOTA = 'scenarios/threat-export-quota.yaml';
const WITHOUT_MAGNETS = ['events.cnQuotaNdprMagnets=null', 'events.cnQuotaDyMagnets=null'];
const WITHOUT_OXIDE = ['events.cnQuotaNdpr=null', 'events.cnQuotaDy=null'];
const notesOf = (file: string, set: string[] = []) => loadScenario(file, { set }).notes.map(formatNote);

/** A scenario extending the baseline with one export control. */
function control(line: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'crm-controls-')), 'control.yaml');
  writeFileSync(file, `extends: ${resolve('scenarios/baseline.yaml')}\nname: control\nevents:\n  cut:\n${line}`);
  return file;
}

describe('notes on export controls that can hold back little', () => {
  it('name a quota on oxide alone, at its stage key, with the share exported at the start and the stage China does export', () => {
    const notes = notesOf(QUOTA, WITHOUT_MAGNETS);
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatch(/^scenarios\/threat-export-quota\.yaml:16:\d+: events\.cnQuotaNdpr\.stage: CN exports none of its refined NdPr oxide \(processing\) at the start of the run \(0 t of [\d.]+ kt a year; its own industry uses it all\), so this quota can hold back little unless those exports grow; it exports \d+% of its magnets containing NdPr oxide \(manufacturing\), where a control bites\. `crm-sim run <file> --report` measures what it did/);
    expect(notes[1]).toMatch(/^scenarios\/threat-export-quota\.yaml:28:\d+: events\.cnQuotaDy\.stage: CN exports about [\d.]+% of its refined dysprosium oxide \(processing\)/);
  });

  it('are not silenced by a control on the exported stage that is not in force at the same time, restricts nothing or covers other importers', () => {
    const oxide = '    cut: { kind: exportControl, material: ndpr, stage: processing, exporter: CN, mode: quota, quotaShare: 50%, start: 2026-01, duration: 18 months }\n';
    const withMagnets = (magnets: string) => {
      const file = join(mkdtempSync(join(tmpdir(), 'crm-controls-')), 'pair.yaml');
      writeFileSync(file, `extends: ${resolve('scenarios/baseline.yaml')}\nname: pair\nevents:\n${oxide}    magnets: ${magnets}\n`);
      return notesOf(file).filter((n) => n.includes('events.cut.stage'));
    };
    const magnets = (fields: string) => `{ kind: exportControl, material: ndpr, stage: manufacturing, exporter: CN, ${fields} }`;
    expect(withMagnets(magnets('mode: quota, quotaShare: 50%, start: 2026-01, duration: 18 months'))).toEqual([]);
    expect(withMagnets(magnets('mode: quota, quotaShare: 50%, start: 2031-01, duration: 18 months'))).toHaveLength(1);
    expect(withMagnets(magnets('mode: licensing, approvalRate: 100%, start: 2026-01, duration: 18 months'))).toHaveLength(1);
    expect(withMagnets(magnets('mode: quota, quotaShare: 50%, destinations: [ROW], start: 2026-01, duration: 18 months'))).toHaveLength(1);
  });

  it('say nothing about a quota on some destinations of a stage the exporter does export (its ceiling is a share of their imports)', () => {
    expect(notesOf(control('    { kind: exportControl, material: ndpr, stage: manufacturing, exporter: CN, mode: quota, quotaShare: 50%, destinations: [US], start: 2026-01 }'))).toEqual([]);
  });

  it('agree with the engine\'s starting state: the share is what the exporter ships over what it makes', () => {
    const { spec, notes } = loadScenario(QUOTA, { set: WITHOUT_MAGNETS });
    const dy = notes.find((n) => n.path === 'events.cnQuotaDy.stage')!;
    const [, shown] = /about ([\d.]+)%/.exec(dy.text)!;
    // At the scenario's own resolution (the note uses one firm per cell): the state does not depend on it.
    const world = createWorld({ ...spec, uncertainties: [] }, 1, 0);
    const R = world.regions;
    const m = spec.materials.findIndex((x) => x.id === 'dy');
    const cn = spec.regions.findIndex((x) => x.id === 'CN');
    const store = world.stores[1];
    let made = 0;
    for (let f = store.cellStart[m * R + cn]; f < store.cellStart[m * R + cn] + store.cellUsedSlots[m * R + cn]; f++) made += store.alive[f] * store.expectedSalesTonnesPerTick[f];
    const share = world.markets.exportEmaTonnesPerTick[(m * 3 + 1) * R + cn] / made;
    expect(share).toBeLessThan(0.1);
    expect(Number(shown)).toBeCloseTo(share * 100, 1);
  });

  it('stay quiet for the shipped quota (magnets controlled too), for magnets alone and for a cut on what the exporter ships', () => {
    expect(notesOf(QUOTA).filter((n) => n.includes('hold back'))).toEqual([]);
    expect(notesOf(QUOTA, WITHOUT_OXIDE).filter((n) => n.includes('hold back'))).toEqual([]);
    expect(notesOf(control('    { kind: exportControl, material: graphite, stage: processing, exporter: CN, mode: ban, start: 2026-01 }'))).toEqual([]);
  });

  it('name any mode, and a control on what the exporter does not make at all', () => {
    const [ban] = notesOf(control('    { kind: exportControl, material: dy, stage: processing, exporter: CN, mode: ban, start: 2026-01 }'));
    expect(ban).toMatch(/events\.cut\.stage: CN exports about [\d.]+% of its refined dysprosium oxide \(processing\) at the start of the run .* so this ban can hold back little unless those exports grow; it exports \d+% of its magnets/);
    // The baseline's US refines no gallium.
    const [none] = notesOf(control('    { kind: exportControl, material: gallium, stage: processing, exporter: US, mode: licensing, approvalRate: 50%, start: 2026-01 }'));
    expect(none).toMatch(/events\.cut\.stage: US makes no refined gallium \(processing\) at the start, so this licensing holds back only what it may make later/);
  });
});
