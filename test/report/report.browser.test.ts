import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReport } from '../../src/report/writeReport.ts';
import { runCli } from '../cli/runCli.ts';
import { writeStressFixture } from './reportFixtures.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(process.cwd(), 'test-artifacts');
const SMALL = ['--workers', '0', '--seed', '5', '--set', 'years=2', '--set', 'ticksPerYear=12', '--set', 'resolution.firmsPerCapacityCell=2', '--quiet'];
const SMALL_RUN = ['--replicates', '8', ...SMALL];
/** Real compare and sweep runs (tiny: 2 years, monthly, 4 replicates) reported with --report, as a user would. */
const COMPARE_ARGS = ['compare', 'scenarios/threat-export-quota.yaml', 'scenarios/mitigation-stockpile-magnets.yaml', '--replicates', '4', ...SMALL, '--report'];
const SWEEP_ARGS = ['sweep', 'scenarios/threat-export-quota.yaml', '--grid', 'events.cnQuotaNdpr.quotaShare=30%,70%',
  '--grid', 'events.cnQuotaNdpr.duration=6 months,12 months', '--replicates', '4', ...SMALL, '--report'];

/** Like runCli, but asynchronous, so the three runs of beforeAll overlap. */
function runCliAsync(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

let root: string;
let context: BrowserContext;
const folders: Record<'run' | 'compare' | 'sweep' | 'stress', string> = { run: '', compare: '', sweep: '', stress: '' };

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run .ci/setup.d/chromium.sh`);
  root = await mkdtemp(join(tmpdir(), 'crm-report-'));
  folders.run = join(root, 'run');
  folders.compare = join(root, 'compare');
  folders.sweep = join(root, 'sweep');
  const runs = await Promise.all([
    runCliAsync(['run', 'scenarios/threat-export-quota.yaml', ...SMALL_RUN, '--out', folders.run, '--report']),
    runCliAsync([...COMPARE_ARGS, '--out', folders.compare]),
    runCliAsync([...SWEEP_ARGS, '--out', folders.sweep]),
  ]);
  for (const run of runs) {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  }
  folders.stress = join(root, 'stress');
  await writeStressFixture(folders.stress);
  await cp(join(folders.run, 'scenario.resolved.yaml'), join(folders.stress, 'scenario.resolved.yaml'));
  await writeReport(folders.stress);
  await mkdir(ARTIFACTS, { recursive: true });
  context = await chromium.launchPersistentContext(await mkdtemp(join(root, 'chromium-profile-')), {
    executablePath: CHROMIUM, headless: true, viewport: { width: 1000, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run',
      '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await context?.close();
  if (root !== undefined) await rm(root, { recursive: true, force: true });
});

/**
 * Opens a report; returns console errors, non-file and failed requests, and what each chart draws.
 * Saves a full-page screenshot and one per section (per figure for very tall sections) to test-artifacts/.
 */
async function openReport(dir: string, screenshot: string) {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => { if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`); });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`failed request: ${request.url()}`));
  page.on('request', (request) => { if (!request.url().startsWith('file:')) problems.push(`external request: ${request.url()}`); });
  await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
  await page.goto(pathToFileURL(join(dir, 'report.html')).href, { waitUntil: 'load' });
  const charts = await page.evaluate(() => Array.from(document.querySelectorAll('figure.chart > svg')).map((svg) => {
    // Data marks only: not rules (zero lines, base lines) or text, which are drawn without data too, nor
    // the grey event windows (`event_*`, `eventstart_*` layers) or the key drawn above fan panels (`key_*`).
    const groups = Array.from(svg.querySelectorAll('.role-mark:not(.mark-rule):not(.mark-text)'))
      .filter((g) => !/\b(event|eventstart|key)_[a-z0-9_]*marks\b/.test(g.getAttribute('class') ?? ''));
    const marks = groups.flatMap((g) => Array.from(g.querySelectorAll('path, rect, line'))) as SVGGraphicsElement[];
    const sized = marks.filter((mark) => { const box = mark.getBBox(); return box.width > 0 || box.height > 0; }).length;
    const broken = Array.from(svg.querySelectorAll('path')).filter((p) => /NaN|Infinity/.test(p.getAttribute('d') ?? '')).length;
    // Every linear y axis must span a range (a panel of only zeros or of only event shading has none).
    const flatAxes = Array.from(svg.querySelectorAll('[aria-label^="Y-axis"]')).map((axis) => /values from (-?[\d.e+-]+) to (-?[\d.e+-]+)/.exec(axis.getAttribute('aria-label') ?? ''))
      .filter((m) => m !== null && !(Number(m[2]) > Number(m[1]))).length;
    const box = svg.getBoundingClientRect();
    return { id: svg.parentElement?.id ?? '', sized, broken, flatAxes, title: svg.querySelector('title')?.textContent ?? '', width: box.width, height: box.height };
  }));
  const text = await page.evaluate(() => document.body.innerText);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await page.screenshot({ path: join(ARTIFACTS, `${screenshot}.png`), fullPage: true });
  for (const section of await page.locator('section').all()) {
    const id = await section.getAttribute('id');
    const tall = ((await section.boundingBox())?.height ?? 0) > 3000;
    if (!tall) await section.screenshot({ path: join(ARTIFACTS, `${screenshot}-${id}.png`) });
    else for (const [i, figure] of (await section.locator('figure').all()).slice(0, 2).entries()) await figure.screenshot({ path: join(ARTIFACTS, `${screenshot}-${id}-${i + 1}.png`) });
  }
  return { page, problems, charts, overflow, text };
}

