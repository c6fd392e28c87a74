import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/loadScenario.ts';
import type { Problem } from '../../src/scenario/scenarioError.ts';
import { problemsOf } from './problemsOf.ts';

// The minimal fixture: 2025 to 2030 (5 years), ndpr with the default 10% base collection share.
const MINIMAL = 'test/fixtures/scenarios/minimal.yaml';

/** A file extending the minimal fixture with `body` (YAML lines after its header). */
function extending(body: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'crm-pointless-')), 'variant.yaml');
  writeFileSync(file, `extends: ${resolve(MINIMAL)}\nname: variant\n${body}`);
  return file;
}

/** The warnings of the minimal fixture with `events` (YAML lines under `events:`) added, as [path, message]. */
function eventWarnings(events: string, set?: string[]): [string, string][] {
  return loadScenario(extending(`events:\n${events}`), { set }).warnings.map((w: Problem) => [w.path, w.message]);
}

/** The paths warned about in the minimal fixture with `events` added. */
function warnedPaths(events: string): string[] {
  return eventWarnings(events).map(([path]) => path);
}

const SUBSIDY = '  s: { kind: subsidy, region: US, material: ndpr, stage: processing, mode: capex, capexShare: 30%, reversible: false, start: 2026-01';
// The fixture's own US ndpr stockpile (`reserve`) would share the stock: deleted; bought fast enough to be full before the fixture's quota cut.
const STOCKPILE = '  reserve: null\n  st: { kind: stockpile, material: ndpr, region: US, maxBuyShare: 100%, reversible: false, start: 2025-01';
const WORKFORCE = '  w: { kind: workforceProgramme, region: US, extraGraduatesPerYear: 100, reversible: false, start: 2026-01';

describe('budgetUsd: 0 on an event its budget bounds', () => {
  it('warns for a subsidy, a price manipulation and a regulatory instrument: each never acts', () => {
    const [[path, message], ...rest] = eventWarnings(`${SUBSIDY}, budgetUsd: 0 }\n`);
    expect(rest).toEqual([]);
    expect(path).toBe('events.s.budgetUsd');
    expect(message).toContain('with none it never acts; give the money available, or leave budgetUsd out for the default 1 bn USD');
    expect(warnedPaths('  p: { kind: priceManipulation, material: ndpr, stage: processing, region: CN, priceCut: 20%, budgetUsd: 0 USD, start: 2026-01 }\n')).toEqual(['events.p.budgetUsd']);
    const [[, tariff]] = eventWarnings('  t: { kind: tariff, material: ndpr, stage: processing, importer: US, rate: 25%, budgetUsd: 0, reversible: false, start: 2026-01 }\n');
    expect(tariff).toContain('leave budgetUsd out (no limit)');
  });

  it('says nothing for a budget above 0, a budget drawn from a distribution, or a workforce programme (its budget is its cost)', () => {
    expect(warnedPaths(`${SUBSIDY}, budgetUsd: 1 MUSD }\n`)).toEqual([]);
    expect(warnedPaths(`${SUBSIDY}, budgetUsd: { dist: discrete, values: [0, 1e9], weights: [0.5, 0.5] } }\n`)).toEqual([]);
    expect(warnedPaths(`${WORKFORCE}, lagYears: 1 year, budgetUsd: 0 }\n`)).toEqual([]);
  });

  it('warns for a stockpile only when nothing else gives it stock: no initialDays, no other stockpile or offtake on its cell', () => {
    expect(warnedPaths(`${STOCKPILE}, budgetUsd: 0 }\n`)).toEqual(['events.st.budgetUsd']);
    expect(warnedPaths(`${STOCKPILE}, budgetUsd: 0, initialDays: 30 days }\n`)).toEqual([]);
    expect(warnedPaths(`${STOCKPILE}, budgetUsd: 0 }\n  st2: { kind: stockpile, material: ndpr, region: US, reversible: false, start: 2027-01 }\n`)).toEqual([]);
  });
});

