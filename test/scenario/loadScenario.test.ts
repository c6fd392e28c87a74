import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { problemsOf } from './problemsOf.ts';
import { loadScenario } from '../../src/scenario/loadScenario.ts';
import { formatProblem } from '../../src/scenario/scenarioError.ts';

const FIXTURES = 'test/fixtures/scenarios';
const fixture = (name: string) => join(FIXTURES, name);


describe('loadScenario: units, defaults, lists', () => {
  const { spec } = loadScenario(fixture('minimal.yaml'));
  const ndpr = spec.materials[0];

  it('turns id maps into lists in file order, the key becoming the id', () => {
    expect(spec.regions.map((r) => r.id)).toEqual(['US', 'CN', 'AU']);
    expect(spec.materials.map((m) => m.id)).toEqual(['ndpr', 'dy']);
    expect(spec.regions[2]).toMatchObject({ source: 'test', asOf: '2024' });
  });

  it('converts quantity strings to canonical units', () => {
    expect(ndpr.basePriceUsdPerTonne).toEqual({ mining: 20000, processing: 55000, manufacturing: 90000 });
    expect(ndpr.mining.capacityByRegion).toEqual({ CN: 70000, US: 10000, AU: 6000 });
    expect(ndpr.processing.yield).toBe(0.92);
    expect(ndpr.pipeline[0]).toMatchObject({ capacityTonnesPerYear: 2000, remainingYears: 1.5 });
    expect(spec.foreignActor.rules.budgetUsd).toBe(2e9);
    expect(spec.foreignActor.rules.cyberDowntimeYears).toBeCloseTo(14 / 365.25, 12);
  });

  it('applies plain and derived defaults', () => {
    expect(spec.ticksPerYear).toBe(52);
    expect(spec.behaviour.greenfield.permittingYears).toBe(8);
    expect(ndpr.mining.unitCostUsdPerTonne).toBe(0.5 * 20000);
    expect(ndpr.processing.capexUsdPerTonnePerYear).toBe(1.0 * 55000);
    expect(ndpr.recycling.unitCostUsdPerTonne).toBeCloseTo(0.6 * 55000, 9);
    expect(ndpr.recycling.yield).toBe(0.85);
    expect(ndpr.exploration.depositCapacityTonnesPerYear).toBeCloseTo(0.05 * 86000, 9);
    expect(spec.foreignActor.threat.mining).toEqual({ capability: 2, intent: 1 });
    expect(spec.regions[0].attritionPerYear).toBe(0.03);
  });

  it('converts event dates and durations, sorts events by (start, id) and fills event defaults', () => {
    expect(spec.events.map((e) => e.id)).toEqual(['quotaCut', 'reserve']);
    expect(spec.events[0]).toMatchObject({ start: 1, end: 2.5, quotaShare: 0.5, approvalRate: 1, reversible: false });
    expect(spec.events[1]).toMatchObject({ kind: 'stockpile', targetDays: 60, reversible: true, start: 1 });
    expect(spec.events[0]).not.toHaveProperty('duration');
  });

  it('extracts distributions into uncertainties (canonical key order), keeping the nominal value in place', () => {
    expect(ndpr.demand.elasticityShortRun).toBe(-0.1);
    expect(ndpr.demand.growthPerYear).toBeCloseTo(0.04, 12);
    expect(spec.uncertainties).toEqual([
      { path: 'events.1.start', label: 'events.reserve.start', distribution: { dist: 'uniform', min: 0.5, max: 1.5 } },
      { path: 'materials.0.demand.elasticityShortRun', label: 'materials.ndpr.demand.elasticityShortRun', distribution: { dist: 'triangular', min: -0.2, mode: -0.1, max: -0.05 } },
      { path: 'materials.0.demand.growthPerYear', label: 'materials.ndpr.demand.growthPerYear', distribution: { dist: 'uniform', min: 0.02, max: 0.06 } },
    ]);
  });
});

