/**
 * The run report's export-control section (audit 20, M3): per control, its weeks, a quota's binding
 * weeks and the exports it allowed against its stage's twin; notes on a quota that seldom bound and
 * on a control whose exports did not fall; read back from impact.json as the CLI writes it.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ExportControlReading, type ImpactReading, readImpactJson } from '../../src/report/readImpactJson.ts';
import { renderExportControls } from '../../src/report/renderExportControls.ts';

const dirs: string[] = [];
afterAll(async () => { await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))); });

const window = { startTick: 52, endTick: 130, fromYear: 2026, toYear: 2027.5 };
const exports = (meanWith: number, meanWithout: number, halfWidth = 10) => ({ unit: 't', n: 30, meanWith, meanWithout, mean: meanWith - meanWithout, ciLow: meanWith - meanWithout - halfWidth, ciHigh: meanWith - meanWithout + halfWidth });
const magnets = { event: 'cnQuotaMagnets', mode: 'quota', material: 'ndpr', stage: 'manufacturing', exporter: 'CN', quotaShare: 0.5, window, weeks: 78, without: ['cnQuotaMagnets'],
  weeksBinding: { mean: 73, min: 73, max: 73, runsBound: 30, n: 30 }, exports: exports(20_800, 40_500, 500) };
const oxide = { ...magnets, event: 'cnQuotaOxide', stage: 'processing', without: ['cnQuotaOxide'], weeksBinding: { mean: 5.9, min: 5, max: 7, runsBound: 30, n: 30 }, exports: exports(34.1, 300, 18) };
const licensing = { event: 'cnLicence', mode: 'licensing', material: 'graphite', stage: 'processing', exporter: 'CN', approvalRate: 0.6, window, weeks: 78, without: ['cnLicence'], exports: exports(1_200, 1_000, 50) };

async function readBack(controls: unknown[]): Promise<ImpactReading> {
  const dir = await mkdtemp(join(tmpdir(), 'crm-controls-'));
  dirs.push(dir);
  await writeFile(join(dir, 'impact.json'), JSON.stringify({ replicates: 30, runReplicates: 100, replicateCap: 30, stages: [{ stage: 'processing', events: ['q'] }], exportControls: controls }));
  return (await readImpactJson(dir))!;
}

const names = {
  describeEvent: (id: string) => ({ cnQuotaMagnets: 'CN quota on magnets', cnQuotaOxide: 'CN quota on oxide', cnLicence: 'CN graphite licensing' } as Record<string, string>)[id] ?? id,
  regionName: (id: string) => (id === 'CN' ? 'China' : id),
  materialName: (id: string) => (id === 'ndpr' ? 'NdPr oxide' : id),
};

/** The section's table rows as plain text cells, and its notes. */
function parse(html: string): { rows: string[][]; notes: string[] } {
  const text = (cell: string) => cell.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&');
  const body = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
  const rows = [...body.matchAll(/<tr>(.*?)<\/tr>/g)].map((row) => [...row[1].matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((cell) => text(cell[1])));
  const notes = [...html.matchAll(/<li>(.*?)<\/li>/g)].map((note) => text(note[1]));
  return { rows, notes };
}

describe('renderExportControls', () => {
  it('reads impact.json\'s exportControls back as written, and none from a file without them', async () => {
    const impact = await readBack([magnets, licensing, { event: 'broken' }]);
    expect(impact.exportControls!.map((c: ExportControlReading) => c.event)).toEqual(['cnQuotaMagnets', 'cnLicence']);
    expect(impact.exportControls![0]).toMatchObject({ weeks: 78, quotaShare: 0.5, weeksBinding: magnets.weeksBinding, exports: magnets.exports, window: { fromYear: 2026, toYear: 2027.5 } });
    expect(impact.exportControls![1].weeksBinding).toBeUndefined();
    expect((await readBack([])).exportControls).toBeUndefined();
    expect(renderExportControls(await readBack([]), names)).toBe('');
    expect(renderExportControls(undefined, names)).toBe('');
  });

  it('gives a row per control: its weeks, a quota\'s binding weeks, the exports with and without and the change with its interval', async () => {
    const { rows } = parse(renderExportControls(await readBack([magnets, oxide, licensing]), names));
    expect(rows.map((r) => r[0])).toEqual(['CN quota on magnets', 'CN quota on oxide', 'CN graphite licensing']);
    expect(rows[0].slice(1)).toEqual(['78 (Jan 2026 to Jul 2027)', '73 (every run)', '20,800 t', '40,500 t', '−49%: −19,700 t (95% CI −20,200 t to −19,200 t)']);
    expect(rows[1][2]).toBe('5.9 (5–7)');
    expect(rows[2][2]).toBe('— (not a quota)');
    expect(rows[2][5]).toMatch(/^\+20%: \+200 t /);
  });

  it('notes a quota that bound in under a quarter of its weeks, saying whether its exports fell all the same, and a control whose exports did not fall', async () => {
    const { notes } = parse(renderExportControls(await readBack([magnets, oxide, licensing]), names));
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatch(/^CN quota on oxide bound in 5.9 of its 78 weeks on average: in the others China shipped less than the quota allowed\. Its exports fell all the same, to 34.1 t from 300 t \(−89%\)/);
    expect(notes[0]).toContain('A cut holds back only what the exporter would have shipped');
    expect(notes[1]).toMatch(/^Under CN graphite licensing, China’s exports of refined graphite \(processing\) did not fall \(\+200 t/);
    // A seldom-binding quota whose exports did not clearly fall: no "fell all the same", and the second note too.
    const flat = parse(renderExportControls(await readBack([{ ...oxide, exports: exports(290, 300, 30) }]), names)).notes;
    expect(flat).toHaveLength(2);
    expect(flat[0]).not.toContain('fell all the same');
    expect(flat[1]).toContain('did not fall');
  });

  it('says how many runs the figures rest on, and that the controls at other stages stay in force', async () => {
    const html = renderExportControls(await readBack([magnets]), names);
    expect(html).toContain('the first 30 of the 100 runs');
    expect(html).toContain('the controls at other stages stay in force');
  });
});
