import { describe, expect, it } from 'vitest';
import { renderReproduceSection } from '../../src/report/renderReproduceSection.ts';

const SCENARIO_SHA = 'a'.repeat(64);
const manifest = (extra: Record<string, unknown> = {}) => ({
  tool: 'crm-sim', version: '0.1.0', gitCommit: 'c'.repeat(40), ...extra,
  scenario: { path: 'scenarios/baseline.yaml', sha256: SCENARIO_SHA }, overrides: [], masterSeed: 7, replicates: 20,
});
/** The first cells of the key-value table's rows, in order. */
const fieldsOf = (html: string) => [...html.matchAll(/<tr><td>([^<]*)<\/td>/g)].map((match) => match[1]);

describe('renderReproduceSection', () => {
  it('lists the code (version, commit, sources) first, then the scenario, with its hash checked', () => {
    const html = renderReproduceSection({ manifest: manifest({ sourceSha256: 'f'.repeat(64) }), resolvedHashes: { 'scenario.resolved.yaml': SCENARIO_SHA }, files: [], isRun: true });
    expect(fieldsOf(html).slice(0, 5)).toEqual(['crm-sim version', 'Code (git commit)', 'Code (SHA-256 of its sources)', 'Scenario file', 'Scenario SHA-256']);
    expect(html).toContain('f'.repeat(64));
    expect(html).toContain('matches scenario.resolved.yaml in this folder');
  });

  it('keeps that order for a manifest written before sources were fingerprinted', () => {
    const html = renderReproduceSection({ manifest: manifest(), resolvedHashes: {}, files: [], isRun: true });
    expect(fieldsOf(html).slice(0, 4)).toEqual(['crm-sim version', 'Code (git commit)', 'Scenario file', 'Scenario SHA-256']);
  });

  it('says "none" for a list the manifest records empty, such as no overrides', () => {
    const html = renderReproduceSection({ manifest: manifest(), resolvedHashes: {}, files: [], isRun: true });
    expect(html).toContain('<tr><td>Overrides (--set, --years)</td><td>none</td></tr>');
  });

  it('names the threat events a stress test removed (--strip-events), beside overrides that say none', () => {
    const html = renderReproduceSection({ manifest: { ...manifest({ command: 'stress' }), strippedEvents: ['cnQuotaDy', 'cnQuotaNdpr'] }, resolvedHashes: {}, files: [], isRun: false });
    expect(html).toContain('<tr><td>Threat events removed (stress --strip-events)</td><td>cnQuotaDy cnQuotaNdpr</td></tr>');
  });

  it('says when the scenario file was changed after the run', () => {
    const html = renderReproduceSection({ manifest: manifest(), resolvedHashes: { 'scenario.resolved.yaml': 'b'.repeat(64) }, files: [], isRun: true });
    expect(html).toContain('does NOT match scenario.resolved.yaml in this folder');
  });

  it('puts the scenario hash right after the code when the manifest names no scenario file', () => {
    const { path: _path, ...scenario } = manifest().scenario;
    const html = renderReproduceSection({ manifest: { ...manifest({ sourceSha256: 'f'.repeat(64) }), scenario }, resolvedHashes: {}, files: [], isRun: false });
    expect(fieldsOf(html).slice(0, 5)).toEqual(['crm-sim version', 'Code (git commit)', 'Code (SHA-256 of its sources)', 'Scenario SHA-256', 'Overrides (--set, --years)']);
  });

  it('rebuilds the command of a manifest without a command line from its overrides and --exceed conditions', () => {
    const html = renderReproduceSection({
      manifest: { ...manifest({ exceed: ['maxShortfallShare.ndpr>0.5%'] }), overrides: ['materials.ndpr.demand.growthPerYear=0.05', 'years=3'] },
      resolvedHashes: { 'scenario.resolved.yaml': SCENARIO_SHA }, files: [], isRun: true,
    });
    expect(html).toContain("npx crm-sim run scenarios/baseline.yaml --set materials.ndpr.demand.growthPerYear=0.05 --years 3 --seed 7 --replicates 20 --exceed &#39;maxShortfallShare.ndpr&gt;0.5%&#39;");
    // The resolved scenario holds the overrides, not the conditions.
    expect(html).toContain("npx crm-sim run scenario.resolved.yaml --seed 7 --replicates 20 --exceed &#39;maxShortfallShare.ndpr&gt;0.5%&#39; --out reproduced");
    expect(fieldsOf(html)).toContain('Exceedance conditions (--exceed)');
  });

  it('carries the recorded output options into both reproduction commands, so they write the same files', () => {
    const commandLine = ['crm-sim', 'run', 'scenarios/baseline.yaml', '--replicates', '20', '--report', '--impact-replicates', '10', '--format=parquet', '--out', 'x', '--quiet'];
    const html = renderReproduceSection({ manifest: manifest({ commandLine }), resolvedHashes: { 'scenario.resolved.yaml': SCENARIO_SHA }, files: [], isRun: true });
    expect(html).toContain('<pre>npx crm-sim run scenario.resolved.yaml --seed 7 --replicates 20 --report --impact-replicates 10 --format parquet --out reproduced</pre>');
    expect(html).toContain('<pre>npx crm-sim run scenarios/baseline.yaml --seed 7 --replicates 20 --report --impact-replicates 10 --format parquet</pre>');
  });

  it('shows the command line a manifest recorded as it was typed', () => {
    const commandLine = ['crm-sim', 'run', 'scenarios/baseline.yaml', '--years', '3', '--report'];
    const html = renderReproduceSection({ manifest: manifest({ commandLine }), resolvedHashes: { 'scenario.resolved.yaml': SCENARIO_SHA }, files: [], isRun: true });
    expect(html).toContain('Command that wrote this folder, as recorded:</p>\n<pre>crm-sim run scenarios/baseline.yaml --years 3 --report</pre>');
  });

  it('shows the command that started a resumed run and those that resumed it, in order', () => {
    const commandLine = ['crm-sim', 'run', 'scenarios/baseline.yaml', '--format', 'parquet', '--resume', 'out'];
    const resumeCommandLines = [['crm-sim', 'run', '--resume', 'out'], ['crm-sim', 'run', '--resume', 'out', '--format', 'csv']];
    const html = renderReproduceSection({ manifest: manifest({ commandLine, resumeCommandLines }), resolvedHashes: { 'scenario.resolved.yaml': SCENARIO_SHA }, files: [], isRun: true });
    expect(html).toContain('Command that started this folder, as recorded:</p>\n<pre>crm-sim run scenarios/baseline.yaml --format parquet --resume out</pre>');
    expect(html).toContain('Resumed by these 2 commands, in order; the last finished the run (output options it gives replace the first command’s):</p>\n' +
      '<pre>crm-sim run --resume out\ncrm-sim run --resume out --format csv</pre>');
    expect(html).not.toContain('Command that wrote this folder');
    expect(fieldsOf(html)).not.toContain('resumeCommandLines');
  });

  it('shows the run it reproduces beside a merge or queue command that wrote the folder', () => {
    const commandLine = ['crm-sim', 'queue', 'collect', 'run-1', '--store', 'S', '--out', 'merged'];
    const html = renderReproduceSection({ manifest: { ...manifest({ commandLine }), overrides: ['years=3'] }, resolvedHashes: { 'scenario.resolved.yaml': SCENARIO_SHA }, files: [], isRun: true });
    expect(html).toContain('Equivalent command from the repository:</p>\n<pre>npx crm-sim run scenarios/baseline.yaml --years 3 --seed 7 --replicates 20</pre>');
    expect(html).toContain('<pre>crm-sim queue collect run-1 --store S --out merged</pre>');
  });

  it('offers a compare folder\'s own resolved scenarios as the command that reproduces it, only when every arm\'s file is there unchanged', () => {
    const scenarios = [{ label: 'quota', path: 'scenarios/q.yaml', sha256: 'a'.repeat(64) }, { label: 'stock', path: 'scenarios/s.yaml', sha256: 'b'.repeat(64) }];
    const compare = { tool: 'crm-sim', version: '0.1.0', command: 'compare', commandLine: ['crm-sim', 'compare', 'scenarios/q.yaml', 'scenarios/s.yaml', '--replicates', '30'], scenarios, masterSeed: 1, replicates: 30 };
    const hashes = { 'quota.resolved.yaml': 'a'.repeat(64), 'stock.resolved.yaml': 'b'.repeat(64) };
    const html = renderReproduceSection({ manifest: compare, resolvedHashes: hashes, files: [], isRun: false });
    expect(html).toContain('<pre>npx crm-sim compare quota.resolved.yaml stock.resolved.yaml --seed 1 --replicates 30 --out reproduced</pre>');
    expect(html).toContain('<pre>crm-sim compare scenarios/q.yaml scenarios/s.yaml --replicates 30</pre>');
    // A folder written with --format parquet: the command asks for replicates.parquet again.
    const parquet = renderReproduceSection({ manifest: compare, resolvedHashes: hashes, files: [{ name: 'replicates.parquet', bytes: 10 }], isRun: false });
    expect(parquet).toContain('<pre>npx crm-sim compare quota.resolved.yaml stock.resolved.yaml --seed 1 --replicates 30 --format parquet --out reproduced</pre>');
    // A folder written with --report: the command writes the report again.
    const reported = renderReproduceSection({ manifest: { ...compare, commandLine: [...compare.commandLine, '--report'] }, resolvedHashes: hashes, files: [], isRun: false });
    expect(reported).toContain('<pre>npx crm-sim compare quota.resolved.yaml stock.resolved.yaml --seed 1 --replicates 30 --report --out reproduced</pre>');
    // An arm's file changed after the run: only the recorded command.
    const changed = renderReproduceSection({ manifest: compare, resolvedHashes: { ...hashes, 'stock.resolved.yaml': 'c'.repeat(64) }, files: [], isRun: false });
    expect(changed).not.toContain('quota.resolved.yaml stock.resolved.yaml');
    expect(changed).toContain('Command as recorded');
  });
});