describe('a stockpile that can never release', () => {
  it('warns at releaseShortfallShare: 100% with the shortfall doctrine (unmet demand never exceeds demand)', () => {
    const [[path, message], ...rest] = eventWarnings(`${STOCKPILE}, doctrine: shortfall, releaseShortfallShare: 100% }\n`);
    expect(rest).toEqual([]);
    expect(path).toBe('events.st.releaseShortfallShare');
    expect(message).toContain('unmet demand never exceeds 100% of demand, so this stockpile never releases on shortfall');
    expect(message).toContain('write a share below 100%, such as the default 5%');
  });

  it('warns for days of consumption only when its price release cannot trigger either (prices stay within 1000× base)', () => {
    expect(warnedPaths(`${STOCKPILE}, releaseShortfallShare: 100% }\n`)).toEqual([]);
    expect(warnedPaths(`${STOCKPILE}, releaseShortfallShare: 100%, releasePriceMultiple: 999 }\n`)).toEqual([]);
    const [[, message]] = eventWarnings(`${STOCKPILE}, releaseShortfallShare: 100%, releasePriceMultiple: 1000 }\n`);
    expect(message).toContain('releasePriceMultiple 1000 never triggers either');
  });

  it('says nothing below 100%, or when another stockpile event acts on the same stock', () => {
    expect(warnedPaths(`${STOCKPILE}, doctrine: shortfall, releaseShortfallShare: 99% }\n`)).toEqual([]);
    const sale = '  sale: { kind: stockpile, material: ndpr, region: US, doctrine: release, reversible: false, start: 2028-01 }\n';
    expect(warnedPaths(`${STOCKPILE}, doctrine: shortfall, releaseShortfallShare: 100% }\n${sale}`)).toEqual([]);
    // A component stockpile is another stock: the refined one still never releases.
    const components = '  sale: { kind: stockpile, material: ndpr, region: US, stage: manufacturing, doctrine: release, reversible: false, start: 2028-01 }\n';
    expect(warnedPaths(`${STOCKPILE}, doctrine: shortfall, releaseShortfallShare: 100% }\n${components}`)).toEqual(['events.st.releaseShortfallShare']);
  });
});

describe('a recycling mandate at or below the base collection share', () => {
  const MANDATE = '  m: { kind: recyclingMandate, region: US, material: ndpr, reversible: false, start: 2026-01';

  it('warns at or below the material\'s base share, naming it (it only raises collection to at least its share)', () => {
    const [[path, message]] = eventWarnings(`${MANDATE}, collectionShare: 5% }\n`);
    expect(path).toBe('events.m.collectionShare');
    expect(message).toContain('at or below the base it changes nothing but its running cost; write a share above 10%');
    expect(warnedPaths(`${MANDATE}, collectionShare: 10% }\n`)).toEqual(['events.m.collectionShare']);
    expect(warnedPaths(`${MANDATE}, collectionShare: 30% }\n`)).toEqual([]);
    expect(warnedPaths(`${MANDATE}, collectionShare: { dist: uniform, min: 5%, max: 30% } }\n`)).toEqual([]);
  });
});

describe('a workforce programme whose graduates arrive after the run or the programme', () => {
  it('warns when start + lagYears is at or after the run\'s end, with the date graduates arrive', () => {
    const [[path, message], ...rest] = eventWarnings(`${WORKFORCE}, lagYears: 5 years }\n`);
    expect(rest).toEqual([]);
    expect(path).toBe('events.w.lagYears');
    expect(message).toContain('graduates arrive from 2031-01, after the run ends in 2030-01: the programme adds no engineer in the run');
    expect(warnedPaths(`${WORKFORCE}, lagYears: 3 years }\n`)).toEqual([]);
  });

  it('warns when they would arrive after the programme ends', () => {
    const [[, message]] = eventWarnings(`${WORKFORCE}, lagYears: 2 years, end: 2027-07 }\n`);
    expect(message).toContain('after the programme ends in 2027-07');
  });
});

describe('a mine acquisition by the region itself', () => {
  it('refuses it at the acquirer: the diverted output stays in the region\'s own market', () => {
    const acquisition = (acquirer: string) => `  a: { kind: mineAcquisition, material: ndpr, region: AU, acquirer: ${acquirer}, share: 40%, mode: acquisition, start: 2026-01 }\n`;
    const [problem] = problemsOf(extending(`events:\n${acquisition('AU')}`));
    expect(problem.path).toBe('events.a.acquirer');
    expect(problem.message).toContain('here AU\'s own, so it diverts nothing');
    expect(warnedPaths(acquisition('CN'))).toEqual([]);
  });
});

describe('bare numbers outside events', () => {
  it('takes entrantHeadroom: 5 as meant, room for five times the starting firms (review 25, L1)', () => {
    expect(loadScenario(extending('resolution:\n  entrantHeadroom: 5\n')).warnings).toEqual([]);
  });

  it('warns about a bare share of 5 or more on a material key that may exceed 1, in the events\' wording', () => {
    const file = extending('materials:\n  ndpr:\n    demand:\n      growthPerYear: 5\n');
    const [warning, ...rest] = loadScenario(file).warnings;
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({ path: 'materials.ndpr.demand.growthPerYear', line: 6, found: '5' });
    expect(warning.message).toBe('a share: 5 means 500%; write 5% if a percentage was meant');
    expect(loadScenario(MINIMAL, { set: ['materials.ndpr.demand.growthPerYear=5%'] }).warnings).toEqual([]);
    expect(loadScenario(MINIMAL, { set: ['materials.ndpr.demand.growthPerYear=0.5'] }).warnings).toEqual([]);
  });

  it('leaves priceWarTrigger alone, where a bare share far above 1 means "never"', () => {
    expect(loadScenario(MINIMAL, { set: ['foreignActor.rules.priceWarTrigger=100'] }).warnings).toEqual([]);
  });
});