describe('loadScenario: extends', () => {
  const loaded = loadScenario(fixture('child.yaml'));
  const { spec } = loaded;

  it('merges maps key by key, the child winning', () => {
    expect(spec.name).toBe('child');
    expect(spec.years).toBe(8);
    expect(spec.description).toBe('');
    expect(spec.materials[0].demand.byRegion).toEqual({ US: 9000, CN: 40000 });
  });

  it('deletes keys set to null (then defaults apply)', () => {
    expect(spec.materials.map((m) => m.id)).toEqual(['ndpr']);
    expect(spec.materials[0].processing.yield).toBe(0.9);
    expect(spec.events.map((e) => e.id)).toEqual(['tariffs', 'quotaCut']);
    expect(spec.uncertainties.map((u) => u.label)).not.toContain('events.reserve.start');
  });

  it('lists the files of the chain, the named file first', () => {
    const chain = loadScenario(fixture('grandchild.yaml')).files.map((f) => f.split('/').pop());
    expect(chain).toEqual(['grandchild.yaml', 'child.yaml', 'minimal.yaml']);
  });

  it('keeps a title to the file that sets it: a child without its own is not reported under its parent\'s, one with its own keeps it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-title-'));
    copyFileSync(fixture('minimal.yaml'), join(dir, 'minimal.yaml'));
    writeFileSync(join(dir, 'parent.yaml'), 'extends: minimal.yaml\nname: parent\ntitle: "Parent\'s quota"\n');
    writeFileSync(join(dir, 'untitled.yaml'), 'extends: parent.yaml\nname: untitled\n');
    writeFileSync(join(dir, 'titled.yaml'), 'extends: parent.yaml\nname: titled\ntitle: 60-day stockpile\n');
    expect(loadScenario(join(dir, 'parent.yaml')).resolvedYaml).toMatch(/^title: Parent's quota$/m);
    expect(loadScenario(join(dir, 'untitled.yaml')).resolvedYaml).not.toMatch(/^title:/m);
    expect(loadScenario(join(dir, 'titled.yaml')).resolvedYaml).toMatch(/^title: 60-day stockpile$/m);
    // …and gives it beside the spec, for the compare command's terminal table.
    expect([loadScenario(join(dir, 'parent.yaml')).title, loadScenario(join(dir, 'untitled.yaml')).title, loadScenario(join(dir, 'titled.yaml')).title])
      .toEqual(["Parent's quota", undefined, '60-day stockpile']);
  });

  it('keeps a description to the file that sets it: a child without its own has none ("no disruption" is not inherited by a cut)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-description-'));
    copyFileSync(fixture('minimal.yaml'), join(dir, 'minimal.yaml'));
    writeFileSync(join(dir, 'cut.yaml'), 'extends: minimal.yaml\nname: cut\n');
    writeFileSync(join(dir, 'described.yaml'), 'extends: minimal.yaml\nname: described\ndescription: A cut of the quota.\n');
    const cut = loadScenario(join(dir, 'cut.yaml'));
    expect(cut.resolvedYaml).not.toMatch(/^description:/m);
    expect(cut.spec.description).toBe('');
    expect(cut.warnings).toEqual([]);
    expect(loadScenario(join(dir, 'described.yaml')).resolvedYaml).toMatch(/^description: A cut of the quota\.$/m);
    expect(loadScenario(join(dir, 'minimal.yaml')).spec.description).toBe('Two regions, one material, one export control.');
  });

  it('names a child without its own name after its file, not after its parent (audit 25, M5)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-name-'));
    copyFileSync(fixture('minimal.yaml'), join(dir, 'minimal.yaml'));
    writeFileSync(join(dir, 'deeper-cut.yaml'), 'extends: minimal.yaml\nevents:\n  quotaCut: { quotaShare: 20% }\n');
    const variant = loadScenario(join(dir, 'deeper-cut.yaml'));
    expect(variant.spec.name).toBe('deeper-cut');
    expect(variant.resolvedYaml).toMatch(/^name: deeper-cut$/m);
    writeFileSync(join(dir, 'named.yaml'), 'extends: minimal.yaml\nname: my-name\n');
    expect(loadScenario(join(dir, 'named.yaml')).spec.name).toBe('my-name');
  });

  it('refuses a key: null that deletes nothing it was meant for: a misspelt event id, a key close to one the map holds (audit 25, H1)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-null-'));
    copyFileSync(fixture('minimal.yaml'), join(dir, 'minimal.yaml'));
    writeFileSync(join(dir, 'typo.yaml'), 'extends: minimal.yaml\nname: typo\nevents:\n  quotaCutt: null\nbehaviour:\n  priceWarRsk: null\n');
    const problems = problemsOf(join(dir, 'typo.yaml'));
    expect(problems.map((p) => [p.line, p.path, p.expected])).toEqual([
      [4, 'events.quotaCutt', 'an inherited key to delete'], [6, 'behaviour.priceWarRsk', 'an inherited key to delete'],
    ]);
    expect(problems[0].message).toBe('no event "quotaCutt" in minimal.yaml to delete; did you mean "quotaCut"?');
    expect(problems[1].message).toContain('did you mean "priceWarRisk"?');
    // The right id deletes; a null for a key the parent does not write, whose default then applies, is no mistake.
    // A key the event may hold, whatever its neighbours are called (review 25, H1: `exporters: null` drew "did you mean importer?").
    writeFileSync(join(dir, 'fine.yaml'), 'extends: minimal.yaml\nname: fine\nevents:\n  quotaCut: null\n  reserve: { announced: null }\n' +
      '  duty: { kind: tariff, material: ndpr, stage: processing, importer: US, exporters: null, rate: 25%, start: 2026-01, reversible: false }\n');
    expect(loadScenario(join(dir, 'fine.yaml')).spec.events.map((e) => e.kind).sort()).toEqual(['stockpile', 'tariff']);
  });

  it('says a required key deleted with null (~) is missing because of the null, not that it holds the text "null" (review 25, L8)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-null-'));
    copyFileSync(fixture('minimal.yaml'), join(dir, 'minimal.yaml'));
    writeFileSync(join(dir, 'gone.yaml'), 'extends: minimal.yaml\nname: gone\nevents:\n  quotaCut:\n    exporter: null\n    material: ~\n');
    expect(problemsOf(join(dir, 'gone.yaml')).map((p) => [p.path, p.found])).toEqual([
      ['events.quotaCut.exporter', 'nothing: null removed it'], ['events.quotaCut.material', 'nothing: null removed it'],
    ]);
  });

  it('refuses a child that changes an inherited event\'s kind, at its kind, and reads the event as the child wrote it (audit 25, M4)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-rekind-'));
    copyFileSync(fixture('minimal.yaml'), join(dir, 'minimal.yaml'));
    writeFileSync(join(dir, 'tariff.yaml'), 'extends: minimal.yaml\nname: tariff\nevents:\n  quotaCut:\n    kind: tariff\n    material: ndpr\n    stage: processing\n    importer: US\n    rate: 25%\n    start: 2026-01\n');
    const problems = problemsOf(join(dir, 'tariff.yaml'));
    expect(problems.map((p) => [p.file.endsWith('tariff.yaml'), p.line, p.path, p.expected])).toEqual([[true, 5, 'events.quotaCut.kind', 'the kind of the inherited event ("exportControl")']]);
    expect(problems[0].message).toContain('delete it with `quotaCut: null` and give the new event an id of its own');
  });

  it('reports a changed kind alone, not the keys the child\'s event then lacks (user audit, session 28: five "required key" errors came first)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-rekind-'));
    copyFileSync(fixture('minimal.yaml'), join(dir, 'minimal.yaml'));
    writeFileSync(join(dir, 'bare.yaml'), 'extends: minimal.yaml\nname: bare\nevents:\n  quotaCut:\n    kind: subsidy\n  typo: { kind: tariff, materal: ndpr }\n');
    const paths = problemsOf(join(dir, 'bare.yaml')).map((p) => p.path);
    expect(paths).toContain('events.quotaCut.kind');
    expect(paths.filter((path) => path.startsWith('events.quotaCut.'))).toEqual(['events.quotaCut.kind']);
    expect(paths).toContain('events.typo.materal'); // other events' problems are still said
  });

  it('refuses reversible: true on a threat: only the home government\'s elections are modelled, and they would end another state\'s control (audit 25, M6)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-reversible-'));
    copyFileSync(fixture('minimal.yaml'), join(dir, 'minimal.yaml'));
    writeFileSync(join(dir, 'lifted.yaml'), 'extends: minimal.yaml\nname: lifted\nevents:\n  quotaCut: { reversible: true }\n  reserve: { reversible: true }\n');
    const problems = problemsOf(join(dir, 'lifted.yaml'));
    expect(problems.map((p) => [p.line, p.path, p.found])).toEqual([[4, 'events.quotaCut.reversible', 'true on "exportControl"']]);
    expect(problems[0].message).toContain('for an uncertain end, draw end from a distribution');
  });

  it('changes only the parameters a map without dist: names over an inherited distribution, as --set does (audit 25, L7)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-dist-merge-'));
    copyFileSync(fixture('minimal.yaml'), join(dir, 'minimal.yaml'));
    writeFileSync(join(dir, 'law.yaml'), 'extends: minimal.yaml\nname: law\nmaterials:\n  ndpr:\n    demand:\n      growthPerYear: { dist: triangular, min: 2%, mode: 4%, max: 8% }\n');
    writeFileSync(join(dir, 'wider.yaml'), 'extends: law.yaml\nname: wider\nmaterials:\n  ndpr:\n    demand:\n      growthPerYear: { max: 12% }\n');
    writeFileSync(join(dir, 'other.yaml'), 'extends: law.yaml\nname: other\nmaterials:\n  ndpr:\n    demand:\n      growthPerYear: { dist: uniform, min: 1%, max: 3% }\n');
    const law = (file: string) => loadScenario(join(dir, file)).spec.uncertainties.find((u) => u.label === 'materials.ndpr.demand.growthPerYear')?.distribution;
    expect(law('wider.yaml')).toEqual({ dist: 'triangular', min: 0.02, mode: 0.04, max: 0.12 });
    expect(law('other.yaml')).toEqual({ dist: 'uniform', min: 0.01, max: 0.03 });
  });

  it('says an error located in a parent is inherited by the file that was named (audit 25, M4)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-inherited-'));
    copyFileSync(fixture('minimal.yaml'), join(dir, 'minimal.yaml'));
    writeFileSync(join(dir, 'ban.yaml'), 'extends: minimal.yaml\nname: ban\nevents:\n  quotaCut: { mode: ban }\n');
    const [problem] = problemsOf(join(dir, 'ban.yaml'));
    expect(problem).toMatchObject({ path: 'events.quotaCut.quotaShare' });
    expect(problem.file.endsWith('minimal.yaml')).toBe(true);
    expect(problem.message).toContain('inherited by ban.yaml, which extends this file: a key there overrides it (null removes it)');
  });

  it('refuses a key with no colon in a { } map: the rest of a value cut at a comma, which the loader used to drop as a null', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-flow-comma-'));
    copyFileSync(fixture('minimal.yaml'), join(dir, 'minimal.yaml'));
    writeFileSync(join(dir, 'named.yaml'), 'extends: minimal.yaml\nname: named\nregions:\n  AU: { name: Japan, Korea, alignment: ally }\n');
    const problems = problemsOf(join(dir, 'named.yaml'));
    expect(problems.map((p) => [p.line, p.column, p.path, p.found])).toEqual([[4, 22, 'regions.AU.Korea', '"Korea" with no colon and no value']]);
    writeFileSync(join(dir, 'quoted.yaml'), 'extends: minimal.yaml\nname: quoted\nregions:\n  AU: { name: "Japan, Korea", alignment: ally, source: null }\n');
    expect(loadScenario(join(dir, 'quoted.yaml')).spec.regions.find((r) => r.id === 'AU')?.name).toBe('Japan, Korea');
    // An explicit key `? source` is a null written on purpose (review 25, L3): dropped as any null, not refused.
    writeFileSync(join(dir, 'explicit.yaml'), 'extends: minimal.yaml\nname: explicit\nregions:\n  AU: { name: Japan, alignment: ally, ? source }\n');
    expect(loadScenario(join(dir, 'explicit.yaml')).spec.regions.find((r) => r.id === 'AU')?.name).toBe('Japan');
  });

  it('points a kindless event whose id is close to an inherited one at that event: a misspelt override made a new event', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-override-typo-'));
    copyFileSync(fixture('minimal.yaml'), join(dir, 'minimal.yaml'));
    writeFileSync(join(dir, 'deeper.yaml'), 'extends: minimal.yaml\nname: deeper\nevents:\n  quotaCutt: { quotaShare: 20% }\n');
    const [problem] = problemsOf(join(dir, 'deeper.yaml'));
    expect(problem).toMatchObject({ line: 4, path: 'events.quotaCutt', expected: 'an inherited event id, or a new event with kind:', message: 'did you mean "quotaCut"? A new id makes a new event' });
  });

  it('refuses an event id: that contradicts its map key, which is the id (audit 25, L6)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-event-id-'));
    copyFileSync(fixture('minimal.yaml'), join(dir, 'minimal.yaml'));
    writeFileSync(join(dir, 'ids.yaml'), 'extends: minimal.yaml\nname: ids\nevents:\n  quotaCut: { id: otherCut }\n  reserve: { id: reserve }\n');
    expect(problemsOf(join(dir, 'ids.yaml')).map((p) => [p.line, p.path, p.found])).toEqual([[4, 'events.quotaCut.id', '"otherCut"']]);
  });

  it('refuses a title on several lines, empty or longer than 80 characters, at the title', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-title-'));
    copyFileSync(fixture('minimal.yaml'), join(dir, 'minimal.yaml'));
    const problemOf = (title: string) => {
      writeFileSync(join(dir, 'bad.yaml'), `extends: minimal.yaml\nname: bad\ntitle: ${JSON.stringify(title)}\n`);
      return problemsOf(join(dir, 'bad.yaml'))[0];
    };
    expect(problemOf('a\nb')).toMatchObject({ line: 3, path: 'title', expected: 'one line' });
    expect(problemOf('')).toMatchObject({ line: 3, path: 'title', expected: 'a non-empty title' });
    expect(problemOf('   ')).toMatchObject({ line: 3, path: 'title', expected: 'a title with some text' });
    expect(problemOf('a\u2028b')).toMatchObject({ line: 3, path: 'title', expected: 'one line' });
    expect(problemOf('x'.repeat(81))).toMatchObject({ line: 3, path: 'title', expected: 'a title of at most 80 characters' });
    expect(() => loadScenario(join(dir, 'minimal.yaml'))).not.toThrow();
  });

  it('reports a cycle at the extends key', () => {
    const [problem, ...rest] = problemsOf(fixture('cycleA.yaml'));
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ path: 'extends', line: 1, column: 10, expected: 'an extends chain without cycles' });
    expect(problem.found).toContain('cycleA.yaml → cycleB.yaml → cycleA.yaml');
  });

  it('locates an inherited mistake in the parent file', () => {
    const [problem] = problemsOf(fixture('badChild.yaml'));
    expect(problem).toMatchObject({ file: join(FIXTURES, 'badParent.yaml'), line: 10, column: 31, path: 'materials.ndpr.demand.byRegion.US' });
  });

  it('loads a scenario with a retired key, warning that it is ignored and what to write instead', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-scenario-'));
    copyFileSync(fixture('minimal.yaml'), join(dir, 'minimal.yaml'));
    writeFileSync(join(dir, 'old.yaml'), `name: old\nextends: minimal.yaml\ngovernment: { region: US, allies: [AU] }\nmaterials:\n  ndpr:\n    exploration: { referenceSpendUsdPerYear: 5e7 }\n`);
    const loaded = loadScenario(join(dir, 'old.yaml'));
    expect(loaded.warnings.map((w) => [w.path, w.line])).toEqual([['government.allies', 3], ['materials.ndpr.exploration.referenceSpendUsdPerYear', 6]]);
    expect(loaded.warnings[0].message).toContain('allied regions are the regions with alignment: ally');
    expect(loaded.warnings[1].message).toContain('exploration effort follows the concentrate price');
    expect(loaded.resolvedYaml).not.toMatch(/allies|referenceSpendUsdPerYear/);
    // Dropped, so the run is the one without them.
    const plain = loadScenario(join(dir, 'minimal.yaml'));
    expect(loaded.spec.materials).toEqual(plain.spec.materials);
  });

  it('reports a missing parent file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-scenario-'));
    writeFileSync(join(dir, 'orphan.yaml'), 'name: x\nextends: nowhere.yaml\n');
    const [problem] = problemsOf(join(dir, 'orphan.yaml'));
    expect(problem).toMatchObject({ line: 2, path: 'extends', expected: 'an existing scenario file', found: '"nowhere.yaml"' });
    // It says where it looked, and how a relative path resolves.
    expect(formatProblem(problem)).toBe(`${join(dir, 'orphan.yaml')}:2:10: extends: expected an existing scenario file, found "nowhere.yaml" (looked for ${join(dir, 'nowhere.yaml')}; extends paths are relative to this file's folder)`);
    writeFileSync(join(dir, 'absolute.yaml'), `name: x\nextends: ${join(dir, 'gone.yaml')}\n`);
    expect(formatProblem(problemsOf(join(dir, 'absolute.yaml'))[0])).toBe(`${join(dir, 'absolute.yaml')}:2:10: extends: expected an existing scenario file, found "${join(dir, 'gone.yaml')}" (looked for ${join(dir, 'gone.yaml')})`);
    // A long or multi-line path stays one line of bounded length.
    writeFileSync(join(dir, 'long.yaml'), `name: x\nextends: "${'x'.repeat(3000)}\\nb.yaml"\n`);
    const long = formatProblem(problemsOf(join(dir, 'long.yaml'))[0]);
    expect(long).not.toContain('\n');
    expect(long.length).toBeLessThan(700);
    expect(long).toContain(`(looked for ${join(dir, 'x')}`);
    // A folder named by extends is located at the child's extends line too, not at line 1 of the folder.
    mkdirSync(join(dir, 'parent'));
    writeFileSync(join(dir, 'folder.yaml'), 'name: x\nextends: parent\n');
    const [folder] = problemsOf(join(dir, 'folder.yaml'));
    expect(folder).toMatchObject({ file: join(dir, 'folder.yaml'), line: 2, path: 'extends', expected: 'a scenario file', found: 'a folder "parent"' });
  });
});

