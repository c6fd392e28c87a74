import { describe, expect, it } from 'vitest';
import { describeCode } from '../../src/outputs/createManifest.ts';
import { runCli } from './runCli.ts';

describe('crm-sim --version', () => {
  it('prints the version, commit and sources\' SHA-256 a run\'s manifest would name, and exits 0', () => {
    const { version, gitCommit, sourceSha256 } = describeCode();
    expect(sourceSha256).toMatch(/^[0-9a-f]{64}$/);
    for (const flag of ['--version', '-V', 'version']) {
      const result = runCli([flag]);
      expect(result.status).toBe(0);
      expect(result.stdout).toBe(`crm-sim ${version}\ngit commit ${gitCommit ?? 'unknown (not a git checkout)'}\nsources sha256 ${sourceSha256}\n`);
    }
  });
});