describe('event multipliers above 10', () => {
  const SHOCK = '  d: { kind: demandShock, material: ndpr, start: 2026-01, duration: 1 year';

  it('warns about a multiplier above 10 (a typo, or a percentage typed as the multiplier)', () => {
    const [[path, message]] = eventWarnings(`${SHOCK}, multiplier: 1e14 }\n`);
    expect(path).toBe('events.d.multiplier');
    expect(message).toBe('it multiplies demand by 1e+14: most likely a typo');
    expect(eventWarnings(`${SHOCK}, multiplier: 150 }\n`)[0][1]).toBe('it multiplies demand by 150: most likely a typo; if 150% was meant, write 1.5');
    expect(warnedPaths('  r: { kind: permittingReform, region: US, durationMultiplier: 50, reversible: false, start: 2026-01 }\n')).toEqual(['events.r.durationMultiplier']);
    expect(warnedPaths(`${SHOCK}, multiplier: { dist: uniform, min: 1, max: 20 } }\n`)).toEqual(['events.d.multiplier.max']);
  });

  it('says nothing at 10 or below', () => {
    expect(warnedPaths(`${SHOCK}, multiplier: 10 }\n`)).toEqual([]);
    expect(warnedPaths(`${SHOCK}, multiplier: 0.5 }\n`)).toEqual([]);
  });
});

describe('YAML keys', () => {
  it('names a duplicate key by its path, with the line of the first one', () => {
    const event = '    kind: demandShock\n    material: ndpr\n    multiplier: 1.2\n    start: 2026-01\n';
    const [problem, ...rest] = problemsOf(extending(`events:\n  cut:\n${event}  cut:\n${event}`));
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ path: 'events.cut', line: 9, column: 3, expected: 'a unique key', found: '"cut" again', message: 'first at line 4' });
    const [inside] = problemsOf(extending(`events:\n  cut:\n${event}    material: dy\n`));
    expect(inside).toMatchObject({ path: 'events.cut.material', line: 9, found: '"material" again', message: 'first at line 6' });
  });

  it('says that a merge key << is not supported, at the <<, and what to write instead', () => {
    const file = extending('events:\n  a: &shock { kind: demandShock, material: ndpr, multiplier: 1.2, start: 2026-01 }\n  b:\n    <<: *shock\n    material: dy\n');
    const [problem, ...rest] = problemsOf(file);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ path: 'events.b.<<', line: 6, column: 5, found: 'a YAML merge key "<<"' });
    expect(problem.message).toBe('YAML merge keys are not supported: repeat the keys in this map, or put what is shared in a parent file and use `extends`');
  });
});

describe('messages for common unit mistakes', () => {
  it('says not to group thousands, with the quantity to write', () => {
    const [problem] = problemsOf(extending('events:\n  t: { kind: tailingsReassessment, region: US, material: ndpr, capacityTonnesPerYear: "3,000 t/yr", start: 2026-01 }\n'));
    expect(problem).toMatchObject({ path: 'events.t.capacityTonnesPerYear', message: 'no thousands separators: write "3000 t/yr"' });
  });

  it('says that startYear is a calendar year, for a date', () => {
    const [problem] = problemsOf(extending('startYear: 2025-01\n'));
    expect(problem).toMatchObject({ path: 'startYear', found: '"2025-01"', message: 'startYear is a calendar year: write 2025' });
  });

  it('gives the plain number a percentage on a multiplier means', () => {
    const [problem] = problemsOf(MINIMAL, ['events.shock={kind: demandShock, material: ndpr, multiplier: 150%, start: 2026-01}']);
    expect(problem).toMatchObject({ path: 'events.shock.multiplier', message: '"%" is a share, not a plain number; write 1.5' });
  });

  it('suggests processing for a stage called refining', () => {
    const [problem] = problemsOf(MINIMAL, ['events.quotaCut.stage=refining']);
    expect(problem).toMatchObject({ path: 'events.quotaCut.stage', message: 'did you mean "processing"?' });
  });
});