describe('report.html in headless Chromium', () => {
  for (const kind of ['run', 'compare', 'sweep', 'stress'] as const) {
    it(`${kind}: no console errors, no external or failed requests, every chart drawn with data`, async () => {
      const { page, problems, charts, overflow, text } = await openReport(folders[kind], `report-${kind}`);
      expect(problems).toEqual([]);
      expect(text, 'no unformatted values in the page').not.toMatch(/\[object Object\]|\bNaN\b|\bundefined\b/);
      const files = (await readdir(join(folders[kind], 'charts'))).filter((f) => f.endsWith('.svg'));
      expect(charts.map((c) => `fig-${c.id.replace(/^fig-/, '')}`).sort()).toEqual(files.map((f) => `fig-${f.replace(/\.svg$/, '')}`).sort());
      for (const chart of charts) {
        expect(chart.sized, `${chart.id} has data marks with a size`).toBeGreaterThan(0);
        expect(chart.flatAxes, `${chart.id} has y axes that span a range`).toBe(0);
        expect(chart.broken, `${chart.id} has NaN coordinates`).toBe(0);
        expect(chart.title, `${chart.id} has an accessible title`).not.toBe('');
        expect(chart.width * chart.height, `${chart.id} is laid out`).toBeGreaterThan(0);
      }
      expect(overflow, 'nothing wider than the window').toBeLessThanOrEqual(0);
      await page.close();
    });
  }

  it('run: the answer box is on the first screen, above the contents, with Key results first and every contents link landing on its section', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(pathToFileURL(join(folders.run, 'report.html')).href);
    expect(await page.locator('#answer').count(), 'the answer box exists').toBe(1);
    const answer = await page.locator('#answer').boundingBox();
    expect((answer?.y ?? Infinity) + (answer?.height ?? 0), 'the whole answer box fits on the first screen').toBeLessThanOrEqual(900);
    expect(answer?.y ?? Infinity).toBeLessThan((await page.locator('nav.toc').boundingBox())?.y ?? 0);
    expect(await page.locator('#answer li').count()).toBeGreaterThanOrEqual(1);
    // Per material its name, then short labelled lines (audit 24, M9), the first on how short home end users go.
    expect(await page.locator('#answer li').first().innerText()).toMatch(/^NdPr oxide\s+How short: End users in the United States are short .*95% CI/);
    const sections = await page.locator('main > section').evaluateAll((all) => all.map((s) => s.id));
    expect(sections.slice(0, 2)).toEqual(['results', 'scenario']);
    const links = await page.locator('nav.toc a, #answer a').evaluateAll((all) => all.map((a) => a.getAttribute('href') ?? ''));
    expect(links).toContain('#results');
    for (const href of links) {
      expect(href).toMatch(/^#/);
      expect(await page.locator(`section${href}`).count(), `${href} lands on a section`).toBe(1);
    }
    // Charts get a column wider than the text's: on a desktop the run report's are drawn at their natural size.
    const shrunk = await page.evaluate(() => Array.from(document.querySelectorAll('figure.chart > svg'))
      .filter((svg) => svg.getBoundingClientRect().width < 0.99 * Number(svg.getAttribute('width'))).map((svg) => svg.parentElement?.id));
    expect(shrunk, 'charts drawn below their natural width at 1280 px').toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'report-run-first-screen.png') });
    await page.close();
  });

  it('on a phone (390 px): no page wider than the screen, and charts at their natural size (scrolled, not shrunk to unreadable text)', async () => {
    for (const kind of ['run', 'compare'] as const) {
      const page = await context.newPage();
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(pathToFileURL(join(folders[kind], 'report.html')).href);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `${kind}: page overflow`).toBeLessThanOrEqual(0);
      const shrunk = await page.evaluate(() => Array.from(document.querySelectorAll('figure.chart > svg'))
        .filter((svg) => svg.getBoundingClientRect().width < 0.99 * Number(svg.getAttribute('width'))).map((svg) => svg.parentElement?.id));
      expect(shrunk, `${kind}: charts drawn below their natural width`).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, `report-${kind}-phone.png`) });
      await page.close();
    }
  });

  it('prints on A4 without overflowing the page width', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 718, height: 1000 });
    await page.emulateMedia({ media: 'print' });
    await page.goto(pathToFileURL(join(folders.run, 'report.html')).href);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(ARTIFACTS, 'report-run-print.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, path: join(ARTIFACTS, 'report-run.pdf') });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.close();
  });
});

