import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/buildReport.ts';

/** The text of the report section `actor-rules`, tags removed, or undefined when the report has none. */
function sectionText(html: string): string | undefined {
  const start = html.indexOf('id="actor-rules"');
  if (start < 0) return undefined;
  return html.slice(start, html.indexOf('</section>', start)).replace(/<\/t[dh]>/g, ' | ').replace(/<[^>]+>/g, ' ').replace(/&#39;|&apos;/g, '\'').replace(/\s+/g, ' ');
}

const metric = (metricId: string, values: number[]) => {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return [metricId, { n: values.length, mean, ciLow: mean, ciHigh: mean, p5: 0, p25: 0, p50: 0, p75: 0, p95: 0, min: Math.min(...values), max: Math.max(...values), unit: 'weeks' }];
};

/**
 * A crafted run folder (no scenario): 4 runs of 2 years, weekly; a price war on refined ndpr in runs 0–2
 * (52, 26 and 10 weeks; share of runs at war 0.1 from week 50, 0.5 from week 60), retaliation in none, 3 cyberattacks on ndpr
 * processing in run 2. `quiet`: nothing happened at all.
 */
async function writeFolder(dir: string, quiet: boolean, retaliation = [0, 0, 0, 0], quotaBinding?: number[]): Promise<void> {
  const runs: Record<string, number[]> = {
    ...(quotaBinding === undefined ? {} : { 'exportQuotaWeeksBinding.ndpr.processing.q1': quotaBinding }),
    'actorPriceWarWeeks.ndpr.processing.CN': quiet ? [0, 0, 0, 0] : [52, 26, 10, 0],
    'actorRetaliationWeeks.ndpr.processing.CN': retaliation,
    'actorCyberattacks.ndpr.processing': quiet ? [0, 0, 0, 0] : [0, 0, 3, 0],
    'policyCost.US': [0, 0, 0, 0],
    'foreignActorCost.CN': [0, 0, 0, 0],
  };
  await writeFile(join(dir, 'summary.json'), JSON.stringify({ metrics: Object.fromEntries(Object.entries(runs).map(([id, values]) => metric(id, values))) }));
  const parts: Record<string, string> = {
    'actorPriceWarWeeks.ndpr.processing.CN': 'actorPriceWarWeeks,ndpr,processing,CN', 'actorRetaliationWeeks.ndpr.processing.CN': 'actorRetaliationWeeks,ndpr,processing,CN',
    'actorCyberattacks.ndpr.processing': 'actorCyberattacks,ndpr,processing,', 'policyCost.US': 'policyCost,,,US', 'foreignActorCost.CN': 'foreignActorCost,,,CN',
    'exportQuotaWeeksBinding.ndpr.processing.q1': 'exportQuotaWeeksBinding,ndpr,processing,q1',
  };
  const rows = Object.entries(runs).flatMap(([id, values]) => values.map((value, replicate) => `${replicate},${parts[id]},weeks,${value}`));
  await writeFile(join(dir, 'replicates.csv'), `replicate,metric,material,stage,region,unit,value\n${rows.join('\n')}\n`);
  const ticks = Array.from({ length: 104 }, (_, t) => t);
  const share = (t: number) => (quiet ? 0 : t >= 60 ? 0.5 : t >= 50 ? 0.1 : 0);
  const series = ticks.map((t) => `${t},${(2025 + t / 52).toFixed(3)},actorPriceWar,ndpr,processing,CN,share,${share(t)},0,0,0,1,1`);
  await writeFile(join(dir, 'series.csv'), `tick,year,metric,material,stage,region,unit,mean,p5,p25,p50,p75,p95\n${series.join('\n')}\n`);
  await writeFile(join(dir, 'manifest.json'), JSON.stringify({ tool: 'crm-sim', masterSeed: 1, replicates: 4 }));
}

describe('report: what the foreign actor did by its standing rules', () => {
  const dirs: string[] = [];
  const report = async (quiet: boolean, retaliation?: number[], quotaBinding?: number[]) => {
    const dir = await mkdtemp(join(tmpdir(), 'crm-actor-'));
    dirs.push(dir);
    await writeFolder(dir, quiet, retaliation, quotaBinding);
    return sectionText((await buildReport(dir)).html);
  };
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('names each rule-driven action with its share of runs, weeks and typical start; leaves out what never happened', async () => {
    const text = await report(false);
    expect(text).toContain('Price war | refined ndpr (processing) | 75% | 26 weeks over the run | Feb 2026');
    expect(text).toMatch(/Cyberattacks \| ndpr facilities \| 25% \| [^|]*\(processing [^)]*\)/);
    expect(text).not.toContain('Retaliatory');
    expect(text).toContain('scripted events (not counted here)');
  });

  it('lists retaliation first (what a home policy provoked), then price wars, then cyberattacks', async () => {
    const text = (await report(false, [0, 40, 0, 0])) ?? '';
    const order = ['Retaliatory export licensing | refined ndpr (processing) | 25% | 40 weeks', 'Price war | refined ndpr', 'Cyberattacks | ndpr'].map((row) => text.indexOf(row));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('says plainly when the actor did nothing by its rules', async () => {
    const text = await report(true);
    expect(text).toContain('In no run did the foreign actor (CN) start a price war, retaliate or launch a cyberattack by these rules.');
    expect(text).not.toContain('<table');
  });

  it('says how a price war and a quota on the same product combine, only when that quota bound in some run', async () => {
    const bound = (await report(false, undefined, [30, 0, 12, 0])) ?? '';
    expect(bound).toContain('On refined ndpr (processing) there was both this price war and a scripted export quota that bound');
    expect(bound).toMatch(/the binding quota still caps the tonnes that leave, and while it binds buyers abroad pay a licence rent up to their own price[^.]*so the cut does not lower what they pay: it turns into quota rent/);
    expect((await report(false, undefined, [0, 0, 0, 0])) ?? '').not.toContain('there was both this price war');
    expect((await report(false)) ?? '').not.toContain('there was both this price war');
  });

  it('describes a leadership-mode price war under the quota by its own mechanism when the scenario sets that mode', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'crm-actor-'));
    dirs.push(dir);
    await writeFolder(dir, false, undefined, [30, 0, 12, 0]);
    await writeFile(join(dir, 'scenario.resolved.yaml'), 'name: t\nyears: 2\nticksPerYear: 52\nstartYear: 2025\ngovernment: { region: US }\nforeignActor: { region: CN, rules: { priceWarMode: leadership } }\n');
    const text = sectionText((await buildReport(dir)).html) ?? '';
    expect(text).toMatch(/price war \(in leadership mode, as this scenario sets it\) leads the price of CN’s price pool down[^.]*lowers CN’s own price, not the price abroad[^.]*it widens the quota rent/);
    expect(text).not.toContain('export-discount mode');
  });
});
