import { escapeHtml } from './escapeHtml.ts';
import { REPORT_STYLES } from './reportStyles.ts';

/** A section of the report: anchor id, heading, and body HTML. */
export interface ReportSection {
  id: string;
  title: string;
  html: string;
}

/** The page's title block. */
export interface ReportHeading {
  title: string;
  /** One sentence under the title (plain text). */
  lead: string;
  /** Small print under the lead (plain text), e.g. what kind of folder and when it ran. */
  meta: string;
}

/**
 * Assembles the self-contained report page: inline CSS, the answer box (when given) right under
 * the title, a table of contents, and the sections.
 * No scripts, fonts, images or styles are loaded from anywhere: the page opens from a USB stick.
 *
 * @param heading - Title, lead sentence and small print.
 * @param sections - Sections in order (their HTML is trusted: built by the report modules).
 * @param answer - The answer box's HTML (trusted; renderAnswerBox), shown above the contents; '' for none.
 * @returns The HTML document.
 * @example
 * renderReportPage({ title: 'threat-export-quota', lead, meta }, sections, renderAnswerBox(context, summary, replicates, impact));
 */
export function renderReportPage(heading: ReportHeading, sections: readonly ReportSection[], answer = ''): string {
  const toc = sections.map((s) => `<li><a href="#${s.id}">${escapeHtml(s.title)}</a></li>`).join('');
  const body = sections.map((s) => `<section id="${s.id}" aria-labelledby="${s.id}-h">\n<h2 id="${s.id}-h">${escapeHtml(s.title)}</h2>\n${s.html}</section>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="crm-sim report">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(heading.title)} · crm-sim report</title>
<style>${REPORT_STYLES}</style>
</head>
<body>
<main>
<header>
<h1>${escapeHtml(heading.title)}</h1>
<p class="lead">${escapeHtml(heading.lead)}</p>
<p class="meta">${escapeHtml(heading.meta)}</p>
</header>
${answer}<nav class="toc" aria-label="Contents"><strong>Contents</strong><ol>${toc}</ol></nav>
${body}
</main>
</body>
</html>
`;
}
