import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveCitedSources } from '../../src/outputs/resolveCitedSources.ts';

const root = await mkdtemp(join(tmpdir(), 'crm-sources-'));
afterAll(() => rm(root, { recursive: true, force: true }));

describe('resolveCitedSources', () => {
  it('resolves the params.csv rows and episodes a scenario cites from ../shared/data of its repository', async () => {
    await mkdir(join(root, 'shared', 'data'), { recursive: true });
    await mkdir(join(root, 'repo', 'scenarios'), { recursive: true });
    await writeFile(join(root, 'shared', 'data', 'params.csv'), 'material,parameter,value,unit,year,source\n' +
      'rare_earths,china_export_quota_cut_2010_vs_2009,-40,%,2010,"Japan Metal Bulletin, p. 3"\n' +
      'rare_earths,china_share_mine_production (derived 270000/390000; 71 if 380000),69,%,2024,USGS MCS\n');
    await writeFile(join(root, 'shared', 'data', 'episodes.md'), '# Episodes\n\n## VC-1: Rare-earth quota cuts (2010–2015)\n');
    const spec = {
      events: [{ source: 'params.csv rare_earths,china_export_quota_cut_2010_vs_2009,2010 (-40%); episodes.md VC-1' }],
      materials: [{ demand: { source: 'params.csv lithium,missing_row,2024 (1 t); params.csv rare_earths,china_share_mine_production (derived 270000/390000),2024 (69%)' } }],
    };
    const sources = resolveCitedSources(spec, join(root, 'repo', 'scenarios', 'x.yaml'));
    expect(sources?.params).toEqual([
      { cited: 'rare_earths,china_export_quota_cut_2010_vs_2009,2010', found: true, value: '-40', unit: '%', source: 'Japan Metal Bulletin, p. 3' },
      { cited: 'lithium,missing_row,2024', found: false },
      // A citation may shorten the row's note in parentheses.
      { cited: 'rare_earths,china_share_mine_production (derived 270000/390000),2024', found: true, value: '69', unit: '%', source: 'USGS MCS' },
    ]);
    expect(sources?.episodes).toEqual([{ id: 'VC-1', found: true, title: 'Rare-earth quota cuts (2010–2015)' }]);
    expect(resolveCitedSources({ source: 'assumption' }, join(root, 'repo', 'scenarios', 'x.yaml'))).toBeUndefined();
  });
});
