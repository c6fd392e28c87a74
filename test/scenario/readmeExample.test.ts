import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/loadScenario.ts';

describe("README's minimal threat (Writing a scenario)", () => {
  it('loads without a warning or a note, and strikes magnets', () => {
    const section = readFileSync('README.md', 'utf8').split('## Writing a scenario')[1] ?? '';
    const yaml = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    expect(yaml).toBeDefined();
    // Its paths are read from scenarios/: written elsewhere, they point there.
    const dir = mkdtempSync(join(tmpdir(), 'crm-readme-example-'));
    writeFileSync(join(dir, 'magnet-quota.yaml'), (yaml ?? '').replace('extends: baseline.yaml', `extends: ${resolve('scenarios/baseline.yaml')}`));
    const loaded = loadScenario(join(dir, 'magnet-quota.yaml'));
    expect(loaded.warnings).toEqual([]);
    expect(loaded.notes).toEqual([]);
    expect(loaded.spec.events).toMatchObject([{ kind: 'exportControl', material: 'ndpr', stage: 'manufacturing', quotaShare: 0.5 }]);
  });
});