describe('report files', () => {
  it('run --report writes a self-contained report.html and every chart as SVG and PNG', async () => {
    const html = await readFile(join(folders.run, 'report.html'), 'utf8');
    const files = await readdir(join(folders.run, 'charts'));
    const svgs = files.filter((f) => f.endsWith('.svg'));
    expect(svgs.length).toBeGreaterThanOrEqual(4);
    for (const svg of svgs) {
      const png = await readFile(join(folders.run, 'charts', svg.replace(/\.svg$/, '.png')));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
    }
    expect((html.match(/<figure class="chart"/g) ?? []).length).toBe(svgs.length);
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(\s*['"]?https?:/i);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:|\/\/)/i);
    expect(html).toContain('Content-Security-Policy');
    for (const id of ['scenario', 'results', 'over-time', 'threat', 'reproduce', 'sources']) expect(html).toContain(`<section id="${id}"`);
    expect(html).toMatch(/In (90% of runs|\d+ of 8 runs|none of the 8 runs)/);
    expect(html).toContain('--seed 5 --replicates 8');
    expect(html).toContain('matches scenario.resolved.yaml in this folder');
    expect(html).not.toContain('not measured');
    expect(html).toContain('no disruption in this scenario');
    // The peak price a stage's disruptions cause is taken in their window (announcement to a year after their end), named in the row,
    // on the stage's own product (session 24: the magnet quota's row quotes the component price).
    expect(html).toMatch(/Peak refined price \(processing; [^)]*\), [A-Z][a-z]{2} \d{4} to [A-Z][a-z]{2} \d{4}: [+−]/);
    expect(html).toMatch(/Peak component price \(manufacturing; [^)]*\), [A-Z][a-z]{2} \d{4} to [A-Z][a-z]{2} \d{4}: [+−]/);
    expect(html).toMatch(/What the scenario&#39;s disruptions cause|What the scenario's disruptions cause/);
    expect(html).toMatch(/peak price from [A-Z][a-z]{2} \d{4} to [A-Z][a-z]{2} \d{4} \(the disruptions and the year after\): [\d.]+× the starting price against [\d.]+× in the same months without them: [\d.]+ times as high; difference [+−]/);
    expect(html).toContain('more than 1% of their weekly demand unmet');
    expect(html).toMatch(/demand for more than 8 weeks in a row: (\d+%|&lt;1%) \(95% CI .+; \d+ of 8 runs\)/);
    // Under price rationing the loss shows as consumption, in the sentences and in the table.
    expect(html).toMatch(/consumption over the run: [+−][^;]*(less|more) than without them/);
    expect(html).toContain('Consumption in US over the run, change caused by the disruptions');
    const impact = JSON.parse(await readFile(join(folders.run, 'impact.json'), 'utf8')) as {
      replicates: number; stages: Array<{ stage: string; events: string[] }>;
      disruptions: { materials: Array<{ material: string; homeConsumption: { mean: number; ciHigh: number } }> };
    };
    expect(impact.replicates).toBe(8);
    const ndprConsumption = impact.disruptions.materials.find((m) => m.material === 'ndpr')?.homeConsumption;
    expect(ndprConsumption?.ciHigh).toBeLessThan(0); // halving magnet exports takes NdPr away from US end users
    expect(impact.stages.filter((s) => s.events.length > 0).map((s) => s.stage)).toEqual(['processing', 'manufacturing']);
    // No event id leaks into the reader's text: the appendix and fan panels use descriptions.
    expect(html).not.toMatch(/>event cnQuota|Grey: cnQuota/);
  });

  it('a stress folder shows the measured impact beside the study scores', async () => {
    const html = await readFile(join(folders.stress, 'report.html'), 'utf8');
    // A paired difference, signed, rounded alike with its interval.
    expect(html).toContain('expected shortfall: +2,100 t (95% CI +1,680 to +2,520 t)');
    expect(html).toContain('not in stress.json');
    expect(html).not.toContain('>not measured<');
    expect((await readdir(join(folders.stress, 'charts'))).sort()).toEqual(
      ['measured-impact.png', 'measured-impact.svg', 'threat-matrix.png', 'threat-matrix.svg', 'timeline.png', 'timeline.svg']);
  });

  it('compare --report: the manifest records the command line, the report checks every scenario and leads with the home headline', async () => {
    const manifest = JSON.parse(await readFile(join(folders.compare, 'manifest.json'), 'utf8')) as { commandLine: string[]; scenarios: Array<{ label: string }> };
    expect(manifest.commandLine).toEqual(['crm-sim', ...COMPARE_ARGS, '--out', folders.compare]);
    const html = await readFile(join(folders.compare, 'report.html'), 'utf8');
    for (const { label } of manifest.scenarios) expect(html).toContain(`matches ${label}.resolved.yaml in this folder`);
    expect(html).toContain(`crm-sim compare scenarios/threat-export-quota.yaml scenarios/mitigation-stockpile-magnets.yaml --replicates 4`);
    expect(html).not.toMatch(/cannot be checked|deterioration/);
    // What each strategy is: the alternative's own events, in words.
    expect(html).toContain('The strategies at a glance');
    expect(html).toMatch(/US stockpile of NdPr oxide in components \(manufactured goods\): 60 days/);
    // The headline table: reference and alternative levels side by side, signed difference, the policy cost worded neutrally.
    const headline = html.slice(html.indexOf('class="headline"'), html.indexOf('</table>', html.indexOf('class="headline"')));
    for (const row of ['NdPr oxide: weeks short', 'NdPr oxide: unmet demand', 'NdPr oxide: consumption (received)', 'NdPr oxide: peak refined price', 'Policy cost (spending)']) expect(headline).toContain(row);
    expect(headline).toMatch(/<td class="num">[+−]USD [\d.,]+ million \(/);
    expect(headline).toMatch(/<td>(higher|lower|same) in /);
    // What the stockpile's spending buys: comparison.json's cost per tonne agrees with its paired differences, and the report says it per kg.
    const comparison = JSON.parse(await readFile(join(folders.compare, 'comparison.json'), 'utf8')) as {
      alternatives: Record<string, Record<string, { meanDifference: number }>>;
      costEffectiveness: Record<string, Record<string, { extraCostUsd: { mean: number }; consumptionGainedTonnes: { mean: number }; usdPerTonneConsumptionGained: { ratio: number } }>>;
    };
    const paired = comparison.alternatives['mitigation-stockpile-magnets'];
    const bought = comparison.costEffectiveness['mitigation-stockpile-magnets'].ndpr;
    // The stockpiles' spending is all tied to NdPr or Dy: NdPr is charged its own part, and the parts add up to the total.
    const dyCharged = comparison.costEffectiveness['mitigation-stockpile-magnets'].dy.extraCostUsd.mean;
    expect(bought.extraCostUsd.mean).toBeCloseTo(paired['materialPolicyCost.ndpr.US'].meanDifference, 0);
    expect(bought.extraCostUsd.mean + dyCharged).toBeCloseTo(paired['policyCost.US'].meanDifference, 0);
    expect(dyCharged).toBeGreaterThan(0);
    expect(bought.consumptionGainedTonnes.mean).toBeCloseTo(paired['cumulativeConsumption.ndpr.endUse.US'].meanDifference, 6);
    expect(bought.usdPerTonneConsumptionGained.ratio).toBeCloseTo(bought.extraCostUsd.mean / bought.consumptionGainedTonnes.mean, 6);
    expect(html).toMatch(/What the extra spending buys<\/strong> for end users in the United States: NdPr oxide: consumption gained for USD [\d.,]+\/kg \(95% CI USD [\d.,]+ to USD [\d.,]+\/kg\) of spending/);
    expect(html).toContain('Each material is charged its own extra spending');
    // The quotas under each strategy: every quota of the reference, with its binding weeks and tonnes allowed.
    const quotas = html.slice(html.indexOf('id="export-quotas"'), html.indexOf('</section>', html.indexOf('id="export-quotas"')));
    for (const id of ['cnQuotaNdpr', 'cnQuotaNdprMagnets', 'cnQuotaDy', 'cnQuotaDyMagnets']) expect(quotas).toContain(`<td>${id}: CN export quota`);
    expect(quotas).toMatch(/bound [\d.]+ weeks? of 52 weeks; allowed [\d.,]+ t; rent paid USD [\d.,]+ (million|billion) \(bound [^)]*\); allowed [^)]*\); rent [−+]USD /);
  });

  it('sweep --report: readable tornado, heat maps shaded from 0, no negative CIs of quantities that cannot be negative', async () => {
    const html = await readFile(join(folders.sweep, 'report.html'), 'utf8');
    expect(html).toContain('NdPr oxide: demand growth per year');
    expect(html).toMatch(/%\/yr/);
    expect(html).not.toMatch(/materials\.ndpr\.demand\.[a-zA-Z]+…/);
    expect(html).toContain('shading from 0');
    // Levels (tonnes, prices) cannot be negative, nor their intervals; a paired change's interval can.
    const levels = html.replace(/\(95% CI [^()]*, paired run by run\)/g, '');
    expect(levels).toContain('95% CI');
    expect(levels).not.toMatch(/95% CI [−-]/);
    expect(html).toContain('crm-sim sweep scenarios/threat-export-quota.yaml --grid');
    expect(html).toContain('matches scenario.resolved.yaml in this folder');
  });

  it('rewrites the same report for the same folder and leaves no temporary files', async () => {
    const before = await readFile(join(folders.compare, 'report.html'));
    await writeReport(folders.compare);
    expect((await readFile(join(folders.compare, 'report.html'))).equals(before)).toBe(true);
    expect((await readdir(root)).filter((f) => f.startsWith('.'))).toEqual([]);
    expect((await readdir(folders.compare)).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('crm-sim report refuses a folder that is not an output folder with one line and exit code 2', async () => {
    const empty = await mkdtemp(join(root, 'empty-'));
    const result = runCli(['report', empty]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/is not a crm-sim output folder/);
  });
});
