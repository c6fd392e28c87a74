import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChartCollector } from '../../src/report/createChartCollector.ts';
import { readImpactJson } from '../../src/report/readImpactJson.ts';
import { describePeakProduct, renderThreatSection } from '../../src/report/renderThreatSection.ts';

const dirs: string[] = [];
afterAll(async () => { await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))); });

/** A collector that returns each chart's caption and its spec's subtitle instead of rendering it. */
const captions: ChartCollector = {
  add: async (_name, spec, { caption }) => `<figure>${JSON.stringify((spec as { title?: unknown }).title ?? '')} ${caption}</figure>`,
  finish: async () => [],
};
const stat = (unit: string, mean: number, half = 0.1 * Math.abs(mean)) => ({ unit, n: 30, meanWith: 10 + mean, meanWithout: 10, mean, ciLow: mean - half, ciHigh: mean + half });
const window = { startTick: 39, endTick: 182, fromYear: 2025.75, toYear: 2028.5 };
const names: Record<string, string> = { ndpr: 'NdPr oxide', dy: 'Dysprosium oxide' };

/** An impact.json with an oxide quota (processing) and a magnet quota (manufacturing) on NdPr and Dy, as session 24 writes it. */
function impactFile(oxideConsumption: number) {
  const record = (stage: string, peak: number, shortfall: Record<string, number>, consumption: Record<string, number>) => ({
    stage, events: [`q-${stage}`],
    homeShortfall: { ...stat('t', shortfall.ndpr + shortfall.dy), materials: ['dy', 'ndpr'] },
    homeShortfallByMaterial: ['dy', 'ndpr'].map((material) => ({ ...stat('t', shortfall[material]), material })),
    homeConsumption: ['dy', 'ndpr'].map((material) => ({ ...stat('t', consumption[material]), material })),
    peakPriceMultiple: { ...stat('x base', peak), materials: ['dy', 'ndpr'], priceStages: { dy: stage, ndpr: stage } },
    disruptionPeakPrice: { ...stat('x base', peak), materials: ['dy', 'ndpr'], priceStages: { dy: stage, ndpr: stage }, window },
    policyCost: { unit: 'USD', n: 30, meanWith: 0, meanWithout: 0, mean: 0, ciLow: 0, ciHigh: 0 },
  });
  return {
    replicates: 30, runReplicates: 100, replicateCap: 30,
    stages: [
      record('processing', 0.853, { dy: -3.06, ndpr: -44.9 }, { dy: -5.4, ndpr: oxideConsumption }),
      record('manufacturing', 4.09, { dy: 28, ndpr: 1040 }, { dy: -459, ndpr: -15250 }),
    ],
  };
}

async function render(impact: unknown): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'crm-threat-'));
  dirs.push(dir);
  await writeFile(join(dir, 'impact.json'), JSON.stringify(impact));
  const reading = await readImpactJson(dir);
  const threat = [{ stage: 'processing', capability: 3, intent: 3 }, { stage: 'manufacturing', capability: 3, intent: 3 }];
  return renderThreatSection(threat, 'China', { impact: reading, materialName: (id) => names[id] ?? id, homeName: 'the United States' }, captions);
}

describe('renderThreatSection with per-stage products and per-material shortfall', () => {
  it('names whose price each stage\'s peak is, and never adds tonnes of different materials', async () => {
    const html = await render(impactFile(-551));
    const rows = html.slice(html.indexOf('<tbody>'));
    expect(rows).toContain('Peak refined price (processing; the highest of Dysprosium oxide, NdPr oxide), Oct 2025 to Jun 2028: +0.853×');
    expect(rows).toContain('Peak component price (manufacturing; the highest of Dysprosium oxide, NdPr oxide), Oct 2025 to Jun 2028: +4.09×');
    expect(rows).toContain('Shortfall of NdPr oxide: +1,040 t');
    expect(rows).toContain('Shortfall of Dysprosium oxide: +28.0 t');
    // The summed record (+1,068 t) is not shown.
    expect(rows).not.toMatch(/Shortfall[^<]*1,07\d/);
    expect(html).toContain('material by material (tonnes of different materials are not added)');
    expect(html).toContain('each stage on its own product’s price');
  });

  it('reads consumption first where shortfall and consumption both fall clearly, and only there', async () => {
    const html = await render(impactFile(-551));
    const processing = html.slice(html.indexOf('<td>processing</td>'), html.indexOf('<td>manufacturing</td>'));
    expect(processing).toMatch(/<em>Read consumption first<\/em>: what end users in the United States received changed by −5\.40 t \([^)]*\) of Dysprosium oxide and −551 t \([^)]*\) of NdPr oxide\./);
    const manufacturing = html.slice(html.indexOf('<td>manufacturing</td>'));
    expect(manufacturing).not.toContain('Read consumption first');
    // NdPr consumption not clearly lower (its CI spans 0): only Dy is named.
    const unclear = await render({ ...impactFile(-551), stages: impactFile(-551).stages.map((s) => s.stage !== 'processing' ? s : {
      ...s, homeConsumption: s.homeConsumption.map((c) => (c.material === 'ndpr' ? { ...c, mean: -20, ciLow: -60, ciHigh: 20 } : c)),
    }) });
    expect(unclear).toMatch(/received changed by −5\.40 t \([^)]*\) of Dysprosium oxide\. Unmet demand/);
  });

  it('reads an older impact.json (no priceStages, a summed shortfall) as it is, saying the tonnes are summed', async () => {
    const old = impactFile(-551);
    const stages = old.stages.map(({ homeShortfallByMaterial: _, peakPriceMultiple, disruptionPeakPrice, ...rest }) => ({
      ...rest, peakPriceMultiple: { ...peakPriceMultiple, priceStages: undefined }, disruptionPeakPrice: { ...disruptionPeakPrice, priceStages: undefined },
    }));
    const html = await render({ ...old, stages });
    expect(html).toContain('Peak price, Oct 2025 to Jun 2028');
    expect(html).toContain('Shortfall, tonnes summed over Dysprosium oxide, NdPr oxide:');
    expect(html).not.toContain('Read consumption first');
    expect(html).not.toContain('each stage on its own product’s price');
  });
});

describe('describePeakProduct', () => {
  it('names one material\'s product, a shared stage\'s product for several, or says nothing for an older file', () => {
    const name = (id: string) => names[id] ?? id;
    expect(describePeakProduct({ materials: ['ndpr'], priceStages: { ndpr: 'manufacturing' } }, name)).toBe('Peak price of magnets containing NdPr oxide (manufacturing)');
    expect(describePeakProduct({ materials: ['ndpr', 'dy'], priceStages: { ndpr: 'processing', dy: 'manufacturing' } }, name))
      .toBe('Peak price (the highest of refined NdPr oxide (processing), magnets containing dysprosium oxide (manufacturing))');
    expect(describePeakProduct({ materials: ['ndpr'] }, name)).toBe('Peak price');
  });
});
