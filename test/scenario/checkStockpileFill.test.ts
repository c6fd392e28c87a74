import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/loadScenario.ts';
import { formatProblem } from '../../src/scenario/scenarioError.ts';

const BASELINE = resolve('scenarios/baseline.yaml');
const CUT = '  cut: { kind: exportControl, material: ndpr, stage: processing, exporter: CN, mode: quota, quotaShare: 50%, start: 2026-01, duration: 18 months }\n';

/** A scenario extending the baseline with the NdPr oxide cut of 2026-01 and `stock` (a flow map) as events.usStock. */
function scenario(stock: string, extraEvents = CUT): string {
  const file = join(mkdtempSync(join(tmpdir(), 'crm-fill-')), 'stock.yaml');
  writeFileSync(file, `extends: ${BASELINE}\nname: stock\nevents:\n${extraEvents}  usStock: { kind: stockpile, material: ndpr, region: US, ${stock} }\n`);
  return file;
}

/** The formatted fill warnings of a file. */
const fillWarnings = (file: string, set?: string[]) => loadScenario(file, { set }).warnings.filter((w) => w.path.endsWith('.maxBuyShare')).map(formatProblem);

describe('a stockpile that cannot be full before the first disruption of its material', () => {
  it('warns at maxBuyShare with the fill time from targetDays / (maxBuyShare × 7 days), and the share that would do', () => {
    const file = scenario('targetDays: 60 days, start: 2025-01');
    // 60 / (0.1 × 365/52) = 85.5: 86 weeks (a run's stockpile series reaches its 1,315 t target in week 86).
    expect(fillWarnings(file)).toEqual([
      `${file}:5:12: events.usStock.maxBuyShare: expected a stockpile full before its material's first disruption (events.cut from 2026-01, 52 weeks after the stockpile starts), found 10% (the default) of a week's consumption a week: the 60-day target takes about 86 weeks (full about 2026-09 at the earliest) (raise maxBuyShare to 17% or more, or start earlier; buying also pauses while the price is above 1.5× base)`,
    ]);
  });

  it('locates a written maxBuyShare at its value, counts initialDays and speaks in months at 12 ticks a year', () => {
    const file = scenario('targetDays: 90 days, initialDays: 30 days, maxBuyShare: 12%, start: 2025-07');
    expect(fillWarnings(file)).toEqual([
      `${file}:5:115: events.usStock.maxBuyShare: expected a stockpile full before its material's first disruption (events.cut from 2026-01, 26 weeks after the stockpile starts), found 12% of a week's consumption a week: the 90-day target (30 days held at the start) takes about 72 weeks (full about 2026-12 at the earliest) (raise maxBuyShare to 33% or more, or start earlier; buying also pauses while the price is above 1.5× base)`,
    ]);
    expect(fillWarnings(file, ['ticksPerYear=12'])[0]).toContain('(events.cut from 2026-01, 6 months after the stockpile starts), found 12% of a month\'s consumption a month: the 90-day target (30 days held at the start) takes about 17 months');
  });

  it('says only "start earlier" when no share of a tick\'s consumption could fill it in time', () => {
    const file = scenario('targetDays: 400 days, maxBuyShare: 50%, start: 2025-12');
    expect(fillWarnings(file)[0]).toMatch(/\(start earlier; buying also pauses while the price is above 1\.5× base\)$/);
  });

  it('is quiet when the stockpile fills in time, starts after the disruption, holds its target at the start, sells down, or the disruption is on another material or outside the run', () => {
    expect(fillWarnings(scenario('targetDays: 60 days, maxBuyShare: 25%, start: 2025-01'))).toEqual([]);
    expect(fillWarnings(scenario('targetDays: 60 days, start: 2026-06'))).toEqual([]);
    expect(fillWarnings(scenario('targetDays: 60 days, initialDays: 60 days, start: 2025-01'))).toEqual([]);
    expect(fillWarnings(scenario('doctrine: release, initialDays: 60 days, start: 2025-01'))).toEqual([]);
    expect(fillWarnings(scenario('targetDays: 60 days, start: 2025-01', CUT.replace('material: ndpr', 'material: dy')))).toEqual([]);
    expect(fillWarnings(scenario('targetDays: 60 days, start: 2025-01', CUT.replace('start: 2026-01', 'start: 2040-01')))).toEqual([]);
    // The shipped stockpiles buy 25% a week from 2025-01: full in about 35 weeks, before the 2026 quota.
    for (const shipped of ['mitigation-stockpile-60d', 'mitigation-stockpile-magnets', 'mitigation-stockpile-shortfall']) {
      expect(fillWarnings(`scenarios/${shipped}.yaml`)).toEqual([]);
    }
  });

  it('counts a disruption on no single material (a technology ban) and keeps the run valid', () => {
    const ban = '  ban: { kind: technologyBan, exporter: CN, stage: processing, constructionMultiplier: 2, start: 2025-06 }\n';
    const loaded = loadScenario(scenario('targetDays: 60 days, start: 2025-01', ban));
    expect(loaded.warnings.map((w) => w.expected)).toEqual(["a stockpile full before its material's first disruption (events.ban from 2025-06, 22 weeks after the stockpile starts)"]);
  });
});