describe('loadScenario: --set', () => {
  it('overrides values by id path, with units and dates', () => {
    const { spec } = loadScenario(fixture('minimal.yaml'), {
      set: ['materials.ndpr.demand.growthPerYear=0.05', 'events.quotaCut.start=2027-01', 'materials.dy.mining.capacityByRegion.AU=3 kt/yr', 'events.quotaCut.destinations=[AU, US]'],
    });
    expect(spec.materials[0].demand.growthPerYear).toBe(0.05);
    expect(spec.uncertainties.map((u) => u.label)).not.toContain('materials.ndpr.demand.growthPerYear');
    const quota = spec.events.find((e) => e.id === 'quotaCut');
    expect(quota).toMatchObject({ start: 2, end: 3.5 });
    expect(spec.materials[1].mining.capacityByRegion).toEqual({ AU: 3000 });
    expect(quota).toMatchObject({ destinations: ['AU', 'US'] });
  });

  it('can set a distribution', () => {
    const { spec } = loadScenario(fixture('minimal.yaml'), { set: ['materials.ndpr.processing.yield={dist: discrete, values: [0.8, 0.9]}'] });
    expect(spec.materials[0].processing.yield).toBe(0.8);
    expect(spec.uncertainties.find((u) => u.label === 'materials.ndpr.processing.yield')).toMatchObject({ distribution: { dist: 'discrete', values: [0.8, 0.9] } });
  });

  it('refuses a distribution on years (the horizon is the same for every replicate)', () => {
    const [problem] = problemsOf(fixture('minimal.yaml'), ['years={dist: discrete, values: [5, 8]}']);
    expect(problem).toMatchObject({ path: 'years', found: 'a distribution', file: '--set #1 (years={dist: discrete, values: [5, 8]})' });
  });

  it('reports unknown paths naming the path, at --set line 0', () => {
    const problems = problemsOf(fixture('minimal.yaml'), ['materials.ndpx.demand.growthPerYear=0.05', 'materials.ndpr.demand.growthPerYr=0.05', 'nonsense']);
    expect(problems).toHaveLength(3);
    expect(problems.map((p) => p.file)).toEqual(['--set #1 (materials.ndpx.demand.growthPerYear=0.05)', '--set #2 (materials.ndpr.demand.growthPerYr=0.05)', '--set #3 (nonsense)']);
    expect(problems.every((p) => p.line === 0)).toBe(true);
    expect(problems.map((p) => p.usage === true)).toEqual([false, false, true]);
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining(['materials.ndpx.demand.growthPerYear', 'materials.ndpr.demand.growthPerYr']));
    expect(problems.find((p) => p.path.endsWith('growthPerYr'))?.message).toBe('did you mean "growthPerYear"?');
    expect(problems.find((p) => p.path.startsWith('materials.ndpx'))?.message).toContain('did you mean "ndpr"?');
  });

  it('fills reversible by who enacts a policy: the home region\'s (region, a tariff\'s importer, friend-shoring with home among the members), not an ally\'s', () => {
    const reversibleOf = (path: string) => new Map(loadScenario(path).spec.events.map((e) => [e.id, e.reversible]));
    const permitting = reversibleOf('scenarios/mitigation-permitting-reform.yaml');
    expect(permitting.get('usPermittingReform')).toBe(true);
    expect(permitting.get('alliesPermittingReform')).toBe(false);
    expect(reversibleOf('scenarios/mitigation-recycling-mandate.yaml').get('alliesMandateNdpr')).toBe(false);
    expect(reversibleOf('scenarios/mitigation-friend-shoring.yaml').get('usAlliesAgreement')).toBe(true);
    expect(reversibleOf('scenarios/mitigation-tariff-magnets.yaml').get('usTariffNdprMagnets')).toBe(true);
    expect(reversibleOf('scenarios/threat-export-quota.yaml').get('cnQuotaNdpr')).toBe(false);
    const forced = loadScenario('scenarios/mitigation-permitting-reform.yaml', { set: ['events.alliesPermittingReform.reversible=true'] }).spec.events;
    expect(forced.find((e) => e.id === 'alliesPermittingReform')?.reversible).toBe(true);
  });

  it('suggests the region whose name an id spells (CHINA: CN, "United Sates": US), besides typos of ids', () => {
    const problems = problemsOf('scenarios/threat-export-quota.yaml', ['events.cnQuotaNdpr.exporter=CHINA', 'government.region=United Sates', 'events.cnQuotaDy.exporter=Mars']);
    expect(problems.find((p) => p.path === 'events.cnQuotaNdpr.exporter')?.message).toBe('did you mean "CN"?');
    expect(problems.find((p) => p.path === 'government.region')?.message).toBe('did you mean "US"?');
    expect(problems.find((p) => p.path === 'events.cnQuotaDy.exporter')?.message ?? '').toBe('');
  });

  it('suggests the material a chemical symbol or a name spells (Ga: gallium, Dysprosium: dy, Co: cobalt), besides typos of ids', () => {
    const problems = problemsOf('scenarios/threat-export-quota.yaml', ['events.cnQuotaNdpr.material=Ga', 'events.cnQuotaDy.material=Dysprosium', 'events.cnQuotaNdprMagnets.material=Co', 'events.cnQuotaDyMagnets.material=unobtainium']);
    const hint = (event: string) => problems.find((p) => p.path === `events.${event}.material`)?.message ?? '';
    expect([hint('cnQuotaNdpr'), hint('cnQuotaDy'), hint('cnQuotaNdprMagnets'), hint('cnQuotaDyMagnets')]).toEqual(['did you mean "gallium"?', 'did you mean "dy"?', 'did you mean "cobalt"?', '']);
  });

  it('refuses a friend-shoring preference or a price cut of 100% (a cost cut to 0 would read as "cannot ship"), accepting 99%', () => {
    const shipped = 'scenarios/mitigation-friend-shoring.yaml';
    const [problem] = problemsOf(shipped, ['events.usAlliesAgreement.preference=100%']);
    expect(problem).toMatchObject({ path: 'events.usAlliesAgreement.preference', expected: 'a number ≥ 0 and < 1' });
    expect(loadScenario(shipped, { set: ['events.usAlliesAgreement.preference=99%'] }).spec.events.length).toBeGreaterThan(0);
    expect(problemsOf('scenarios/threat-price-manipulation.yaml', ['foreignActor.rules.priceWarCut=1'])[0]).toMatchObject({ path: 'foreignActor.rules.priceWarCut' });
  });

  it('reports a bad override value at --set', () => {
    const [problem] = problemsOf(fixture('minimal.yaml'), ['materials.ndpr.demand.growthPerYear=5 kt']);
    expect(problem).toMatchObject({ file: '--set #1 (materials.ndpr.demand.growthPerYear=5 kt)', line: 0, path: 'materials.ndpr.demand.growthPerYear', found: '"5 kt"' });
  });
});

