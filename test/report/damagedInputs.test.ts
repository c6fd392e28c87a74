/**
 * A report from a damaged or incomplete output folder is refused (exit 2, naming the file, line,
 * what was expected and what was found) instead of a report silently missing its charts or sections.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/buildReport.ts';
import { readComparisonJson } from '../../src/report/readComparisonJson.ts';
import { readSeriesCsv } from '../../src/report/readSeriesCsv.ts';
import { readStressJson } from '../../src/report/readStressJson.ts';
import { runCli } from '../cli/runCli.ts';

describe('report on damaged inputs', () => {
  const base = mkdtempSync(join(tmpdir(), 'crm-damaged-'));
  const run = join(base, 'run');
  /** A copy of the run folder with `series.csv` changed by `damage`. */
  const damaged = (name: string, damage: (csv: string) => string): string => {
    const dir = join(base, name);
    cpSync(run, dir, { recursive: true });
    writeFileSync(join(dir, 'series.csv'), damage(readFileSync(join(run, 'series.csv'), 'utf8')));
    return dir;
  };
  beforeAll(() => {
    const { status, stderr } = runCli(['run', 'scenarios/baseline.yaml', '--replicates', '2', '--years', '1', '--workers', '0', '--out', run, '--quiet']);
    expect(status, stderr).toBe(0);
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('reads the intact folder (the control)', async () => {
    expect((await readSeriesCsv(run, () => true))!.size).toBeGreaterThan(100);
    await expect(buildReport(run)).resolves.toMatchObject({ kind: 'run' });
  });

  it('refuses a series.csv cut mid-row, with a row of the wrong width, or with a value that is not a number', async () => {
    const cut = damaged('cut', (csv) => csv.slice(0, 3000));
    await expect(readSeriesCsv(cut, () => true)).rejects.toThrow(/series\.csv:\d+: expected 13 fields, as in the header, found \d+ \(a truncated or damaged file\?/);
    const row = damaged('row', (csv) => csv.split('\n').map((line, i) => (i === 4 ? 'garbage,row' : line)).join('\n'));
    await expect(readSeriesCsv(row, () => true)).rejects.toThrow(/series\.csv:5: expected 13 fields, as in the header, found 2/);
    const text = damaged('text', (csv) => csv.split('\n').map((line, i) => (i === 2 ? line.replace(/,[^,]*$/, ',abc') : line)).join('\n'));
    await expect(readSeriesCsv(text, () => true)).rejects.toThrow(/series\.csv:3: p95: expected a number, found "abc"/);
  });

  it('refuses a run folder without series.csv, and comparison.json or stress.json without content', async () => {
    const bare = join(base, 'bare');
    cpSync(run, bare, { recursive: true });
    rmSync(join(bare, 'series.csv'));
    await expect(buildReport(bare)).rejects.toThrow(/series\.csv: expected the per-tick bands every run writes, found no such file/);
    const empty = join(base, 'empty');
    cpSync(run, empty, { recursive: true });
    writeFileSync(join(empty, 'comparison.json'), '{}');
    await expect(readComparisonJson(empty)).rejects.toThrow(/comparison\.json: expected paired comparisons .*found none/);
    writeFileSync(join(empty, 'stress.json'), '{}');
    await expect(readStressJson(empty)).rejects.toThrow(/stress\.json: expected a measured impact per stage, found none/);
  });

  it('exits 2 from the command line and writes no report', () => {
    const dir = damaged('cli', (csv) => csv.slice(0, 3000));
    const { status, stdout, stderr } = runCli(['report', dir]);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/series\.csv:\d+: expected 13 fields/);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'report.html'))).toBe(false);
  });
});
