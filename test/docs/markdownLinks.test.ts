import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every relative link in the project's Markdown (README.md, docs/, scenarios/README.md, deploy/)
 * must reach a file, and a link with `#anchor` a heading of that file, as GitHub renders them:
 * README's reference text moved to docs/commands.md, outputs.md and reports.md in session 37, and
 * a moved section otherwise leaves links that open a page at its top, or nowhere.
 */

/** GitHub's heading anchor: lower case, punctuation (but `-` and `_`) dropped, spaces to `-`. */
function headingAnchor(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
}

/** The anchors of a Markdown file's headings, a repeated one numbered `-1`, `-2` as GitHub does. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6}\s+(.*)$/.exec(line);
    if (heading === null) continue;
    const base = headingAnchor(heading[1]);
    const count = seen.get(base) ?? 0;
    anchors.add(count === 0 ? base : `${base}-${count}`);
    seen.set(base, count + 1);
  }
  return anchors;
}

/** Markdown files to check, relative to the repository root. */
function markdownFiles(): string[] {
  const inFolder = (folder: string): string[] => readdirSync(folder, { withFileTypes: true })
    .flatMap((entry) => entry.isDirectory() ? inFolder(join(folder, entry.name)) : entry.name.endsWith('.md') ? [join(folder, entry.name)] : []);
  return ['README.md', 'scenarios/README.md', ...inFolder('docs'), ...inFolder('deploy')];
}

/** Relative links `[text](target)` outside code spans and fences; web links and mail are not checked. */
function relativeLinks(markdown: string): string[] {
  const links: string[] = [];
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    if (fenced) continue;
    const prose = line.replace(/`[^`]*`/g, '');
    for (const match of prose.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (!/^[a-z]+:/i.test(match[1])) links.push(match[1]);
    }
  }
  return links;
}

describe('relative links in the Markdown files', () => {
  it('gives GitHub\'s anchors for headings with code and punctuation', () => {
    expect(headingAnchor('`sweep`: grid, Latin hypercube, tornado')).toBe('sweep-grid-latin-hypercube-tornado');
    expect(headingAnchor('Running at scale and when things fail')).toBe('running-at-scale-and-when-things-fail');
  });

  it('reach a file, and a heading where they name one', () => {
    const broken: string[] = [];
    for (const file of markdownFiles()) {
      const text = readFileSync(file, 'utf8');
      for (const link of relativeLinks(text)) {
        const [path, anchor] = link.split('#');
        const target = path === '' ? file : normalize(join(dirname(file), decodeURIComponent(path)));
        if (!existsSync(target)) { broken.push(`${file}: ${link} (no file ${target})`); continue; }
        if (anchor !== undefined && anchor !== '' && target.endsWith('.md') && !anchorsOf(readFileSync(target, 'utf8')).has(anchor)) {
          broken.push(`${file}: ${link} (no heading #${anchor} in ${target})`);
        }
      }
    }
    expect(broken).toEqual([]);
  });
});