describe('loadScenario: resolvedYaml and sha256', () => {
  it('is deterministic and independent of the file location', () => {
    const a = loadScenario(fixture('minimal.yaml'));
    const b = loadScenario(fixture('minimal.yaml'));
    expect(b.resolvedYaml).toBe(a.resolvedYaml);
    expect(b.sha256).toBe(a.sha256);
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    const dir = mkdtempSync(join(tmpdir(), 'crm-scenario-'));
    copyFileSync(fixture('minimal.yaml'), join(dir, 'copy.yaml'));
    expect(loadScenario(join(dir, 'copy.yaml')).sha256).toBe(a.sha256);
  });

  it('does not depend on key order within maps, and changes when a value changes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-scenario-'));
    const text = readFileSync(fixture('minimal.yaml'), 'utf8');
    writeFileSync(join(dir, 'reordered.yaml'), text.replace('startYear: 2025\nyears: 5\n', 'years: 5\nstartYear: 2025\n'));
    const base = loadScenario(fixture('minimal.yaml'));
    expect(loadScenario(join(dir, 'reordered.yaml')).sha256).toBe(base.sha256);
    expect(loadScenario(fixture('minimal.yaml'), { set: ['years=6'] }).sha256).not.toBe(base.sha256);
  });

  it('holds canonical plain numbers, defaults and distributions in place', () => {
    const { resolvedYaml } = loadScenario(fixture('minimal.yaml'));
    expect(resolvedYaml).toContain('CN: 70000');
    expect(resolvedYaml).toContain('ticksPerYear: 52');
    expect(resolvedYaml).toMatch(/elasticityShortRun:\n\s+dist: triangular/);
    expect(resolvedYaml).not.toContain('kt/yr');
    expect(resolvedYaml).not.toContain('extends');
  });
});
