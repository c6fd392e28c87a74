import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeEvent } from '../../src/report/describeEvent.ts';
import { describeStageProduct } from '../../src/report/describeStageProduct.ts';
import { type EventOverview, readScenarioOverview } from '../../src/report/readScenarioOverview.ts';
import { loadScenario } from '../../src/scenario/loadScenario.ts';

const names: Record<string, string> = { ndpr: 'NdPr oxide', gallium: 'Gallium', graphite: 'Natural graphite (battery grade)' };
const name = (id: string): string => names[id] ?? id;
const event = (kind: string, fields: Record<string, unknown>): EventOverview => ({ id: 'e', kind, start: 1, end: NaN, announced: NaN, fields: { kind, ...fields } });

describe('describeEvent', () => {
  it('names the taxed exporters of a tariff and the product of its stage (magnets, not NdPr oxide, for manufacturing)', () => {
    const text = describeEvent(event('tariff', { material: 'ndpr', stage: 'manufacturing', importer: 'US', exporters: ['CN', 'ROW'], rate: 0.25 }), name);
    expect(text).toBe('US tariff of 25% on imports of magnets containing NdPr oxide (manufacturing) from CN, ROW');
    expect(describeEvent(event('tariff', { material: 'ndpr', stage: 'processing', importer: 'US', rate: 0.1 }), name)).toBe('US tariff of 10% on imports of refined NdPr oxide (processing)');
  });

  it('names the destinations of an export control and the delay of licences', () => {
    const text = describeEvent(event('exportControl', { material: 'gallium', stage: 'processing', exporter: 'CN', mode: 'licensing', approvalRate: 0.4, delayYears: 0.25, destinations: ['US', 'ALLIES'] }), name);
    expect(text).toBe('CN export licensing, 40% approved, 3 months delay: refined gallium (processing) to US, ALLIES');
  });

  it('gives a quota as its share of previous exports, or as its fixed tonnage', () => {
    const quota = { material: 'ndpr', stage: 'manufacturing', exporter: 'CN', mode: 'quota' };
    expect(describeEvent(event('exportControl', { ...quota, quotaShare: 0.5 }), name)).toBe('CN export quota (50% of previous exports): magnets containing NdPr oxide (manufacturing)');
    expect(describeEvent(event('exportControl', { ...quota, quotaShare: 1, quotaTonnesPerYear: 30258, destinations: ['US'] }), name))
      .toBe('CN export quota (30,258 t/yr): magnets containing NdPr oxide (manufacturing) to US');
  });

  it('gives a cyberattack its downtime, and a stochastic one its rate', () => {
    const fields = { stage: 'processing', region: 'US', material: 'graphite', facilityShare: 0.5, downtimeYears: 4 / 52 };
    expect(describeEvent(event('cyberattack', fields), name)).toBe('Cyberattack on 50% of the Natural graphite (battery grade) processing plants in US, down 4 weeks');
    const campaign = describeEvent(event('cyberattack', { ...fields, mode: 'stochastic', ratePerYear: 6, downtimeSpread: 0.5 }), name);
    expect(campaign).toContain('Cyberattacks at random (6 a year on average)');
    expect(campaign).toContain('each down 4 weeks on average');
  });

  it('says how a price war reaches the market: leading the price down, or cheaper exports only', () => {
    const fields = { material: 'ndpr', stage: 'processing', region: 'CN', priceCut: 0.3, budgetUsd: 4e9 };
    expect(describeEvent(event('priceManipulation', { ...fields, mode: 'leadership' }), name)).toBe('CN price war on refined NdPr oxide (processing): leads the market 30% × its share of supply down, subsidising its producers from its budget');
    expect(describeEvent(event('priceManipulation', { ...fields, mode: 'exportDiscount' }), name)).toBe('CN price war on refined NdPr oxide (processing): exports 30% below market');
  });

  it('names each stage’s product', () => {
    expect(describeStageProduct('ndpr', 'NdPr oxide', 'mining')).toBe('NdPr oxide in concentrate (mining)');
    expect(describeStageProduct('x', 'Gallium', 'manufacturing')).toBe('components containing gallium (manufacturing)');
  });
});

describe('describeEvent over the shipped scenarios', () => {
  const dir = mkdtempSync(join(tmpdir(), 'describe-event-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const files = readdirSync('scenarios').filter((f) => f.endsWith('.yaml'));

  it.each(files)('%s: every event in words, with its lists, rates and stage products', async (file) => {
    writeFileSync(join(dir, 'scenario.resolved.yaml'), loadScenario(join('scenarios', file)).resolvedYaml);
    const overview = await readScenarioOverview(dir);
    const materialName = (id: string): string => overview?.materials.find((m) => m.id === id)?.name ?? id;
    for (const e of overview?.events ?? []) {
      const text = describeEvent(e, materialName);
      expect(text, `${file} ${e.id}`).not.toMatch(/\?|undefined|NaN|n\/a/);
      expect(text).not.toContain(e.id);
      for (const key of ['exporters', 'destinations', 'members']) for (const id of (e.fields[key] as string[] | undefined) ?? []) expect(text).toContain(id);
      if (e.kind === 'cyberattack') expect(text).toMatch(/down \d/);
      if (e.fields.mode === 'stochastic') expect(text).toContain('a year');
      // The material's name is its refined product: the other traded stages say what they make.
      if (e.kind !== 'stockpile' && typeof e.fields.material === 'string' && e.fields.stage === 'manufacturing') expect(text).toContain('containing');
      if (typeof e.fields.material === 'string' && e.fields.stage === 'mining' && e.kind !== 'cyberattack') expect(text).toContain('in concentrate');
    }
  });
});
