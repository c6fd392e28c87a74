/**
 * The answer box's "What helps" command (user audit, session 35, item 17): the stockpile mitigations
 * that extend a run's scenario, found beside it; none named when they would compare other scenarios.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findStockpileCompare } from '../../src/report/findStockpileCompare.ts';

const dirs: string[] = [];
afterAll(async () => { await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))); });

/** A working folder with scenarios/ holding the given files (name → `extends:` or undefined). */
async function folderWith(files: Record<string, string | undefined>): Promise<string> {
  const cwd = await mkdtemp(join(tmpdir(), 'crm-helps-'));
  dirs.push(cwd);
  await mkdir(join(cwd, 'scenarios'));
  for (const [name, parent] of Object.entries(files)) await writeFile(join(cwd, 'scenarios', name), `name: ${name}\n${parent === undefined ? '' : `extends: ${parent}\n`}events: {}\n`);
  return cwd;
}
const manifest = (path: string) => ({ scenario: { path } });

describe('findStockpileCompare', () => {
  it('names every stockpile mitigation by the shell pattern when all of them extend the scenario, directly or through another', async () => {
    const cwd = await folderWith({ 'threat-x.yaml': undefined, 'mitigation-stockpile-60d.yaml': 'threat-x.yaml', 'mitigation-stockpile-magnets.yaml': 'mitigation-stockpile-60d.yaml', 'mitigation-tariff.yaml': 'threat-x.yaml' });
    expect(await findStockpileCompare(manifest('scenarios/threat-x.yaml'), cwd)).toBe('npx crm-sim compare scenarios/threat-x.yaml scenarios/mitigation-stockpile-*.yaml --replicates 30 --report');
  });

  it('lists only those that extend it when others extend another scenario, and names none for a scenario no stockpile extends', async () => {
    const cwd = await folderWith({ 'threat-x.yaml': undefined, 'threat-y.yaml': undefined, 'mitigation-stockpile-60d.yaml': 'threat-x.yaml', 'mitigation-stockpile-graphite.yaml': 'threat-y.yaml' });
    expect(await findStockpileCompare(manifest('scenarios/threat-x.yaml'), cwd)).toBe('npx crm-sim compare scenarios/threat-x.yaml scenarios/mitigation-stockpile-60d.yaml --replicates 30 --report');
    const lonely = await folderWith({ 'threat-z.yaml': undefined, 'mitigation-stockpile-60d.yaml': 'threat-x.yaml' });
    expect(await findStockpileCompare(manifest('scenarios/threat-z.yaml'), lonely)).toBeUndefined();
  });

  it('names nothing when the scenario cannot be found from the working folder, or the manifest has no path', async () => {
    const cwd = await folderWith({ 'mitigation-stockpile-60d.yaml': 'threat-x.yaml' });
    expect(await findStockpileCompare(manifest('scenarios/threat-x.yaml'), cwd)).toBeUndefined();
    expect(await findStockpileCompare(manifest('elsewhere/threat-x.yaml'), cwd)).toBeUndefined();
    expect(await findStockpileCompare(undefined, cwd)).toBeUndefined();
    // A cycle of extends ends the search rather than looping.
    const cyclic = await folderWith({ 'threat-x.yaml': undefined, 'mitigation-stockpile-a.yaml': 'mitigation-stockpile-b.yaml', 'mitigation-stockpile-b.yaml': 'mitigation-stockpile-a.yaml' });
    expect(await findStockpileCompare(manifest('scenarios/threat-x.yaml'), cyclic)).toBeUndefined();
  });

  it('finds the shipped reference scenario\'s stockpiles from the repository (README\'s worked example)', async () => {
    const command = await findStockpileCompare(manifest('scenarios/threat-export-quota.yaml'));
    expect(command).toMatch(/^npx crm-sim compare scenarios\/threat-export-quota\.yaml .*mitigation-stockpile-/);
  });
});
