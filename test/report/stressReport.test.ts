import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/buildReport.ts';
import { runCrmSim, shipped } from '../compare/smallScenario.ts';

let root: string;
beforeAll(async () => { root = await mkdtemp(join(tmpdir(), 'crm-stress-report-')); });
afterAll(async () => { await rm(root, { recursive: true, force: true }); });

/** The visible text of an HTML fragment, tags removed. */
const text = (html: string): string => html.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&');

describe('the stress report as a user reads it (audit 25, M1, M3, M4)', () => {
  it('answers first, ranks in a section of its own, discloses --strip-events and marks the removed events, and says which disruptions the horizon cut short', async () => {
    const out = join(root, 'strip');
    const result = runCrmSim(['stress', shipped('threat-export-quota'), '--strip-events', '--replicates', '2', '--workers', '0', '--years', '1',
      '--set', 'ticksPerYear=12', '--set', 'resolution.firmsPerCapacityCell=2', '--out', out, '--quiet']);
    expect(result.status).toBe(0);
    const { html } = await buildReport(out);
    // M1: an answer box above the contents, and the ranking as the contents' first section
    const answer = html.indexOf('Answer: which stage hurts most');
    expect(answer).toBeGreaterThan(0);
    expect(answer).toBeLessThan(html.indexOf('aria-label="Contents"'));
    const toc = [...html.matchAll(/<li><a href="#([^"]+)">/g)].map((m) => m[1]);
    expect(toc.slice(0, 2)).toEqual(['stress', 'threat']);
    expect(text(html)).toContain('By share of home demand left unmet: ');
    // M3: said in the heading, the answer and the ranking; the four quotas marked wherever the events are shown
    expect(html).toMatch(/<h1>[^<]*\(its own threat events removed\)<\/h1>/);
    expect(text(html)).toContain('Stressed without the scenario’s own threat events (--strip-events removed cnQuotaDy, cnQuotaDyMagnets, cnQuotaNdpr, cnQuotaNdprMagnets)');
    expect(text(html)).toContain('With the scenario’s own threat events removed (--strip-events: cnQuotaDy');
    const events = html.slice(html.indexOf('<table class="events">'));
    expect((events.match(/REMOVED in this stress test \(--strip-events\)/g) ?? []).length).toBe(4);
    // M4: each stage's standard disruption, and the 1-year horizon cutting the 1.5-year ones short
    const section = text(html.slice(html.indexOf('id="stress"'), html.indexOf('id="threat"')));
    expect(section).toContain('ban on China’s exports of components such as magnets to the United States (every material)');
    expect(section).toContain('cut short by the horizon: in force only 0.75 years of the 1 year run');
    expect(section).toContain('disinformation campaign in the United States');
  }, 120_000);
});
