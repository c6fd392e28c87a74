/**
 * The run report's export-control section (audit 20 M3, audit 22): per control, its weeks, a quota's
 * binding weeks and allowed tonnes, the exports it allowed against its stage's twin (tonnes first, a
 * share only for a clear change), what home end users received per stage, and notes where the figures
 * need reading; read back from impact.json as the CLI writes it.
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
  weeksBinding: { mean: 73, min: 73, max: 73, runsBound: 30, n: 30 }, allowed: 20_400, exports: exports(20_800, 40_500, 500) };
const oxide = { ...magnets, event: 'cnQuotaOxide', stage: 'processing', without: ['cnQuotaOxide'], weeksBinding: { mean: 5.9, min: 5, max: 7, runsBound: 30, n: 30 }, allowed: 150, exports: exports(34.1, 300, 18) };
const licensing = { event: 'cnLicence', mode: 'licensing', material: 'graphite', stage: 'processing', exporter: 'CN', approvalRate: 0.6, window, weeks: 78, without: ['cnLicence'], exports: exports(1_200, 1_000, 50) };
const stages = [
  { stage: 'processing', events: ['cnQuotaOxide', 'cnLicence'], homeShortfall: { ...exports(0, 0, 1), materials: ['ndpr', 'graphite'] }, homeConsumption: [{ ...exports(99_000, 99_100, 20), material: 'ndpr' }] },
  { stage: 'manufacturing', events: ['cnQuotaMagnets'], homeShortfall: { ...exports(900, 0, 100), materials: ['ndpr'] }, homeConsumption: [{ ...exports(97_000, 112_000, 500), material: 'ndpr' }] },
];

async function readBack(controls: unknown[]): Promise<ImpactReading> {
  const dir = await mkdtemp(join(tmpdir(), 'crm-controls-'));
  dirs.push(dir);
  await writeFile(join(dir, 'impact.json'), JSON.stringify({ replicates: 30, runReplicates: 100, replicateCap: 30, stages, exportControls: controls }));
  return (await readImpactJson(dir))!;
}

const names = {
  describeEvent: (id: string) => ({ cnQuotaMagnets: 'CN quota on magnets', cnQuotaOxide: 'CN quota on oxide', cnLicence: 'CN graphite licensing' } as Record<string, string>)[id] ?? id,
  regionName: (id: string) => ({ CN: 'China', US: 'the United States' } as Record<string, string>)[id] ?? id,
  materialName: (id: string) => (id === 'ndpr' ? 'NdPr oxide' : id),
  homeName: 'the United States',
};

/** The section's table rows as plain text cells, and its notes. */
function parse(html: string): { rows: string[][]; notes: string[] } {
  const text = (cell: string) => cell.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&');
  const body = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
  const rows = [...body.matchAll(/<tr>(.*?)<\/tr>/g)].map((row) => [...row[1].matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((cell) => text(cell[1])));
  const list = html.slice(html.indexOf('<ul class="notes">') >= 0 ? html.indexOf('<ul class="notes">') : html.length);
  const notes = [...list.matchAll(/<li>(.*?)<\/li>/g)].map((note) => text(note[1]));
  return { rows, notes };
}

describe('renderExportControls', () => {
  it('reads impact.json\'s exportControls and the stages\' home consumption back as written, and none from a file without them', async () => {
    const impact = await readBack([magnets, licensing, { event: 'broken' }]);
    expect(impact.exportControls!.map((c: ExportControlReading) => c.event)).toEqual(['cnQuotaMagnets', 'cnLicence']);
    expect(impact.exportControls![0]).toMatchObject({ weeks: 78, quotaShare: 0.5, allowed: 20_400, weeksBinding: magnets.weeksBinding, exports: magnets.exports, window: { fromYear: 2026, toYear: 2027.5 } });
    expect(impact.exportControls![1]).toMatchObject({ approvalRate: 0.6 });
    expect(impact.exportControls![1].weeksBinding).toBeUndefined();
    expect(impact.stages.get('manufacturing')!.homeConsumption![0]).toMatchObject({ material: 'ndpr', mean: -15_000 });
    expect((await readBack([])).exportControls).toBeUndefined();
    expect(renderExportControls(await readBack([]), names)).toBe('');
    expect(renderExportControls(undefined, names)).toBe('');
  });

  it('gives a row per control: id and name, weeks, a quota\'s binding weeks and allowance, exports with and without, the change in tonnes first', async () => {
    const { rows } = parse(renderExportControls(await readBack([magnets, oxide, licensing]), names));
    expect(rows.map((r) => r[0])).toEqual(['cnQuotaMagnets: CN quota on magnets', 'cnQuotaOxide: CN quota on oxide', 'cnLicence: CN graphite licensing']);
    expect(rows[0].slice(1)).toEqual(['78 (Jan 2026 to Jun 2027)', '73 in every run', '20,400 t', '20,800 t', '40,500 t', '−19,700 t (95% CI −20,200 t to −19,200 t), −49%']);
    expect(rows[1][2]).toBe('5.9 (5–7)');
    expect(rows[2].slice(2, 4)).toEqual(['— (not a quota)', '—']);
    expect(rows[2][6]).toMatch(/^\+200 t .*, \+20%$/);
    // An interval that includes 0 is no clear change, and gets no percentage.
    const flat = parse(renderExportControls(await readBack([{ ...oxide, exports: exports(290, 300, 30) }]), names)).rows[0][6];
    expect(flat).toMatch(/^no clear change: −10(\.0)? t \(95% CI/);
    expect(flat).not.toContain('%)');
  });

  it('says what home end users received per controlled stage, and that exports held back are not harm at home', async () => {
    const html = renderExportControls(await readBack([magnets, oxide]), names);
    expect(html).toContain('What end users in the United States received over the run');
    expect(html).toMatch(/<li>manufacturing \(cnQuotaMagnets\): NdPr oxide −15,000 t/);
    expect(html).toMatch(/<li>processing \(cnQuotaOxide, cnLicence\): NdPr oxide −100 t/);
  });

  it('explains how a quota acts (its ceiling, the rent while it binds), only when there is a quota', async () => {
    expect(renderExportControls(await readBack([magnets]), names)).toContain('buyers abroad pay up to their own price for its goods (the quota rent');
    expect(renderExportControls(await readBack([licensing]), names)).not.toContain('the quota rent');
    const html = renderExportControls(await readBack([{ ...magnets, rentUsd: 1.23e9 }, oxide, licensing]), names);
    // Who pays it and where it is not counted (audit 24, M2).
    expect(html).toContain('The quota rent (the table’s last column) is what importing traders in every region that buys under a quota paid China’s government');
    expect(html).toContain('End users do not pay it directly, and it is not part of the cost to end users in the United States in Key results');
    // Its basis, where a reader checks it against summary.json (audit 24, M6).
    expect(html).toContain('The quota rent too is the mean over the paired runs as scripted; summary.json’s exportQuotaRentUsd is over all the run’s runs');
    expect(html).toContain('Quota rent paid to China’s government (USD; per kg of material contained, shipped under it)');
    // A column: the rent at three significant digits and per kg of what was shipped under it (1.23e9 USD / 20,800 t = USD 59.1/kg);
    // a quota without a rent figure and a licence have none.
    const { rows } = parse(html);
    expect(rows.map((row) => row.at(-1))).toEqual(['USD 1.23 billion; USD 59.1/kg', '—', '—']);
    // Precision like the report's other money: "6.40 billion", never "6.4 billion" beside "6.64 million".
    expect(parse(renderExportControls(await readBack([{ ...magnets, rentUsd: 6.398e9 }]), names)).rows[0].at(-1)).toBe('USD 6.40 billion; USD 308/kg');
    // No rent anywhere (a file before session 23): no column, no paragraph.
    const none = renderExportControls(await readBack([magnets, oxide]), names);
    expect(none).not.toContain('Quota rent paid');
    expect(none).not.toContain('importing traders');
  });

  it('notes a quota that seldom bound, licensing, a control on some destinations only and a control whose exports did not fall', async () => {
    const { notes } = parse(renderExportControls(await readBack([magnets, oxide, licensing]), names));
    expect(notes[0]).toMatch(/^cnQuotaOxide bound in 5.9 of its 78 weeks on average: in the others China shipped less than the quota allowed\. Its exports fell all the same, to 34.1 t from 300 t: what the quota did to prices and buyers’ choices \(above\), not its ceiling alone\./);
    expect(notes[1]).toMatch(/^cnLicence approves 60% of licence requests: importers re-order what is refused/);
    // No other stage has a graphite event: no cause is invented.
    expect(notes[2]).toMatch(/^Under cnLicence, China’s exports of refined graphite \(processing\) did not fall \(\+200 t .*\)\.$/);
    expect(notes).toHaveLength(3);
    const never = parse(renderExportControls(await readBack([{ ...oxide, weeksBinding: { mean: 0, min: 0, max: 0, runsBound: 0, n: 30 } }]), names)).notes[0];
    expect(never).toMatch(/^cnQuotaOxide bound in 0 of its 78 weeks on average\. Its exports fell/);
    // A quota that never bound because its ceiling was above what buyers wanted says so, not "its own industry uses the output" (audit 23, M1).
    const loose = parse(renderExportControls(await readBack([{ ...magnets, weeksBinding: { mean: 0, min: 0, max: 0, runsBound: 0, n: 30 }, allowed: 120_000, exports: exports(40_600, 40_700, 400) }]), names)).notes;
    expect(loose[0]).toMatch(/^cnQuotaMagnets bound in 0 of its 78 weeks on average\. Its ceiling allowed 120,000 t, 2\.95× what China would have shipped in those weeks without it \(40,700 t\): a quota binds only when its ceiling is below what buyers abroad want\.$/);
    expect(loose[0]).not.toContain('own industry');
    const fixedToUs = parse(renderExportControls(await readBack([{ ...magnets, quotaShare: undefined, quotaTonnesPerYear: 5_000, destinations: ['US'] }]), names)).notes;
    // The allowed tonnes of a quota on some destinations name them, beside exports to every destination (audit 23, M3).
    expect(parse(renderExportControls(await readBack([{ ...magnets, destinations: ['US'] }]), names)).rows[0][3]).toBe('20,400 t, to the United States');
    expect(fixedToUs).toEqual([expect.stringMatching(/^cnQuotaMagnets covers exports to the United States only: its ceiling, 5,000 t a year, is its own, and other destinations are not limited;/)]);
    const toUs = parse(renderExportControls(await readBack([{ ...magnets, destinations: ['US'] }]), names)).notes;
    expect(toUs).toEqual([expect.stringMatching(/^cnQuotaMagnets covers exports to the United States only: its ceiling is 50% of what it imported from China in the year before, and other destinations are not limited; the exports in the table are to every destination\.$/)]);
    // With the scenario's own names (as the report passes them), the note writes them as prose: "to the United States", "the allies" (user audit, session 35, item 16).
    const scenarioNames = { ...names, regionName: (id: string) => ({ CN: 'China', US: 'United States', ALLIES: 'Allies (Australia, Japan)' } as Record<string, string>)[id] ?? id };
    expect(parse(renderExportControls(await readBack([{ ...magnets, destinations: ['ALLIES', 'US'] }]), scenarioNames)).notes[0])
      .toMatch(/^cnQuotaMagnets covers exports to the allies \(Australia, Japan\), the United States only: /);
    // Since session 24 a destination control's exports are to its destinations (impact.json's exportsTo): the note, intro and caption say so.
    const measuredToUs = renderExportControls(await readBack([{ ...magnets, destinations: ['US'], exportsTo: ['US'] }, oxide]), names);
    expect(parse(measuredToUs).notes.find((n) => n.includes('covers exports to'))).toMatch(/other destinations are not limited; the exports in the table are to it alone\.$/);
    expect(measuredToUs).toContain('controlled stage, to every destination, or to the destinations a control covers where it lists them, summed');
    expect(measuredToUs).toContain('stage, to every destination, or to the destinations a control covers where it lists them, means over the paired runs.');
    expect(renderExportControls(await readBack([{ ...magnets, destinations: ['US', 'JP'], exportsTo: ['US', 'JP'] }]), names)).toContain('the exports in the table are to them alone.');
    // Measured on its destinations, a loose destination quota is compared with what they would have got (an older file cannot be).
    const looseToUs = { ...magnets, destinations: ['US'], weeksBinding: { mean: 0, min: 0, max: 0, runsBound: 0, n: 30 }, allowed: 9_000, exports: exports(2_990, 3_000, 40) };
    expect(parse(renderExportControls(await readBack([{ ...looseToUs, exportsTo: ['US'] }]), names)).notes[0]).toMatch(/Its ceiling allowed 9,000 t, 3.00× what China would have shipped in those weeks without it \(3,000 t\)/);
    expect(parse(renderExportControls(await readBack([looseToUs]), names)).notes[0]).not.toContain('Its ceiling allowed');
    expect(parse(renderExportControls(await readBack([{ ...looseToUs, exportsTo: ['US'] }]), names)).notes[0]).not.toContain('own industry');
    // Another stage's disruption on the same material is named as what moves the trade; next to nothing shipped is said so.
    const rose = parse(renderExportControls(await readBack([{ ...oxide, weeksBinding: { mean: 40, min: 30, max: 50, runsBound: 30, n: 30 }, exports: exports(800, 300, 30) }]), names)).notes;
    expect(rose).toEqual([expect.stringMatching(/did not fall .*: the disruptions at manufacturing, in force in both runs, move this trade too\.$/)]);
    const tiny = parse(renderExportControls(await readBack([{ ...licensing, exports: exports(0.01, 0.02, 0.05) }]), names)).notes;
    expect(tiny[1]).toMatch(/: China shipped next to none of it in either run\.$/);
  });

  it('explains a share quota whose exports fall by more than its share: exports without it above the pace its share is taken of (audit 24, M4)', async () => {
    // The reference's NdPr oxide quota: 50% of the year before, 1,260 t allowed; 5,280 t without it (the magnet quota sends foreign magnet makers to China's oxide).
    const deep = { ...oxide, weeksBinding: { mean: 45.5, min: 40, max: 50, runsBound: 30, n: 30 }, allowed: 1_260, exports: exports(947, 5_280, 90) };
    const [note, ...rest] = parse(renderExportControls(await readBack([deep]), names)).notes;
    expect(rest).toEqual([]);
    expect(note).toBe('cnQuotaOxide allows 50% of what China exported in the year before it: 1,260 t of the 2,520 t that pace gives over its weeks. ' +
      'Without the disruptive events at its stage China would have shipped 5,280 t in those weeks, 2.10× that pace (the disruptions at manufacturing, in force in both runs, ' +
      'send buyers to this market), so its exports fall by more than the quota’s 50% cut.');
    // Within 20% of that pace, a fixed tonnage, or exports that did not clearly fall: no such note.
    const notesOf = async (control: object) => parse(renderExportControls(await readBack([control]), names)).notes.filter((n) => n.includes('that pace'));
    expect(await notesOf({ ...deep, exports: exports(947, 3_000, 90) })).toEqual([]);
    expect(await notesOf({ ...deep, quotaShare: undefined, quotaTonnesPerYear: 840 })).toEqual([]);
    expect(await notesOf({ ...deep, exports: exports(5_200, 5_280, 200) })).toEqual([]);
  });

  it('says how many runs the figures rest on, and that the controls at other stages stay in force', async () => {
    const html = renderExportControls(await readBack([magnets]), names);
    expect(html).toContain('the first 30 of the 100 runs');
    expect(html).toContain('the controls at other stages stay in force');
  });
});
