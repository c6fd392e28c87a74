import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/loadScenario.ts';
import { formatProblem, type ScenarioError } from '../../src/scenario/scenarioError.ts';

/** The problems a load of `file` throws, formatted. */
function problemsIn(file: string, set: string[]): string[] {
  try {
    loadScenario(file, { set });
  } catch (error) {
    return (error as ScenarioError).problems.map(formatProblem);
  }
  return [];
}

/** The problems a load of the baseline throws, formatted. */
function problems(set: string[]): string[] {
  return problemsIn('scenarios/baseline.yaml', set);
}

describe('a problem in the file caused by an override', () => {
  it('is located at the key in the file and names the overrides applied', () => {
    const [problem] = problems(['regions.US.alignment=adversary']);
    expect(problem).toMatch(/^scenarios\/baseline\.yaml:\d+:\d+: government\.region: expected a region with alignment home, found "US".*with --set #1 \(regions\.US\.alignment=adversary\) applied\)$/);
  });

  it('names at most three overrides, and leaves problems located at an override as they were', () => {
    const many = ['years=3', 'ticksPerYear=12', 'resolution.firmsPerCapacityCell=2', 'resolution.firmsPerCapacityCell=3', 'regions.US.alignment=adversary'];
    expect(problems(many)[0]).toMatch(/with --set #1 \(years=3\), --set #2 \(ticksPerYear=12\), --set #3 \(resolution\.firmsPerCapacityCell=2\) and 2 more overrides applied\)$/);
    expect(problems(['years=abc'])[0]).toMatch(/^--set #1 \(years=abc\): years: expected a duration/);
    expect(problems(['years=abc'])[0]).not.toContain('applied');
  });
});

describe('an override without its top-level key', () => {
  it('suggests the full path when the first segment is an event, material or region id, or a child of a top-level map', () => {
    expect(problemsIn('scenarios/threat-export-quota.yaml', ['cnQuotaNdpr.quotaShare=0.3'])).toEqual([
      '--set #1 (cnQuotaNdpr.quotaShare=0.3): cnQuotaNdpr: expected a known key, found "cnQuotaNdpr" (did you mean "events.cnQuotaNdpr.quotaShare"?)',
    ]);
    expect(problemsIn('scenarios/threat-export-quota.yaml', ['events.cnQuotaNdpr.quotaShare=0.3'])).toEqual([]);
    // An id the scenario does not have is left to the schema.
    expect(problems(['cut.quotaShare=0.3'])).toEqual(['--set #1 (cut.quotaShare=0.3): cut: expected a known key, found "cut"']);
    expect(problems(['ndpr.demand.growthPerYear=0.05'])).toEqual([
      '--set #1 (ndpr.demand.growthPerYear=0.05): ndpr: expected a known key, found "ndpr" (did you mean "materials.ndpr.demand.growthPerYear"?)',
    ]);
    expect(problems(['electionEveryYears=2'])).toEqual([
      '--set #1 (electionEveryYears=2): electionEveryYears: expected a known key, found "electionEveryYears" (did you mean "government.electionEveryYears"?)',
    ]);
    // A typo of a top-level key keeps the schema's did-you-mean; a known key is not second-guessed.
    expect(problems(['yeras=3'])).toEqual(['--set #1 (yeras=3): yeras: expected a known key, found "yeras" (did you mean "years"?)']);
    expect(problems(['years=3'])).toEqual([]);
  });
});

describe('a text override that YAML reads as a map or list', () => {
  it('refuses to remove an event, material or region that is not there, with a guess; unsetting an unwritten key stays allowed', () => {
    expect(problemsIn('scenarios/threat-export-quota.yaml', ['events.cnQuotaNdprMagnet=null'])).toEqual([
      '--set #1 (events.cnQuotaNdprMagnet=null): events.cnQuotaNdprMagnet: expected an existing path, found "events.cnQuotaNdprMagnet" (no event "cnQuotaNdprMagnet" to delete; did you mean "cnQuotaNdprMagnets"?)',
    ]);
    expect(problems(['materials.ndpx=null'])[0]).toContain('no material "ndpx" to delete; did you mean "ndpr"?');
    expect(problemsIn('scenarios/threat-export-quota.yaml', ['events.cnQuotaNdprMagnets=null'])).toEqual([]);
    expect(problems(['behaviour.priceWarRisk=null'])).toEqual([]);
  });

  it('says how to quote it (--set \'description=a: b\' is a map)', () => {
    expect(problems(['description=a: b'])).toEqual([
      `--set #1 (description=a: b): description: expected a string, found a map (to give it as text, quote the value inside the shell's quotes: 'description="a: b"')`,
    ]);
    expect(problems(['description=[a, b]'])[0]).toContain(`found a list (to give it as text, quote the value inside the shell's quotes: 'description="[a, b]"')`);
    expect(problems(['description="a: b"'])).toEqual([]);
    // A long or multi-line value is not repeated in the hint (the message stays one line).
    expect(problems([`description=k:\n  - ${'x'.repeat(60)}`])[0]).toMatch(/found a map \(to give it as text, quote the value inside the shell's quotes: 'description="…"'\)$/);
  });

  it('gives no such hint where a map or list was not written by an override, or a string is not expected', () => {
    expect(problems(['years=[1, 2]'])[0]).not.toContain('quote');
    // A long single-line value is not repeated either (the cap, apart from the control-character rule).
    expect(problems([`description=k: ${'x'.repeat(2000)}`])[0]).toMatch(/quote the value inside the shell's quotes: 'description="…"'\)$/);
    // An apostrophe would end the shell's single quotes: it is written '\'' there.
    expect(problems(["description=it's: b"])[0]).toContain(`quote the value inside the shell's quotes: 'description="it'\\''s: b"')`);
  });
});
